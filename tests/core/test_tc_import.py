"""Importing a Transparency Centre report (the /reports/{slug}/{wave}/json shape), written by us."""

from __future__ import annotations

import json

import pytest

from copdesk.core.template import forms
from copdesk.core.errors import InputError
from copdesk.core.imports.result import corrections_doc, save_corrections
from copdesk.core.imports.importers import detect, import_report
from copdesk.core.imports.tc_json import read_tc

TABLE = [["Country", "Fake accounts removed", "Share"], ["Austria", "1,041", "12.5%"], ["Belgium", "-", ""],
         ["Total EU", "1,041", "N/A"]]


def published(as_dicts: bool) -> dict:
    """A fictional platform's report in the published shape: HTML answers, a table as a JSON string."""
    measure = {
        "name": "Measure 14.2", "code": "m14.2", "description": "<p>Relevant Signatories will act on TTPs.</p>",
        "sig_value": "<p>We act on <strong>fake accounts</strong>.</p><ul><li>Web<ul><li>forms</li></ul></li>"
                     "<li>Apps</li></ul>",
        "qres": [{"name": "QRE 14.2.9", "code": "qre14.2.9", "sig_value": "<p>An element the template lacks.</p>"}],
        "slis": [{"name": "SLI 14.2.1", "code": "sli14.2.1", "description": "Report actions per TTP.",
                  "field_type": "table", "table_value": json.dumps(TABLE),
                  "sig_value": "<p>Methodology: automated counts, &amp; checks.</p>"}],
    }
    commitment = {
        "id": 214, "name": "Commitment 14", "code": "c14", "field_type": "commitment",
        "description": "<p>In order to limit impermissible manipulative behaviours and practices</p>",
        "sig_value": "",
        "specialMeasures": [
            {"name": "Specific Measures 14.1", "code": "sm14.1", "field_type": "measures_list",
             "sig_value": "<p>Measure 14.2</p>"},
            {"name": "Question", "code": "sm14.2", "field_type": "yes_no",
             "description": "In line with this commitment, did you deploy new implementation measures (e.g. "
                            "changes to your terms of service, new tools, new policies, etc)?",
             "sig_value": "<p>Yes</p>"},
            {"name": "Follow-up", "code": "sm14.3", "field_type": "text",
             "description": "If yes, list these implementation measures here",
             "sig_value": "<ol><li>A new form</li><li>A new <a href=\"https://help.example/tt\">page</a></li></ol>"},
            {"name": "Mystery", "code": "sm14.9", "field_type": "text", "sig_value": "<p>Where does this go?</p>"},
        ],
        "measures": {"1": measure} if as_dicts else [measure],
    }
    chapters = [{"id": 43, "name": "Integrity of Services", "commitments": [commitment]},
                {"id": 44, "name": "Empowering Users", "commitments": json.dumps([
                    {"name": "Commitment 99", "sig_value": "<p>Not a commitment of the template.</p>"}])}]
    return {"published": True, "publish_date": "2026-03-30", "type": "report",
            "chapters": {str(c["id"]): c for c in chapters} if as_dicts else chapters}


@pytest.fixture(params=[True, False], ids=["dicts", "lists"])
def result(request, template):
    return read_tc(published(request.param), template, "tc-kestrel-8.json")


def test_answers_from_html(result):
    a = result.data.answers
    assert a["Measure 14.2"].text == "We act on **fake accounts**.\n\n- Web\n  - forms\n- Apps"
    assert a["Commitment 14 Q1"].text == "Yes"
    assert a["Commitment 14 Q2"].text == "1. A new form\n2. A new [page](https://help.example/tt)"
    assert a["SLI 14.2.1"].text == "Methodology: automated counts, & checks."


def test_table_from_json_string_cells_as_typed(result):
    assert result.data.tables["SLI 14.2.1"] == [
        ["Country", "Fake accounts removed", "Share"], ["Austria", "1,041", "12.5%"], ["Belgium", "-", None],
        ["Total EU", "1,041", "N/A"]]


def test_subscriptions_and_unplaced(result):
    assert result.data.subscriptions == {"Commitment 14", "Measure 14.2"}
    assert [(u.text, u.reason) for u in result.unplaced] == [
        ("Where does this go?", "a commitment field copdesk does not know"),
        ("Not a commitment of the template.", "Commitment 99 is not in the template")]
    assert result.counts == {"commitments": 1, "measures": 1, "qres": 1, "slis": 1, "tables": 1, "crisis": 0,
                             "crisis_answers": 0, "unplaced": 2}
    assert result.summary_lines()[0] == "1 commitments, 1 measures, 1 QREs, 1 SLIs, 1 tables placed; 2 paragraphs unplaced."


def test_new_element_kept_and_descriptions_offered_as_wording(result, template):
    assert result.data.answers["QRE 14.2.9"].text == "An element the template lacks."
    assert [(n.code, n.under) for n in result.new_items] == [("QRE 14.2.9", "Measure 14.2")]
    assert result.wording == {"Measure 14.2": "Relevant Signatories will act on TTPs.",
                              "SLI 14.2.1": "Report actions per TTP.",
                              "Commitment 14": "In order to limit impermissible manipulative behaviours and practices"}
    doc = corrections_doc(template, result)
    assert {"code": "SLI 14.2.1", "set": {"wording": "Report actions per TTP.",
                                          "wording_source": "tc-kestrel-8.json"}} in doc["changes"]


def test_wording_is_stored_only_when_saved(result, template):
    assert forms.load_template().index["SLI 14.2.1"].wording == ""
    save_corrections(template, result)
    forms.clear_cache()
    assert forms.load_template().index["SLI 14.2.1"].wording == "Report actions per TTP."


def test_signed_measures_as_ticks_or_lists_and_blank_unsigned_measures(template):
    doc = {"chapters": [{"name": "Empowering Users", "commitments": [{
        "name": "Commitment 17", "specialMeasures": [
            {"name": "Specific Measures 17.1", "field_type": "measures_list", "sig_value": True},
            {"name": "Specific Measures 17.3", "field_type": "measures_list", "sig_value": ["Measure 17.2"]}],
        "measures": [{"name": "Measure 17.3", "sig_value": ""}, {"name": "Measure 17.2", "sig_value": ""}]}]}]}
    result = read_tc(doc, template, "ticks.json")
    assert result.data.subscriptions == {"Commitment 17", "Measure 17.1", "Measure 17.2"}


def test_detect_by_content_and_import(tmp_path, sample_json):
    tc = tmp_path / "report.json"
    tc.write_text(json.dumps(published(False)), encoding="utf-8")
    assert detect(tc) == "tc-json" and detect(sample_json) == "copdesk-json"
    report, res = import_report(tc, tmp_path / "r.copdesk")
    with report:
        assert report.table("SLI 14.2.1")[1] == ["Austria", "1,041", "12.5%"]
    assert res.counts["tables"] == 1
    not_a_report = tmp_path / "x.json"
    not_a_report.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="is not a copdesk report"):
        import_report(not_a_report, tmp_path / "y.copdesk")
    assert not (tmp_path / "y.copdesk").exists()


def test_hostile_json_is_refused_with_a_message(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200000 + "]" * 200000, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        import_report(deep, tmp_path / "d.copdesk")
    assert not (tmp_path / "d.copdesk").exists()
