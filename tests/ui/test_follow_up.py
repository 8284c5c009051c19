"""An "If yes" answer left with text after a No: said on the page and in the checks; kept or cleared,
both undoable, and the export follows the decision."""

from __future__ import annotations

from PySide6.QtCore import Qt

from copdesk.core.rules import follow_ups
from tests.ui.conftest import checked, reopen
from tests.ui.test_drafting import goto


def _contradicted(new_report):
    r = new_report(measures=["12.1"])
    r.set_text("Commitment 12 Q1", "Yes")
    r.set_text("Commitment 12 Q2", "Labels on every ad.")
    return r


def _issues(w, code):
    return [i for i in w.checks.issues if i.code == code]


def test_answering_no_flags_the_text_and_clear_removes_it_undoably(qtbot, new_report, open_window):
    r = _contradicted(new_report)
    w = open_window(r)
    goto(qtbot, w, "Commitment 12")
    from copdesk.ui.follow_up import FollowUpGuard
    assert not [g for g in w.page.findChildren(FollowUpGuard) if g.isVisible()]  # Yes with its text: nothing to say
    qtbot.mouseClick(w.page.editors["Commitment 12 Q1"].buttons["No"], Qt.LeftButton)
    guard = w.page.findChildren(FollowUpGuard)[0]
    assert guard.isVisible() and "answered “No”" in guard.text.text()
    checked(qtbot, w)
    assert [i.severity for i in _issues(w, "Commitment 12 Q2")] == ["warning"]
    qtbot.mouseClick(guard.clear_button, Qt.LeftButton)
    assert w.page.editors["Commitment 12 Q2"].toPlainText() == "" and not guard.isVisible()
    w.stack.undo()
    assert w.page.editors["Commitment 12 Q2"].toPlainText() == "Labels on every ad." and guard.isVisible()
    w.session.flush()
    with reopen(r.path) as f:
        assert f.text("Commitment 12 Q2") == "Labels on every ad."


def test_keep_records_the_decision_and_undo_takes_it_back(qtbot, new_report, open_window):
    r = _contradicted(new_report)
    r.set_text("Commitment 12 Q1", "No")
    w = open_window(r)
    goto(qtbot, w, "Commitment 12")
    from copdesk.ui.follow_up import FollowUpGuard
    guard = w.page.findChildren(FollowUpGuard)[0]
    assert guard.isVisible() and guard.keep_button.isVisible()
    qtbot.mouseClick(guard.keep_button, Qt.LeftButton)
    assert "Kept" in guard.text.text() and not guard.keep_button.isVisible()
    with reopen(r.path) as f:
        assert follow_ups.kept(f.meta) == {"Commitment 12 Q2"}
    checked(qtbot, w)  # the decision is re-checked with the answer it is about
    assert _issues(w, "Commitment 12 Q2") == []
    assert "Saved" in w.saved_label.text()
    w.stack.undo()
    with reopen(r.path) as f:
        assert follow_ups.kept(f.meta) == frozenset()
    assert guard.keep_button.isVisible()
