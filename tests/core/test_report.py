"""Answers, tables, subscriptions, crisis sub-sections and history through the core API."""

from __future__ import annotations

import json

import pytest

from copdesk.core.errors import InputError, UnknownCodeError
from copdesk.core.report.open_file import Report


def test_answers_are_stored_exactly_as_typed(new_report):
    r = new_report()
    text = "  Line one\n\n- bullet *x*\n\u202bRTL \u05e9\u05dc\u05d5\u05dd\u202c 😀 \x07bell  "
    assert r.set_text("QRE 12.1.1", text)
    assert r.text("QRE 12.1.1") == text
    assert not r.set_text("QRE 12.1.1", text)  # unchanged: no write, no history row


def test_ten_megabyte_answer(new_report):
    r = new_report()
    big = ("word " * 2_100_000)[:10_500_000]
    r.set_text("Measure 12.1", big)
    path = r.path
    r.close()
    with Report.open(path) as again:
        assert again.text("Measure 12.1") == big


def test_history_records_what_when_who_old_new(new_report):
    r = new_report()
    r.set_text("QRE 12.1.1", "one")
    r.set_text("QRE 12.1.1", "two")
    r.clear("QRE 12.1.1")
    rows = r.history("QRE 12.1.1")
    assert [(h["old"], h["new"]) for h in rows] == [(None, "one"), ("one", "two"), ("two", None)]
    assert all(h["who"] == "tester" and h["at"] and h["field"] == "text" for h in rows)
    assert r.get("QRE 12.1.1") is None


def test_every_change_is_one_transaction(new_report):
    r = new_report()
    r.set_text("QRE 12.1.1", "kept")

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with r.atomic():
            r.set_text("QRE 12.1.1", "lost")
            raise Boom
    assert r.text("QRE 12.1.1") == "kept"
    assert [h["new"] for h in r.history("QRE 12.1.1")] == ["kept"]


@pytest.mark.parametrize("outer", ["report", "helper"])
def test_nested_transactions_roll_back_only_their_part(new_report, outer):
    """Report.atomic is the one helper (core.report.transaction) on the report's connection: they nest (savepoints)."""
    from copdesk.core.report.transaction import transaction
    r = new_report()

    class Boom(Exception):
        pass

    with (r.atomic() if outer == "report" else transaction(r.conn)):
        r.set_text("QRE 12.1.1", "outer")
        with pytest.raises(Boom):
            with r.atomic():
                r.set_table("SLI 16.1.1", [["Member State", "Value"], ["Austria", "1"]])
                raise Boom
        assert r.table("SLI 16.1.1") == [] and r.conn.in_transaction
    assert not r.conn.in_transaction
    assert r.text("QRE 12.1.1") == "outer" and r.table("SLI 16.1.1") == []
    assert [h["field"] for h in r.history()][-1] == "text"


