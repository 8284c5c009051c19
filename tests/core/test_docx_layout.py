"""The Word export's page layout: tables that fill the width, landscape pages, split tables, the contents
with page numbers, document properties and a schema-ordered settings part; rendered by LibreOffice too."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from copdesk.core.exports import docx_tables
from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.imports.word import read_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
UPRIGHT, SIDEWAYS = 11906 - 2 * 1247, 16838 - 2 * 1247  # text widths of the base document's A4 page

# CT_Settings in ECMA-376 part 1 (17.15.1.78): the order its children must come in.
SETTINGS_ORDER = """writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries
displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts
embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader
bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState
formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge
revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride
styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone
doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders
bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing
drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery
doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData
noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter
noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent
alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags
alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr
attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade
captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol
listSeparator""".split()


def member_table(template, metrics: list[str], rnd: random.Random, big: bool = False) -> list[list[str]]:
    rows = [[template.country_column] + metrics]
    totals = [0] * len(metrics)
    for state in template.member_states:
        values = [rnd.randint(0, 9_999_999 if big else 99_999) for _ in metrics]
        totals = [a + b for a, b in zip(totals, values)]
        rows.append([state] + [f"{v:,}" for v in values])
    return rows + [["Total EU"] + [f"{v * 10:,}" for v in totals], ["Total EEA"] + [f"{v * 10:,}" for v in totals]]


WIDE = ["Number of fake accounts removed in the period", "Views of removed items", "Appeals lodged by users",
        "Restored after appeal", "Items labelled", "Reach of removed content"]


@pytest.fixture
def tables_report(new_report, template):
    """Measure 14.2 with two wide tables in a row (the second with no text), a 70-column table and a narrow
    one; Measure 14.1 with a long answer before a wide table."""
    rnd = random.Random(16)
    r = new_report(measures=["14.1", "14.2"])
    r.set_text("header.description", "Osprey Social is a fictional platform. " * 30)
    r.set_text("SLI 14.1.1", "Methodology: we count accounts removed for inauthentic behaviour. " * 60)
    r.set_table("SLI 14.1.1", member_table(template, WIDE, rnd, big=True))
    r.set_text("SLI 14.2.1", "Short methodology.")
    r.set_table("SLI 14.2.1", member_table(template, WIDE, rnd, big=True))
    r.set_table("SLI 14.2.2", member_table(template, WIDE, rnd, big=True))
    r.set_table("SLI 14.2.3", member_table(template, [f"Metric {i}" for i in range(1, 70)], rnd))
    r.set_table("SLI 14.2.4", member_table(template, ["Accounts"], rnd))
    return r


def _sections(document: etree._Element) -> list[tuple[str, list[etree._Element]]]:
    """(orientation, elements) per section, in order (a paragraph's sectPr ends the section holding it)."""
    out, current = [], []
    body = document.find(f"{W}body")
    for el in body:
        if el.tag == f"{W}sectPr":
            out.append((el.find(f"{W}pgSz").get(f"{W}orient") or "portrait", current))
            break
        current.append(el)
        sect = el.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            out.append((sect.find(f"{W}pgSz").get(f"{W}orient") or "portrait", current))
            current = []
    return out


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _export(template, report, tmp_path, **options):
    """(the .docx path, the export's warnings, word/document.xml parsed)"""
    out = tmp_path / "t.docx"
    warnings = export_docx(template, report.snapshot(), out, DocxOptions(**options))
    with zipfile.ZipFile(out) as z:
        return out, warnings, etree.fromstring(z.read("word/document.xml"))


def test_tables_fill_the_text_width_and_leave_room_for_every_number(tables_report, template, tmp_path):
    _, _, document = _export(template, tables_report, tmp_path)
    for orientation, elements in _sections(document):
        width = SIDEWAYS if orientation == "landscape" else UPRIGHT
        for table in (el for el in elements if el.tag == f"{W}tbl"):
            grid = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
            assert sum(grid) == width == int(table.find(f"{W}tblPr/{W}tblW").get(f"{W}w"))
            for row in table.findall(f"{W}tr"):
                for cell, col in zip(row.findall(f"{W}tc"), grid):
                    text = _text(cell)
                    if re.fullmatch(r"[\d,]+", text):  # a figure, bold in the totals: never broken
                        assert col >= docx_tables.text_twips(text) + docx_tables.CELL_MARGINS, (text, col)


def test_a_table_too_wide_to_stand_goes_alone_on_a_landscape_page(tables_report, template, tmp_path):
    _, _, document = _export(template, tables_report, tmp_path)
    sections = _sections(document)
    assert sections[0][0] == "portrait" and sections[-1][0] == "portrait"
    texts = [(o, [_text(el) for el in els if el.tag == f"{W}p" and _text(el)]) for o, els in sections]
    orientations = [o for o, _ in texts]
    first = orientations.index("landscape")
    # SLI 14.1.1: its label, wording and long answer stay upright; the landscape page opens with its table
    assert "SLI 14.1.1" in texts[first - 1][1] and texts[first - 1][1][-1].startswith("Methodology")
    sideways = texts[first][1]
    assert sideways[0] == "SLI 14.1.1 (table)"
    # the short text up to SLI 14.2.1's and 14.2.2's tables stays on landscape pages, not an upright page
    # of its own; their labels are right above their tables, so no caption repeats them
    for label in ("Measure 14.2", "SLI 14.2.1", "Short methodology.", "SLI 14.2.2"):
        assert label in sideways
    assert "SLI 14.2.1 (table)" not in sideways and "SLI 14.2.2 (table)" not in sideways
    columns = {len(t.findall(f"{W}tblGrid/{W}gridCol")): o for o, els in sections for t in els if t.tag == f"{W}tbl"}
    assert columns[2] == "portrait" and columns[7] == "landscape"
    # the cover page has no header or footer; every later section shows them on all its pages
    doc = docx.Document(_export(template, tables_report, tmp_path)[0])
    assert [s.different_first_page_header_footer for s in doc.sections] == [True] + [False] * (len(doc.sections) - 1)


def test_a_table_of_70_columns_is_split_into_parts_with_the_row_labels(tables_report, template, tmp_path):
    out, warnings, document = _export(template, tables_report, tmp_path)
    assert any(w.startswith("SLI 14.2.3: the table has 70 columns, more than Word's 63") for w in warnings)
    heads = [[_text(c) for c in t.findall(f"{W}tr")[0].findall(f"{W}tc")] for t in document.iter(f"{W}tbl")]
    parts = [t for t, head in zip(document.iter(f"{W}tbl"), heads) if head[1].startswith("Metric")]
    assert len(parts) >= 2
    for part in parts:
        cells = part.findall(f"{W}tr")[0].findall(f"{W}tc")
        assert len(cells) <= docx_tables.WORD_MAX_COLUMNS and _text(cells[0]) == "Member State"
    notes = [_text(p) for p in document.iter(f"{W}p") if "(table, part" in _text(p)]
    assert notes[0].startswith(f"SLI 14.2.3 (table, part 1 of {len(parts)}: columns 2\u2013")
    assert len(notes) == len(parts)
    # importing the document puts the parts together again, and the notes are not taken as answers
    back = read_docx(out, template).data
    assert back.tables["SLI 14.2.3"] == tables_report.table("SLI 14.2.3")
    assert back.tables["SLI 14.1.1"] == tables_report.table("SLI 14.1.1")
    assert "table" not in back.text("SLI 14.2.3") and "(table)" not in back.text("SLI 14.2.2")


def test_plan_upright_sideways_or_split():
    rows = [["Member State", "Accounts"], ["Austria", "1,234"]]
    assert docx_tables.plan(rows, UPRIGHT, SIDEWAYS) == [docx_tables.Part((0, 1), False)]
    big = [["Member State"] + [f"M{i}" for i in range(8)], ["Liechtenstein"] + ["168,999,071"] * 8]
    assert docx_tables.plan(big, UPRIGHT, SIDEWAYS) == [docx_tables.Part(tuple(range(9)), True)]
    huge = [["Member State"] + [f"M{i}" for i in range(99)], ["Austria"] + ["1"] * 99]
    parts = docx_tables.plan(huge, UPRIGHT, SIDEWAYS)
    assert [p.columns[0] for p in parts] == [0] * len(parts)  # the row labels in every part
    assert sorted(c for p in parts for c in p.columns[1:]) == list(range(1, 100))
    assert all(len(p.columns) <= 63 and p.landscape for p in parts)


def test_contents_link_each_heading_with_a_page_number_field_and_nothing_asks_word(tables_report, template,
                                                                                      tmp_path):
    out, _, document = _export(template, tables_report, tmp_path)
    with zipfile.ZipFile(out) as z:
        settings = z.read("word/settings.xml").decode()
    xml = etree.tostring(document).decode()
    assert "updateFields" not in settings and "w:dirty" not in xml and " TOC " not in xml
    marks = {b.get(f"{W}name") for b in document.iter(f"{W}bookmarkStart")}
    entries = [p for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None
               and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") in ("TOC1", "TOC2")]
    assert [_text(p) for p in entries] == ["Your organisation description", "Integrity of Services", "Commitment 14"]
    for p in entries:
        anchor = p.find(f"{W}hyperlink").get(f"{W}anchor")
        instr = "".join(t.text for t in p.iter(f"{W}instrText")).strip()
        assert anchor in marks and instr == f"PAGEREF {anchor} \\h"


def test_settings_part_follows_the_schema(tables_report, template, tmp_path):
    out, _, _ = _export(template, tables_report, tmp_path)
    with zipfile.ZipFile(out) as z:
        settings = etree.fromstring(z.read("word/settings.xml"))
    names = [etree.QName(el).localname for el in settings]
    assert names == sorted(names, key=SETTINGS_ORDER.index)
    zoom = settings.find(f"{W}zoom")
    assert zoom.get(f"{W}percent") == "100"  # required by the schema
    assert "proofState" not in names  # it said the text had been spell-checked


def test_last_modified_by_is_the_name_from_preferences(new_report, template, tmp_path):
    r = new_report(measures=["14.1"])
    r.set_text("QRE 14.1.1", "An answer.")
    doc = docx.Document(_export(template, r, tmp_path, modified_by="Ana Ferreira")[0])
    assert doc.core_properties.last_modified_by == "Ana Ferreira"
    doc = docx.Document(_export(template, r, tmp_path)[0])
    assert doc.core_properties.last_modified_by == "tester"  # who last edited an answer (the report's name)


def _pdf_pages(template, report, tmp_path) -> list[str]:
    from copdesk.core.exports.pdf import export_pdf, find_soffice
    if not find_soffice() or not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice and pdftotext must be installed in CI: see .ci/run")
        pytest.skip("LibreOffice or pdftotext is not installed")
    pdf = tmp_path / "t.pdf"
    export_pdf(template, report.snapshot(), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def test_rendered_by_libreoffice_contents_have_page_numbers_and_tables_read_whole(tables_report, template, tmp_path):
    pages = _pdf_pages(template, tables_report, tmp_path)
    contents = dict(re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", pages[0], re.M))
    assert set(contents) == {"Your organisation description", "Integrity of Services", "Commitment 14"}
    for heading, number in contents.items():  # each entry gives the page its heading is on
        page = pages[int(number) - 1]
        assert re.search(rf"^\s*{re.escape(heading)}\s*$", page, re.M), heading
    words = {w for page in pages for w in page.split()}
    for code in ("SLI 14.1.1", "SLI 14.2.1", "SLI 14.2.2"):  # totals in bold: never broken over two lines
        for total in tables_report.table(code)[-1][1:]:
            assert total in words, (code, total)
    for i, page in enumerate(pages[1:-1], 1):  # no page is nearly empty (header and footer aside)
        lines = [line for line in page.splitlines() if line.strip()][1:-1]
        assert len(lines) >= 6, f"page {i + 1}: {lines}"


def test_a_section_that_ends_on_a_table_ends_in_a_paragraph_after_it():
    """A page-orientation change right after a table needs a paragraph to carry the section's properties
    (Word keeps them in a paragraph's properties): one is added after the table, in the gap style."""
    from copdesk.core.exports.docx_body import Body
    document = etree.fromstring(f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:tbl/><w:sectPr/></w:body></w:document>')
    body = Body(document)
    table = body.body[0]
    body._end_section(table, etree.Element(f"{W}sectPr"))
    after = table.getnext()
    assert after is not None and after.tag == f"{W}p"
    assert after.find(f"{W}pPr/{W}sectPr") is not None and after.find(f"{W}pPr/{W}pStyle") is not None
