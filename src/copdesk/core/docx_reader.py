"""A Word document body as a flat list of blocks: paragraphs (with Markdown) and tables (cells as typed).

The report parser recognises the template by text, so this module keeps what the text needs and no more:
each paragraph's plain text and its Markdown (bold, italic, links, soft line breaks), its style name,
heading level and list level; each table's cells exactly as typed. Tracked deletions and field codes are
left out, insertions and field results kept. Images and embedded objects are counted, never read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from copdesk.core import mdwrite as markdown
from copdesk.core.docx_guard import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_w = f"{{{W}}}"
_OFF = ("0", "false", "off", "none")
_HEADING = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.I)
_TOC = re.compile(r"^(toc|table of contents|contents)\s*(\d|heading)?$", re.I)
_HYPERLINK = re.compile(r'HYPERLINK\s+"([^"]+)"')


@dataclass(frozen=True)
class Paragraph:
    index: int  # position among the body's blocks, 1-based (what the user is shown)
    text: str  # plain text; a soft line break is "\n"
    md: str  # the same as inline Markdown
    style: str = ""
    heading: int = 0  # 1..9 for a heading style or outline level, else 0
    list_level: int = -1  # -1 when not a list item
    list_kind: str = ""  # "bullet" or "number" for a list item
    number: int = 0  # the number Word shows on a numbered item
    indent: int = 0  # left indent in list steps (360 twips) of a paragraph that is not a list item


@dataclass(frozen=True)
class Table:
    index: int
    rows: list[list[str | None]]


@dataclass
class Body:
    blocks: list = field(default_factory=list)
    images: list[int] = field(default_factory=list)  # block index of each image
    objects: list[int] = field(default_factory=list)  # block index of each embedded object


@dataclass(frozen=True)
class _Style:
    name: str
    heading: int
    numbered: bool
    level: int
    bold: bool
    italic: bool
    num_id: str = ""


_NO_STYLE = _Style("", 0, False, 0, False, False)


def read_body(pkg: Package) -> Body:
    """Every paragraph and table of the document body, in order."""
    reader = _Reader(pkg)
    body = pkg.document.find(f"{_w}body")
    if body is not None:
        reader.container(body)
    return reader.out


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(f"{_w}val", "true").lower() not in _OFF


def _styles(pkg: Package) -> dict[str, _Style]:
    raw: dict[str, etree._Element] = {}
    if pkg.styles is not None:
        for st in pkg.styles.iter(f"{_w}style"):
            raw[st.get(f"{_w}styleId", "")] = st
    out: dict[str, _Style] = {}

    def resolve(sid: str, depth: int = 0) -> _Style:
        if sid in out:
            return out[sid]
        st = raw.get(sid)
        if st is None or depth > 20:
            return _Style(sid, 0, False, 0, False, False)
        based = st.find(f"{_w}basedOn")
        parent = resolve(based.get(f"{_w}val", ""), depth + 1) if based is not None else None
        name_el = st.find(f"{_w}name")
        name = name_el.get(f"{_w}val", sid) if name_el is not None else sid
        ppr, rpr = st.find(f"{_w}pPr"), st.find(f"{_w}rPr")
        m = _HEADING.match(name)
        outline = ppr.find(f"{_w}outlineLvl") if ppr is not None else None
        heading = int(m.group(1)) if m else (int(outline.get(f"{_w}val", "9")) + 1 if outline is not None else 0)
        num = ppr.find(f"{_w}numPr") if ppr is not None else None
        num_id = num.find(f"{_w}numId") if num is not None else None
        ilvl = num.find(f"{_w}ilvl") if num is not None else None
        numbered = num_id is not None and num_id.get(f"{_w}val", "0") != "0"
        s = _Style(name, heading if 0 < heading < 10 else (parent.heading if parent else 0),
                   numbered or bool(parent and parent.numbered and num_id is None),
                   int(ilvl.get(f"{_w}val", "0")) if ilvl is not None else (parent.level if parent else 0),
                   _on(rpr.find(f"{_w}b")) if rpr is not None and rpr.find(f"{_w}b") is not None else bool(parent and parent.bold),
                   _on(rpr.find(f"{_w}i")) if rpr is not None and rpr.find(f"{_w}i") is not None else bool(parent and parent.italic),
                   num_id.get(f"{_w}val", "") if numbered else (parent.num_id if parent else ""))
        out[sid] = s
        return s

    for sid in raw:
        resolve(sid)
    return out


class _Reader:
    def __init__(self, pkg: Package):
        self.pkg, self.out = pkg, Body()
        self.styles = _styles(pkg)
        self.numbering = Numbering(pkg.numbering)

    def container(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_w}p":
                self.paragraph(child)
            elif tag == f"{_w}tbl":
                self.table(child)
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
        self.out.blocks.append(Paragraph(index, text, markdown.inline(runs.segments), style, heading, level,
                                         kind, number, _indent(p) if level < 0 else 0))
        for box in runs.boxes:  # text boxes inside drawings follow their paragraph
            self.container(box)

    def paragraph_props(self, p: etree._Element) -> tuple[str, int, int, str]:
        ppr = p.find(f"{_w}pPr")
        sid_el = ppr.find(f"{_w}pStyle") if ppr is not None else None
        st = self.styles.get(sid_el.get(f"{_w}val", "") if sid_el is not None else "", None) or _NO_STYLE
        heading, level, num = st.heading, (st.level if st.numbered else -1), st.num_id
        if ppr is not None:
            outline = ppr.find(f"{_w}outlineLvl")
            if outline is not None and outline.get(f"{_w}val", "9").isdigit() and int(outline.get(f"{_w}val")) < 9:
                heading = int(outline.get(f"{_w}val")) + 1
            num = ppr.find(f"{_w}numPr")
            if num is not None:
                num_id, ilvl = num.find(f"{_w}numId"), num.find(f"{_w}ilvl")
                if num_id is not None and num_id.get(f"{_w}val", "0") == "0":
                    level = -1
                elif num_id is not None or st.numbered:
                    level = int(ilvl.get(f"{_w}val", "0")) if ilvl is not None else max(st.level, 0)
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
        tcpr = tc.find(f"{_w}tcPr")
        span, merged = 1, False
        if tcpr is not None:
            gs = tcpr.find(f"{_w}gridSpan")
            span = max(1, min(int(gs.get(f"{_w}val", "1")), 64)) if gs is not None and gs.get(f"{_w}val", "").isdigit() else 1
            vm = tcpr.find(f"{_w}vMerge")
            merged = vm is not None and vm.get(f"{_w}val", "continue") == "continue"
        lines = []
        for p in tc.iter(f"{_w}p"):
            runs = _Runs(self, index)
            runs.walk(p)
            lines.append("".join(s.text for s in runs.segments))
        text = "\n".join(lines)
        value = None if merged or text == "" else text
        return [value] + [None] * (span - 1)


def _indent(p: etree._Element) -> int:
    """A paragraph's direct left indent in list steps (360 twips): a paragraph inside a list item."""
    ind = p.find(f"{_w}pPr/{_w}ind")
    value = (ind.get(f"{_w}left") or ind.get(f"{_w}start") or "0") if ind is not None else "0"
    return int(value) // 360 if value.isdigit() and int(value) % 360 == 0 else 0