def test_editing_an_open_report_does_not_load_sqlite_utils(new_report):
    """Typing in the window writes through sqlite3 alone: sqlite-utils (13 MB, 30 ms) loads only for
    creating, migrating and bulk writes."""
    import subprocess
    import sys
    r = new_report()
    path = r.path
    r.close()
    code = (
        "import sys\n"
        "from copdesk.core.report.open_file import Report\n"
        f"r = Report.open({str(path)!r})\n"
        "r.set_text('QRE 12.1.1', 'typed')\n"
        "r.set_table('SLI 16.1.1', [['Member State', 'Value'], ['Austria', '1,234']])\n"
        "r.set_cell('SLI 16.1.1', 1, 1, '5')\n"
        "r.clear('QRE 12.1.1')\n"
        "r.close()\n"
        "print('sqlite_utils' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    again = Report.open(path)
    assert again.table("SLI 16.1.1") == [["Member State", "Value"], ["Austria", "5"]]
    assert [h["field"] for h in again.history()][-4:] == ["text", "table", "cell 1,1", "text"]
    again.close()


def test_unknown_code_is_refused_with_nearest_codes(new_report):
    r = new_report()
    with pytest.raises(UnknownCodeError) as err:
        r.set_text("QRE 12.1.9", "x")
    assert "QRE 12.1.1" in err.value.suggestions
    with pytest.raises(UnknownCodeError):
        r.set_text("Commitment 12", "commitments have questions, not a text")
    with pytest.raises(UnknownCodeError) as err:
        r.set_text("header.signatroy", "x")
    assert "header.signatory" in err.value.suggestions


@pytest.mark.parametrize("typed,code", [
    ("qre12.1.1", "QRE 12.1.1"), ("sli 16.1.1", "SLI 16.1.1"), ("12.1", "Measure 12.1"),
    ("c12 q1", "Commitment 12 Q1"), ("Commitment 12  Q4", "Commitment 12 Q4"), ("header.Title", "header.title"),
    ("crisis 2 / Threats", "Crisis 2/threats"), ("Crisis 1/measure 16.1", "Crisis 1/Measure 16.1"),
])
def test_loose_codes(new_report, typed, code):
    assert new_report().resolve(typed) == code


def test_tables_keep_cells_as_typed(new_report):
    r = new_report()
    grid = [["Member State", "Removed", "Share"], ["Austria", "1,234", "12.5%"], ["Belgium", "-", "N/A"],
            ["Total EU", "1,234", ""]]
    r.set_table("SLI 16.1.1", grid)
    assert r.table("SLI 16.1.1") == grid
    r.set_cell("SLI 16.1.1", 2, 1, "7")
    assert r.table("SLI 16.1.1")[2][1] == "7"
    fields = [h["field"] for h in r.history("SLI 16.1.1")]
    assert fields == ["table", "cell 2,1"]
    assert json.loads(r.history("SLI 16.1.1")[0]["new"]) == grid


def test_only_slis_hold_tables(new_report):
    with pytest.raises(InputError, match="Only SLIs"):
        new_report().set_table("QRE 12.1.1", [["a"]])


def test_subscriptions(new_report):
    r = new_report(measures=["12.1", "39"])
    assert r.subscriptions() == {"Commitment 12", "Measure 12.1", "Commitment 39"}
    assert r.subscribe(["13.2"]) == ["Measure 13.2", "Commitment 13"]
    assert r.unsubscribe(["Commitment 12"]) == ["Commitment 12", "Measure 12.1"]
    assert r.subscriptions() == {"Commitment 13", "Measure 13.2", "Commitment 39"}
    with pytest.raises(UnknownCodeError):
        r.subscribe(["12.9"])


def test_a_commitments_last_measure_takes_the_commitment_along(new_report):
    r = new_report(measures=["12.1", "12.3", "21.1"])
    assert r.unsubscribe(["12.1"]) == ["Measure 12.1"]  # 12.3 is still signed: the commitment stays
    assert r.unsubscribe(["21.1"]) == ["Measure 21.1", "Commitment 21"]  # its last: no commitment left empty
    assert r.subscriptions() == {"Commitment 12", "Measure 12.3"}
    assert r.subscribe(["Measure 21.1", "Commitment 21"]) == ["Measure 21.1", "Commitment 21"]  # undone whole


def test_kind_is_checked(tmp_path, template):
    with pytest.raises(InputError, match="platform, other"):
        Report.create(tmp_path / "r.copdesk", template, signatory="x", kind="vlop", title="t")
    assert not (tmp_path / "r.copdesk").exists()


def test_crisis_sections(new_report):
    r = new_report()
    a = r.add_crisis_section("Elections 2025")
    b = r.add_crisis_section("Crisis 2025")
    r.set_text(f"Crisis {a}/SLI 16.1.1", "37 actions")
    r.set_text(f"Crisis {a}/Chapter IV", "outline")
    r.add_crisis_item(a, "Measure 16.1")
    sections = r.crisis_sections()
    assert [(s.id, s.title) for s in sections] == [(a, "Elections 2025"), (b, "Crisis 2025")]
    assert sections[0].items == ("Chapter IV", "Measure 16.1", "SLI 16.1.1")  # template order
    r.remove_crisis_section(a)
    assert [s.title for s in r.crisis_sections()] == ["Crisis 2025"]
    assert not any(code.startswith(f"Crisis {a}/") for code in r.answers())


def test_snapshot_is_plain_data(new_report):
    r = new_report()
    r.set_text("QRE 12.1.1", "x")
    snap = r.snapshot()
    r.set_text("QRE 12.1.1", "y")
    assert snap.text("QRE 12.1.1") == "x"
    assert "Measure 12.1" in snap.subscriptions
