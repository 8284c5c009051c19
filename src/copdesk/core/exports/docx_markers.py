"""The invisible markers of a Word export, so a reviewed copy can come back (`copdesk review-import`).

Every block the export writes gets a point bookmark `_copdesk_N` at the start of its first paragraph: each
answer, each line that shows an answer (signatory, report title, a crisis sub-section's title), and each
fixed text (headings, questions, official wording, labels, the status line); the table of contents and the
status table are blocks whose content is ignored. A block's place in the reviewed document runs from its
marker to the next marker, so new paragraphs typed inside an answer, at its end or in an empty answer
stay with it, and an SLI's table is the table inside its answer's place.

One custom XML part (`customXml/item1.xml`, namespace urn:copdesk:review:1) says what each marker is, which
report the document shows and which state of its history (the last history row: id and time), and holds
the exported text of fixed blocks (to tell an edit outside the answers) and the comments copdesk exported.

Why these carriers: a LibreOffice 7.4 round trip (open, edit with recorded changes, comment, save as .docx)
keeps point bookmarks (even inside tracked insertions and deletions) and custom XML parts, and drops
document variables (settings.xml), content-control tags and paragraph ids (w14:paraId); Word keeps
bookmarks and custom XML parts by design. A marker is only a position, so edits never break it; a range
bookmark over several paragraphs came back split in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from copdesk.core.exports.docx_body import Body
from copdesk.core.exports.docx_xml import BR, P, PPR, STYLES, T, TAB, w
from copdesk.core.errors import InputError
from copdesk.core.numbers import to_int
from copdesk.core.records import record

NS = "urn:copdesk:review:1"
FORMAT_VERSION = "1"
PREFIX = "_copdesk_"
PART, PROPS = "customXml/item1.xml", "customXml/itemProps1.xml"
PROPS_RELS = "customXml/_rels/item1.xml.rels"
ITEM_ID = "{5B0F1E3A-7C44-4D0B-9E61-C0FDE5C0FFEE}"
BOOKMARK_START, BOOKMARK_END = w("bookmarkStart"), w("bookmarkEnd")
FIRST_BOOKMARK_ID = 100000  # far above the table of contents' bookmark ids
_NAME = re.compile(re.escape(PREFIX) + r"(\d+)$")

ANSWER, LINE, FIXED, IGNORED = "a", "l", "f", "x"  # kinds of blocks


def plain(p: etree._Element) -> str:
    """A paragraph's text as the reader sees it without formatting: w:t, tabs and line breaks. Deleted text
    (w:delText) and field instructions are other tags, so they stay out."""
    out = []
    for el in p.iter(T, TAB, BR, w("cr")):
        if el.tag == T:
            out.append(el.text or "")
        elif el.tag == TAB:
            out.append("\t")
        elif el.get(w("type"), "textWrapping") == "textWrapping":
            out.append("\n")
    return "".join(out)


@dataclass
class Block:
    n: int
    kind: str  # ANSWER, LINE, FIXED or IGNORED
    code: str = ""  # the answer code (answers and lines)
    role: str = ""  # what a fixed block is: "heading", "question", "wording", "label", "status", "note", ...
    elements: list = field(default_factory=list)  # the body elements written for it, in order
    table: etree._Element | None = None  # an SLI's table
    tables: int = 0  # tables in a fixed or ignored block (the status table)

    @property
    def first(self) -> etree._Element:
        return next(el for el in self.elements if el.tag == P)

    def paragraphs(self) -> list[etree._Element]:
        return [el for el in self.elements if el.tag == P]


class Marked:
    """The export's Body with a record of what each written block is: the walk talks to this instead of the
    Body, and `finish` places the markers and returns the map part."""

    def __init__(self, body: Body):
        self.body = body
        self.blocks: list[Block] = []
        self._seen: set[int] = set()

    # -- what the walk calls -------------------------------------------------------------------------
    def _end(self):
        """The body's last element now (lxml counts children one by one: len() and slices are not cheap)."""
        try:
            return self.body.body[-1]
        except IndexError:
            return None

    def _after(self, last) -> list:
        el = last.getnext() if last is not None else (self.body.body[0] if len(self.body.body) else None)
        out = []
        while el is not None:
            out.append(el)
            el = el.getnext()
        return out

    def heading(self, level: int, text: str, field: str = "", page_break: bool = False, answer: str = "") -> None:
        last = self._end()
        self.body.heading(level, text, field, page_break=page_break)
        new = self._after(last)
        self._extend(new[:-1])
        self._block(LINE if answer else FIXED, new[-1:], code=answer, role="heading")

    def line(self, style: str, text: str, field: str = "", italic: bool = False, answer: str = "") -> None:
        last = self._end()
        self.body.line(style, text, field, italic=italic)
        self._block(LINE if answer else FIXED, self._after(last), code=answer, role=style)

    def answer(self, code: str, text: str) -> None:
        last = self._end()
        self.body.answer(code, text)
        self._block(ANSWER, self._after(last), code=code)

    def table(self, code: str, grid, label: str = "") -> None:
        last = self._end()
        self.body.table(code, grid, label)
        new = self._after(last)
        block = self.blocks[-1]  # the SLI's answer, written just before its table
        block.table = next((el for el in new if el.tag == w("tbl")), None)
        self._extend(new)

    def mark_toc(self) -> None:
        self.body.mark_toc()

    # -- recording -----------------------------------------------------------------------------------
    def _block(self, kind: str, elements: list, code: str = "", role: str = "") -> Block:
        block = Block(len(self.blocks) + 1, kind, code, role)
        self.blocks.append(block)
        self._extend(elements)
        return block

    def _extend(self, elements: list) -> None:
        if elements and not self.blocks:
            self._block(IGNORED, [])
        for el in elements:
            self.blocks[-1].elements.append(el)
            self._seen.add(id(el))

    def ignored_table(self, after: etree._Element, table: etree._Element) -> None:
        """A table copdesk adds beside the walk (the review status table), after `after`, with a gap paragraph
        after it: their content is not compared on the way back."""
        gap = etree.Element(P)
        etree.SubElement(etree.SubElement(gap, PPR), w("pStyle"), {w("val"): STYLES["gap"]})
        after.addnext(gap)
        after.addnext(table)
        owner = next(b for b in self.blocks if any(el is after for el in b.elements))
        owner.tables += 1
        self._seen.update((id(table), id(gap)))

    def anchors(self) -> dict[str, Block]:
        """The blocks of answers and lines by code (the first one of each: a code is written once)."""
        out: dict[str, Block] = {}
        for b in self.blocks:
            if b.kind in (ANSWER, LINE):
                out.setdefault(b.code, b)
        return out

    def role_block(self, role: str) -> Block | None:
        return next((b for b in self.blocks if b.role == role and b.kind in (FIXED, LINE)), None)

    # -- finishing -----------------------------------------------------------------------------------
    def finish(self) -> None:
        """Close the body (Body.finish adds the table of contents) and place the markers. Elements the walk
        did not write (the contents) become ignored blocks of their own, in document order."""
        self.body.finish()
        order: list[Block] = []
        pending: list = []
        owner = {id(el): b for b in self.blocks for el in b.elements}
        for el in self.body.body:
            if el.tag == w("sectPr"):
                continue
            if id(el) in owner:
                if pending:
                    order.append(Block(0, IGNORED, elements=pending))
                    pending = []
                b = owner[id(el)]
                if not order or order[-1] is not b:
                    order.append(b)
            elif id(el) not in self._seen:
                pending.append(el)
        if pending:
            order.append(Block(0, IGNORED, elements=pending))
        for n, b in enumerate(order, 1):
            b.n = n
        self.blocks = order
        for b in order:
            first = _first_paragraph(b.elements)
            if first is not None:
                _place(first, b.n)

    def map_xml(self, report_id: str, history: tuple[int, str], edition: str, app: str, exported: str,
                comments: list[tuple[int, str, str, str]] = (), service: str = "") -> bytes:
        """The custom XML part: the report, its history state, every block, and the exported comments
        (word id, copdesk id, author, first line); `service`, for one service's document of a family (its
        blocks carry plain codes: review-import finds which were the service's own at that state)."""
        root = etree.Element(f"{{{NS}}}copdesk", nsmap={None: NS})
        root.attrib.update({"version": FORMAT_VERSION, "report": report_id, "history": str(history[0]),
                            "historyAt": history[1], "edition": edition, "app": app, "exported": exported})
        if service:
            root.set("service", service)
        for b in self.blocks:
            el = etree.SubElement(root, f"{{{NS}}}b", {"n": str(b.n), "k": b.kind})
            if b.code:
                el.set("code", b.code)
            if b.role:
                el.set("role", b.role)
            if b.tables:
                el.set("tables", str(b.tables))
            if b.kind in (FIXED, LINE):
                el.text = plain(b.first)
        for wid, cid, author, text in comments:
            etree.SubElement(root, f"{{{NS}}}comment", {"w": str(wid), "id": cid, "author": author}).text = text
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _first_paragraph(elements: list) -> etree._Element | None:
    for el in elements:
        if el.tag == P:
            return el
        found = next(el.iter(P), None)  # a table or content control: its first paragraph
        if found is not None:
            return found
    return None


