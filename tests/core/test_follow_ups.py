"""An "If yes" answer with text after a No: flagged by the checks, left out of the exports until kept."""

from __future__ import annotations

import json

import docx
import pytest

from copdesk.core.rules import follow_ups
from copdesk.core.exports.word import export_docx
from copdesk.core.errors import InputError
from copdesk.core.review.comments import freeze
from copdesk.core.exports.tc_json import to_tc
from copdesk.core.rules.validate import validate


@pytest.fixture
def contradicted(new_report):
    r = new_report(measures=["12.1", "14.1"])
    r.set_text("Commitment 12 Q1", "No")
    r.set_text("Commitment 12 Q2", "We deployed labels in March.")
    r.set_text("Commitment 12 Q3", "Yes")
    r.set_text("Commitment 12 Q4", "More labels.")
    r.set_text("Commitment 14 Q3", "N/A.")
    r.set_text("Commitment 14 Q4", "   ")  # blank: nothing to decide
    r.set_text("Commitment 14 Q1", "No")
    r.set_text("Commitment 14 Q2", "N/A")  # as filed reports write it after a No: no contradiction
    return r


def test_text_after_a_no_is_found_and_flagged(contradicted, template):
    data = contradicted.snapshot()
    assert follow_ups.contradicted(template, data) == [("Commitment 12 Q1", "Commitment 12 Q2")]
    warnings = [i for i in validate(template, data) if i.code == "Commitment 12 Q2"]
    assert [i.severity for i in warnings] == ["warning"]
    assert "answered \u201cNo\u201d" in warnings[0].message and "keep the text or clear it" in warnings[0].message


@pytest.mark.parametrize("answer,no", [("No", True), ("no.", True), (" N/A ", True), ("not applicable", True),
                                       ("Yes", False), ("No, but we plan to", False), ("", False)])
def test_what_counts_as_no(answer, no):
    assert follow_ups.is_no(answer) is no


def test_the_exports_leave_it_out_until_kept(contradicted, template, tmp_path):
    out = tmp_path / "r.docx"
    warnings = export_docx(template, contradicted.snapshot(), out)
    texts = [p.text for p in docx.Document(out).paragraphs]
    assert "We deployed labels in March." not in texts and "More labels." in texts
    assert any(w.startswith("Commitment 12 Q2: left out") for w in warnings)
    doc, tc_warnings = to_tc(template, contradicted.snapshot())
    assert "We deployed labels" not in json.dumps(doc) and any("Commitment 12 Q2" in w for w in tc_warnings)
    assert contradicted.text("Commitment 12 Q2") == "We deployed labels in March."  # nothing is lost

    assert follow_ups.set_kept(contradicted, "Commitment 12 Q2", True)
    assert not follow_ups.set_kept(contradicted, "Commitment 12 Q2", True)  # already kept
    data = contradicted.snapshot()
    assert not [i for i in validate(template, data) if i.code == "Commitment 12 Q2"]
    warnings = export_docx(template, data, out)
    assert "We deployed labels in March." in [p.text for p in docx.Document(out).paragraphs] and warnings == []
    assert contradicted.history("Commitment 12 Q2")[-1]["field"] == "kept after no"

    assert follow_ups.set_kept(contradicted, "Commitment 12 Q2", False)  # the decision can be taken back
    assert follow_ups.withheld(template, contradicted.snapshot()) == ["Commitment 12 Q2"]


def test_a_frozen_report_refuses_the_decision(contradicted):
    freeze(contradicted, "Ana")
    with pytest.raises(InputError, match="frozen"):
        follow_ups.set_kept(contradicted, "Commitment 12 Q2", True)


def test_a_damaged_decision_list_counts_as_none():
    assert follow_ups.kept({follow_ups.META_KEY: "not json"}) == frozenset()
    assert follow_ups.kept({follow_ups.META_KEY: '{"a": 1}'}) == frozenset()
    assert follow_ups.kept({follow_ups.META_KEY: '["Commitment 1 Q2", 3]'}) == {"Commitment 1 Q2"}


@pytest.mark.parametrize("text,nothing", [("No", True), ("N/A", True), ("None.", True), ("-", True),
                                          ("Labels on ads", False), ("No labels yet, but a pilot", False)])
def test_a_follow_up_that_says_there_is_nothing_to_say_agrees_with_the_no(text, nothing):
    assert follow_ups.says_nothing(text) is nothing
