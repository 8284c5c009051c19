"""The ordered steps of a report and what is done in each. The window only renders these.

Steps, in order: the header; per subscribed chapter, the chapter, then each subscribed commitment followed
by its subscribed measures; then the Crisis and Elections Response and each of its sub-sections.
A step's status is one of EMPTY, IN_PROGRESS, COMPLETE or CARRIED (holds answers carried over from the
previous period that nobody has reviewed yet). Status words are always shown with their icon: never colour
alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copdesk.core import codes
from copdesk.core.report import ReportData
from copdesk.core.template import Template
from copdesk.core.text import is_blank
from copdesk.core.validate import required_codes

EMPTY, IN_PROGRESS, COMPLETE, CARRIED = "empty", "in progress", "complete", "carried over, to review"
HEADER, CRISIS = "header", "crisis"


@dataclass(frozen=True)
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
                                    (m.code,) + tuple(e.code for e in m.elements)))
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


def statuses(t: Template, data: ReportData) -> dict[str, str]:
    """Status of every step, by key; chapters and the crisis section summarise their children."""
    required = set(required_codes(t, data))
    out: dict[str, str] = {}
    all_steps = steps(t, data)
    for step in all_steps:
        if step.codes:
            out[step.key] = _status(data, step.codes, required)
    for step in all_steps:
        if not step.codes:
            children = [out[s.key] for s in all_steps if _under(all_steps, s, step.key) and s.codes]
            out[step.key] = _combine(children)
    return out


def _status(data: ReportData, step_codes: tuple[str, ...], required: set[str]) -> str:
    answered = [c for c in step_codes if _answered(data, c)]
    if any(data.answers.get(c) and data.answers[c].status == "carried" for c in answered):
        return CARRIED
    needed = [c for c in step_codes if c in required]
    if needed and all(c in answered for c in needed):
        return COMPLETE
    if not needed and answered:
        return COMPLETE
    return IN_PROGRESS if answered else EMPTY


def _under(all_steps: list[Step], step: Step, ancestor: str) -> bool:
    parents = {s.key: s.parent for s in all_steps}
    key = step.parent
    while key:
        if key == ancestor:
            return True
        key = parents.get(key, "")
    return False


def _combine(children: list[str]) -> str:
    if not children:
        return EMPTY
    if CARRIED in children:
        return CARRIED
    if all(c == COMPLETE for c in children):
        return COMPLETE
    return EMPTY if all(c == EMPTY for c in children) else IN_PROGRESS


def progress(t: Template, data: ReportData) -> dict[str, tuple[int, int]]:
    """(complete, total) leaf steps per chapter key, and for the whole report under key ''."""
    st = statuses(t, data)
    all_steps = steps(t, data)
    out: dict[str, tuple[int, int]] = {}
    leaves = [s for s in all_steps if s.codes]
    for step in [s for s in all_steps if s.kind == "chapter"]:
        mine = [s for s in leaves if _under(all_steps, s, step.key)]
        out[step.key] = (sum(st[s.key] == COMPLETE for s in mine), len(mine))
    out[""] = (sum(st[s.key] == COMPLETE for s in leaves), len(leaves))
    return out


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
