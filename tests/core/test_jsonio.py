"""copdesk JSON round-trips every field of a report: new -> answer -> export -> import is identical."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk.core.errors import InputError, StoreError
from copdesk.core.template.forms import load_template
from copdesk.core.exports.copdesk_json import export_json, to_dict
from copdesk.core.imports.copdesk_json import from_dict, import_json
from copdesk.core.report.open_file import Report


def _dump_tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of a report file, straight from SQLite."""
    conn = sqlite3.connect(path)
    out = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_%' ESCAPE '\\'"):
        out[name] = sorted(conn.execute(f"SELECT * FROM [{name}]").fetchall(), key=repr)
    conn.close()
    return out


def test_round_trip_is_identical_field_for_field(new_report, tmp_path):
    r = new_report(measures=["12.1", "16.1", "39"])
    r.set_text("QRE 12.1.1", "**bold** and *italic*\n\n- a\n  - b")
    r.set_text("Commitment 12 Q1", "Yes")
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "1,234"], ["Belgium", None, "x"]])
    r.set_text("Crisis 1/title", "Elections 2025")
    r.set_text("Crisis 1/Measure 16.1", "during the campaign")
    r.set_text("QRE 12.1.1", "**bold** and *italic*\n\n- a\n  - b\n- c", status="carried")
    export_json(r.snapshot(with_history=True), tmp_path / "r.json")
    with import_json(tmp_path / "r.json", tmp_path / "back.copdesk") as back:
        assert to_dict(back.snapshot(with_history=True)) == to_dict(r.snapshot(with_history=True))
    before, after = _dump_tables(r.path), _dump_tables(tmp_path / "back.copdesk")
    assert before == after
    assert len(after["history"]) >= 8


answer_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
cell = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["-", "N/A", "1,234", "12.5%", "Total EU"]))


@st.composite
def reports(draw):
    t = load_template()
    measures = draw(st.lists(st.sampled_from([m.number for m in t.measures()]), min_size=1, max_size=8, unique=True))
    codes = [f"header.{f.key}" for f in t.header if f.key != "kind"]
    for m in measures:
        item = t.index[f"Measure {m}"]
        codes += [item.code] + [e.code for e in item.elements] + [f"{t.parents[item.code]} Q{i}" for i in range(1, 5)]
    answers = draw(st.dictionaries(st.sampled_from(codes), answer_text, max_size=12))
    slis = [c for c in codes if c.startswith("SLI ")] or ["SLI 16.1.1"]
    tables = draw(st.dictionaries(st.sampled_from(slis), st.lists(st.lists(cell, min_size=1, max_size=4),
                                                                   min_size=1, max_size=5), max_size=2))
    crisis = draw(st.lists(st.tuples(st.text(min_size=1, max_size=20), st.sampled_from(codes[7:] or ["Measure 16.1"])),
                           max_size=2))
    status = draw(st.sampled_from(["", "carried"]))
    return measures, answers, tables, crisis, status


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports())
def test_property_round_trip(tmp_path_factory, case):
    measures, answers, tables, crisis, status = case
    folder = tmp_path_factory.mktemp("prop")
    t = load_template()
    with Report.create(folder / "a.copdesk", t, signatory="Org", kind="platform", title="T",
                       subscriptions=measures, who="p") as r:
        for code, text in answers.items():
            r.set_text(code, text, status=status)
        for code, grid in tables.items():
            if any(c is not None for row in grid for c in row):
                r.set_table(code, grid)
        for title, code in crisis:
            sid = r.add_crisis_section(title)
            if not code.startswith(("header.", "Commitment")):
                r.add_crisis_item(sid, code)
        export_json(r.snapshot(with_history=True), folder / "a.json")
        with import_json(folder / "a.json", folder / "b.copdesk") as back:
            assert to_dict(back.snapshot(with_history=True)) == to_dict(r.snapshot(with_history=True))
    assert _dump_tables(folder / "a.copdesk") == _dump_tables(folder / "b.copdesk")


def test_import_refuses_other_json_and_leaves_no_file(tmp_path):
    src = tmp_path / "tc.json"
    src.write_text(json.dumps({"report": {"chapters": []}}))
    with pytest.raises(InputError, match="not a copdesk report in JSON"):
        import_json(src, tmp_path / "out.copdesk")
    assert not (tmp_path / "out.copdesk").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tc.json"]


@pytest.mark.parametrize("content,message", [
    ("{not json", r"not valid JSON \(line 1"),
    ('{"format": "copdesk-report-json", "version": 99}', "version 99"),
    ('{"format": "copdesk-report-json", "version": 1, "answers": {"QRE 1.1.1": "flat"}}', "not a valid copdesk report"),
])
def test_bad_json_messages(tmp_path, content, message):
    src = tmp_path / "x.json"
    src.write_text(content)
    with pytest.raises(InputError, match=message):
        import_json(src, tmp_path / "out.copdesk")
    assert not (tmp_path / "out.copdesk").exists()


def test_import_does_not_overwrite(tmp_path, sample_json):
    out = tmp_path / "out.copdesk"
    out.write_text("mine")
    with pytest.raises(StoreError, match="exists already"):
        import_json(sample_json, out)
    assert out.read_text() == "mine"


def test_sample_report_loads(sample_json, tmp_path):
    data = from_dict(json.loads(sample_json.read_text(encoding="utf-8")))
    assert data.text("header.signatory").endswith("(fictional)")
    with import_json(sample_json, tmp_path / "s.copdesk") as r:
        assert len(r.table("SLI 14.2.1")) == 32
        assert r.crisis_sections()[0].title == "Elections 2025"


def test_export_failures_leave_no_stray_files(new_report, tmp_path):
    r = new_report()
    with pytest.raises(StoreError, match="folder exists"):
        export_json(r.snapshot(with_history=True), tmp_path / "missing" / "r.json")
    target = tmp_path / "taken"
    (target / "inside").mkdir(parents=True)
    with pytest.raises(StoreError, match="Cannot write"):
        export_json(r.snapshot(with_history=True), target)
    assert (target / "inside").is_dir()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_round_trip_keeps_review_data_and_the_baseline(new_report, tmp_path):
    from copdesk.core.review import comments as review, versions
    from copdesk.core.review.carry import baseline, carry
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "last period")
    r.close()
    nxt = carry(r.path, tmp_path / "next.copdesk", "Report March 2027", who="tester")
    c = review.add_comment(nxt, "QRE 12.1.1", "Still true?", "Lena Legal", "LL")
    review.set_status(nxt, "Commitment 12", "ready for review", "Lena Legal")
    versions.save_version(nxt, "sent to legal", "tester")
    export_json(nxt.snapshot(with_history=True), tmp_path / "next.json")
    with import_json(tmp_path / "next.json", tmp_path / "back.copdesk") as back:
        assert to_dict(back.snapshot(with_history=True)) == to_dict(nxt.snapshot(with_history=True))
        assert [x.id for x in review.comments(back)] == [c.id]
        assert baseline(back).text("QRE 12.1.1") == "last period"
        assert [v.name for v in versions.versions(back)] == ["sent to legal"]
    nxt.close()
    assert _dump_tables(tmp_path / "next.copdesk") == _dump_tables(tmp_path / "back.copdesk")
