"""WordprocessingML body elements built directly with lxml: paragraphs, runs, links, lists, sections.

Why not python-docx's document API: at report size it is far too slow (measured for issue 3: 11,000
`add_paragraph` calls take about 2 s, 5 s when each names a style; filling 44 member-state tables cell
by cell takes 14 s), while building the same body as lxml elements takes a fraction of a second; most of
the body is even written as XML strings parsed once (RichWriter, docx_tables). Styles are named by the
ids the base document defines (resources/make_base_docx.py), so nothing is looked up per paragraph.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from copdesk.core.markdown.dialect import Block, Run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, PPR, R, RPR, T, BR, TAB = w("p"), w("pPr"), w("r"), w("rPr"), w("t"), w("br"), w("tab")
PSTYLE, RSTYLE, VAL, B, I = w("pStyle"), w("rStyle"), w("val"), w("b"), w("i")  # noqa: E741 (I: w:i, as B is w:b)
ILVL, BIDI = w("ilvl"), w("bidi")
R_ID = f"{{{R_NS}}}id"
SUB = etree.SubElement

# Style ids defined by the base document.
STYLES = {"title": "Title", "subtitle": "Subtitle", "status": "ReportStatus", "wording": "OfficialWording",
          "question": "Question", "note": "Note", "summary": "SummaryNote", "list": "AnswerList",
          "cell": "TableText", "gap": "TableGap", "toc_heading": "TOCHeading", "toc1": "TOC1", "toc2": "TOC2",
          "table_note": "TableNote"}
BULLET_NUM_ID, NUMBER_ABSTRACT_ID = 1, 2
_SPLIT = re.compile(r"(\n|\t)")
_LETTER = re.compile(r"[^\W\d_]")


def paragraph(parent, style: str | None = None) -> etree._Element:
    p = SUB(parent, P)
    if style:
        SUB(SUB(p, PPR), PSTYLE, {VAL: style})
    return p


def ppr(p) -> etree._Element:
    """The paragraph's properties element (created first in the paragraph when missing)."""
    first = p[0] if len(p) else None
    if first is not None and first.tag == PPR:
        return first
    props = etree.Element(PPR)
    p.insert(0, props)
    return props


def add_text(parent, text: str, bold: bool = False, italic: bool = False, char_style: str = "") -> None:
    """A run holding `text`; "\\n" becomes a line break and "\\t" a tab, as Word needs."""
    r = SUB(parent, R)
    if bold or italic or char_style:
        props = SUB(r, RPR)
        if char_style:
            SUB(props, RSTYLE, {VAL: char_style})
        if bold:
            SUB(props, B)
        if italic:
            SUB(props, I)
    if "\n" not in text and "\t" not in text:
        SUB(r, T, {XML_SPACE: "preserve"}).text = text
        return
    for piece in _SPLIT.split(text):
        if piece == "\n":
            SUB(r, BR)
        elif piece == "\t":
            SUB(r, TAB)
        elif piece:
            SUB(r, T, {XML_SPACE: "preserve"}).text = piece


def is_rtl(text: str) -> bool:
    """True when the first letter is from a right-to-left script (the paragraph then reads right to left)."""
    m = _LETTER.search(text)
    return bool(m) and unicodedata.bidirectional(m.group(0)) in ("R", "AL")


class Links:
    """Hyperlink relationships of the document part, one id per distinct address."""

    def __init__(self):
        self.ids: dict[str, str] = {}

    def rid(self, url: str) -> str:
        if url not in self.ids:
            self.ids[url] = f"rIdLink{len(self.ids) + 1}"
        return self.ids[url]


