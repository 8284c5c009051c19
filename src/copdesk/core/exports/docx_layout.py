"""Which stretches of the exported body go on landscape pages: runs of elements, and short ones merged.

A landscape table needs a section of its own, and a section starts a new page. Between two such tables the
upright text can be short (an SLI label and two lines): on an upright page of its own it would leave that
page nearly empty before the next table. So an upright run shorter than SHORT_SHARE of a page, between two
landscape runs (or after the last one), is printed landscape too. Heights are estimates from the text's
length and style: good enough to tell a few lines from a page.
"""

from __future__ import annotations

from lxml import etree

from copdesk.core.exports.docx_xml import W_NS
from copdesk.core.records import record

SHORT_SHARE = 0.4  # an upright run shorter than this share of a page joins the landscape runs around it
_W = f"{{{W_NS}}}"
# style id -> (font size in points, space before and after in twips), as resources/make_base_docx.py sets them
_STYLES = {"Heading1": (16, 680), "Heading2": (13.5, 480), "Heading3": (12, 360), "Heading4": (11, 280),
           "Heading5": (10.5, 260), "Title": (26, 80), "Subtitle": (16, 160), "TableNote": (10, 180),
           "TableGap": (6, 120), "TableText": (8.5, 40)}
_BODY = (10.5, 120)
ROW_TWIPS = 250  # a table row of one line of Table Text


@record
class Run:
    start: int  # index of the first element
    end: int  # index after the last element
    landscape: bool


def runs(sideways: list[bool]) -> list[Run]:
    """Consecutive elements with the same orientation, in order."""
    out: list[Run] = []
    for i, flag in enumerate(sideways):
        if out and out[-1].landscape == flag:
            out[-1] = Run(out[-1].start, i + 1, flag)
        else:
            out.append(Run(i, i + 1, flag))
    return out


def merge_short(found: list[Run], elements: list[etree._Element], width: int, page: int) -> list[Run]:
    """`found` with each short upright run after a landscape run turned landscape, and runs joined again."""
    flags = []
    for i, run in enumerate(found):
        short = (not run.landscape and i > 0 and found[i - 1].landscape
                 and height(elements[run.start:run.end], width) < SHORT_SHARE * page)
        flags += [run.landscape or short] * (run.end - run.start)
    return runs(flags)


def height(elements: list[etree._Element], width: int) -> int:
    """About how many twips `elements` take on a page `width` twips wide."""
    total = 0
    for el in elements:
        if el.tag == f"{_W}tbl":
            total += ROW_TWIPS * (len(el.findall(f"{_W}tr")) + 1)
            continue
        style = el.find(f"{_W}pPr/{_W}pStyle")
        size, spacing = _STYLES.get(style.get(f"{_W}val") if style is not None else "", _BODY)
        chars = len("".join(t.text or "" for t in el.iter(f"{_W}t")))
        per_line = max(1, int(width / (size * 10)))  # an average character is about half an em wide
        lines = max(1, -(-chars // per_line))
        total += int(lines * size * 1.25 * 20) + spacing
    return total