def _ancestor_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != f"{_w}tbl":
        parent = parent.getparent()
    return parent


class _Runs:
    """The text segments of one paragraph, walking runs, links, insertions, fields and content controls."""

    def __init__(self, reader: _Reader, index: int):
        self.reader, self.index = reader, index
        self.segments: list[markdown.Segment] = []
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
        rpr = r.find(f"{_w}rPr")
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

    def formatting(self, rpr: etree._Element | None) -> tuple[bool, bool]:
        if rpr is None:
            return False, False
        rs = rpr.find(f"{_w}rStyle")
        st = self.reader.styles.get(rs.get(f"{_w}val", "")) if rs is not None else None
        b, i = rpr.find(f"{_w}b"), rpr.find(f"{_w}i")
        bold = _on(b) if b is not None else bool(st and st.bold)
        italic = _on(i) if i is not None else bool(st and st.italic)
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
        self.segments.append(markdown.Segment(text, bold, italic, link))


class Numbering:
    """Word's list definitions: whether a list level is bulleted or numbered, and the number it shows."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[tuple[str, int], tuple[str, int]] = {}  # (numId, ilvl) -> (numFmt, start)
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {a.get(f"{_w}abstractNumId", ""): self._lvls(a) for a in root.iter(f"{_w}abstractNum")}
        for num in root.iter(f"{_w}num"):
            ref = num.find(f"{_w}abstractNumId")
            lvls = dict(abstract.get(ref.get(f"{_w}val", "") if ref is not None else "", {}))
            for ov in num.iter(f"{_w}lvlOverride"):
                ilvl = int(ov.get(f"{_w}ilvl", "0") or 0)
                so = ov.find(f"{_w}startOverride")
                lvl = ov.find(f"{_w}lvl")
                fmt, start = self._lvls_one(lvl) if lvl is not None else lvls.get(ilvl, ("bullet", 1))
                if so is not None and so.get(f"{_w}val", "").isdigit():
                    start = int(so.get(f"{_w}val"))
                lvls[ilvl] = (fmt, start)
            for ilvl, spec in lvls.items():
                self.levels[(num.get(f"{_w}numId", ""), ilvl)] = spec

    def _lvls(self, abstract: etree._Element) -> dict[int, tuple[str, int]]:
        return {int(lvl.get(f"{_w}ilvl", "0") or 0): self._lvls_one(lvl) for lvl in abstract.findall(f"{_w}lvl")}

    @staticmethod
    def _lvls_one(lvl: etree._Element) -> tuple[str, int]:
        fmt, start = lvl.find(f"{_w}numFmt"), lvl.find(f"{_w}start")
        value = start.get(f"{_w}val", "1") if start is not None else "1"
        return (fmt.get(f"{_w}val", "bullet") if fmt is not None else "bullet", int(value) if value.isdigit() else 1)

    def next(self, num_id: str, level: int) -> tuple[str, int]:
        """("bullet", 0) or ("number", N) for the next item of list `num_id` at `level`."""
        fmt, start = self.levels.get((num_id, level), ("bullet", 1))
        if fmt in ("bullet", "none", ""):
            return "bullet", 0
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        return "number", start + counts[level] - 1
