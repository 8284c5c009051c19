"""A Word document body as a flat list of blocks: paragraphs (with Markdown) and tables (cells as typed).

The report parser recognises the template by text, so this module keeps what the text needs and no more:
each paragraph's plain text and its runs (core.markdown.dialect's model: bold, italic, links, soft line breaks), its style name,
heading level and list level; each table's cells exactly as typed. Tracked deletions and field codes are
left out, insertions and field results kept. Images and embedded objects are counted, never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from copdesk.core.markdown import dialect as markdown
from copdesk.core.markdown.dialect import Run
from copdesk.core.safety.docx_guard import Package
from copdesk.core.imports.docx_styles import NO_STYLE, Numbering, on, styles
from copdesk.core.numbers import to_int
from copdesk.core.records import record

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_w = f"{{{W}}}"
_TOC = re.compile(r"^(toc|table of contents|contents)\s*(\d|heading)?$", re.I)
_HYPERLINK = re.compile(r'HYPERLINK\s+"([^"]+)"')


@record
class Paragraph:
    index: int  # position among the body's blocks, 1-based (what the user is shown)
    text: str  # plain text; a soft line break is "\n"
    runs: tuple[Run, ...]  # the same text with its formatting
    style: str = ""
    heading: int = 0  # 1..9 for a heading style or outline level, else 0
    list_level: int = -1  # -1 when not a list item
    list_kind: str = ""  # "bullet" or "number" for a list item
    number: int = 0  # the number Word shows on a numbered item
    indent: int = 0  # left indent in list steps (360 twips) of a paragraph that is not a list item


@record
class Table:
    index: int
    rows: list[list[str | None]]


@dataclass
class Body:
    blocks: list = field(default_factory=list)
    images: list[int] = field(default_factory=list)  # block index of each image
    objects: list[int] = field(default_factory=list)  # block index of each embedded object
    footnotes: list[int] = field(default_factory=list)  # block index of each footnote or endnote reference


def read_body(pkg: Package) -> Body:
    """Every paragraph and table of the document body, in order."""
    reader = _Reader(pkg)
    body = pkg.document.find(f"{_w}body")
    if body is not None:
        reader.container(body)
    return reader.out


class _Reader:
    def __init__(self, pkg: Package):
        self.pkg, self.out = pkg, Body()
        self.styles = styles(pkg)
        self.numbering = Numbering(pkg.numbering)

    def container(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_w}p":
                self.paragraph(child)
            elif tag == f"{_w}tbl":
                self.table(child)
            elif tag == f"{_w}altChunk":
                self.out.objects.append(len(self.out.blocks) + 1)  # embedded HTML/RTF: not read
            elif tag in (f"{_w}sdt", f"{_w}customXml", f"{_w}sdtContent", f"{_w}ins"):
                self.container(child.find(f"{_w}sdtContent") if tag == f"{_w}sdt" and
                               child.find(f"{_w}sdtContent") is not None else child)

    def paragraph(self, p: etree._Element) -> None:
        index = len(self.out.blocks) + 1
        runs = _Runs(self, index)
        runs.walk(p)
        style, heading, level, num_id = self.paragraph_props(p)
        if _TOC.match(style):
            return  # a table of contents repeats the headings: not content
        text = "".join(s.text for s in runs.segments)
        kind, number = self.numbering.next(num_id, level) if level >= 0 else ("", 0)
        self.out.blocks.append(Paragraph(index, text, tuple(markdown.merge_runs(runs.segments)), style, heading, level,
                                         kind, number, _indent(p) if level < 0 else 0))
        for box in runs.boxes:  # text boxes inside drawings follow their paragraph
            self.container(box)

    def paragraph_props(self, p: etree._Element) -> tuple[str, int, int, str]:
        ppr = _child(p, f"{_w}pPr")
        sid_el = _child(ppr, f"{_w}pStyle") if ppr is not None else None
        st = self.styles.get(sid_el.get(f"{_w}val", "") if sid_el is not None else "", None) or NO_STYLE
        heading, level, num = st.heading, (st.level if st.numbered else -1), st.num_id
        if ppr is not None:
            outline = _child(ppr, f"{_w}outlineLvl")
            outline_level = to_int(outline.get(f"{_w}val"), 9) if outline is not None else 9
            if outline_level < 9:
                heading = outline_level + 1
            num = _child(ppr, f"{_w}numPr")
            if num is not None:
                num_id, ilvl = _child(num, f"{_w}numId"), _child(num, f"{_w}ilvl")
                if num_id is not None and num_id.get(f"{_w}val", "0") == "0":
                    level = -1
                elif num_id is not None or st.numbered:
                    level = to_int(ilvl.get(f"{_w}val"), 0, 0, 8) if ilvl is not None else max(st.level, 0)
                    num = num_id.get(f"{_w}val", "") if num_id is not None else num
        return st.name, heading, min(level, 8), num

    def table(self, tbl: etree._Element) -> None:
        index = len(self.out.blocks) + 1
        self.out.blocks.append(None)  # the table's place; nested paragraphs must not take it
        rows: list[list[str | None]] = []
        for tr in tbl.iter(f"{_w}tr"):
            if _ancestor_table(tr) is not tbl:
                continue
            row: list[str | None] = []
            for tc in tr.findall(f"{_w}tc") + [c for s in tr.findall(f"{_w}sdt") for c in s.iter(f"{_w}tc")]:
                row += self.cell(tc, index)
            rows.append(row)
        self.out.blocks[index - 1] = Table(index, rows)

    def cell(self, tc: etree._Element, index: int) -> list[str | None]:
        tcpr = _child(tc, f"{_w}tcPr")
        span, merged = 1, False
        if tcpr is not None:
            gs = _child(tcpr, f"{_w}gridSpan")
            value = gs.get(f"{_w}val", "") if gs is not None else ""
            span = to_int(value, 1, 1, 64)
            vm = _child(tcpr, f"{_w}vMerge")
            merged = vm is not None and vm.get(f"{_w}val", "continue") == "continue"
        lines = [_cell_text(p) for p in tc.iter(f"{_w}p")]
        text = "\n".join(lines)
        value = None if merged or text == "" else text
        return [value] + [None] * (span - 1)


Reader = _Reader  # for review_read, which reads a reviewed export element by element into its marked places

_CELL_TAGS = (f"{_w}t", f"{_w}tab", f"{_w}br", f"{_w}cr")


def _cell_text(p: etree._Element) -> str:
    """A table cell paragraph's plain text, quickly: cells hold figures, formatting does not matter.
    Deleted text (w:delText) and field instructions (w:instrText) are other tags, so they stay out."""
    out = []
    for el in p.iter(*_CELL_TAGS):
        if el.tag == f"{_w}t":
            out.append(el.text or "")
        elif el.tag == f"{_w}tab":
            out.append("\t")
        elif el.get(f"{_w}type", "textWrapping") == "textWrapping":
            out.append("\n")
    return "".join(out)


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    """el.find(tag) for a direct child, at half the cost (no path to parse): the reader asks it per cell and run."""
    for child in el.iterchildren(tag):
        return child
    return None


def _indent(p: etree._Element) -> int:
    """A paragraph's direct left indent in list steps (360 twips): a paragraph inside a list item."""
    ind = p.find(f"{_w}pPr/{_w}ind")
    value = (ind.get(f"{_w}left") or ind.get(f"{_w}start") or "0") if ind is not None else "0"
    twips = to_int(value, 0)
    return min(twips // 360, 8) if twips % 360 == 0 else 0


def _ancestor_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_w}tbl":
        parent = parent.getparent()
    return parent


