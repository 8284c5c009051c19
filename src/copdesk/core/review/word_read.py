"""Read a reviewed Word export: what each answer says now, its tables, the comments and where they sit.

Nothing here knows the report: the document is read as the reviewer left it (tracked insertions kept,
tracked deletions left out, a paragraph whose mark was deleted joined with the next, deleted table rows
dropped) and cut into the places of copdesk's markers (docx_markers). review_import compares the result
with the report.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from copdesk.core.markdown import dialect as markdown
from copdesk.core.safety.docx_guard import open_docx
from copdesk.core.exports.docx_markers import ANSWER, IGNORED, ExportMap, marker_number, plain, read_map
from copdesk.core.imports.docx_reader import Paragraph, Reader, Table
from copdesk.core.imports.filed_parser import NOT_ANSWER_STYLES, answer_block
from copdesk.core.exports.docx_xml import P, PPR, RPR, w
from copdesk.core.markdown.dialect import Block, Run
from copdesk.core.numbers import to_int
from copdesk.core.records import record

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
TBL, TR, TC, SDT, SDT_CONTENT = w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent")
BOOKMARK = w("bookmarkStart")
RANGE_START, REFERENCE = w("commentRangeStart"), w("commentReference")
SKIP = "\0"  # the stored text of an ignored block (the contents): its paragraphs are not read
CHANGES = (w("ins"), w("del"), w("moveFrom"), w("moveTo"), w("rPrChange"), w("pPrChange"))


@record
class Change:
    """A tracked change's author and date."""

    author: str
    date: str


@dataclass
class Place:
    """What the reviewed document holds at one marker."""

    n: int
    paragraphs: list[Paragraph] = field(default_factory=list)  # as read, in order (empty ones included)
    tables: list[Table] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # tracked changes inside it

    def markdown(self) -> str:
        """The answer as Markdown, as the Word importer reads it (core.markdown.dialect)."""
        blocks: list[Block] = []
        for p in self.paragraphs:
            if p.text.strip() and not NOT_ANSWER_STYLES.match(p.style):  # a table's caption or note
                blocks.append(answer_block(p, blocks[-1] if blocks else None))
        return markdown.write(blocks)



@record
class WordComment:
    word_id: str
    author: str
    initials: str
    date: str  # ISO 8601, "" when the document has none
    text: str
    parent: str  # the word id of the comment this one replies to, or ""
    done: bool
    place: int  # the marker number it is anchored in (0: before any marker)
    cell: str  # "row,col" when anchored in a table cell of an answer


@dataclass
class Reviewed:
    name: str
    map: ExportMap
    places: dict[int, Place]
    comments: list[WordComment]
    last_modified_by: str = ""
    missing: list[int] = field(default_factory=list)  # markers of answers not found in the document


def read_reviewed(path: Path | str) -> Reviewed:
    """Read a reviewed copdesk export; InputError when it is not one (no markers, damaged, not Word)."""
    path = Path(path)
    pkg = open_docx(path, review=True)
    export_map = read_map(pkg.custom_xml, path.name)
    body = pkg.document.find(w("body"))
    places: dict[int, Place] = {}
    anchors: dict[str, tuple[int, str]] = {}
    if body is not None:
        _join_deleted_marks(body)
        reader = Reader(pkg)
        current = 0
        stored = {n: b.text for n, b in export_map.blocks.items() if b.kind != ANSWER and b.kind != IGNORED}
        fixed = {n: b.text if b.kind != IGNORED else SKIP for n, b in export_map.blocks.items() if b.kind != ANSWER}
        for el in _flatten(body):
            for piece, number in _pieces(el, stored):
                current = number or current
                place = places.setdefault(current, Place(current))
                _read(reader, piece, place, anchors, fixed.get(current))
    comments = _comments(pkg, anchors)
    missing = [n for n, b in export_map.blocks.items() if b.kind == ANSWER and n not in places]
    return Reviewed(path.name, export_map, places, comments, pkg.properties.get("lastModifiedBy", ""), missing)


# -- the body, flattened and cut at the markers ----------------------------------------------------------

def _flatten(container):
    """Block-level elements in order, looking inside content controls (LibreOffice puts the contents in one)."""
    for el in container:
        if el.tag == SDT:
            content = el.find(SDT_CONTENT)
            if content is not None:
                yield from _flatten(content)
        elif el.tag in (w("customXml"), w("ins"), w("moveTo")):
            yield from _flatten(el)
        elif el.tag == BOOKMARK:
            yield el
        elif el.tag in (P, TBL):
            yield el


def _pieces(el, stored: dict[int, str]):
    """(element, marker number or 0): a body-level marker, a table as a whole, or a paragraph; a paragraph
    holding markers is cut where each one after the first starts (two blocks run together when the break
    between them was deleted). Text before the first marker belongs to that marker's block (typed at the
    start of an answer), unless what follows the marker is exactly the fixed text it marks: then it ran on
    from the block before."""
    if el.tag == BOOKMARK:
        return [(None, marker_number(el))]
    if el.tag != P:
        return [(el, 0)]
    children = list(el)
    props = children[0] if children and children[0].tag == PPR else None
    cuts: list[tuple[int, int]] = []  # (index of the top-level child, marker)
    for bm in el.iter(BOOKMARK):
        n = marker_number(bm)
        if not n:
            continue
        child = bm
        while child.getparent() is not el:
            child = child.getparent()
        index = children.index(child)
        if not cuts or cuts[-1][0] != index:
            cuts.append((index, n))
    if not cuts:
        return [(el, 0)]
    first = 1 if props is not None else 0
    before = "".join(plain(c) for c in children[first:cuts[0][0]])
    after = children[cuts[0][0]:cuts[1][0] if len(cuts) > 1 else len(children)]
    if before.strip() and cuts[0][1] in stored and "".join(plain(c) for c in after) == stored[cuts[0][1]]:
        bounds = [(first, 0)] + cuts
    else:
        bounds = [(first, cuts[0][1])] + cuts[1:]
    if len(bounds) == 1:
        return [(el, bounds[0][1])]
    return [(_part(props, children[start:bounds[k + 1][0] if k + 1 < len(bounds) else len(children)]), n)
            for k, (start, n) in enumerate(bounds)]


