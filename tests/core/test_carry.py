"""Carry forward: the next period's report starts from this one and keeps it as its baseline."""

from __future__ import annotations

import sqlite3

import pytest

from copdesk.core.review.carry import baseline, carry, empty_shape
from copdesk.core.errors import StoreError
from copdesk.core.report.migrations import SCHEMA_VERSION
from copdesk.core.report.open_file import Report


@pytest.fixture
def previous(new_report):
    r = new_report(measures=("12.1", "14.2", "39"), kind="platform")
    r.set_text("header.services", "Kestrel Video")
    r.set_text("header.period_start", "2025-07-01")
    r.set_text("header.period_end", "2025-12-31")
    r.set_text("header.description", "We run a **video** service.")
    r.set_text("Commitment 12 Q1", "No")
    r.set_text("SLI 14.2.1", "Methodology: automated counts.")
    r.set_table("SLI 14.2.1", [["Member State", "Removed", "Views"], ["Austria", "1,041", "12.5%"],
                               ["Belgium", None, "-"], ["Total EU", "1,041", "N/A"]])
    sid = r.add_crisis_section("Elections 2025")
    r.set_text(f"Crisis {sid}/threats", "Fake accounts.")
    r.set_table(f"Crisis {sid}/SLI 16.1.1", [["Member State", "Alerts"], ["Austria", "3"]])
    r.close()
    return r.path


def test_carry_copies_text_and_marks_it_carried(previous, tmp_path):
    with carry(previous, tmp_path / "next.copdesk", "Report September 2026", who="tester") as r:
        a = r.answers()
        assert a["header.title"].text == "Report September 2026" and a["header.title"].status == ""
        assert "header.period_start" not in a and "header.period_end" not in a
        assert (a["header.signatory"].status, a["header.kind"].text, a["header.services"].status) == ("", "platform", "")
        assert a["header.description"].text == "We run a **video** service."
        for code in ("header.description", "Commitment 12 Q1", "SLI 14.2.1", "Crisis 1/threats"):
            assert a[code].status == "carried", code
        assert r.subscriptions() == {"Commitment 12", "Measure 12.1", "Commitment 14", "Measure 14.2", "Commitment 39"}
        assert [s.title for s in r.crisis_sections()] == ["Elections 2025"]


def test_carry_clears_figures_but_keeps_table_shapes(previous, tmp_path):
    with carry(previous, tmp_path / "next.copdesk", "Report September 2026") as r:
        assert r.table("SLI 14.2.1") == [["Member State", "Removed", "Views"], ["Austria", None, None],
                                         ["Belgium", None, None], ["Total EU", None, None]]
        assert r.table("Crisis 1/SLI 16.1.1") == [["Member State", "Alerts"], ["Austria", None]]
    assert empty_shape([["A", "B"], ["x", "1", "2"], []]) == [["A", "B"], ["x", None, None], [None]]


def test_previous_report_is_the_baseline(previous, tmp_path):
    with Report.open(previous) as old:
        old_id, old_answers = old.meta["report_id"], {c: a.text for c, a in old.answers().items()}
    with carry(previous, tmp_path / "next.copdesk", "Report September 2026") as r:
        base = baseline(r)
        assert r.meta["carried_from"] == old_id != r.meta["report_id"]
    assert base.meta["report_id"] == old_id and base.meta["title"] == "Report March 2026"
    assert {c: a.text for c, a in base.answers.items()} == old_answers
    assert base.tables["SLI 14.2.1"][1] == ["Austria", "1,041", "12.5%"]
    assert base.tables["SLI 14.2.1"][2] == ["Belgium", None, "-"]


def test_a_report_that_was_not_carried_has_no_baseline(new_report):
    assert baseline(new_report()) is None


def test_baseline_tables_are_in_the_schema(previous, tmp_path):
    carry(previous, tmp_path / "next.copdesk", "T").close()
    conn = sqlite3.connect(tmp_path / "next.copdesk")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"baseline_answers", "baseline_cells"} <= tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_no_output_when_it_fails(previous, tmp_path):
    (tmp_path / "taken.copdesk").write_bytes(b"x")
    with pytest.raises(StoreError, match="exists already"):
        carry(previous, tmp_path / "taken.copdesk", "T")
    with pytest.raises(StoreError):
        carry(tmp_path / "missing.copdesk", tmp_path / "new.copdesk", "T")
    assert not (tmp_path / "new.copdesk").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
