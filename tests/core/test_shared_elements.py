"""A QRE that covers two measures (QRE 32.1.1 for Measures 32.1 and 32.2): answered once, shown with both,
printed once."""

from __future__ import annotations

import docx

from copdesk.core.rules import wizard
from copdesk.core.exports.word import export_docx
from copdesk.core.exports.tc_json import to_tc
from copdesk.core.rules.validate import required_codes, validate


def _qre_names(doc: dict) -> list[tuple[str, str]]:
    return [(m["name"], q["name"]) for ch in doc["report"]["chapters"] for c in ch["commitments"]
            for m in c["measures"] for q in m["qres"]]


def test_only_the_second_measure_signed_still_asks_for_the_shared_qre(new_report, template):
    r = new_report(measures=["32.2"])
    data = r.snapshot()
    assert "QRE 32.1.1" in required_codes(template, data)
    step = next(s for s in wizard.steps(template, data) if s.key == "Measure 32.2")
    assert "QRE 32.1.1" in step.codes
    assert any(i.code == "QRE 32.1.1" for i in validate(template, data))
    r.set_text("QRE 32.1.1", "Dashboards for our fact-checking partners.")
    assert not any(i.code == "QRE 32.1.1" for i in validate(template, r.snapshot()))
    assert ("Measure 32.2", "QRE 32.1.1") in _qre_names(to_tc(template, r.snapshot())[0])


def test_both_measures_signed_the_qre_is_required_and_printed_once(new_report, template, tmp_path):
    r = new_report(measures=["32.1", "32.2"])
    r.set_text("QRE 32.1.1", "Dashboards for our fact-checking partners.")
    data = r.snapshot()
    assert required_codes(template, data).count("QRE 32.1.1") == 1
    assert [n for n in _qre_names(to_tc(template, data)[0]) if n[1] == "QRE 32.1.1"] == [("Measure 32.1", "QRE 32.1.1")]
    export_docx(template, data, tmp_path / "r.docx")
    texts = [p.text for p in docx.Document(tmp_path / "r.docx").paragraphs]
    assert texts.count("QRE 32.1.1") == 1 and texts.count("Dashboards for our fact-checking partners.") == 1
    assert texts.index("Measure 32.1") < texts.index("QRE 32.1.1") < texts.index("Measure 32.2")