def _place(p: etree._Element, n: int) -> None:
    at = 1 if len(p) and p[0].tag == PPR else 0
    bid = str(FIRST_BOOKMARK_ID + n)
    p.insert(at, etree.Element(BOOKMARK_END, {w("id"): bid}))
    p.insert(at, etree.Element(BOOKMARK_START, {w("id"): bid, w("name"): f"{PREFIX}{n}"}))


def after_markers(p: etree._Element) -> int:
    """The index in `p` after its properties and a leading marker: where a comment range may start."""
    i = 0
    while i < len(p) and p[i].tag in (PPR, BOOKMARK_START, BOOKMARK_END):
        i += 1
    return i


def marker_number(el: etree._Element) -> int:
    """N for a bookmarkStart named _copdesk_N, else 0."""
    m = _NAME.match(el.get(w("name"), ""))
    return to_int(m.group(1), 0) if m else 0


def package_parts(map_xml: bytes):
    """The custom XML part and its properties part, as docx_parts.NewPart values."""
    from copdesk.core.exports.docx_parts import NewPart
    props = (f'<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{ITEM_ID}" '
             'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
             f'<ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>').encode()
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>'
            '</Relationships>').encode()
    return [NewPart(PART, None, "customXml", map_xml),
            NewPart(PROPS, "application/vnd.openxmlformats-officedocument.customXmlProperties+xml", "", props),
            NewPart(PROPS_RELS, None, "", rels)]


