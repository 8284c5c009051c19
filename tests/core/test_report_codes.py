"""Moving a report's answers to renamed codes (core/report/code_moves.py) and laying a report's own wording over its
template (core/report/wording.py): each is undone exactly by its inverse."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk.core.errors import InputError
from copdesk.core.template.forms import load_template
from copdesk.core.report.code_moves import move_codes, moved
from copdesk.core.report.wording import overlay

T = load_template()
MEASURES = ["Measure 30.1", "Measure 30.2", "Measure 31.1", "Measure 31.3"]


def _dump(report) -> dict:
    return {table: sorted(map(tuple, report.conn.execute(f"SELECT * FROM {table}").fetchall()))
            for table in ("answers", "cells", "subscriptions", "crisis_items", "comments", "section_status")}


def test_moved_spells_questions_and_crisis_codes():
    mapping = {"Commitment 40": "Commitment 45", "QRE 1.3.1": "QRE 1.3.2"}
    assert moved("Commitment 40 Q2", mapping) == "Commitment 45 Q2"
    assert moved("Crisis 3/QRE 1.3.1", mapping) == "Crisis 3/QRE 1.3.2"
    assert moved("QRE 1.3.1", mapping) == "QRE 1.3.2" and moved("QRE 1.3.11", mapping) is None


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.dictionaries(st.sampled_from(["Measure 30.1", "QRE 30.1.1", "SLI 30.1.1", "Measure 31.3",
                                              "QRE 31.3.1", "Commitment 30 Q2"]),
                             st.text(min_size=1, max_size=20), max_size=6),
       pick=st.sampled_from([{"QRE 30.1.1": "QRE 30.1.9"}, {"Measure 31.3": "Measure 31.7", "QRE 31.3.1": "QRE 31.7.1",
                                                             "SLI 31.3.1": "SLI 31.7.1"},
                             {"QRE 30.1.1": "SLI 30.1.1", "SLI 30.1.1": "QRE 30.1.1"}]))
def test_moving_there_and_back_leaves_the_report_as_it_was(tmp_path_factory, texts, pick):
    from copdesk.core.report.open_file import Report
    path = tmp_path_factory.mktemp("m") / "r.copdesk"
    with Report.create(path, T, signatory="x", kind="other", title="t", subscriptions=MEASURES) as r:
        for code, text in texts.items():
            r.set_text(code, text)
        r.set_table("SLI 30.1.1", [["Member State", "n"], ["Austria", "1"]])
        r.add_crisis_item(r.add_crisis_section("Elections"), "QRE 30.1.1")
        before = _dump(r)
        move_codes(r, pick)
        after = _dump(r)
        for old, new in pick.items():
            if old in texts and new not in pick:
                assert (old,) not in [(row[0],) for row in after["answers"]]
        move_codes(r, {new: old for old, new in pick.items()})
        assert _dump(r) == before


def test_a_code_that_holds_an_answer_already_is_refused_and_nothing_moves(new_report):
    r = new_report(measures=["30.1"])
    r.set_text("QRE 30.1.1", "ours")
    with r.atomic():  # an answer left under a code the template does not have (an earlier rename elsewhere)
        r.conn.execute("INSERT INTO answers (code, text, updated_at) VALUES ('QRE 30.1.5', 'old', '')")
    before = _dump(r)
    with pytest.raises(InputError, match="QRE 30.1.5 already holds an answer"):
        move_codes(r, {"QRE 30.1.1": "QRE 30.1.5"})
    assert _dump(r) == before


@given(st.dictionaries(st.sampled_from(list(T.index)), st.fixed_dictionaries(
    {"wording": st.text(max_size=10), "label": st.text(max_size=10), "source": st.just("r.docx")}), max_size=8))
def test_overlay_changes_only_the_items_a_report_carries(found):
    t = overlay(T, found)
    own = ("wording", "wording_source", "label", "status", "title", "guidance", "origin")
    for code, item in t.index.items():
        row = found.get(code)
        if row is None or not (row["wording"] or row["label"]):
            assert [getattr(item, f) for f in own] == [getattr(T.index[code], f) for f in own], code
        else:
            assert item.wording == (row["wording"] or T.index[code].wording)
            assert item.label == (row["label"] or T.index[code].label)
    assert list(t.index) == list(T.index) and t.content_hash == T.content_hash