class _Runs:
    """The text segments of one paragraph, walking runs, links, insertions, fields and content controls."""

    def __init__(self, reader: _Reader, index: int):
        self.reader, self.index = reader, index
        self.segments: list[Run] = []
        self.boxes: list[etree._Element] = []
        self.fields: list[list] = []  # stack of [instruction, showing_result]

    def walk(self, el: etree._Element, link: str = "") -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_w}r":
                self.run(child, link)
            elif tag == f"{_w}hyperlink":
                rid = child.get(f"{{{R}}}id", "")
                self.walk(child, self.reader.pkg.links.get(rid, "") or link)
            elif tag in (f"{_w}ins", f"{_w}smartTag", f"{_w}customXml", f"{_w}fldSimple", f"{_w}moveTo",
                         f"{_w}sdtContent", f"{_w}sdt", f"{_w}dir", f"{_w}bdo"):
                m = _HYPERLINK.search(child.get(f"{_w}instr", "")) if tag == f"{_w}fldSimple" else None
                self.walk(child, m.group(1) if m else link)
            elif tag == f"{{{MC}}}AlternateContent":
                self.drawing(child)

    def run(self, r: etree._Element, link: str) -> None:
        rpr = _child(r, f"{_w}rPr")
        bold, italic = self.formatting(rpr)
        for child in r:
            tag = child.tag
            if tag == f"{_w}fldChar":
                self.field_char(child.get(f"{_w}fldCharType", ""))
            elif tag == f"{_w}instrText":
                if self.fields:
                    self.fields[-1][0] += child.text or ""
            elif self.fields and not self.fields[-1][1]:
                continue  # inside a field's instruction: not text
            elif tag == f"{_w}t":
                self.add(child.text or "", bold, italic, link or self.field_link())
            elif tag == f"{_w}tab":
                self.add("\t", bold, italic, link)
            elif tag in (f"{_w}br", f"{_w}cr"):
                if child.get(f"{_w}type", "textWrapping") == "textWrapping":
                    self.add("\n", False, False, "")
            elif tag == f"{_w}noBreakHyphen":
                self.add("-", bold, italic, link)
            elif tag in (f"{_w}drawing", f"{_w}pict", f"{{{MC}}}AlternateContent"):
                self.drawing(child)
            elif tag == f"{_w}object":
                self.reader.out.objects.append(self.index)
            elif tag in (f"{_w}footnoteReference", f"{_w}endnoteReference"):
                self.reader.out.footnotes.append(self.index)

    def formatting(self, rpr: etree._Element | None) -> tuple[bool, bool]:
        if rpr is None:
            return False, False
        rs = _child(rpr, f"{_w}rStyle")
        st = self.reader.styles.get(rs.get(f"{_w}val", "")) if rs is not None else None
        b, i = _child(rpr, f"{_w}b"), _child(rpr, f"{_w}i")
        bold = on(b) if b is not None else bool(st and st.bold)
        italic = on(i) if i is not None else bool(st and st.italic)
        return bold, italic

    def field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def field_link(self) -> str:
        for instr, showing in reversed(self.fields):
            m = _HYPERLINK.search(instr)
            if showing and m:
                return m.group(1)
        return ""

    def drawing(self, el: etree._Element) -> None:
        if el.tag == f"{{{MC}}}AlternateContent":
            choice = el.find(f"{{{MC}}}Choice")
            el = choice if choice is not None else el
        if el.tag == f"{_w}object" or any(True for _ in el.iter(f"{_w}object")):
            self.reader.out.objects.append(self.index)
        else:
            self.reader.out.images.append(self.index)
        self.boxes += [box for box in el.iter(f"{_w}txbxContent")]

    def add(self, text: str, bold: bool, italic: bool, link: str) -> None:
        self.segments.append(Run(text, bold, italic, link))

