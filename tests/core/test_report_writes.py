"""Writes that only the report's own modules make (report/crisis_sections.py, report/review_rows.py): each is one
transaction with its history row, and each has its exact inverse (what the window's undo uses)."""

from __future__ import annotations

from copdesk.core.review import merge, comments as review, versions


def _crisis(r):
    return [(s.id, s.position, s.title, s.items) for s in r.crisis_sections()]


def test_a_removed_sub_section_comes_back_whole(new_report):
    r = new_report(measures=["16.1"])
    sid = r.add_crisis_section("Elections")
    r.add_crisis_item(sid, "Chapter IV")
    r.add_crisis_item(sid, "SLI 16.1.1")
    r.set_text(f"Crisis {sid}/threats", "Bots")
    r.set_text(f"Crisis {sid}/SLI 16.1.1", "Method", status="carried")
    r.set_table(f"Crisis {sid}/SLI 16.1.1", [["Member State", "n"], ["Austria", "3"]])
    before, state = _crisis(r), r.crisis_state(sid)
    answers, tables = r.answers(), r.tables()
    history = len(r.history())
    r.remove_crisis_section(sid)
    assert r.crisis_sections() == [] and not any(c.startswith("Crisis") for c in r.answers()) and r.tables() == {}
    assert len(r.history()) > history  # every removal is in the history (the table's too)
    r.restore_crisis_section(sid, state)
    assert _crisis(r) == before and r.tables() == tables
    assert {c: (a.text, a.status) for c, a in r.answers().items()} == {c: (a.text, a.status) for c, a in answers.items()}
    again = r.crisis_state(sid)
    assert (again.position, again.items, again.tables) == (state.position, state.items, state.tables)


def test_review_writes_and_their_inverses(new_report):
    r = new_report(measures=["12.1"])
    c = review.add_comment(r, "QRE 12.1.1", "Source?", "Lena")
    row = r.comment_row(c.id)
    review.set_resolved(r, c.id, "Lena")
    assert r.comment_row(c.id)["resolved_by"] == "Lena"
    r.set_comment_state(c.id, row["resolved_by"], row["resolved_at"], row["updated_at"], "comment reopened", "Lena")
    assert r.comment_row(c.id) == row
    review.remove_comment(r, c.id)
    assert review.comments(r) == []
    r.add_comment_row(row, "Lena: Source?")
    assert r.comment_row(c.id) == row

    review.set_status(r, "Commitment 12", "approved", "Lena")
    r.set_section_status_row("Commitment 12", None)
    assert review.statuses(r) == {}

    before = r.review_meta()
    review.freeze(r, "Lena")
    assert r.frozen()
    r.set_review_meta(before, "frozen", "no")
    assert not r.frozen() and r.review_meta() == before

    v = versions.save_version(r, "sent to legal", "Lena")
    data = r.query("SELECT data FROM versions")[0]["data"]
    versions.remove_version(r, v.id)
    assert versions.versions(r) == []
    assert r.add_version_row(v.name, v.at, v.by, data, v.id) == v.id and versions.versions(r) == [v]
    fields = [h["field"] for h in r.history()]
    for field in ("comment", "comment resolved", "comment reopened", "comment removed", "review status", "frozen",
                  "version", "version removed"):
        assert field in fields, field


def test_a_merge_choice_reopened(new_report, tmp_path):
    import shutil
    from copdesk.core.report.open_file import Report
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "base")
    r.close()
    shutil.copy(r.path, tmp_path / "theirs.copdesk")
    with Report.open(tmp_path / "theirs.copdesk") as t:
        t.set_text("QRE 12.1.1", "theirs")
    with Report.open(r.path) as m:
        m.set_text("QRE 12.1.1", "mine")
    merge.merge(r.path, tmp_path / "theirs.copdesk", tmp_path / "out.copdesk")
    with Report.open(tmp_path / "out.copdesk") as out:
        row = dict(out.merge_conflict_rows()[0])
        merge.resolve(out, "QRE 12.1.1", "theirs")
        assert out.text("QRE 12.1.1") == "theirs" and merge.pending(out) == []
        merge.reopen(out, row, "mine")
        assert out.text("QRE 12.1.1") == "mine" and [c.code for c in merge.pending(out)] == ["QRE 12.1.1"]
