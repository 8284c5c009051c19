"""`copdesk forms learn`: the official wording of a published report, stored as template corrections."""

from __future__ import annotations

import json

import pytest

from copdesk.core.template import forms, user_corrections
from copdesk.core.imports.learn import learn_file, plan
from tests.core import tc_fixture
from tests.test_cli import run

BUNDLED_WORDED = {"Commitment 12", "Measure 12.1", "Commitment 13", "Measure 13.1", "QRE 13.1.1", "Commitment 14",
                  "Measure 14.3", "Commitment 39"}  # wording the example report shows, shipped with copdesk


@pytest.fixture(params=[True, False], ids=["objects", "lists"])
def published(request, tmp_path, template):
    return tc_fixture.write(tmp_path / "kestrel-5.json", template, as_objects=request.param)


def _items(t):
    return [*t.commitments(), *t.measures(), *t.elements()]


def test_a_platform_that_signed_everything_gives_every_item_its_wording(published, template):
    before = _items(template)
    assert sum(1 for i in before if i.wording) == len(BUNDLED_WORDED)
    result = learn_file(published)
    assert result.kind == "tc-json"
    assert len(result.wordings) == len(before) - len(BUNDLED_WORDED)
    assert result.new_items == ["QRE 30.1.2 under Measure 30.1"] and result.labels == ["SLI 30.1.1"]
    assert sorted(c.code for c in result.conflicts) == sorted(BUNDLED_WORDED)  # never silently overwritten
    assert result.summary_lines()[0] == (f"Learned from kestrel-5.json: {len(result.wordings)} wordings, 1 new item, "
                                         "8 conflicts (1 label).")
    t = forms.load_template()
    for item in _items(t):
        if item.code in BUNDLED_WORDED:
            assert item.wording == template.index[item.code].wording, item.code
        else:
            assert item.wording == tc_fixture.wording(item.code), item.code
            assert item.wording_source == "kestrel-5.json" and item.status != "unconfirmed", item.code
    assert t.index["QRE 30.1.2"].wording == tc_fixture.wording("QRE 30.1.2")
    assert t.parents["QRE 30.1.2"] == "Measure 30.1"
    assert t.index["SLI 30.1.1"].heading == tc_fixture.SLI_LABEL
    assert not [i.code for i in _items(t) if i.unconfirmed]  # each was seen, with its wording, in a published report
    assert result.file == user_corrections.path_for(t.edition)


def test_learning_again_finds_nothing_new_and_writes_nothing(published):
    learn_file(published)
    stored = user_corrections.path_for("coc-2025-03").read_text(encoding="utf-8")
    again = learn_file(published)
    assert again.changes == [] and again.wordings == [] and again.new_items == []
    assert again.known > 300 and "Nothing new to store." in again.summary_lines()
    assert user_corrections.path_for("coc-2025-03").read_text(encoding="utf-8") == stored


def test_conflicts_are_reported_with_both_texts_and_replaced_only_when_asked(tmp_path, template):
    path = tc_fixture.write(tmp_path / "r.json", template, only=("Commitment 13",))
    result = plan(path)
    conflict = next(c for c in result.conflicts if c.code == "Commitment 13")
    assert conflict.have == template.index["Commitment 13"].wording
    assert conflict.found == tc_fixture.wording("Commitment 13")
    line = next(x for x in result.summary_lines() if x.startswith("conflict, Commitment 13"))
    assert "--replace" in line and "Kept copdesk's" in line
    assert not any("Commitment 13" == c.get("code") for c in result.changes)
    replaced = learn_file(path, replace=True)
    assert "Commitment 13" in replaced.wordings and not replaced.conflicts
    assert forms.load_template().index["Commitment 13"].wording == tc_fixture.wording("Commitment 13")


def test_items_the_user_took_out_are_refused_not_brought_back(tmp_path, template):
    user_corrections.append(template.edition, [{"remove": "Measure 30.4"}])
    path = tc_fixture.write(tmp_path / "r.json", template, only=("Commitment 30",))
    result = learn_file(path)
    assert any(r.startswith("QRE 30.4.1") or r.startswith("Measure 30.4") for r in result.refused)
    t = forms.load_template()
    assert "Measure 30.4" not in t.index and "Measure 30.4" in t.hidden


