"""One write path, undo always in step with the file (ui/operations.py, ui/undo.py, DraftSession.write).

Every write the window makes is an undo step (structural ones included) or clears the history and says
so; undoing brings the change into view; after undoing everything the file holds what it held before, and
after redoing everything what it held after. The file is read by a separate connection each time.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from copdesk.core.review import merge, comments as review, versions
from copdesk.core.report.open_file import Report
from copdesk.ui import operations, settings
from tests.ui.conftest import reopen
from tests.ui.test_drafting import _saved, goto


def state(path) -> dict:
    """What the file holds, as a person would compare it (answer timestamps and the history aside)."""
    with reopen(path) as f:
        return {"answers": {c: (a.text, a.status) for c, a in f.answers().items()},
                "tables": f.tables(), "subscriptions": sorted(f.subscriptions()),
                "crisis": [(s.id, s.position, s.title, s.items) for s in f.crisis_sections()],
                "comments": f.rows("comments"), "statuses": f.rows("section_status"),
                "versions": f.rows("versions"), "choices": f.rows("merge_conflicts"), "review": f.review_meta()}


def undo_all(qtbot, w) -> None:
    while w.stack.canUndo():
        w.undo_action.trigger()
    _saved(qtbot, w)


def redo_all(qtbot, w) -> None:
    while w.stack.canRedo():
        w.redo_action.trigger()
    _saved(qtbot, w)


def test_removing_a_renamed_crisis_sub_section_then_undo_brings_all_of_it_back(qtbot, new_report, open_window,
                                                                              monkeypatch):
    """The issue's case: rename a sub-section, remove it, Ctrl+Z. Before, the file got the title back alone
    (its items and answers lost) and the navigator did not show it."""
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "crisis")
    from copdesk.ui import ask
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Elections 2026", True))
    w.page.add_section()
    w.page.add_block("SLI 16.1.1")
    threats = w.page.editors["Crisis 1/threats"]
    threats.setFocus()
    qtbot.keyClicks(threats, "Bot networks")
    w.page.editors["Crisis 1/SLI 16.1.1 table"].set_cells(0, 0, [["12"]])
    title = w.page.editors["Crisis 1/title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Elections 2026 (Portugal)")
    _saved(qtbot, w)
    before_removal = state(r.path)
    goto(qtbot, w, "crisis")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert w.page.remove_section(1, "Elections 2026 (Portugal)")
    assert state(r.path)["crisis"] == [] and "Crisis 1" not in w.navigator.keys()
    assert w.stack.undoText().startswith("Remove sub-section")

    qtbot.keyClick(w.navigator, Qt.Key_Z, Qt.ControlModifier)  # Ctrl+Z, wherever the focus is
    _saved(qtbot, w)
    assert state(r.path) == before_removal  # title, items, answers and the table: all of it
    assert "Crisis 1" in w.navigator.keys() and "Elections 2026 (Portugal)" in w.navigator._items["Crisis 1"].text(0)
    assert w.current_key() == "Crisis 1"  # the undone change is shown
    assert w.page.editors["Crisis 1/threats"].toPlainText() == "Bot networks"

    w.undo_action.trigger()  # then the rename
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.crisis_sections()[0].title == "Elections 2026"
    w.redo_action.trigger()
    w.redo_action.trigger()  # rename, removal again
    _saved(qtbot, w)
    assert state(r.path)["crisis"] == [] and "Crisis 1" not in w.navigator.keys()


def test_undo_on_another_page_shows_that_page_and_field_first(qtbot, new_report, open_window):
    """The issue's case: undo on Measure 30.2 changed Measure 30.1 without showing it."""
    r = new_report(measures=["30.1", "30.2"])
    w = open_window(r)
    goto(qtbot, w, "Measure 30.1")
    editor = w.page.editors["Measure 30.1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Fact-checking partners")
    goto(qtbot, w, "Measure 30.2")
    w.undo_action.trigger()
    assert w.current_key() == "Measure 30.1"
    shown = w.page.editors["Measure 30.1"]
    assert shown.hasFocus() and shown.toPlainText() == ""
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.text("Measure 30.1") == ""
    goto(qtbot, w, "header")
    w.redo_action.trigger()
    assert w.current_key() == "Measure 30.1" and w.page.editors["Measure 30.1"].toPlainText() == "Fact-checking partners"


