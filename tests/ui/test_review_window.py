"""Review in the window: commenting, statuses, freeze, versions and comparison, merge choices."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from copdesk.core.review import merge, comments as review
from copdesk.core.exports.docx_comments import export_status
from copdesk.core.report.open_file import Report
from copdesk.ui import ask, settings
from tests.ui.conftest import reopen
from tests.ui.test_drafting import _saved, focus_qre, goto


def _named(name="Lena Legal", initials="LL"):
    settings.set_user(name, initials)


def test_comment_beside_a_field_reply_and_resolve(qtbot, new_report, open_window, monkeypatch):
    _named()
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    button = w.page.comment_buttons["QRE 12.1.1"]
    assert button.text() == "Comment"
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Please add a figure.", True))
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.waitUntil(lambda: w.page.comment_buttons["QRE 12.1.1"].text() == "Comments: 1 open", timeout=3000)
    assert w.comments.tree.topLevelItemCount() == 1
    assert "Please add a figure." in w.comments.tree.topLevelItem(0).text(0)
    w.comments.tree.setCurrentItem(w.comments.tree.topLevelItem(0))
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Done: 611 ads.", True))
    qtbot.mouseClick(w.comments.reply_button, Qt.LeftButton)
    w.comments.tree.setCurrentItem(w.comments.tree.topLevelItem(0))
    qtbot.mouseClick(w.comments.resolve_button, Qt.LeftButton)
    assert "resolved by Lena Legal" in w.comments.tree.topLevelItem(0).text(0)
    w.comments.only_open.setChecked(True)
    assert w.comments.tree.topLevelItemCount() == 0  # "open only" hides it now
    with reopen(r.path) as f:
        (top, replies), = review.threads(f)
        assert (top.author, top.initials, top.resolved_by) == ("Lena Legal", "LL", "Lena Legal")
        assert [x.text for x in replies] == ["Done: 611 ads."]


def test_comment_on_a_table_cell_and_filters(qtbot, new_report, open_window, monkeypatch):
    _named("Ada Officer", "AO")
    r = new_report(measures=["12.1", "16.1"])
    review.add_comment(r, "QRE 12.1.1", "someone else's", "Lena Legal")
    w = open_window(r)
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Source of Austria?", True))
    w.review.on_comment_requested("SLI 16.1.1@1,1")
    with reopen(r.path) as f:
        cell = [c for c in review.comments(f) if c.cell]
        assert cell and cell[0].anchor == "SLI 16.1.1 cell 1,1" and cell[0].author == "Ada Officer"
    w.comments.only_mine.setChecked(True)
    assert w.comments.tree.topLevelItemCount() == 1
    w.comments.only_mine.setChecked(False)
    w.comments.chapter.setCurrentIndex(w.comments.chapter.findData("Chapter III"))
    assert w.comments.tree.topLevelItemCount() == 1 and "QRE 12.1.1" in w.comments.tree.topLevelItem(0).text(0)


def test_reviewer_without_a_name_is_asked_once(qtbot, new_report, open_window, monkeypatch):
    from copdesk.ui.name_prompt import NamePrompt
    asked = []

    def fake_exec(dialog):
        asked.append(1)
        dialog.name.setText("Max Reviewer")
        dialog.accept()
        return 1

    monkeypatch.setattr(NamePrompt, "exec", fake_exec)
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("ok", True))
    r = new_report(measures=["12.1"])
    w = open_window(r)
    w.review.on_comment_requested("QRE 12.1.1")
    w.review.on_comment_requested("Measure 12.1")
    assert len(asked) == 1
    with reopen(r.path) as f:
        assert {c.author for c in review.comments(f)} == {"Max Reviewer"}


def test_status_freeze_and_final_approval(qtbot, new_report, open_window, monkeypatch):
    _named()
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Commitment 12")
    w.page.status_choice.setCurrentText("approved")
    w.page.status_choice.activated.emit(w.page.status_choice.currentIndex())
    qtbot.waitUntil(lambda: "set by Lena Legal" in w.page.status_by.text(), timeout=3000)
    w.review.freeze_action.trigger()
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]
    assert editor.isReadOnly()
    qtbot.keyClicks(editor, "typed while frozen")
    assert w.session.text("QRE 12.1.1") == ""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert w.review.approve_final()
    with reopen(r.path) as f:
        assert review.statuses(f)["Commitment 12"].status == "approved"
        assert review.final_approval(f)[0] == "Lena Legal" and f.frozen()
        assert export_status(f.meta) == "Final"
    w.review.freeze_action.trigger()
    goto(qtbot, w, "Measure 12.1")
    assert not w.page.editors["QRE 12.1.1"].isReadOnly()


def test_versions_and_compare(qtbot, new_report, open_window, monkeypatch, tmp_path):
    _named()
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "We removed 10 accounts.")
    w = open_window(r)
    w.review.save_version("sent to legal")
    editor = focus_qre(qtbot, w)
    editor.selectAll()
    qtbot.keyClicks(editor, "We removed 12 fake accounts.")
    _saved(qtbot, w)
    from copdesk.ui.compare_dialog import CompareDialog
    monkeypatch.setattr(CompareDialog, "exec", lambda self: 0)
    dialog = w.review.compare()
    assert dialog.old.currentText().startswith("Version “sent to legal”") and dialog.new.currentText() == "Now"
    assert dialog.fields.count() == 1 and dialog.fields.item(0).text() == "QRE 12.1.1 — changed"
    shown = dialog.view.toHtml()
    assert "10" in shown and "12 fake" in shown and "line-through" in shown and "underline" in shown
    dialog.export(str(tmp_path / "cmp.docx"))
    assert (tmp_path / "cmp.docx").stat().st_size > 0


def test_merge_and_choose_in_the_window(qtbot, new_report, open_window, tmp_path, monkeypatch):
    from copdesk.ui.controller import Controller
    _named("Ada Officer")
    r = new_report(measures=["12.1", "12.3"])
    r.set_text("QRE 12.1.1", "base")
    r.close()
    theirs = tmp_path / "theirs.copdesk"
    shutil.copy(r.path, theirs)
    with Report.open(theirs, who="reviewer") as t:
        t.set_text("QRE 12.1.1", "reviewer's text")
        t.set_text("QRE 12.3.1", "reviewer added this")
    controller = Controller()
    w = controller.open_path(r.path)
    qtbot.addWidget(w)
    goto(qtbot, w, "Measure 12.1")
    w.page.editors["QRE 12.1.1"].setFocus()
    w.page.editors["QRE 12.1.1"].selectAll()
    qtbot.keyClicks(w.page.editors["QRE 12.1.1"], "author's text")
    from copdesk.ui.merge_dialog import ConflictsDialog
    seen = []
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: seen.append(self) or 0)
    merged = w.review.merge_copy(str(theirs), str(tmp_path / "merged.copdesk"))
    qtbot.addWidget(merged)
    assert merged.session.report.text("QRE 12.3.1") == "reviewer added this"
    dialog = seen[0]
    assert dialog.list.count() == 1 and dialog.mine.toPlainText() == "author's text"
    assert dialog.theirs.toPlainText() == "reviewer's text"
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    qtbot.mouseClick(dialog.take, Qt.LeftButton)
    assert merge.pending(merged.session.report) == []
    assert merged.session.report.text("QRE 12.1.1") == "reviewer's text"
    for win in list(controller.windows):
        win.close()