def test_structure_that_fits_nowhere_is_refused(tmp_path, template):
    doc = tc_fixture.published_report(template, only=("Commitment 30",))
    chapter = next(iter(doc["chapters"].values()))
    chapter["commitments"]["9"] = {"name": "Commitment 99", "code": "99", "description": "<p>Not ours.</p>",
                                   "sig_value": "", "specialMeasures": [], "measures": []}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = plan(path)
    assert any("Commitment 99 is not in the template" in r for r in result.refused)
    assert any(line.startswith("refused: ") for line in result.summary_lines())


def test_learning_from_a_filed_word_report(tmp_path, template):
    """Word: a commitment's text before its signed list; a measure's first paragraph when it reads like the
    Code's own text; a label that says more than its code."""
    from tests.core.docx_fixtures import Doc
    d = Doc(styled=False)
    for text in ("Example Org", "Report March 2025", "Empowering fact-checkers", "Commitment 31",
                 "Fictional commitment text of Commitment 31 (test).", template.signed_measures_label, "Measure 31.1",
                 "Measure 31.1", "Relevant Signatories will do a fictional thing for Measure 31.1 (test).",
                 "We did it.", "SLI 31.1.1 - fact-checks used", "Figures below."):
        d.para(text)
    result = learn_file(d.save(tmp_path / "filed.docx"))
    assert result.kind == "docx"
    assert result.wordings == ["Commitment 31", "Measure 31.1"] and result.labels == ["SLI 31.1.1"]
    t = forms.load_template()
    assert t.index["Measure 31.1"].wording == "Relevant Signatories will do a fictional thing for Measure 31.1 (test)."
    assert t.index["SLI 31.1.1"].heading == "SLI 31.1.1 - fact-checks used"


def test_learning_from_a_copdesk_export_takes_the_wording_its_report_came_with(tmp_path, template):
    from copdesk.core.exports.copdesk_json import export_json
    from copdesk.core.imports.tc_json import import_tc
    src = tc_fixture.write(tmp_path / "r.json", template, only=("Commitment 31",))
    report, _ = import_tc(src, tmp_path / "r.copdesk")
    with report:
        export_json(report.snapshot(with_history=True), tmp_path / "r-copdesk.json")
    result = learn_file(tmp_path / "r-copdesk.json")
    assert result.kind == "copdesk-json" and "Measure 31.1" in result.wordings
    assert forms.load_template().index["SLI 31.1.1"].wording == tc_fixture.wording("SLI 31.1.1")


def test_cli_forms_learn_and_list(published):
    out = run("forms", "learn", published)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Learned from kestrel-5.json: ") and "1 new item, 8 conflicts" in out.stdout
    assert "Stored as template corrections in " in out.stdout
    listing = json.loads(run("forms", "list", "--json").stdout)
    by_code = {row["code"]: row for row in listing}
    assert set(by_code["QRE 30.3.1"]) >= {"code", "kind", "parent", "status", "has_wording"}
    assert by_code["QRE 30.3.1"]["has_wording"] is True
    assert by_code["QRE 30.3.1"]["wording_source"] == "kestrel-5.json"
    assert by_code["QRE 30.1.2"] == {**by_code["QRE 30.1.2"], "kind": "qre", "parent": "Measure 30.1",
                                     "status": "verified"}
    assert {row["kind"] for row in listing} == {"chapter", "commitment", "measure", "qre", "sli"}
    text = run("forms", "list").stdout
    assert "QRE 30.3.1" in text and "wording from kestrel-5.json" in text


def test_cli_forms_learn_of_a_file_that_is_not_a_report(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello", encoding="utf-8")
    out = run("forms", "learn", bad)
    assert out.returncode == 2 and out.stderr.startswith("copdesk:") and "Traceback" not in out.stderr
