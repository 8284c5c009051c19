"""Review › Bring back a reviewed Word document…: suggestions listed with the comments, each a redline with
Accept and Reject (and Accept all), each decision one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from copdesk.core.review import comments as review, suggestions
from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.exports.docx_comments import review_export
from copdesk.ui import settings
from tests.core.word_review import WordReview
from tests.ui.conftest import reopen
from tests.ui.test_drafting import goto

QRE = "We monitored ads in **all** markets."
MEASURE = "We took part in the task-force."


def _reviewed(r, tmp_path):
    export_docx(r.template, r.snapshot(), tmp_path / "r.docx", DocxOptions(review=review_export(r)))
    doc = WordReview(tmp_path / "r.docx")
    doc.replace(doc.paragraph("We monitored ads"), "all", "most")
    doc.replace(doc.paragraph(MEASURE), "task-force", "Task-force")
    doc.replace(doc.cell(0, 2, 1), "7", "9")
    qre = doc.paragraph("We monitored ads")
    doc.comment(qre, qre, "Which markets?", "Lena Legal", "LL")
    return doc.save(tmp_path / "reviewed.docx")


def _report(new_report):
    r = new_report(measures=["12.1", "16.1"])
    r.set_text("QRE 12.1.1", QRE)
    r.set_text("Measure 12.1", MEASURE)
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "5"], ["Belgium", "7"]])
    return r


def _items(w) -> list[str]:
    tree = w.comments.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_bring_back_accept_reject_and_undo(qtbot, new_report, open_window, tmp_path, monkeypatch):
    settings.set_user("Ada Officer", "AO")
    r = _report(new_report)
    path = _reviewed(r, tmp_path)
    w = open_window(r)
    menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Review")
    assert "Bring back a reviewed &Word document…" in [a.text() for a in menu.actions()]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    result = w.review.bring_back_review(str(path))
    assert result.summary().startswith("1 comment, 3 suggested changes in 3 answers")
    items = _items(w)
    assert [i.split(",")[0] for i in items[:3]] == ["Suggested change — Measure 12.1", "Suggested change — QRE 12.1.1",
                                                    "Suggested change — SLI 16.1.1 cell 2"]  # in document order
    assert any(i.startswith("Which markets?") for i in items)
    assert "3 suggestion" in w.comments.count.text()  # (the English plural forms load with the app)
    # the first one is selected; the selected one shows its redline against the current text
    assert w.comments.tree.currentItem().text(0).startswith("Suggested change — Measure 12.1")
    w.comments.tree.setCurrentItem(w.comments.tree.topLevelItem(1))
    shown = w.comments.detail.text()
    assert "<s " in shown and ">all</s>" in shown and ">most</u>" in shown
    assert "**" not in shown  # as the reader sees it, without Markdown marks
    assert not w.comments.reply_button.isEnabled() and w.comments.accept_button.isEnabled()

    goto(qtbot, w, "Measure 12.1")
    undo_steps = w.stack.count()
    qtbot.mouseClick(w.comments.accept_button, Qt.LeftButton)
    assert w.session.text("QRE 12.1.1") == "We monitored ads in **most** markets."
    assert w.page.editors["QRE 12.1.1"].markdown() == "We monitored ads in **most** markets."  # the field shows it
    assert w.stack.count() == undo_steps + 1 and w.undo_action.text().startswith("&Undo Accept 1 suggestion")
    assert "2 suggestion" in w.comments.count.text()
    assert not w.isWindowModified()  # written at once, and the window says so
    w.stack.undo()
    assert w.page.editors["QRE 12.1.1"].markdown() == QRE
    assert w.comments.tree.currentItem().text(0).startswith("Suggested change — SLI 16.1.1")  # the selection stays
    assert any(i.startswith("Suggested change — QRE 12.1.1") for i in _items(w))  # waiting again
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == QRE and len(suggestions.pending(f)) == 3

    # reject one, then accept all as one step
    w.comments.tree.setCurrentItem(w.comments.tree.topLevelItem(1))
    qtbot.mouseClick(w.comments.reject_button, Qt.LeftButton)
    with reopen(r.path) as f:
        assert {s.code: s.state for s in suggestions.all_suggestions(f)}["QRE 12.1.1"] == "rejected"
        assert f.text("QRE 12.1.1") == QRE
    qtbot.mouseClick(w.comments.accept_all_button, Qt.LeftButton)
    with reopen(r.path) as f:
        assert f.text("Measure 12.1") == "We took part in the Task-force."
        assert f.table("SLI 16.1.1")[2] == ["Belgium", "9"] and f.text("QRE 12.1.1") == QRE
        assert suggestions.pending(f) == []
    assert not w.comments.accept_all_button.isEnabled()
    w.stack.undo()  # Accept all, undone in one step
    with reopen(r.path) as f:
        assert f.text("Measure 12.1") == MEASURE and f.table("SLI 16.1.1")[2] == ["Belgium", "7"]
        assert len(suggestions.pending(f)) == 2
    w.stack.redo()
    with reopen(r.path) as f:
        assert f.text("Measure 12.1") == "We took part in the Task-force." and suggestions.pending(f) == []
    w.comments.only_open.setChecked(False)
    assert any("(tracked; accepted)" in i for i in _items(w)) and any("(tracked; rejected)" in i for i in _items(w))


def test_a_frozen_report_refuses_to_accept_and_nothing_lands_on_the_undo_stack(qtbot, new_report, open_window,
                                                                               tmp_path, monkeypatch):
    settings.set_user("Ada Officer", "AO")
    r = _report(new_report)
    path = _reviewed(r, tmp_path)
    review.freeze(r, "Head of Policy")
    w = open_window(r)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    w.review.bring_back_review(str(path))
    shown = []
    monkeypatch.setattr("copdesk.ui.review_import_ops.show_error", lambda parent, exc: shown.append(exc.message))
    steps = w.stack.count()
    assert not w.comments.accept_all()
    assert shown and "frozen" in shown[0] and w.stack.count() == steps
    with reopen(r.path) as f:
        assert len(suggestions.pending(f)) == 3 and f.text("QRE 12.1.1") == QRE


def test_another_reports_document_is_refused_with_a_message(qtbot, new_report, open_window, tmp_path, monkeypatch):
    r = _report(new_report)
    other = new_report(name="other.copdesk", measures=["12.1"])
    export_docx(other.template, other.snapshot(), tmp_path / "other.docx")
    w = open_window(r)
    shown = []
    monkeypatch.setattr("copdesk.ui.review_import_ops.show_error", lambda parent, exc: shown.append(exc.message))
    assert w.review.bring_back_review(str(tmp_path / "other.docx")) is None
    assert shown and "another report" in shown[0]


def _review_state(path) -> dict:
    with reopen(path) as f:
        return {"answers": {c: a.text for c, a in f.answers().items()}, "tables": f.tables(),
                "suggestions": f.rows("suggestions"), "comments": f.rows("comments"),
                "choices": f.rows("merge_conflicts")}


def test_bringing_a_document_back_is_one_undo_step_in_step_with_the_file(qtbot, new_report, open_window,
                                                                         tmp_path, monkeypatch):
    """Its comments, suggestions and merge choices come in as one step; undo takes them all out again (no
    answer changes either way) and redo brings them back, exactly."""
    settings.set_user("Ada Officer", "AO")
    r = _report(new_report)
    path = _reviewed(r, tmp_path)
    r.set_text("QRE 12.1.1", "We monitored ads in some markets.")  # changed since the export: a choice
    w = open_window(r)
    before, steps = _review_state(r.path), w.stack.count()
    result = w.review.bring_back_review(str(path), show=False)
    assert result.conflicts and result.comments and result.suggestions
    after = _review_state(r.path)
    assert after["suggestions"] and after["comments"] and after["choices"] and after["answers"] == before["answers"]
    assert w.stack.count() == steps + 1 and w.undo_action.text() == "&Undo Bring back reviewed.docx"
    w.stack.undo()
    assert _review_state(r.path) == before
    assert not suggestions.pending(w.session.report) and _items(w) == []
    w.stack.redo()
    assert _review_state(r.path) == after
    assert any(i.startswith("Suggested change") for i in _items(w))
