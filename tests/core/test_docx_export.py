"""The Word export: the example report's order and text, styles, tables, links, sections, safety."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.enum.section import WD_ORIENT

from copdesk.core.exports.word import SUMMARY_MARK, DocxOptions, export_docx
from copdesk.core.errors import CopdeskError
from tests.core import example_layout

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LAYOUT_STYLES = ("TOC Heading", "toc 1", "toc 2", "Table Gap")


@pytest.fixture
def example(new_report, template, tmp_path):
    r = example_layout.build(new_report)
    out = tmp_path / "example.docx"
    warnings = export_docx(template, r.snapshot(), out)
    return r, out, warnings


def body_paragraphs(doc) -> list:
    return [p for p in doc.paragraphs if p.style.name not in LAYOUT_STYLES]


def test_every_paragraph_in_the_example_order(example, template):
    _, out, warnings = example
    assert warnings == []
    got = [p.text for p in body_paragraphs(docx.Document(out))]
    assert got == example_layout.expected_paragraphs(template)


def test_headings_make_the_navigation_tree(example):
    doc = docx.Document(example[1])
    levels = {p.text: p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert levels["Political Advertising"] == "Heading 1"
    assert levels["Commitment 12"] == "Heading 2"
    assert levels["Measure 12.1"] == "Heading 3"
    assert levels["QRE 12.1.1"] == "Heading 4"
    assert levels["Crisis and Elections Response"] == "Heading 1"
    assert levels["Elections 2024"] == "Heading 2"
    assert levels["SLI 17.2.1"] == "Heading 5"
    first = doc.paragraphs[:3]
    assert [p.style.name for p in first] == ["Title", "Subtitle", "Report Status"]


def test_every_table_cell_as_typed(example):
    doc = docx.Document(example[1])
    grids = [[[c.text for c in row.cells] for row in table.rows] for table in doc.tables]
    padded16 = [[c or "" for c in row] + [""] * (3 - len(row)) for row in example_layout.SLI_16_TABLE]
    assert grids == [padded16, example_layout.SLI_17_TABLE]


def test_table_layout(example):
    doc = docx.Document(example[1])
    table = doc.tables[0]._tbl
    rows = table.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    assert all(tc.find(f"{W}tcPr/{W}tcW") is not None for tc in table.iter(f"{W}tc"))
    assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    total = rows[-1]
    assert total.find(f".//{W}b") is not None and total.find(f".//{W}shd") is not None
    austria = rows[1].findall(f"{W}tc")
    assert austria[0].find(f".//{W}jc") is None  # names stay left
    assert austria[1].find(f".//{W}jc").get(f"{W}val") == "right"  # figures line up right
    assert doc.tables[0].style.name == "SLI Table"
    kept = [tr.find(f".//{W}keepNext") is not None for tr in rows]
    assert kept == [True] * (len(rows) - 1) + [False]  # a short table is not split over two pages


def test_tables_that_fit_upright_stand_upright_across_the_text_width(example):
    doc = docx.Document(example[1])
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT]  # six columns fit: no turned page
    assert doc.sections[0].page_width.mm == pytest.approx(210, abs=1)
    text_width = doc.sections[0].page_width.twips - 2 * 1247
    for table in doc.tables:
        assert sum(int(c.get(f"{W}w")) for c in table._tbl.findall(f"{W}tblGrid/{W}gridCol")) == text_width


def test_lists_bold_italic_and_real_hyperlinks(example):
    doc = docx.Document(example[1])
    item = next(p for p in doc.paragraphs if p.text.startswith("sponsors evading"))
    assert item._p.find(f"{W}pPr/{W}numPr") is not None
    assert [r.text for r in item.runs if r.bold] == ["rotating"]
    other = next(p for p in doc.paragraphs if p.text.startswith("state-funded"))
    assert [r.text for r in other.runs if r.italic] == ["political"]
    nested = next(p for p in doc.paragraphs if p.text == "mostly unlabelled")
    assert nested._p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val") == "1"
    links = {h.text: h.address for p in doc.paragraphs for h in p.hyperlinks if h.address}  # not TOC anchors
    assert links == {"our note": "https://example.org/northwind/ads",
                     "https://example.org/northwind": "https://example.org/northwind"}


def test_header_footer_toc_and_properties(example):
    r, out, _ = example
    doc = docx.Document(out)
    header = doc.sections[0].header.paragraphs[0].text
    assert "Northwind Civic Lab" in header and "Report March 2026" in header
    footer = doc.sections[0].footer._element.xml
    assert re.search(r"instrText[^>]*> PAGE <", footer) and re.search(r"instrText[^>]*> NUMPAGES <", footer)
    with zipfile.ZipFile(out) as z:
        document, settings = z.read("word/document.xml").decode(), z.read("word/settings.xml").decode()
    assert "PAGEREF _Toc_copdesk_1" in document  # the contents' page numbers (tests/core/test_docx_layout.py)
    assert "updateFields" not in settings and "w:dirty" not in document  # Word never asks to update fields
    assert re.search(r'compatibilityMode"[^>]*w:val="15"', settings)  # not "[Compatibility Mode]" in Word
    toc = [p.text.split("\t")[0] for p in doc.paragraphs if p.style.name in ("toc 1", "toc 2") and p.text]
    assert toc[:4] == ["Your organisation description", "Political Advertising", "Commitment 12", "Commitment 13"]
    props = doc.core_properties
    assert props.title == "Northwind Civic Lab \u2013 Report March 2026"
    assert props.author == "Northwind Civic Lab" and "Code of Conduct on Disinformation" in props.subject
    assert props.created is not None and props.modified is not None and props.content_status == "Draft"


def test_guidance_is_never_printed_as_wording(new_report, template, tmp_path):
    r = new_report(measures=["12.3"])
    m, qre = template.index["Measure 12.3"], template.index["QRE 12.3.1"]
    assert m.guidance and qre.guidance and not m.wording and not qre.wording
    export_docx(template, r.snapshot(), tmp_path / "a.docx")
    texts = [p.text for p in docx.Document(tmp_path / "a.docx").paragraphs]
    assert all(m.guidance not in t and m.title not in t and qre.guidance not in t for t in texts)
    assert "Measure 12.3" in texts and "QRE 12.3.1" in texts  # the heading alone, as before
    export_docx(template, r.snapshot(), tmp_path / "b.docx", DocxOptions(summaries=True))
    marked = [p for p in docx.Document(tmp_path / "b.docx").paragraphs if p.text.startswith(SUMMARY_MARK)]
    assert [p.text for p in marked][-2:] == [SUMMARY_MARK + m.guidance, SUMMARY_MARK + qre.guidance]
    assert marked[0].style.name == "copdesk Summary"
    assert "not official" in SUMMARY_MARK


def test_unsubscribed_and_empty_slots(new_report, template, tmp_path):
    r = new_report(measures=["14.2"])
    r.set_text("Measure 12.1", "not subscribed, not exported")
    r.set_text("QRE 14.2.1", "answered")
    export_docx(template, r.snapshot(), tmp_path / "a.docx", DocxOptions(empty_slots=False))
    texts = [p.text for p in docx.Document(tmp_path / "a.docx").paragraphs]
    assert "Commitment 12" not in texts and "not subscribed, not exported" not in texts
    assert "QRE 14.2.1" in texts and "SLI 14.2.1" not in texts
    export_docx(template, r.snapshot(), tmp_path / "b.docx")
    assert "SLI 14.2.1" in [p.text for p in docx.Document(tmp_path / "b.docx").paragraphs]


def test_a_chosen_crisis_element_brings_its_measure_heading(new_report, template, tmp_path):
    r = new_report(measures=["39"])
    r.set_text("Crisis 1/title", "Crisis 2025")
    r.set_text("Crisis 1/QRE 16.1.1", "only the QRE was chosen")
    export_docx(template, r.snapshot(), tmp_path / "a.docx")
    texts = [p.text for p in body_paragraphs(docx.Document(tmp_path / "a.docx"))]
    i = texts.index("Crisis 2025")
    assert texts[i + 6:] == ["Integrity of Services", template.crisis.outline_prompt, "", "Measure 16.1", "",
                             "QRE 16.1.1", "only the QRE was chosen"]


def test_bad_input_exports_and_warns(new_report, template, tmp_path):
    r = new_report(measures=["12.1", "14.2"])
    huge = ("Lorem ipsum dolor sit amet. " * 40 + "\n\n") * 900  # about 1 MB
    r.set_text("Measure 12.1", huge)
    r.set_text("QRE 12.1.1", "bell\x07 and form feed\x0c inside")
    r.set_text("Commitment 12 Q2", "\u0627\u0644\u062a\u0642\u0631\u064a\u0631 \u0627\u0644\u0633\u0646\u0648\u064a 2025")
    r.set_text("Commitment 12 Q4", "x" * 200 + " \U0001F600\U0001F30D")
    r.set_table("SLI 14.2.1", [["Member State", "n", "m"], ["Austria"], [None, "5", "6", "7"], ["Belgium\x01", "1"]])
    warnings = export_docx(template, r.snapshot(), tmp_path / "bad.docx")
    assert warnings == ["QRE 12.1.1: removed U+0007, U+000C (characters Word cannot hold)",
                        "SLI 14.2.1: removed U+0001 (characters Word cannot hold)"]
    doc = docx.Document(tmp_path / "bad.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "bell and form feed inside" in texts
    assert sum(t.startswith("Lorem ipsum") for t in texts) == 900
    arabic = next(p for p in doc.paragraphs if p.text.startswith("\u0627"))
    assert arabic._p.find(f"{W}pPr/{W}bidi") is not None
    assert "x" * 200 + " \U0001F600\U0001F30D" in texts
    grid = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert grid == [["Member State", "n", "m", ""], ["Austria", "", "", ""], ["", "5", "6", "7"],
                    ["Belgium", "1", "", ""]]


def test_a_locked_target_keeps_the_old_file(new_report, template, tmp_path, monkeypatch):
    r = new_report()
    out = tmp_path / "report.docx"
    out.write_bytes(b"the old export")

    def locked(src, dst):  # what Windows does while Word has the file open
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(CopdeskError) as err:
        export_docx(template, r.snapshot(), out)
    assert "open in another program" in err.value.message
    assert out.read_bytes() == b"the old export"
    assert not list(tmp_path.glob("*.part"))  # no temporary file left behind


def test_a_folder_or_missing_folder_is_a_clear_error(new_report, template, tmp_path):
    r = new_report()
    with pytest.raises(CopdeskError, match="is a folder"):
        export_docx(template, r.snapshot(), tmp_path)
    with pytest.raises(CopdeskError, match="Cannot write"):
        export_docx(template, r.snapshot(), tmp_path / "no" / "such" / "x.docx")


def test_libreoffice_converts_the_export_to_pdf(new_report, template, tmp_path):
    from copdesk.core.exports.pdf import export_pdf, find_soffice
    if not find_soffice():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) must be installed in CI: see .ci/run")
        pytest.skip("LibreOffice is not installed")
    r = example_layout.build(new_report)
    pdf = tmp_path / "example.pdf"
    assert export_pdf(template, r.snapshot(), pdf) == []
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    assert not list(tmp_path.glob("*.part"))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        for needle in ("Northwind Civic Lab", "Commitment 39", "Elections 2024", "Czech Republic", "Page 2 of"):
            assert needle in text


def test_numbered_lists_restart_in_word(new_report, template, tmp_path):
    r = new_report(measures=["12.1"])
    r.set_text("Measure 12.1", "1. first\n2. second\n\nbetween\n\n5. fifth\n6. sixth")
    export_docx(template, r.snapshot(), tmp_path / "n.docx")
    doc = docx.Document(tmp_path / "n.docx")
    items = [p for p in doc.paragraphs if p.text in ("first", "second", "fifth", "sixth")]
    ids = [p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in items]
    assert ids[0] == ids[1] != ids[2] == ids[3]  # two lists, each restarting
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(f"{W}num") if n.get(f"{W}numId") == ids[2])
    assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "5"


def test_crisis_items_the_template_lost_are_reported(template, tmp_path):
    from copdesk.core.model import Answer, CrisisSection, ReportData
    data = ReportData(meta={}, answers={"Crisis 1/title": Answer("Crisis 1/title", "Crisis 2025")}, tables={},
                      subscriptions=frozenset({"Commitment 39"}),
                      crisis=(CrisisSection(1, 1, "Crisis 2025", ("Measure 99.9", "Measure 16.1")),))
    warnings = export_docx(template, data, tmp_path / "c.docx")
    assert warnings == ["Crisis 1/Measure 99.9: not in the template any more, left out of the export"]
    assert "Measure 16.1" in [p.text for p in docx.Document(tmp_path / "c.docx").paragraphs]


def test_a_many_column_table_that_fits_upright_stays_upright(new_report, template, tmp_path):
    r = new_report(measures=["14.2"])
    r.set_table("SLI 14.2.1", [["Member State", "a", "b", "c", "d", "e"], ["Austria", "1", "2", "3", "4", "5"]])
    r.set_table("SLI 14.2.2", [["Member State"] + [f"Figure number {i}" for i in range(1, 7)],
                               ["Austria", "1", "2", "3", "4", "5", "6"]])
    export_docx(template, r.snapshot(), tmp_path / "t.docx")
    doc = docx.Document(tmp_path / "t.docx")
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT]  # short figures: headers wrap instead
    widths = [sum(int(c.get(f"{W}w")) for c in t._tbl.findall(f"{W}tblGrid/{W}gridCol")) for t in doc.tables]
    assert widths == [doc.sections[0].page_width.twips - 2 * 1247] * 2
