"""Review in the Word export: comments as real Word comments anchored on their answer or table cell, and an
optional table of section statuses after the status line.

Written by the export's own writer, from what it knows while writing (docx_markers.Marked: which paragraphs
hold which answer), never by reading the document back: a comment spans its whole answer (a cell comment,
its cell), replies are paragraphs inside it, and a comment whose answer is not in the document (an item
not subscribed any more) is anchored on the report title with its code in the text: a comment is never
dropped. python-docx is not used (it costs about 0.1 s to import, more than half an export).
"""

from __future__ import annotations

import re

from lxml import etree

from copdesk.core.exports import docx_tables
from copdesk.core.exports.docx_markers import Marked, after_markers
from copdesk.core.exports.docx_parts import NewPart, w3cdtf
from copdesk.core.exports.docx_xml import P, R, T, W_NS, XML_SPACE, w
from copdesk.core.numbers import to_int
from copdesk.core.records import record
from copdesk.core.text import strip_bad_chars

COMMENTS_PART = "word/comments.xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
PARA_ID = f"{{{W14}}}paraId"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"  # Word 2007 skips the w14 paragraph ids


@record
class ReviewExport:
    """What the export adds: comments (rows of the comments table) and section statuses."""

    comments: tuple[dict, ...] = ()
    statuses: tuple[dict, ...] = ()
    status_table: bool = False


def initials(comment: dict) -> str:
    return comment.get("initials") or "".join(x[0] for x in comment["author"].split())[:3]


def add_comments(marked: Marked, comments: tuple[dict, ...]) -> tuple[NewPart | None, list]:
    """Anchor every top-level comment (replies go inside it); the comments part and, for the review map,
    (word id, copdesk id, author, first line) of each comment written."""
    replies: dict[str, list[dict]] = {}
    for c in comments:
        if c.get("parent"):
            replies.setdefault(c["parent"], []).append(c)
    anchors = marked.anchors()
    title = marked.role_block("title")
    root = etree.Element(w("comments"), {f"{{{MC}}}Ignorable": "w14"}, nsmap={"w": W_NS, "w14": W14, "mc": MC})
    written = []
    for c in (c for c in comments if not c.get("parent")):
        wid = len(written)
        first, last, prefix = _range(anchors, title, c)
        if first is None:
            continue
        first.insert(after_markers(first), etree.Element(w("commentRangeStart"), {w("id"): str(wid)}))
        etree.SubElement(last, w("commentRangeEnd"), {w("id"): str(wid)})
        ref = etree.SubElement(last, R)
        etree.SubElement(ref, w("commentReference"), {w("id"): str(wid)})
        state = f" [resolved by {c['resolved_by']}]" if c.get("resolved_at") else ""
        lines = [strip_bad_chars(prefix + c["text"] + state)]
        lines += [strip_bad_chars(f"{r['author']} ({r['at'][:10]}): {r['text']}") for r in replies.get(c["id"], [])]
        el = etree.SubElement(root, w("comment"), {w("id"): str(wid), w("author"): strip_bad_chars(c["author"]),
                                                  w("date"): w3cdtf(c.get("at")), w("initials"): initials(c)})
        for k, piece in enumerate(piece for line in lines for piece in line.split("\n")):
            p = etree.SubElement(el, P)
            if k == 0:
                etree.SubElement(etree.SubElement(p, R), w("annotationRef"))
            etree.SubElement(etree.SubElement(p, R), T, {XML_SPACE: "preserve"}).text = piece
        p.set(PARA_ID, f"{0x0C000000 + wid:08X}")  # Word links a reply to the comment's last paragraph
        written.append((wid, c["id"], c["author"], lines[0].split("\n")[0]))
    if not written:
        return None, []
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return NewPart(COMMENTS_PART, COMMENTS_TYPE, "comments", data), written


def _range(anchors, title, c: dict):
    """(first paragraph, last paragraph, text prefix) of where comment `c` goes."""
    code, cell = c["code"], c.get("cell", "")
    block = anchors.get(code)
    if block is not None and cell and block.table is not None:
        r, _, col = (to_int(x, -1) for x in cell.partition(","))
        rows = block.table.findall(w("tr"))
        if 0 <= r < len(rows):
            cells = rows[r].findall(w("tc"))
            if 0 <= col < len(cells):
                p = cells[col].find(P)
                return p, p, ""
    if block is not None and not cell:
        paragraphs = block.paragraphs()
        return paragraphs[0], _last_text_paragraph(paragraphs), ""
    if title is None:
        return None, None, ""
    return title.first, title.first, f"[{code}{' cell ' + cell if cell else ''}] "


def _last_text_paragraph(paragraphs: list) -> etree._Element:
    """The last paragraph of an answer that holds text (a trailing gap after a table does not)."""
    for p in reversed(paragraphs):
        if any(True for _ in p.iter(T)):
            return p
    return paragraphs[0]


def status_table(marked: Marked, statuses: tuple[dict, ...], width: int) -> None:
    """The review status of each section, as a table right after the status line."""
    status = marked.role_block("status")
    if status is None or not statuses:
        return
    grid = [["Section", "Review status", "Set by", "When"]]
    for s in sorted(statuses, key=lambda s: _order(s["code"])):
        grid.append([strip_bad_chars(x) for x in (s["code"], s["status"], s["by"], s["at"][:16].replace("T", " "))])
    marked.ignored_table(status.first, docx_tables.table_element(grid, width))


def _order(code: str):
    m = re.search(r"(\d+)", code)
    return (0 if code == "header" else 2 if code.startswith("Crisis") else 1, to_int(m.group(1), 0) if m else 0)


def export_status(meta: dict[str, str]) -> str:
    """The status line of an exported document: Final once the report has its final approval
    (review.approve_final), else Draft."""
    return "Final" if meta.get("final_approved_at") else "Draft"


def review_export(report, comments: str = "open", status_table: bool = False, data=None) -> ReviewExport:
    """What to add from an open report: "open", "all" or "none" comments, and the status table; for the
    document of one service of a family when `data` is its view (core/rules/services.py)."""
    rows = report.rows("comments") if comments != "none" else []
    if comments == "open":
        open_ids = {r["id"] for r in rows if not r["parent"] and not r["resolved_at"]}
        rows = [r for r in rows if (r["parent"] or r["id"]) in open_ids]
    statuses = report.rows("section_status")
    service = data.meta.get("service") if data is not None else None
    if service:
        from copdesk.core.rules.services import review_rows
        rows, statuses = review_rows(rows, statuses, service)
    return ReviewExport(tuple(rows), tuple(statuses), status_table)

