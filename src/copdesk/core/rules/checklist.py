"""The checks as a to-do list: grouped by chapter and item, in report order, each entry in words.

validate() says what is wrong in terms a command line can print ("missing  QRE 14.1.1: QRE 14.1.1 has no
answer"). A person working through a report wants the same facts where they will fix them: under
"Integrity of Services" › "Measure 14.1", the entry "QRE 14.1.1 is empty"; "Organisation description is
empty" rather than "header.description"; a table's wrong total as "Total EU / Items removed: …" rather
than "row 32, column 2". Each entry keeps the code (and table cell) a jump goes to.
"""

from __future__ import annotations

import re

from copdesk.core.template import codes
from copdesk.core.rules import wizard
from copdesk.core.records import record
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
from copdesk.core.rules.validate import Issue

SEVERITIES = ("missing", "invalid", "warning")  # the order entries of one item are listed in
_CELL = r"^row (\d+), column (\d+): (.*)$"


@record
class Entry:
    severity: str  # missing, invalid, warning
    target: str  # what a jump goes to: an answer code, or "CODE@row,col" for a table cell (grid indexes)
    text: str  # in words: "QRE 14.1.1 is empty"


@record
class Group:
    key: str  # the step that shows the item ("header", "Commitment 14", "Measure 14.1", "Crisis 1"), or ""
    label: str  # "Report header", "Commitment 14", "Measure 14.1", a crisis sub-section's title
    entries: tuple[Entry, ...]


@record
class Section:
    key: str  # the chapter's code ("Chapter III"), "header", "crisis", or "" for items the template lacks
    title: str
    groups: tuple[Group, ...]


def checklist(t: Template, data: ReportData, issues: list[Issue], steps: list[wizard.Step] | None = None
              ) -> list[Section]:
    """`issues` (from validate) grouped by chapter and item, in the order of the report (`steps`: the report's
    wizard.steps, when known already)."""
    steps = wizard.steps(t, data) if steps is None else steps
    order = {s.key: i for i, s in enumerate(steps)}
    labels = {s.key: s.label for s in steps}
    grouped: dict[str, list[Entry]] = {}
    for issue in issues:
        grouped.setdefault(_step(t, issue.code), []).append(entry(t, data, issue))
    sections: dict[str, list[Group]] = {}
    for key in sorted(grouped, key=lambda k: (order.get(k, len(order)), k)):
        entries = sorted(grouped[key], key=lambda e: SEVERITIES.index(e.severity))
        sections.setdefault(_section(t, key), []).append(Group(key, labels.get(key, key), tuple(entries)))
    return [Section(key, _section_title(t, key), tuple(groups)) for key, groups in sections.items()]


def section_of(t: Template, code: str) -> str:
    """The key of the section an issue about answer `code` is listed in (see Section.key)."""
    return _section(t, _step(t, code))


def _step(t: Template, code: str) -> str:
    step = wizard.step_of(code)
    return step if step in t.index or step == wizard.HEADER or codes.split_crisis(code) else ""


def _section(t: Template, step: str) -> str:
    if step in (wizard.HEADER, ""):
        return step
    if step.startswith("Crisis "):
        return wizard.CRISIS
    return t.chapter_of(step).code


def _section_title(t: Template, key: str) -> str:
    return {wizard.HEADER: "Report header", wizard.CRISIS: t.crisis.title,
            "": "Not in the template"}.get(key) or t.index[key].title


def name(t: Template, code: str) -> str:
    """What a person calls the answer `code`: "Organisation description", "Question 2", "QRE 14.1.1"."""
    crisis = codes.split_crisis(code)
    if crisis:
        part = crisis[1]
        return {"title": "Title", "threats": t.crisis.threats_label,
                "mitigations": t.crisis.mitigations_label}.get(part) or (
            f"Outline for {t.index[part].title}" if part.startswith("Chapter ") and part in t.index else part)
    if code.startswith("header."):
        field = t.header_field(code[7:])
        label = field.label if field else code
        return label[5].upper() + label[6:] if label.startswith("Your ") else label
    m = re.match(r"^Commitment \d+ Q(\d)$", code)
    if m:
        return f"Question {m.group(1)}"
    return f"Your answer to {code}" if code.startswith("Measure ") else code


_WORDS: dict[tuple[int, Issue], Entry] = {}  # entries not about a table cell, by template and issue


def entry(t: Template, data: ReportData, issue: Issue) -> Entry:
    """One issue in words, with where a jump goes (the checks are listed again after every save: an issue
    seen before is not worded again, unless it is about a table cell, whose labels may have changed)."""
    found = _WORDS.get((id(t), issue))
    if found is not None:
        return found
    made = _entry(t, data, issue)
    if "@" not in made.target:
        if len(_WORDS) > 20_000:
            _WORDS.clear()
        _WORDS[(id(t), issue)] = made
    return made


def _entry(t: Template, data: ReportData, issue: Issue) -> Entry:
    what = name(t, issue.code)
    if issue.severity == "missing":
        rest = issue.message.split(" has no answer", 1)[1] if " has no answer" in issue.message else ""
        question = _question_text(t, issue.code)
        return Entry("missing", issue.code, f"{what} is empty{rest}{question}")
    cell = re.match(_CELL, issue.message)
    grid = data.tables.get(issue.code) or []
    if cell and grid:
        row, col = int(cell.group(1)) - 1, int(cell.group(2)) - 1
        label = grid[row][0] if row < len(grid) and grid[row] else f"row {row + 1}"
        column = grid[0][col] if col < len(grid[0]) and grid[0][col] else f"column {col + 1}"
        return Entry(issue.severity, f"{issue.code}@{row},{col}", f"{what} table, {label} / {column}: {cell.group(3)}")
    return Entry(issue.severity, issue.code, f"{what}: {issue.message}")


def _question_text(t: Template, code: str) -> str:
    m = re.match(r"^Commitment \d+ (Q\d)$", code)
    question = t.question(m.group(1)) if m else None
    if question is None:
        return ""
    text = question.text if len(question.text) < 70 else question.text[:67].rsplit(" ", 1)[0] + "…"
    return f" (\u201c{text}\u201d)"


def counts(issues: list[Issue]) -> dict[str, int]:
    return {s: sum(i.severity == s for i in issues) for s in SEVERITIES}
