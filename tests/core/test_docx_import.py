"""Importing an earlier Word report: every variation of issue 4, with and without heading styles."""

from __future__ import annotations

import pytest

from copdesk.core.template import forms
from copdesk.core.imports.word import import_docx, read_docx
from copdesk.core.errors import StoreError
from copdesk.core.imports.result import corrections_doc, save_corrections
from copdesk.core.report.open_file import Report
from tests.core.docx_fixtures import NOTE, Q, SIGNED, WORDING_12_1, Doc, filed_report


@pytest.fixture(params=[True, False], ids=["styled", "unstyled"])
def imported(request, tmp_path, template):
    return read_docx(filed_report(tmp_path / "northwind.docx", styled=request.param), template)


def test_header_from_the_first_paragraphs_and_the_executive_summary_alias(imported):
    a = imported.data.answers
    assert a["header.signatory"].text == "Northwind Civic Lab"
    assert a["header.title"].text == "Report March 2026"
    assert a["header.description"].text == (
        "Northwind Civic Lab is a fictional research group that studies online manipulation.\n\n"
        "We publish **open data** and \\*tutorials\\* at [our site](https://northwind.example/data).")
    assert "header.kind" not in a and any("signatory kind" in n for n in imported.notes)


def test_questions_blank_na_prose_and_inline_answers(imported):
    a = imported.data.answers
    assert a["Commitment 12 Q1"].text == "Yes"
    assert "Commitment 12 Q3" not in a  # a blank yes/no stays blank
    assert a["Commitment 12 Q4"].text == "N/A"
    assert a["Commitment 16 Q1"].text == "No"  # answered on the question's own line
    assert a["Commitment 16 Q3"].text == "We did, partly: the plan is still under review."
    assert "Commitment 16 Q4" not in a


def test_nested_bullets_and_numbered_lists(imported):
    a = imported.data.answers
    assert a["Commitment 12 Q2"].text == "- A new monitoring desk\n  - Two sub-teams:\n    - ads\n- A public tracker"
    assert a["Measure 12.1"].text.endswith("\n\n1. Step one\n2. Step two")


def test_known_wording_is_skipped_and_the_answer_kept(imported):
    text = imported.data.answers["Measure 12.1"].text
    assert WORDING_12_1[:40] not in text
    assert text.startswith("We monitored **312** political ads in *four* member states.")
    assert "\\- 40 were unlabelled" in text  # a typed dash that was not a Word list stays literal


def test_soft_line_break_kept_inside_an_answer(imported):
    assert imported.data.answers["QRE 12.1.1"].text == "Line one of the answer\nline two after a soft break"


def test_service_labels_stay_inside_the_measure(imported):
    assert imported.data.answers["Measure 16.1"].text == (
        "**Facebook**\n\nShared 14 incident reports with other services.\n\n**Instagram**\n\nNot applicable")


def test_sli_label_with_trailing_text_gets_text_and_table_as_typed(imported):
    assert imported.data.answers["SLI 16.1.1"].text == "Methodology: counted by hand each month."
    assert imported.data.tables["SLI 16.1.1"] == [
        ["Member State", "Reports", "Share"], ["Austria", "1,234", "12.5%"], ["Belgium", "-", None],
        ["Total EU", "1,234", "N/A"]]
    assert any("'actions taken'" in n for n in imported.notes)


def test_subscriptions_signed_unusual_order_and_written_but_unsigned(imported):
    assert imported.data.subscriptions == {
        "Commitment 1", "Measure 1.3", "Commitment 12", "Measure 12.1", "Measure 12.3", "Commitment 14",
        "Measure 14.3", "Commitment 16", "Measure 16.1", "Measure 16.2"}
    assert "Measure 12.3 is signed but not written about" in imported.notes
    assert any(n.startswith("Measure 16.2 is written about but not in the signed list") for n in imported.notes)
    assert imported.data.answers["Measure 14.3"].text == "Not applicable"


def test_unknown_item_where_the_template_expects_one_is_kept_and_offered(imported, template):
    assert imported.data.answers["QRE 1.3.3"].text == "A new reporting element the template lacks."
    assert [(n.code, n.under) for n in imported.new_items] == [("QRE 1.3.3", "Measure 1.3")]
    doc = corrections_doc(template, imported)
    assert {"add": {"code": "QRE 1.3.3", "status": "unconfirmed", "note": doc["changes"][0]["add"]["note"]},
            "under": "Measure 1.3"} in doc["changes"]


