"""Build resources/base.docx, the styled starting document of the Word export.

Run from the repository root:  .venv/bin/python resources/make_base_docx.py
(python-docx comes with the test extra, which ./dev installs; copdesk itself does not need it).

Why a base document: Word and python-docx only use styles that exist in the starting document, and a
report must show its chapter > commitment > measure > QRE/SLI tree in Word's navigation pane. The base
holds every style the exporter names (ids listed in copdesk.core.exports.docx_xml.STYLES), the bullet and
numbered list definitions, the page set-up (A4 portrait), a page header with a placeholder the exporter
fills with the signatory and report title, a footer with "Page X of Y" fields, and settings written out
in the schema's order (no request to update fields on open: the contents' page numbers are PAGEREF fields,
see copdesk.core.exports.docx_body). The body is empty: the exporter fills it.

python-docx gives the package; the parts it cannot express (styles, numbering, fields) are written as
XML here, so the whole base is readable in one place. The file it writes is committed; re-run this
script after changing it.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Twips

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W_NS}"'
HEADER_PLACEHOLDER = "COPDESK-HEADER-TEXT"  # replaced by the exporter (signatory · title · status)

# Page: A4 portrait, margins in twips (1 cm = 567). The exporter reads these from the base.
PAGE = {"w": 11906, "h": 16838, "top": 1304, "bottom": 1247, "left": 1247, "right": 1247,
        "header": 624, "footer": 567}
TEXT_WIDTH = PAGE["w"] - PAGE["left"] - PAGE["right"]

FONT = "Calibri"
NAVY, BLUE, GREY = "1F3864", "2F5496", "595959"


def _ppr(after=120, before=0, keep=False, extra=""):
    keep_xml = "<w:keepNext/><w:keepLines/>" if keep else ""
    return f'<w:pPr>{keep_xml}<w:spacing w:before="{before}" w:after="{after}"/>{extra}</w:pPr>'


def _rpr(size=None, bold=False, italic=False, color=None, caps=False, letter_spacing=0):
    """Run properties in the schema's order (b, i, caps, color, spacing, sz): Word rejects other orders."""
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if letter_spacing:
        parts.append(f'<w:spacing w:val="{letter_spacing}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def _pstyle(sid, name, ppr="", rpr="", based="Normal", nxt="Normal", default=False, extra=""):
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    default_xml = ' w:default="1"' if default else ""
    return (f'<w:style w:type="paragraph" w:styleId="{sid}"{default_xml}>'
            f'<w:name w:val="{name}"/>{based_xml}<w:next w:val="{nxt}"/>{extra}<w:qFormat/>{ppr}{rpr}</w:style>')


def _heading(level, size, color, before, after, italic=False, border=False):
    bdr = (f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="4" w:color="{color}"/></w:pBdr>'
           if border else "")
    ppr = (f'<w:pPr><w:keepNext/><w:keepLines/>{bdr}<w:spacing w:before="{before}" w:after="{after}"/>'
           f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>')
    return _pstyle(f"Heading{level}", f"heading {level}", ppr, _rpr(size, True, italic, color),
                   extra='<w:uiPriority w:val="9"/>')


def _toc_tabs():
    return f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'


def styles_xml() -> str:
    """Every style the exporter uses; ids are what the document XML names."""
    defaults = (
        f'<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" '
        f'w:cs="{FONT}"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="en-GB" '
        'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" '
        'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>')
    styles = [
        _pstyle("Normal", "Normal", based="", default=True),
        _pstyle("Title", "Title", _ppr(80, 0, extra='<w:contextualSpacing/>'), _rpr(52, True, color=NAVY)),
        _pstyle("Subtitle", "Subtitle", _ppr(160), _rpr(32, color=BLUE)),
        _pstyle("ReportStatus", "Report Status", _ppr(480), _rpr(22, True, color="C55A11", caps=True,
                                                                   letter_spacing=20)),
        _heading(1, 32, NAVY, 480, 200, border=True),
        _heading(2, 27, BLUE, 360, 120),
        _heading(3, 24, NAVY, 280, 80),
        _heading(4, 22, BLUE, 220, 60),
        _heading(5, 21, "404040", 200, 60, italic=True),
        _pstyle("OfficialWording", "Official Wording",
                '<w:pPr><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="A5B7D9"/></w:pBdr>'
                '<w:spacing w:after="160"/><w:ind w:left="227"/></w:pPr>', _rpr(20, color="404040")),
        _pstyle("Question", "Question", _ppr(60, 160, keep=True), _rpr(None, True, color="262626")),
        _pstyle("Note", "Note", _ppr(160), _rpr(19, italic=True, color=GREY)),
        _pstyle("SummaryNote", "copdesk Summary", _ppr(120), _rpr(19, italic=True, color="7F7F7F")),
        _pstyle("AnswerList", "Answer List", _ppr(60, extra='<w:contextualSpacing/>')),
        _pstyle("TableText", "Table Text", '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
                'w:lineRule="auto"/></w:pPr>', _rpr(17)),
        _pstyle("TableNote", "copdesk Table Note", _ppr(80, 0, keep=True), _rpr(19, True, color=BLUE)),
        _pstyle("TableGap", "Table Gap", '<w:pPr><w:spacing w:before="0" w:after="120" w:line="240" '
                'w:lineRule="auto"/></w:pPr>', _rpr(12)),
        _pstyle("TOCHeading", "TOC Heading", _ppr(200, 0), _rpr(32, True, color=NAVY)),
        _pstyle("TOC1", "toc 1", f'<w:pPr>{_toc_tabs()}<w:spacing w:before="120" w:after="20"/></w:pPr>',
                _rpr(None, True)),
        _pstyle("TOC2", "toc 2", f'<w:pPr>{_toc_tabs()}<w:spacing w:after="0"/><w:ind w:left="284"/></w:pPr>',
                _rpr(20)),
        _pstyle("Header", "header", f'<w:pPr><w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
                '<w:spacing w:after="0"/></w:pPr>', _rpr(16, color=GREY)),
        _pstyle("Footer", "footer", '<w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>',
                _rpr(16, color=GREY)),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name '
        'w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn '
        'w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        '</w:tblCellMar></w:tblPr></w:style>',
        sli_table_style(),
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:semiHidden/></w:style>',
    ]
    return f'<w:styles {NS}>{defaults}{"".join(styles)}</w:styles>'


def sli_table_style() -> str:
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return ('<w:style w:type="table" w:styleId="SLITable"><w:name w:val="SLI Table"/><w:basedOn w:val="TableNormal"/>'
            f'<w:pPr><w:spacing w:after="0"/></w:pPr><w:tblPr><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" '
            'w:color="auto" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr></w:style>')


def _level(ilvl: int, fmt: str, text: str, font: str = "") -> str:
    left = 360 + 360 * ilvl
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>')


def numbering_xml() -> str:
    """numId 1: bullets (9 levels); numId 2: numbers. The exporter adds a w:num per numbered list."""
    bullets = ["\u2022", "\u25e6", "\u25aa"]
    bullet_levels = "".join(_level(i, "bullet", bullets[i % 3], "Arial") for i in range(9))
    number_formats = ["decimal", "lowerLetter", "lowerRoman"]
    number_levels = "".join(_level(i, number_formats[i % 3], f"%{i + 1}.") for i in range(9))
    return (f'<w:numbering {NS}>'
            f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{bullet_levels}'
            '</w:abstractNum>'
            f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>{number_levels}'
            '</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>')


def _field(instr: str, shown: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} '
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def footer_paragraph() -> str:
    return (f'<w:p {NS}><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
            f'{_field("PAGE", "1")}<w:r><w:t xml:space="preserve"> of </w:t></w:r>{_field("NUMPAGES", "1")}</w:p>')


def header_paragraph() -> str:
    return (f'<w:p {NS}><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">'
            f'{HEADER_PLACEHOLDER}</w:t></w:r></w:p>')


def _replace_children(element, xml: str) -> None:
    new = parse_xml(xml)
    for child in list(element):
        element.remove(child)
    for child in list(new):
        element.append(child)


def _set_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(PAGE["w"]), Twips(PAGE["h"])
    section.top_margin, section.bottom_margin = Twips(PAGE["top"]), Twips(PAGE["bottom"])
    section.left_margin, section.right_margin = Twips(PAGE["left"]), Twips(PAGE["right"])
    section.header_distance, section.footer_distance = Twips(PAGE["header"]), Twips(PAGE["footer"])
    header, footer = section.header, section.footer
    header.is_linked_to_previous = False
    footer.is_linked_to_previous = False
    _replace_children(header._element, f"<w:hdr {NS}>{header_paragraph()}</w:hdr>")
    _replace_children(footer._element, f"<w:ftr {NS}>{footer_paragraph()}</w:ftr>")
    # The cover page (title, status, contents) shows neither: its header would repeat the title. The
    # exporter keeps titlePg in the first section only, so landscape sections keep their header.
    section.different_first_page_header_footer = True
    for part in (section.first_page_header, section.first_page_footer):
        part.is_linked_to_previous = False
        tag = "hdr" if part is section.first_page_header else "ftr"
        style = "Header" if tag == "hdr" else "Footer"
        _replace_children(part._element, f'<w:{tag} {NS}><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p></w:{tag}>')


COMPAT = {"compatibilityMode": "15",  # 14 (Word 2010) opens as "[Compatibility Mode]"
          "overrideTableStyleFontSizeAndJustification": "1", "enableOpenTypeFeatures": "1",
          "doNotFlipMirrorIndents": "1"}


def settings_xml() -> str:
    """word/settings.xml, each element in the order of the schema (CT_Settings). python-docx's default had a
    w:zoom without its required w:percent, a proofState saying the text was already spell-checked, and ids
    every export shared; a settings part Word's validator accepts holds only what copdesk means."""
    compat = "".join(f'<w:compatSetting w:name="{name}" w:uri="http://schemas.microsoft.com/office/word" '
                     f'w:val="{value}"/>' for name, value in COMPAT.items())
    return (f'<w:settings {NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
            '<w:characterSpacingControl w:val="doNotCompress"/>'
            f'<w:compat>{compat}</w:compat><w:themeFontLang w:val="en-GB"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def _set_settings(doc) -> None:
    _replace_children(doc.settings.element, settings_xml())


def _drop_extras(doc) -> None:
    """The default template carries a thumbnail, stylesWithEffects and customXml: not needed, and slow."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            doc.part.drop_rel(rid)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)


def build(out: Path) -> None:
    doc = docx.Document()
    _drop_extras(doc)
    _replace_children(doc.styles.element, styles_xml())
    _replace_children(doc.part.numbering_part.element, numbering_xml())
    _set_page(doc)
    _set_settings(doc)
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by, props.comments = "", "", "", ""
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    out.write_bytes(_with_app_xml(buffer.getvalue()))


APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxml'
           'formats.org/officeDocument/2006/extended-properties"><Application>copdesk</Application></Properties>')


def _with_app_xml(data: bytes) -> bytes:
    """python-docx's default app.xml claims "Microsoft Macintosh Word"; say who wrote the file instead."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = APP_XML.encode() if info.filename == "docProps/app.xml" else src.read(info)
            dst.writestr(info.filename, blob)
    return out.getvalue()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("base.docx")
    build(target)
    print(f"Wrote {target}")