# -- reading the map back ---------------------------------------------------------------------------------

@record
class MapBlock:
    n: int
    kind: str
    code: str
    role: str
    text: str  # the exported text of a fixed block or line
    tables: int


@record
class ExportedComment:
    word_id: str
    id: str
    author: str
    text: str


@record
class ExportMap:
    report_id: str
    history_id: int
    history_at: str
    edition: str
    exported: str
    blocks: dict[int, MapBlock]
    comments: tuple[ExportedComment, ...]
    service: str = ""  # the service of a family whose document this is


def read_map(items: list[etree._Element], name: str) -> ExportMap:
    """The map among a document's custom XML items; InputError when the document has none."""
    root = next((el for el in items if etree.QName(el).namespace == NS), None)
    if root is None:
        raise InputError(f"{name} has no copdesk markers: it was not exported by copdesk (or the markers were "
                         "lost when it was saved).",
                         "Bring back a document exported with File › Export to Word (or 'copdesk export') and "
                         "reviewed in Word or LibreOffice, saved as .docx.")
    if root.get("version") != FORMAT_VERSION:
        raise InputError(f"{name} was exported by a different copdesk (review markers version "
                         f"{root.get('version')!r}).", "Update copdesk, or export the report again.")
    blocks = {}
    for el in root.iter(f"{{{NS}}}b"):
        n = to_int(el.get("n"), 0, lo=0)
        blocks[n] = MapBlock(n, el.get("k", ""), el.get("code", ""), el.get("role", ""), el.text or "",
                             to_int(el.get("tables"), 0, lo=0))
    comments = tuple(ExportedComment(el.get("w", ""), el.get("id", ""), el.get("author", ""), el.text or "")
                     for el in root.iter(f"{{{NS}}}comment"))
    history = to_int(root.get("history"), 0, lo=0)
    return ExportMap(root.get("report", ""), history, root.get("historyAt", ""), root.get("edition", ""),
                     root.get("exported", ""), blocks, comments, root.get("service", ""))
