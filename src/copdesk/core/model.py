"""The plain data of a report: answers, crisis sub-sections and whole-report snapshots (no I/O)."""

from __future__ import annotations

import getpass
from dataclasses import field
from datetime import datetime, timezone

from copdesk.core.records import record

Grid = list[list[str | None]]  # a table: rows of cells, None where a cell was never typed


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@record
class Answer:
    code: str
    text: str
    format: str = "markdown"
    status: str = ""  # "" or "carried" (carried over from the previous period, to review)
    updated_at: str = ""
    updated_by: str = ""


@record
class CrisisSection:
    id: int
    position: int
    title: str
    items: tuple[str, ...]  # codes of chapters, measures and elements shown, in template order


@record
class ReportData:
    """A plain, immutable snapshot of a whole report: what validation, export and worker threads get."""

    meta: dict[str, str]
    answers: dict[str, Answer]
    tables: dict[str, Grid]
    subscriptions: frozenset[str]
    crisis: tuple[CrisisSection, ...]
    history: tuple[dict, ...] = ()
    # Rows of every other table (review comments and statuses, versions, the carried-over baseline, merge
    # choices), by table name: what a lossless copy of the file needs beyond the answers.
    extras: dict[str, list[dict]] = field(default_factory=dict)
    # The last history row when the snapshot was taken: (id, time). A Word export records it, so a reviewed
    # copy coming back is compared with the state it showed (review_import).
    last_change: tuple[int, str] = (0, "")

    def text(self, code: str) -> str:
        answer = self.answers.get(code)
        return answer.text if answer else ""


def _grid(rows: list[tuple[int, int, str]]) -> Grid:
    """Cells (row, col, value) as a rectangular grid; None where nothing was typed."""
    if not rows:
        return []
    width = max(c for _, c, _ in rows) + 1
    grid: Grid = [[None] * width for _ in range(max(r for r, _, _ in rows) + 1)]
    for r, c, v in rows:
        grid[r][c] = v
    return grid


def _trim(grid: Grid) -> list[tuple[int, int, str]]:
    return [(r, c, v) for r, row in enumerate(grid) for c, v in enumerate(row) if v is not None]