def test_every_structural_and_review_write_is_one_undo_step_in_step_with_the_file(qtbot, new_report, open_window,
                                                                                 tmp_path):
    settings.set_user("Ada Officer", "AO")
    r = new_report(measures=["12.1", "16.1"])
    r.set_text("QRE 12.1.1", "Carried text", status="carried")
    w = open_window(r)
    s, stack = w.session, w.stack
    start = state(r.path)
    steps = []

    def did(what):
        steps.append((what, state(r.path)))

    operations.subscribe(s, stack, ["Measure 12.3"])
    assert "Measure 12.3" in w.navigator.keys()
    did("subscribe")
    operations.unsubscribe(s, stack, ["Measure 16.1"])
    assert "Measure 16.1" not in w.navigator.keys()
    did("unsubscribe")
    sid = operations.add_crisis_section(s, stack, "Elections")
    did("add sub-section")
    operations.add_crisis_items(s, stack, sid, ["Chapter IV", "SLI 16.1.1"])
    did("add blocks")
    operations.mark_reviewed(s, stack, ["QRE 12.1.1"])
    did("mark reviewed")
    comment = operations.add_comment(s, stack, "QRE 12.1.1", "Source?", "Lena Legal", "LL")
    did("comment")
    operations.add_comment(s, stack, "QRE 12.1.1", "Added.", "Ada Officer", "AO", parent=comment.id)
    did("reply")
    operations.set_comment_resolved(s, stack, comment.id, "Lena Legal", True)
    did("resolve")
    operations.set_comment_resolved(s, stack, comment.id, "Lena Legal", False)
    did("reopen")
    operations.set_section_status(s, stack, "Commitment 12", "ready for review", "Ada Officer")
    did("status")
    operations.save_version(s, stack, "sent to legal", "Ada Officer")
    did("version")
    operations.set_frozen(s, stack, "Lena Legal", True)
    assert w.review.freeze_action.isChecked()
    did("freeze")
    operations.set_frozen(s, stack, "Lena Legal", False)
    did("unfreeze")
    operations.remove_crisis_section(s, stack, sid)
    did("remove sub-section")
    assert stack.count() == len(steps)  # one undo step each

    for k in range(len(steps) - 1, -1, -1):  # each undo puts back exactly the state before it
        w.undo_action.trigger()
        _saved(qtbot, w)
        assert state(r.path) == (steps[k - 1][1] if k else start), f"undo of {steps[k][0]}"
    assert "Measure 16.1" in w.navigator.keys() and "Measure 12.3" not in w.navigator.keys()
    for what, after in steps:  # and each redo the state after it
        w.redo_action.trigger()
        _saved(qtbot, w)
        assert state(r.path) == after, f"redo of {what}"
    assert not w.review.freeze_action.isChecked()


def test_a_merge_choice_is_one_undo_step(qtbot, new_report, open_window, tmp_path, monkeypatch):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "base")
    r.close()
    theirs = tmp_path / "theirs.copdesk"
    shutil.copy(r.path, theirs)
    with Report.open(theirs, who="reviewer") as t:
        t.set_text("QRE 12.1.1", "reviewer's text")
    with Report.open(r.path, who="author") as m:
        m.set_text("QRE 12.1.1", "author's text")
    merge.merge(r.path, theirs, tmp_path / "merged.copdesk")
    w = open_window(Report.open(tmp_path / "merged.copdesk"))
    before = state(w.session.report.path)
    goto(qtbot, w, "header")
    from copdesk.ui.merge_dialog import ConflictsDialog
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog = w.review.merge_choices()
    qtbot.mouseClick(dialog.take, Qt.LeftButton)
    assert w.session.report.text("QRE 12.1.1") == "reviewer's text" and merge.pending(w.session.report) == []
    after = state(w.session.report.path)
    w.undo_action.trigger()
    _saved(qtbot, w)
    assert state(w.session.report.path) == before and merge.pending(w.session.report)[0].code == "QRE 12.1.1"
    assert w.current_key() == "Measure 12.1" and w.page.editors["QRE 12.1.1"].toPlainText() == "author's text"
    w.redo_action.trigger()
    _saved(qtbot, w)
    assert state(w.session.report.path) == after


def test_the_final_approval_clears_the_history_and_says_so(qtbot, new_report, open_window, monkeypatch):
    settings.set_user("Ada Officer", "AO")
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Done")
    assert w.stack.canUndo()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert w.review.approve_final()
    qtbot.waitUntil(lambda: w.stack.count() == 0, timeout=2000)
    assert "cannot" in w.statusBar().currentMessage() or "can no longer be undone" in w.statusBar().currentMessage()
    with reopen(r.path) as f:
        assert review.final_approval(f) is not None and f.text("QRE 12.1.1") == "Done"


def test_an_undo_that_cannot_be_written_clears_the_history_and_says_why(qtbot, new_report, open_window,
                                                                       monkeypatch):
    from copdesk.core.errors import StoreError
    r = new_report(measures=["16.1"])
    w = open_window(r)
    sid = operations.add_crisis_section(w.session, w.stack, "Elections")

    def disk_full(*_args):
        raise StoreError("The disk is full.", "Free some space.")
    monkeypatch.setattr(w.session.report, "restore_crisis_section", disk_full)
    w.undo_action.trigger()
    qtbot.waitUntil(lambda: w.stack.count() == 0, timeout=2000)
    assert "could not be undone" in w.statusBar().currentMessage() and "disk is full" in w.statusBar().currentMessage()
    with reopen(r.path) as f:
        assert [s.id for s in f.crisis_sections()] == [sid]  # the file holds what the window shows


def test_a_refused_write_pushes_nothing(qtbot, new_report, open_window, monkeypatch):
    import pytest
    from copdesk.core.errors import InputError
    r = new_report(measures=["12.1"])
    w = open_window(r)
    w.session.readonly = True
    with pytest.raises(InputError, match="Read-only"):
        operations.add_crisis_section(w.session, w.stack, "Elections")
    shown = []
    monkeypatch.setattr("copdesk.ui.messages.show_error", lambda parent, exc, *a: shown.append(exc))
    assert operations.run(w, operations.save_version, w.session, w.stack, "v1", "Ada") is None and shown
    assert w.stack.count() == 0 and state(r.path)["crisis"] == [] and versions.versions(w.session.report) == []
