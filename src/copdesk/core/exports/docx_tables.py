"""SLI tables as Word tables: the text width filled, no number ever wrapped, wide tables turned or split.

Cells are written exactly as typed ("1,234", "12.5%", "-", "N/A"); a cell nobody typed (None) and the
missing cells of a short row are written empty, so ragged tables keep their shape. Widths are set on the
grid and on every cell because Word and LibreOffice disagree about autofit (python-docx issues 75, 209,
360); "Total EU" / "Total EEA" rows are bold and shaded so the totals stand apart from the countries.

Widths: every column is at least as wide as its widest unbreakable piece (a whole number such as
"3,419,756", in bold as the totals print it, or the longest word), measured with the advance widths of
DejaVu Sans Bold: the widest font a reader is likely to see in place of Calibri (LibreOffice falls back to
it when Carlito is missing), so what fits there fits in Word too. The room left is shared out by how much
text each column holds, so a table always fills the text width. A table whose columns cannot all fit
upright goes on a landscape page (`plan`); one that does not fit there either, or that has more columns
than Word's limit of 63, is split into parts that repeat the row labels.
"""

from __future__ import annotations

import re

from lxml import etree

from copdesk.core.exports.docx_xml import W_NS, text_xml
from copdesk.core.records import record
from copdesk.core.rules.tables import is_marker

Grid = list[list[str | None]]

WORD_MAX_COLUMNS = 63  # Word refuses to open a table with more columns
KEEP_TOGETHER_ROWS = 40  # a member-state table (30 states + totals) stays on one page when it fits
HEADER_FILL, TOTAL_FILL = "D9E2F3", "EDEDED"
BORDER_COLOR = "A6A6A6"
TEXT_SIZE_PT = 8.5  # the Table Text style (resources/make_base_docx.py: sz 17 half-points)
CELL_MARGINS = 2 * 85  # twips: the SLI Table style's left and right cell margins
SLACK = 60  # twips beside the text: rounding, borders, a renderer's own measuring
MAX_NATURAL = 3400  # twips (6 cm): a longer cell wraps rather than widen its column further
MAX_WORD = 2600  # twips: a longer "word" (an address) may break, as it would anywhere

# Advance widths of DejaVu Sans Bold, in thousandths of an em, for the characters " " to "~".
_ASCII_WIDTHS = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696,
    696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775,
    637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675,
    716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924,
    645, 652, 582, 712, 365, 712, 838)
_OTHER_WIDTH = 1000  # anything else (accented letters are narrower, CJK as wide)
_WIDTHS = {chr(32 + i): units for i, units in enumerate(_ASCII_WIDTHS)}
_UNITS = TEXT_SIZE_PT * 20 / 1000  # twips per thousandth of an em

# What reads as a number for alignment: "1,234", "-12.5", "12.5%", "€ 3.2", "1 234", "3.2 M".
_NUMBER = re.compile(r"^[-+]?[€$£]?\s?\d[\d,.\s\u00a0\u202f']*(%|\s?[kKmM])?$")


@record
class Part:
    """One Word table of a plan: the grid columns it shows and the page it goes on."""

    columns: tuple[int, ...]
    landscape: bool


def normalise(grid: Grid) -> list[list[str]]:
    """Rows padded to the widest row, None as "", so every row has every cell."""
    width = max((len(row) for row in grid), default=0)
    return [[("" if c is None else c) for c in row] + [""] * (width - len(row)) for row in grid]


def text_twips(text: str) -> int:
    """How wide `text` prints in the table's type (bold), in twips; generous rather than short."""
    try:
        units = sum(map(_WIDTHS.__getitem__, text))
    except KeyError:
        units = sum(_WIDTHS.get(ch, _OTHER_WIDTH) for ch in text)
    return int(units * _UNITS) + 1


def _pieces(cell: str) -> list[str]:
    """The parts of a cell a line may not break: a whole number, else each word."""
    cell = cell.strip()
    return [cell] if _NUMBER.match(cell) else cell.split()


