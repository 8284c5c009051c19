"""SLI tables: reading cells as numbers the way real reports write them, and checking a table.

Cells are always stored exactly as typed ("1,234", "12.5%", "-", "N/A"). This module only interprets
them, for checks and totals; it never rewrites them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from copdesk.core.errors import InputError
from copdesk.core.records import record
from copdesk.core.template.template import Template

MARKERS = {"", "-", "–", "—", "n/a", "na", "not available", "not applicable", "n.a.", "x", "*"}
_NUMBER = r"^[-+]?(\d+(\.\d*)?|\.\d+)$"  # compiled (and cached by re) at first use, not at start-up
_SPACES = r"[\s\u00a0\u202f\u2009']"


def is_marker(cell: str | None) -> bool:
    """True for an empty cell or an explicit 'no figure' mark ("-", "N/A", "N/A: not measured", ...)."""
    if cell is None:
        return True
    text = cell.strip().lower()
    return text in MARKERS or text.startswith(("n/a:", "n/a (", "not available:", "not available (", "n/a -"))


def not_available(reason: str) -> str:
    """The cell text for a figure that is not available, with its reason."""
    return f"N/A: {reason.strip()}" if reason.strip() else "N/A"


def parse_number(cell: str | None) -> float | None:
    """The number a cell holds ("1,234" -> 1234, "12.5%" -> 12.5, "€ 3.2" -> 3.2), else None."""
    if cell is None:
        return None
    return _number(cell)


@lru_cache(maxsize=65536)
def _number(cell: str) -> float | None:
    """Remembered: a table is checked again after every typed figure, and its other cells are as they were."""
    text = re.sub(_SPACES, "", cell.strip()).lstrip("€$£").rstrip("%")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    return float(text) if re.match(_NUMBER, text) else None


@record
class CellIssue:
    row: int
    col: int
    message: str


def check_table(t: Template, grid: list[list[str | None]]) -> list[CellIssue]:
    """Problems in a member-state table: unknown row labels, cells that are not numbers, wrong totals."""
    issues: list[CellIssue] = []
    if len(grid) < 2:
        return issues
    states = {s.lower() for s in t.member_states}
    totals = {s.lower(): s for s in t.total_rows}
    is_country_table = any((row[0] or "").strip().lower() in states for row in grid[1:] if row)
    sums: dict[int, float] = {}
    eu = {s.lower() for s in t.member_states[: t.eu_states]}
    total_rows = []
    for r, row in enumerate(grid[1:], start=1):
        label = (row[0] or "").strip().lower() if row else ""
        if is_country_table and label not in states and label not in totals and not label.startswith("total"):
            issues.append(CellIssue(r, 0, f"'{row[0]}' is not a member state of the template"))
        if label in totals or label.startswith("total"):
            total_rows.append((r, label))
        for c, cell in enumerate(row[1:], start=1):
            if is_marker(cell):
                continue
            value = parse_number(cell)
            if value is None:
                issues.append(CellIssue(r, c, f"'{cell}' is not a number (write a figure, or '-' / 'N/A')"))
            elif label in eu:
                sums[c] = sums.get(c, 0.0) + value
    for r, label in total_rows:
        if label != "total eu":
            continue  # only the EU total has a defined sum; "Total EEA" adds states reported apart
        for c, cell in enumerate(grid[r][1:], start=1):
            typed = parse_number(cell)
            if typed is not None and c in sums and abs(typed - sums[c]) > max(0.5, abs(sums[c]) * 0.001):
                issues.append(CellIssue(r, c, f"total {cell} does not match the sum of the member-state rows "
                                              f"({sums[c]:,.10g})"))
    return issues


def read_csv(text: str, source: str = "CSV") -> list[list[str | None]]:
    """Parse CSV text (comma, semicolon or tab separated) into a grid, cells kept as typed."""
    import csv  # here, not at the top: opening a window needs no CSV (start-up time)
    import io
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(f"{source} is empty.", "Give a CSV file with a header row and one row per member state.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [row for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise InputError(f"{source} is not valid CSV: {exc}.", "Check the quoting of cells.") from None
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return [[cell for cell in row] for row in rows]