def _part(props, children) -> etree._Element:
    """A paragraph holding copies of `children`, with the properties `props`."""
    p = etree.Element(P)
    for child in ([props] if props is not None else []) + list(children):
        p.append(copy.deepcopy(child))
    return p


def _join_deleted_marks(body) -> None:
    """A paragraph whose mark is a tracked deletion runs on into the next one once the change is accepted."""
    marks = [d for d in body.iter(w("del")) if d.getparent().tag == RPR and d.getparent().getparent().tag == PPR]
    for deleted in marks:
        mark = deleted.getparent()
        p = mark.getparent().getparent()
        nxt = p.getnext()
        if p.tag != P or nxt is None or nxt.tag != P or any(marker_number(bm) for bm in nxt.iter(BOOKMARK)):
            continue  # a run-on into the next block's first paragraph changes no answer: left apart
        for child in list(nxt):
            if child.tag != PPR:
                p.append(child)
        mark.remove(deleted)
        nxt.getparent().remove(nxt)


def _read(reader: Reader, el, place: Place, anchors: dict, stored: str | None) -> None:
    """Read one element into its place. `stored`: the exported text when the place is fixed text (or None
    for an answer); a paragraph that still says exactly that is not read for Markdown."""
    if el is None:
        return
    for change in el.iter(*CHANGES):
        if change.get(w("author")) is not None:
            place.changes.append(Change(change.get(w("author"), ""), change.get(w("date"), "")))
    if el.tag == TBL:
        for row in [r for r in el.iter(TR) if r.find(f"{w('trPr')}/{w('del')}") is not None]:
            row.getparent().remove(row)
        if next(el.iter(RANGE_START, REFERENCE), None) is not None:
            _cell_anchors(el, place.n, anchors)
        if stored is not None:  # a table in fixed text: counted, not read
            place.tables.append(Table(0, []))
            return
        start = len(reader.out.blocks)
        reader.table(el)
        place.tables += [b for b in reader.out.blocks[start:] if isinstance(b, Table)]
        return
    for mark in el.iter(RANGE_START, REFERENCE):
        anchors.setdefault(mark.get(w("id"), ""), (place.n, ""))
    if stored is SKIP:
        return  # the contents: what Word or LibreOffice put there when refreshing it is not the report's
    if stored is not None:
        text = plain(el)
        if text == stored or not text.strip():
            place.paragraphs.append(Paragraph(0, text, (Run(text),)))
            return
    start = len(reader.out.blocks)
    reader.paragraph(el)
    place.paragraphs += [b for b in reader.out.blocks[start:] if isinstance(b, Paragraph)]


def _cell_anchors(tbl, n: int, anchors: dict) -> None:
    rows = [r for r in tbl.iter(TR) if _table_of(r) is tbl]
    for r, row in enumerate(rows):
        col = 0
        for tc in row.iter(TC):
            if _table_of(tc) is not tbl:
                continue
            for mark in tc.iter(RANGE_START, REFERENCE):
                anchors.setdefault(mark.get(w("id"), ""), (n, f"{r},{col}"))
            span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
            col += to_int(span.get(w("val")), 1, lo=1, hi=1000) if span is not None else 1


def _table_of(el):
    parent = el.getparent()
    while parent is not None and parent.tag != TBL:
        parent = parent.getparent()
    return parent


# -- comments ---------------------------------------------------------------------------------------------

def _comments(pkg, anchors: dict) -> list[WordComment]:
    if pkg.comments is None:
        return []
    extended: dict[str, tuple[str, bool]] = {}  # paraId -> (parent paraId, done)
    if pkg.comments_extended is not None:
        for ex in pkg.comments_extended.iter(f"{{{W15}}}commentEx"):
            extended[ex.get(f"{{{W15}}}paraId", "")] = (ex.get(f"{{{W15}}}paraIdParent", ""),
                                                        ex.get(f"{{{W15}}}done", "0") in ("1", "true"))
    by_para: dict[str, str] = {}  # the paraId of a comment's last paragraph -> its word id
    raw = []
    for c in pkg.comments.iter(w("comment")):
        wid = c.get(w("id"), "")
        paragraphs = c.findall(f".//{P}")
        text = "\n".join(plain(p) for p in paragraphs).strip("\n")
        para = paragraphs[-1].get(f"{{{W14}}}paraId", "") if paragraphs else ""
        by_para[para] = wid
        raw.append((c, wid, text, para))
    out = []
    for c, wid, text, para in raw:
        parent_para, done = extended.get(para, ("", False))
        place, cell = anchors.get(wid, (0, ""))
        out.append(WordComment(wid, c.get(w("author"), ""), c.get(w("initials"), ""), iso_date(c.get(w("date"), "")),
                               text, by_para.get(parent_para, "") if parent_para else "", done, place, cell))
    return out


def iso_date(value: str) -> str:
    """A comment's date as ISO 8601 in UTC, or "" when it is missing or unreadable (LibreOffice writes
    0-00-00T00:00:00Z for a comment without a date)."""
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds")

