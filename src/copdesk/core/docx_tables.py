"""SLI tables as Word tables: fixed widths on every cell, a repeated header row, numbers right-aligned.

Cells are written exactly as typed ("1,234", "12.5%", "-", "N/A"); a cell nobody typed (None) and the
missing cells of a short row are written empty, so ragged tables keep their shape. Widths are set on the
grid and on every cell because Word and LibreOffice disagree about autofit (python-docx issues 75, 209,
360); "Total EU" / "Total EEA" rows are bold and shaded so the totals stand apart from the countries.
"""

from __future__ import annotations

import re

from lxml import etree

from copdesk.core.docx_xml import W_NS, text_xml
from copdesk.core.tables import is_marker

Grid = list[list[str | None]]

WIDE_COLUMNS = 4  # a table with more columns goes on a landscape page, when it does not fit upright
MIN_COL = 680  # twips (1.2 cm)
CHAR_TWIPS, CELL_PADDING = 100, 240  # an average 8.5 pt character, and a cell's margins
MIN_SHARE = 0.55
KEEP_TOGETHER_ROWS = 40  # a member-state table (30 states + totals) stays on one page when it fits
HEADER_FILL, TOTAL_FILL = "D9E2F3", "EDEDED"
BORDER_COLOR = "A6A6A6"

# What reads as a number for alignment: "1,234", "-12.5", "12.5%", "€ 3.2", "1 234", "3.2 M".
_NUMBER = re.compile(r"^[-+]?[€$£]?\s?\d[\d,.\s\u00a0\u202f']*(%|\s?[kKmM])?$")


def normalise(grid: Grid) -> list[list[str]]:
    """Rows padded to the widest row, None as "", so every row has every cell."""
    width = max((len(row) for row in grid), default=0)
    return [[("" if c is None else c) for c in row] + [""] * (width - len(row)) for row in grid]


def is_wide(grid: Grid, upright_width: int) -> bool:
    """More than WIDE_COLUMNS columns and more text than an upright page holds: a landscape page.

    Seen in the rendered example: a six-column table of two rows, which fits upright, sent to a page of
    its own turned sideways and left half a page empty before it.
    """
    rows = normalise(grid)
    return bool(rows) and len(rows[0]) > WIDE_COLUMNS and natural_width(rows) > upright_width


def _wanted_chars(rows: list[list[str]]) -> list[int]:
    """Characters each column wants: its longest cell, capped at 36 (longer cells wrap)."""
    want = []
    for col in range(len(rows[0])):
        longest = max((min(len(row[col]), 36) for row in rows), default=0)
        want.append(max(longest, 14 if col == 0 else 5))
    return want


def natural_width(rows: list[list[str]]) -> int:
    return sum(x * CHAR_TWIPS + CELL_PADDING for x in _wanted_chars(rows))


def numeric_columns(rows: list[list[str]]) -> list[bool]:
    """A column is numeric when every body cell is a number or a 'no figure' mark, and one is a number."""
    out = []
    for col in range(len(rows[0]) if rows else 0):
        cells = [row[col] for row in rows[1:]]
        numbers = [bool(_NUMBER.match(c.strip())) for c in cells]
        out.append(any(numbers) and all(n or is_marker(c) for n, c in zip(numbers, cells)))
    return out


def column_widths(rows: list[list[str]], total: int) -> list[int]:
    """Widths in twips, shared by how much text each column holds (long cells wrap past 36 characters).

    A table as narrow as its text reads better than two columns stretched across the page, so a table
    takes its natural width, at least MIN_SHARE of the page, at most the page.
    """
    n = len(rows[0])
    want = _wanted_chars(rows)
    total = min(total, max(natural_width(rows), int(total * MIN_SHARE)))
    scale = total / sum(want)
    widths = [max(MIN_COL, int(x * scale)) for x in want]
    widths[-1] += total - sum(widths)
    if widths[-1] < MIN_COL:  # many columns: share equally
        widths = [total // n] * n
        widths[-1] += total - sum(widths)
    return widths


def is_total(row: list[str]) -> bool:
    return bool(row) and row[0].strip().lower().startswith("total")


def add_table(body, grid: Grid, width: int) -> None:
    """Append the table for `grid` to `body`; `width` is the text width of the page it lands on.

    The table is written as one XML string and parsed once: thousands of cells built element by element
    cost more than the rest of the export together.
    """
    rows = normalise(grid)
    if not rows or not rows[0]:
        return
    widths = column_widths(rows, width)
    numeric = numeric_columns(rows)
    parts = [f'<w:tbl xmlns:w="{W_NS}">', _table_props(sum(widths)), "<w:tblGrid>"]
    parts += [f'<w:gridCol w:w="{cw}"/>' for cw in widths]
    parts.append("</w:tblGrid>")
    keep = len(rows) <= KEEP_TOGETHER_ROWS
    for r, row in enumerate(rows):
        header, total = r == 0, r > 0 and is_total(row)
        cells = _cell_starts(widths, numeric, keep and r < len(rows) - 1)
        parts.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>")
        fill = HEADER_FILL if header else TOTAL_FILL if total else ""
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        run = "<w:r><w:rPr><w:b/></w:rPr>" if header or total else "<w:r>"
        for (start, para), text in zip(cells, row):
            content = (run + text_xml(text) + "</w:r>") if text else ""
            parts.append(f"{start}{shade}</w:tcPr>{para}{content}</w:p></w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    body.append(etree.fromstring("".join(parts)))


def _cell_starts(widths: list[int], numeric: list[bool], keep: bool) -> list[tuple[str, str]]:
    """The opening XML of each cell of a row and of its paragraph (keepNext holds a short table together)."""
    keep_xml = "<w:keepNext/>" if keep else ""
    return [(f'<w:tc><w:tcPr><w:tcW w:w="{cw}" w:type="dxa"/>', f'<w:p><w:pPr><w:pStyle w:val="TableText"/>{keep_xml}'
             + ('<w:jc w:val="right"/>' if right else "") + "</w:pPr>") for cw, right in zip(widths, numeric)]


def _table_props(width: int) -> str:
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tblPr><w:tblStyle w:val="SLITable"/><w:tblW w:w="{width}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr>')
