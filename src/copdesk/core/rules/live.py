"""What a window shows about a report beside its pages (steps with status and progress, the checks), kept
up to date one change at a time. Plain data in, no I/O, no Qt.

Built once from a whole snapshot (`LiveReport(t, data)`: validation of every answer and table, the one
expensive part, which the window runs off its interface thread), then told what the file now holds for
the codes a save wrote (`apply`): only those codes and what depends on them are checked again (an answer,
the follow-up of a Yes/No question, the reporting period), only the statuses of the steps showing them and
of their parents are worked out again, and the result says what changed, so the window repaints that and
nothing else.
"""

from __future__ import annotations

from dataclasses import replace

from copdesk.core.template import codes as codes_mod
from copdesk.core.rules import wizard
from copdesk.core.model import Answer, Grid, ReportData
from copdesk.core.records import record
from copdesk.core.template.template import Template
from copdesk.core.rules.validate import Issue, code_issues, required_codes, touched_by, validate


@record
class Delta:
    """What an `apply` changed: steps whose status, progress or label changed; codes whose checks changed."""

    steps: tuple[str, ...]
    checks: tuple[str, ...]


def group(issues: list[Issue]) -> dict[str, list[Issue]]:
    out: dict[str, list[Issue]] = {}
    for issue in issues:
        out.setdefault(issue.code, []).append(issue)
    return out


class LiveReport:
    def __init__(self, t: Template, data: ReportData, issues: list[Issue] | None = None):
        """`issues`: validate(t, data) when already known (worked out off the interface thread)."""
        self.t, self.data = t, data
        self.steps = wizard.steps(t, data)
        self._index()
        self.required = set(required_codes(t, data))
        self.statuses = wizard.statuses(t, data, self.steps)
        self.progress = wizard.progress(t, data, self.steps, self.statuses)
        self.issues = group(validate(t, data) if issues is None else issues)

    def _index(self) -> None:
        self.by_key = {s.key: s for s in self.steps}
        self.ancestors = wizard.ancestors(self.steps)
        self.step_of_code = {c: s.key for s in self.steps for c in s.codes}
        self.leaves_under: dict[str, list[str]] = {}
        for s in self.steps:
            if s.codes:
                for a in self.ancestors[s.key] + [""]:
                    self.leaves_under.setdefault(a, []).append(s.key)
        self.children: dict[str, list[str]] = {}
        for s in self.steps:
            if s.parent:
                self.children.setdefault(s.parent, []).append(s.key)

    # -- one change at a time ----------------------------------------------------------------------
    def apply(self, answers: dict[str, Answer | None], tables: dict[str, Grid | None],
              meta: dict[str, str] | None = None) -> Delta:
        """The file now holds `answers` and `tables` (None: nothing) for these codes, and `meta` when given
        (a follow-up kept after a No is a decision kept there: core.rules.follow_ups). Re-check what they touch."""
        new_answers, new_tables = dict(self.data.answers), dict(self.data.tables)
        for code, answer in answers.items():
            if answer is None:
                new_answers.pop(code, None)
            else:
                new_answers[code] = answer
        for code, grid in tables.items():
            if grid:
                new_tables[code] = grid
            else:
                new_tables.pop(code, None)
        changed = list(dict.fromkeys(list(answers) + list(tables)))
        self.data = replace(self.data, answers=new_answers, tables=new_tables,
                            meta=self.data.meta if meta is None else dict(meta))
        steps = self._titles(changed)
        if any(c.endswith((" Q1", " Q3")) for c in changed):  # a Yes/No decides whether its follow-up is required
            self.required = set(required_codes(self.t, self.data))
        checks = []
        for code in dict.fromkeys(c for code in changed for c in touched_by(self.t, code)):
            issues = code_issues(self.t, self.data, code, self.required)
            if issues != self.issues.get(code, []):
                checks.append(code)
                if issues:
                    self.issues[code] = issues
                else:
                    self.issues.pop(code, None)
        leaves = {self.step_of_code[c] for code in changed for c in touched_by(self.t, code) if c in self.step_of_code}
        steps += self._statuses(leaves)
        return Delta(tuple(dict.fromkeys(steps)), tuple(checks))

    def _titles(self, changed: list[str]) -> list[str]:
        """A sub-section's title is its step's label: the step follows it."""
        out = []
        for code in changed:
            crisis = codes_mod.split_crisis(code)
            if crisis and crisis[1] == "title" and f"Crisis {crisis[0]}" in self.by_key:
                sid = crisis[0]
                title = self.data.text(code)
                self.data = replace(self.data, crisis=tuple(replace(s, title=title) if s.id == sid else s
                                                            for s in self.data.crisis))
                key = f"Crisis {sid}"
                step = replace(self.by_key[key], label=title or f"Sub-section {sid}")
                self.steps = [step if s.key == key else s for s in self.steps]
                self.by_key[key] = step
                out.append(key)
        return out

    def _statuses(self, leaves: set[str]) -> list[str]:
        """Status of the leaf steps `leaves`, then of their parents; progress of the chapters above them."""
        out = []
        for key in leaves:
            status = wizard.step_status(self.data, self.by_key[key].codes, self.required)
            if status == self.statuses.get(key):
                continue
            self.statuses[key] = status
            out.append(key)
            for parent in self.ancestors[key]:
                if self.by_key[parent].codes:
                    continue  # a commitment has its own questions: its status is its own, not its measures'
                combined = wizard.combine([self.statuses[c] for c in self._leaf_children(parent)])
                if combined != self.statuses.get(parent):
                    self.statuses[parent] = combined
                    out.append(parent)
            for counted in self.ancestors[key] + [""]:
                if counted in self.progress:
                    under = self.leaves_under.get(counted, [])
                    progress = (sum(self.statuses[k] == wizard.COMPLETE for k in under), len(under))
                    if progress != self.progress[counted]:
                        self.progress[counted] = progress
                        out.append(counted)
        return out

    def _leaf_children(self, parent: str) -> list[str]:
        """The leaf steps a parent summarises (as wizard.statuses does: every leaf below it)."""
        return self.leaves_under.get(parent, [])

    # -- reading ------------------------------------------------------------------------------------
    def issue_list(self) -> list[Issue]:
        """Every issue, by item in report order (header, chapters, crisis), then items the template lacks."""
        order = {c: i for i, c in enumerate(c for s in self.steps for c in s.codes)}
        codes = sorted(self.issues, key=lambda c: (order.get(c, len(order)), c))
        return [issue for code in codes for issue in self.issues[code]]

    def next_incomplete(self, after: str) -> str | None:
        """The first leaf step after `after` (wrapping around) that is not complete."""
        leaves = [s.key for s in self.steps if s.codes]
        if not leaves:
            return None
        start = leaves.index(after) + 1 if after in leaves else 0
        return next((k for k in leaves[start:] + leaves[:start] if self.statuses[k] != wizard.COMPLETE), None)