class Numbering:
    """Numbered lists: each new list gets its own w:num so its numbering restarts (bullets share one)."""

    def __init__(self, first_id: int = 100):
        self.next_id = first_id
        self.nums: list[tuple[int, int, int]] = []  # (numId, level, start)

    def new_list(self, level: int, start: int) -> int:
        num_id = self.next_id
        self.next_id += 1
        self.nums.append((num_id, level, start))
        return num_id

    def xml_elements(self) -> list[etree._Element]:
        out = []
        for num_id, level, start in self.nums:
            num = etree.Element(w("num"), {w("numId"): str(num_id)})
            SUB(num, w("abstractNumId"), {VAL: str(NUMBER_ABSTRACT_ID)})
            for ilvl in range(9):
                override = SUB(num, w("lvlOverride"), {ILVL: str(ilvl)})
                SUB(override, w("startOverride"), {VAL: str(start if ilvl == level else 1)})
            out.append(num)
        return out


def escape(text: str) -> str:
    """XML-escape text content (xml.sax.saxutils would import urllib and http: 12 ms at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


TEXT_CHUNK = 1_000_000  # characters per w:t: lxml (and python-docx, which uses it) refuses a text node
# of 10,000,000 characters, and one line of an answer may be longer (the Word importer can make one)


def text_xml(text: str) -> str:
    """`text` as the inside of a w:r: escaped, with "\\n" as a line break and "\\t" as a tab; a very long
    text is cut into several w:t of TEXT_CHUNK characters, which Word shows as one."""
    if len(text) > TEXT_CHUNK:
        return "".join(text_xml(text[i:i + TEXT_CHUNK]) for i in range(0, len(text), TEXT_CHUNK))
    text = escape(text)
    if "\n" in text or "\t" in text:
        text = text.replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">').replace(
            "\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return f'<w:t xml:space="preserve">{text}</w:t>'


def parse_fragment(xml: str) -> list[etree._Element]:
    """Elements from an XML string written with the w: and r: prefixes (one parse, C speed)."""
    return list(etree.fromstring(f'<w:body xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:body>'))


class RichWriter:
    """Writes parsed answers (core.markdown.dialect blocks) as paragraphs, with real hyperlinks and list numbering.

    The paragraphs are written as one XML string per answer and parsed once: a platform report has
    ten thousand runs, and building them element by element was a third of the export's time.
    """

    def __init__(self, links: Links, numbering: Numbering):
        self.links, self.numbering = links, numbering

    def blocks(self, parent, blocks: list[Block]) -> None:
        parent.extend(parse_fragment(self.blocks_xml(blocks)))

    def blocks_xml(self, blocks: list[Block]) -> str:
        out = []
        numbered: dict[int, int] = {}  # list level -> numId of the numbered list open at that level
        for block in blocks:
            for lvl in [k for k in numbered if k > block.level or (k == block.level and block.kind != "number")]:
                del numbered[lvl]
            props = []  # pPr children in schema order: pStyle, numPr, bidi, ind
            if block.kind == "bullet":
                props += [_LIST_STYLE, _num_xml(BULLET_NUM_ID, block.level)]
            elif block.kind == "number":
                if block.start or block.level not in numbered:
                    numbered[block.level] = self.numbering.new_list(block.level, block.start or 1)
                props += [_LIST_STYLE, _num_xml(numbered[block.level], block.level)]
            if is_rtl(block.text):
                props.append("<w:bidi/>")
            if block.kind == "p" and block.level:
                props.append(f'<w:ind w:left="{360 * block.level}"/>')
            ppr_xml = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
            out.append(f"<w:p>{ppr_xml}{self.runs_xml(block.runs)}</w:p>")
        return "".join(out)

    def runs_xml(self, runs: tuple[Run, ...]) -> str:
        out = []
        for run in runs:
            props = ('<w:rStyle w:val="Hyperlink"/>' if run.url else "") + ("<w:b/>" if run.bold else "") + (
                "<w:i/>" if run.italic else "")
            r = f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}{text_xml(run.text)}</w:r>"
            if run.url:
                r = f'<w:hyperlink r:id="{self.links.rid(run.url)}" w:history="1">{r}</w:hyperlink>'
            out.append(r)
        return "".join(out)


_LIST_STYLE = f'<w:pStyle w:val="{STYLES["list"]}"/>'


def _num_xml(num_id: int, level: int) -> str:
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
