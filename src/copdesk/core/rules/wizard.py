"""The ordered steps of a report and what is done in each. The window only renders these.

Steps, in order: the header; per subscribed chapter, the chapter, then each subscribed commitment followed
by its subscribed measures; then the Crisis and Elections Response and each of its sub-sections.
A step's status is one of EMPTY, IN_PROGRESS, COMPLETE or CARRIED (holds answers carried over from the
previous period that nobody has reviewed yet). Status words are always shown with their icon: never colour
alone.
"""

from __future__ import annotations

import re

from copdesk.core.template import codes
from copdesk.core.records import record
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
from copdesk.core.text import is_blank
from copdesk.core.rules.validate import required_codes

EMPTY, IN_PROGRESS, COMPLETE, CARRIED = "empty", "in progress", "complete", "carried over, to review"
HEADER, CRISIS = "header", "crisis"


@record
class Step:
    key: str  # "header", "Chapter IV", "Commitment 14", "Measure 14.1", "crisis", "Crisis 1"
    kind: str  # header, chapter, commitment, measure, crisis, crisis_section
    label: str
    parent: str = ""
    codes: tuple[str, ...] = ()  # every answer code shown on this step


def steps(t: Template, data: ReportData) -> list[Step]:
    out = [Step(HEADER, "header", "Report header", codes=tuple(f.code for f in t.header))]
    for chapter in t.chapters:
        subscribed = [c for c in chapter.commitments if c.code in data.subscriptions]
        if not subscribed:
            continue
        out.append(Step(chapter.code, "chapter", chapter.title))
        for commitment in subscribed:
            out.append(Step(commitment.code, "commitment", commitment.code, chapter.code,
                            tuple(f"{commitment.code} {q.key}" for q in t.questions)))
            for m in commitment.measures:
                if m.code in data.subscriptions:
                    out.append(Step(m.code, "measure", m.code, commitment.code,
                                    (m.code,) + tuple(e.code for e in t.elements_for(m))))
    out.append(Step(CRISIS, "crisis", t.crisis.title))
    for s in data.crisis:
        parts = tuple(f"Crisis {s.id}/{p}" for p in codes.CRISIS_PARTS) + tuple(f"Crisis {s.id}/{i}" for i in s.items)
        out.append(Step(f"Crisis {s.id}", "crisis_section", s.title or f"Sub-section {s.id}", CRISIS, parts))
    return out


def step_of(code: str) -> str:
    """The key of the step that shows answer `code`."""
    crisis = codes.split_crisis(code)
    if crisis:
        return f"Crisis {crisis[0]}"
    if code.startswith("header."):
        return HEADER
    m = re.match(r"^(Commitment \d+) Q\d$", code)
    if m:
        return m.group(1)
    m = re.match(r"^(?:QRE|SLI) (\d+\.\d+)\.\d+$", code)
    return f"Measure {m.group(1)}" if m else code


def _answered(data: ReportData, code: str) -> bool:
    return not is_blank(data.text(code)) or bool(data.tables.get(code))


def statuses(t: Template, data: ReportData, all_steps: list[Step] | None = None) -> dict[str, str]:
    """Status of every step, by key; chapters and the crisis section summarise their children."""
    all_steps = steps(t, data) if all_steps is None else all_steps
    required = set(required_codes(t, data))
    out = {s.key: step_status(data, s.codes, required) for s in all_steps if s.codes}
    children: dict[str, list[str]] = {s.key: [] for s in all_steps if not s.codes}
    for key, chain in ancestors(all_steps).items():
        if key in out:
            for a in chain:
                if a in children:
                    children[a].append(out[key])
    out.update({key: combine(found) for key, found in children.items()})
    return out


def step_status(data: ReportData, step_codes: tuple[str, ...], required: set[str]) -> str:
    """The status of one step showing `step_codes` (`required`: set(required_codes(...)))."""
    answered = [c for c in step_codes if _answered(data, c)]
    if any(data.answers.get(c) and data.answers[c].status == "carried" for c in answered):
        return CARRIED
    needed = [c for c in step_codes if c in required]
    if needed and all(c in answered for c in needed):
        return COMPLETE
    if not needed and answered:
        return COMPLETE
    return IN_PROGRESS if answered else EMPTY


def ancestors(all_steps: list[Step]) -> dict[str, list[str]]:
    """Every step's chain of parents, nearest first (one pass, so a platform report stays fast)."""
    parents = {s.key: s.parent for s in all_steps}
    out: dict[str, list[str]] = {}
    for s in all_steps:
        chain, key = [], s.parent
        while key:
            chain.append(key)
            key = parents.get(key, "")
        out[s.key] = chain
    return out


def combine(children: list[str]) -> str:
    """A parent's status from its leaf steps' statuses."""
    if not children:
        return EMPTY
    if CARRIED in children:
        return CARRIED
    if all(c == COMPLETE for c in children):
        return COMPLETE
    return EMPTY if all(c == EMPTY for c in children) else IN_PROGRESS


def progress(t: Template, data: ReportData, all_steps: list[Step] | None = None,
             st: dict[str, str] | None = None) -> dict[str, tuple[int, int]]:
    """(complete, total) leaf steps per chapter key, and for the whole report under key ''."""
    all_steps = steps(t, data) if all_steps is None else all_steps
    st = statuses(t, data, all_steps) if st is None else st
    out: dict[str, list[int]] = {s.key: [0, 0] for s in all_steps if s.kind == "chapter"}
    out[""] = [0, 0]
    leaves = {s.key for s in all_steps if s.codes}
    for key, chain in ancestors(all_steps).items():
        if key not in leaves:
            continue
        for a in chain + [""]:
            if a in out:
                out[a][0] += st[key] == COMPLETE
                out[a][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def next_incomplete(t: Template, data: ReportData, after: str) -> str | None:
    """The first leaf step after `after` (wrapping around) that is not complete."""
    st = statuses(t, data)
    leaves = [s.key for s in steps(t, data) if s.codes]
    if not leaves:
        return None
    start = leaves.index(after) + 1 if after in leaves else 0
    for key in leaves[start:] + leaves[:start]:
        if st[key] != COMPLETE:
            return key
    return None
