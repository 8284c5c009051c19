"""Suggested changes from a reviewed Word document (review_import), waiting for the author: accept or reject.

A suggestion holds the whole answer as the reviewer left it (`cell` ""), one table cell ("row,col") or a
whole table ("table", as JSON). Accepting writes it into the report like any edit (history included);
rejecting keeps the author's text. Settled suggestions stay in the file (state accepted or rejected), so
bringing the same document back again does not ask twice. `reopen` undoes a decision (the window's undo).
"""

from __future__ import annotations

import json

from copdesk.core.review.diff import redline
from copdesk.core.errors import InputError
from copdesk.core.records import record
from copdesk.core.report.open_file import Report
from copdesk.core.model import now

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
TABLE = "table"


@record
class Suggestion:
    id: str
    code: str
    cell: str  # "" (the answer's text), "row,col" (one cell) or "table" (the whole table, JSON)
    base: str | None  # the value in the exported document
    text: str | None  # the value the reviewer left; None: removed
    author: str
    at: str
    tracked: int  # 1: tracked changes in Word, 0: found by comparing with the export
    changes: int  # insertions and deletions it holds
    source: str  # the reviewed document's file name
    state: str
    settled_by: str
    settled_at: str

    @property
    def anchor(self) -> str:
        return f"{self.code} cell {self.cell}" if self.cell and self.cell != TABLE else (
            f"{self.code} (table)" if self.cell == TABLE else self.code)


def all_suggestions(report: Report, state: str | None = None) -> list[Suggestion]:
    return [Suggestion(**row) for row in report.suggestion_rows(state)]


def pending(report: Report) -> list[Suggestion]:
    return all_suggestions(report, PENDING)


def current_value(report: Report, s: Suggestion) -> str | None:
    """What the report holds now where `s` would go (text, a cell's value, or the table as JSON)."""
    if s.cell == TABLE:
        grid = report.table(s.code)
        return json.dumps(grid, ensure_ascii=False) if grid else None
    if s.cell:
        r, c = _cell(s.cell)
        grid = report.table(s.code)
        return grid[r][c] if r < len(grid) and c < len(grid[r]) else None
    answer = report.get(s.code)
    return answer.text if answer else None


def _cell(cell: str) -> tuple[int, int]:
    r, c = cell.split(",")
    return int(r), int(c)


def write_value(report: Report, code: str, cell: str, value: str | None) -> None:
    if cell == TABLE:
        report.set_table(code, json.loads(value) if value else [])
    elif cell:
        r, c = _cell(cell)
        report.set_cell(code, r, c, value if value else None)
    elif value is None:
        report.clear(code)
    else:
        report.set_text(code, value)


def _get(report: Report, ids: list[str]) -> list[Suggestion]:
    found = {s.id: s for s in all_suggestions(report)}
    missing = [i for i in ids if i not in found]
    if missing:
        raise InputError(f"No suggestion {missing[0]} in {report.path.name}.")
    return [found[i] for i in ids]


def accept(report: Report, ids: list[str], who: str) -> list[tuple[str, str | None]]:
    """Write the suggestions into the report, in one transaction; returns (id, value before) for `reopen`."""
    chosen = [s for s in _get(report, ids) if s.state == PENDING]
    before = []
    with report.atomic():
        for s in chosen:
            before.append((s.id, current_value(report, s)))
            write_value(report, s.code, s.cell, s.text)
            _settle(report, s, ACCEPTED, who)
    return before


def reject(report: Report, ids: list[str], who: str) -> list[tuple[str, str | None]]:
    """Keep the author's text; the suggestion stays in the file as rejected."""
    chosen = [s for s in _get(report, ids) if s.state == PENDING]
    with report.atomic():
        for s in chosen:
            _settle(report, s, REJECTED, who)
    return [(s.id, None) for s in chosen]


def reopen(report: Report, undo: list[tuple[str, str | None]], accepted: bool) -> None:
    """Undo `accept` (values put back as they were) or `reject`: the suggestions are pending again."""
    by_id = {s.id: s for s in _get(report, [i for i, _ in undo])}
    with report.atomic():
        for sid, value in reversed(undo):
            s = by_id[sid]
            if accepted:
                write_value(report, s.code, s.cell, value)
            report.set_suggestion_state(sid, s.code, PENDING, "", "", "reopened")


def _settle(report: Report, s: Suggestion, state: str, who: str) -> None:
    report.set_suggestion_state(s.id, s.code, state, who, now(), state)


def hunks(old: str, new: str) -> int:
    """How many separate changes (a deletion, an insertion, or one replacing the other) turn old into new."""
    count, inside = 0, False
    for op, _ in redline(old, new):
        if op != "=" and not inside:
            count += 1
        inside = op != "="
    return count


def marked(s: Suggestion, against: str | None = None) -> str:
    """The suggestion as text with [-deleted-] and {+inserted+} marks against `against` (default: its base)."""
    old = s.base if against is None else against
    if s.cell == TABLE:
        from copdesk.core.review.diff import table_changes
        return "; ".join(table_changes(old or "[]", s.text or "[]")) or "(same cells)"
    if s.cell:
        return f"{old or '—'} → {s.text or '—'}"
    return "".join(t if op == "=" else f"[-{t}-]" if op == "-" else f"{{+{t}+}}"
                   for op, t in redline(old or "", s.text or ""))