def test_content_that_fits_nowhere_is_listed_with_its_position(imported):
    assert [(u.position, u.text) for u in imported.unplaced] == [
        ("paragraph 60", "A label that sits in the wrong place."), ("table at block 61", "a | b")]
    assert "QRE 5.9.9" in imported.unplaced[0].reason
    assert imported.counts == {"commitments": 4, "measures": 6, "qres": 2, "slis": 1, "tables": 1, "crisis": 2,
                               "crisis_answers": 7, "unplaced": 2}
    summary = imported.summary_lines()
    assert summary[0] == ("4 commitments, 6 measures, 2 QREs, 1 SLIs, 1 tables placed; 2 crisis sub-sections "
                          "(7 answers); 2 paragraphs unplaced.")
    assert any(line.startswith("unplaced, paragraph 60") for line in summary)


def test_commitment_text_the_template_lacks_is_offered_as_wording(imported, template):
    c16 = "Relevant Signatories commit to operate channels of exchange between their relevant teams."
    assert imported.wording["Commitment 16"] == c16
    assert not any("operate channels" in a.text for a in imported.data.answers.values())
    # wording the template has, found again, is collected too (the report keeps it) but not offered
    assert imported.wording["Measure 12.1"] == template.index["Measure 12.1"].wording
    offered = corrections_doc(template, imported)["changes"]
    assert [c["code"] for c in offered if "code" in c and "wording" in c["set"]] == ["Commitment 16"]


def test_crisis_sections(imported):
    a = imported.data.answers
    assert [(s.id, s.title, s.items) for s in imported.data.crisis] == [
        (1, "Elections 2026", ("Chapter IV", "Measure 16.1")), (2, "Crisis 2026", ())]
    assert a["Crisis 1/threats"].text == "Coordinated fake accounts ahead of a regional vote."
    assert a["Crisis 1/mitigations"].text == "Weekly alerts to platforms."
    assert a["Crisis 1/Chapter IV"].text == "Same process as in regular enforcement, faster."
    assert a["Crisis 1/Measure 16.1"].text == "Shared 3 alerts via the rapid response system."
    assert a["Crisis 2/threats"].text == "Flood-related hoaxes."
    assert not any(NOTE[:30] in x.text for x in a.values())


def test_styled_and_unstyled_give_the_same_report(tmp_path, template):
    one = read_docx(filed_report(tmp_path / "a.docx", True), template).data
    two = read_docx(filed_report(tmp_path / "b.docx", False), template).data
    assert {c: a.text for c, a in one.answers.items()} == {c: a.text for c, a in two.answers.items()}
    assert (one.tables, one.subscriptions) == (two.tables, two.subscriptions)


def test_wording_spread_over_paragraphs_with_upper_case_subheadings(tmp_path, monkeypatch):
    folder = tmp_path / "userdata" / "forms"
    folder.mkdir(parents=True)
    monkeypatch.setenv("COPDESK_DATA_DIR", str(tmp_path / "userdata"))
    (folder / "w.yaml").write_text(
        "format: copdesk-corrections\ncorrects: coc-2025-03\nchanges:\n  - code: QRE 1.3.1\n"
        "    set: {wording: \"Scope. Relevant Signatories will describe their brand-safety tools. "
        "Details. They will say which services offer them.\"}\n", encoding="utf-8")
    forms.clear_cache()
    t = forms.load_template()
    d = Doc(styled=False)
    for text in ("Commitment 1", "QRE 1.3.1", "SCOPE", "Relevant Signatories will describe their brand-safety tools.",
                 "DETAILS", "They will say which services offer them.", "SCOPE of our answer: two tools."):
        d.para(text)
    result = read_docx(d.save(tmp_path / "w.docx"), t)
    assert result.data.answers["QRE 1.3.1"].text == "SCOPE of our answer: two tools."


def test_text_not_matching_the_wording_stays_in_the_answer(tmp_path, template):
    d = Doc(styled=False)
    for text in ("Commitment 12", SIGNED, "Measure 12.1", "Measure 12.1",
                 "Relevant Signatories agree to work individually, we did so.", "More."):
        d.para(text)
    result = read_docx(d.save(tmp_path / "x.docx"), template)
    assert result.data.answers["Measure 12.1"].text == "Relevant Signatories agree to work individually, we did so.\n\nMore."


def test_prose_starting_with_a_code_is_not_a_label(tmp_path, template):
    d = Doc(styled=False)
    for text in ("Commitment 12", "Measure 12.1", "Measure 12.3 was delayed to next year.", Q["Q1"], "No"):
        d.para(text)
    result = read_docx(d.save(tmp_path / "p.docx"), template)
    assert result.data.answers["Measure 12.1"].text == "Measure 12.3 was delayed to next year."