@record
class Measured:
    """A table's rows (padded) and, per column, its minimum and natural widths in twips (padding included)."""

    rows: list[list[str]]
    mins: list[int]  # the narrowest width that breaks no number and no word
    wants: list[int]  # the width that holds the longest cell on one line (up to MAX_NATURAL)


def measure(grid: Grid) -> Measured:
    rows = normalise(grid)
    mins, wants = [], []
    for col in range(len(rows[0]) if rows else 0):
        widest = longest = 0
        for row in rows:
            cell = row[col].strip()
            if not cell:
                continue
            whole = text_twips(cell)
            longest = max(longest, whole)
            pieces = [whole] if _NUMBER.match(cell) else [text_twips(p) for p in cell.split()]
            widest = max(widest, min(max(pieces), MAX_WORD))
        mins.append(widest + CELL_MARGINS + SLACK)
        wants.append(max(widest, min(longest, MAX_NATURAL)) + CELL_MARGINS + SLACK)
    return Measured(rows, mins, wants)


def plan(grid: Grid | Measured, upright: int, sideways: int) -> list[Part]:
    """How a table is laid out: upright when its columns fit the portrait text width `upright`, else on a
    landscape page (`sideways`), else split into parts that fit it, each with the row labels again and at
    most Word's 63 columns."""
    m = grid if isinstance(grid, Measured) else measure(grid)
    if not m.rows or not m.rows[0]:
        return []
    n, mins = len(m.rows[0]), m.mins
    if n <= WORD_MAX_COLUMNS and sum(mins) <= upright:
        return [Part(tuple(range(n)), False)]
    if n <= WORD_MAX_COLUMNS and sum(mins) <= sideways:
        return [Part(tuple(range(n)), True)]
    parts, current = [], [0]
    for col in range(1, n):
        if len(current) > 1 and (len(current) == WORD_MAX_COLUMNS or sum(mins[c] for c in current) + mins[col] > sideways):
            parts.append(Part(tuple(current), True))
            current = [0]
        current.append(col)
    parts.append(Part(tuple(current), True))
    return parts


def numeric_columns(rows: list[list[str]]) -> list[bool]:
    """A column is numeric when every body cell is a number or a 'no figure' mark, and one is a number."""
    out = []
    for col in range(len(rows[0]) if rows else 0):
        cells = [row[col] for row in rows[1:]]
        numbers = [bool(_NUMBER.match(c.strip())) for c in cells]
        out.append(any(numbers) and all(n or is_marker(c) for n, c in zip(numbers, cells)))
    return out


def column_widths(mins: list[int], wants: list[int], total: int) -> list[int]:
    """Widths in twips that add up to `total`: each column its minimum, then the room left shared out by
    how much more text each column holds (up to its natural width), then in proportion to the natural
    widths. Columns whose minimums exceed `total` keep their minimums (the caller splits such tables)."""
    spare = total - sum(mins)
    if spare <= 0:
        return mins
    grow = [w - m for m, w in zip(mins, wants)]
    if sum(grow) >= spare:
        widths = [m + g * spare / sum(grow) for m, g in zip(mins, grow)]
    else:
        left = spare - sum(grow)
        widths = [w + w * left / sum(wants) for w in wants]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out


def is_total(row: list[str]) -> bool:
    return bool(row) and row[0].strip().lower().startswith("total")


def table_element(grid: Grid | Measured, width: int, columns: tuple[int, ...] | None = None) -> etree._Element | None:
    """The w:tbl for `grid` (only `columns` of it, when given) filling `width` twips.

    The table is written as one XML string and parsed once: thousands of cells built element by element
    cost more than the rest of the export together.
    """
    m = grid if isinstance(grid, Measured) else measure(grid)
    if not m.rows or not m.rows[0]:
        return None
    columns = tuple(range(len(m.rows[0]))) if columns is None else columns
    rows = [[row[c] for c in columns] for row in m.rows]
    widths = column_widths([m.mins[c] for c in columns], [m.wants[c] for c in columns], width)
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
    return etree.fromstring("".join(parts))


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