def test_import_writes_the_report_once(tmp_path, template):
    src = filed_report(tmp_path / "n.docx")
    report, result = import_docx(src, tmp_path / "n.copdesk", template)
    with report:
        assert report.text("Measure 14.3") == "Not applicable"
        assert report.table("SLI 16.1.1")[1] == ["Austria", "1,234", "12.5%"]
        assert report.meta["imported_from"] == "n.docx"
        assert [s.title for s in report.crisis_sections()] == ["Elections 2026", "Crisis 2026"]
    with pytest.raises(StoreError, match="exists already"):
        import_docx(src, tmp_path / "n.copdesk", template)


def test_saved_corrections_teach_the_template(tmp_path, template):
    result = read_docx(filed_report(tmp_path / "n.docx"), template)
    path = save_corrections(template, result)
    assert path is not None and path.parent.name == "forms"
    forms.clear_cache()
    t = forms.load_template()
    assert t.index["QRE 1.3.3"].status == "unconfirmed"
    assert t.index["Commitment 16"].wording.startswith("Relevant Signatories commit to operate channels")
    report = Report.create(tmp_path / "c.copdesk", t, signatory="N", kind="other", title="T", subscriptions=["1.3"])
    with report:
        assert report.set_text("QRE 1.3.3", "now a known code")


def test_labels_with_a_tab_a_signed_list_in_a_table_and_empty_tables(tmp_path, template):
    d = Doc(styled=False)
    d.para("Commitment 12")
    d.para(SIGNED)
    d.table([["Measure 12.1", "Measure 12.3"]])
    d.para(Q["Q1"])
    d.para("No")
    d.table([[None, None], [None, None]])
    d.para("QRE 12.1.1\tWe kept the answer on the label's line.")
    result = read_docx(d.save(tmp_path / "t.docx"), template)
    assert {"Measure 12.1", "Measure 12.3"} <= result.data.subscriptions
    assert result.data.answers["QRE 12.1.1"].text == "We kept the answer on the label's line."
    assert result.unplaced == []



def test_header_lines_of_a_title_page(tmp_path, template):
    d = Doc(styled=False)
    for text in ("Osprey Social", "Report September 2025", "Signatory kind: Platform service",
                 "Services covered: Osprey, Osprey Lite", "Reporting period: 1 January 2025 – 30 June 2025",
                 "Your organisation description", "We run two fictional apps.", "Commitment 12"):
        d.para(text)
    a = read_docx(d.save(tmp_path / "h.docx"), template).data.answers
    assert {c: a[c].text for c in a if c.startswith("header.")} == {
        "header.signatory": "Osprey Social", "header.title": "Report September 2025", "header.kind": "platform",
        "header.services": "Osprey, Osprey Lite", "header.period_start": "2025-01-01",
        "header.period_end": "2025-06-30", "header.description": "We run two fictional apps."}


def test_a_report_without_chapter_or_commitment_labels(tmp_path, template):
    d = Doc(styled=False)
    for text in ("Osprey Social", "Measure 12.1", "We checked ads.", "QRE 99.1.1", "Lost text."):
        d.para(text)
    result = read_docx(d.save(tmp_path / "m.docx"), template)
    assert result.data.answers["Measure 12.1"].text == "We checked ads."
    assert result.data.answers["header.signatory"].text == "Osprey Social"
    assert [u.text for u in result.unplaced] == ["Lost text."]
    assert result.data.subscriptions == {"Commitment 12", "Measure 12.1"}


def test_labels_and_answers_laid_out_in_tables(tmp_path, template):
    d = Doc(styled=False)
    d.para("Commitment 12")
    d.table([[SIGNED, "Measure 12.1"], [Q["Q1"], "Yes"], [Q["Q2"], "A desk.\nA tracker."]])
    d.table([["QRE 12.1.1\nWe monitored ads in a box."]])
    d.para("SLI 16.1.1")
    d.table([["Member State", "Reports"], ["Austria", "1,234"]])
    result = read_docx(d.save(tmp_path / "form.docx"), template)
    a = result.data.answers
    assert (a["Commitment 12 Q1"].text, a["Commitment 12 Q2"].text) == ("Yes", "A desk.\n\nA tracker.")
    assert a["QRE 12.1.1"].text == "We monitored ads in a box."
    assert "Measure 12.1" in result.data.subscriptions
    assert result.data.tables["SLI 16.1.1"] == [["Member State", "Reports"], ["Austria", "1,234"]]
    assert result.unplaced == []


def test_wording_and_answer_in_one_paragraph(tmp_path, template):
    d = Doc(styled=False)
    d.para("Measure 12.1")
    d.runs(WORDING_12_1 + " ", ("b", "We did"), " this in 2025.")
    result = read_docx(d.save(tmp_path / "w1.docx"), template)
    assert result.data.answers["Measure 12.1"].text == "**We did** this in 2025."
