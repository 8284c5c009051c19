"""Crisis sub-sections, carried-over answers, preferences, export from the window, the error dialog."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from copdesk.ui import ask

from tests.ui.conftest import reopen
from tests.ui.test_drafting import _saved, focus_qre, goto


def test_add_rename_fill_and_remove_a_crisis_sub_section(qtbot, new_report, open_window, monkeypatch):
    r = new_report(measures=["16.1"])
    w = open_window(r)
    goto(qtbot, w, "crisis")
    monkeypatch.setattr(ask, "text", lambda *a, **k: ("Elections 2026", True))
    w.page.add_section()
    assert w.current_key() == "Crisis 1"
    assert "Elections 2026" in w.navigator._items["Crisis 1"].text(0)
    title = w.page.editors["Crisis 1/title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Elections 2026 (Portugal)")
    w.page.add_block("SLI 16.1.1")
    assert set(w.page.editors) >= {"Crisis 1/Chapter IV", "Crisis 1/SLI 16.1.1", "Crisis 1/threats"}
    threats = w.page.editors["Crisis 1/threats"]
    threats.setFocus()
    qtbot.keyClicks(threats, "Bot networks")
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.crisis_sections()[0].title == "Elections 2026 (Portugal)"
        assert f.crisis_sections()[0].items == ("Chapter IV", "SLI 16.1.1")
        assert f.text("Crisis 1/threats") == "Bot networks"
    goto(qtbot, w, "crisis")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    w.page.remove_section(1, "Elections 2026 (Portugal)")
    with reopen(r.path) as f:
        assert f.crisis_sections() == []
    assert "Crisis 1" not in w.navigator.keys()


def test_carried_answers_are_marked_until_reviewed(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "Last period's text", status="carried")
    w = open_window(r)
    assert "carried over, to review" in w.navigator._items["Measure 12.1"].text(0)
    goto(qtbot, w, "Measure 12.1")
    qtbot.mouseClick(w.page.carried_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "carried" not in w.navigator._items["Measure 12.1"].text(0), timeout=3000)
    with reopen(r.path) as f:
        assert f.get("QRE 12.1.1").status == "" and f.text("QRE 12.1.1") == "Last period's text"


def test_editing_a_carried_answer_clears_the_mark(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "Old", status="carried")
    w = open_window(r)
    editor = focus_qre(qtbot, w)
    editor.moveCursor(QTextCursor.End)
    qtbot.keyClicks(editor, " and new")
    _saved(qtbot, w)
    with reopen(r.path) as f:
        assert f.get("QRE 12.1.1").status == "" and f.text("QRE 12.1.1") == "Old and new"


def test_preferences_name_is_recorded_with_changes(qtbot, new_report, open_window, monkeypatch):
    from copdesk.ui import settings
    from copdesk.ui.preferences import PreferencesDialog
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Ada Officer")
    assert dialog.initials.text() == "AO"
    dialog.accept()
    assert (settings.user_name(), settings.user_initials()) == ("Ada Officer", "AO")
    r = new_report(measures=["12.1"])
    w = open_window(r)
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: 1)
    w.preferences()
    goto(qtbot, w, "Measure 12.1")
    w.page.editors["QRE 12.1.1"].setFocus()
    qtbot.keyClicks(w.page.editors["QRE 12.1.1"], "x")
    _saved(qtbot, w)
    assert r.history("QRE 12.1.1")[-1]["who"] == "Ada Officer"


def test_export_from_the_window_runs_off_the_ui_thread(qtbot, new_report, open_window, tmp_path):
    from docx import Document
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "Exported text")
    w = open_window(r)
    out = tmp_path / "out.docx"
    w.export_docx(str(out), ask_open=False)
    qtbot.waitUntil(lambda: w.last_export == out, timeout=20000)
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "Exported text" in texts and "QRE 12.1.1" in texts


def test_export_to_pdf_from_the_window(qtbot, new_report, open_window, tmp_path):
    # File › Export to PDF…: the Word document converted by LibreOffice, off the UI thread
    import subprocess
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "Exported as PDF")
    w = open_window(r)
    assert any(a.text() == "Export to &PDF…" for a in w.file_menu.actions())
    out = tmp_path / "out.pdf"
    w.export_pdf(str(out), ask_open=False)
    qtbot.waitUntil(lambda: w.last_export == out, timeout=120000)
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Exported as PDF" in text and "QRE 12.1.1" in text


def test_unexpected_error_saves_first_then_shows_details(qtbot, new_report, open_window, monkeypatch):
    from copdesk.ui import messages
    shown = []
    monkeypatch.setattr(messages, "show_bug", lambda parent, details: shown.append(details))
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    w.page.editors["QRE 12.1.1"].setFocus()
    qtbot.keyClicks(w.page.editors["QRE 12.1.1"], "unsaved words")
    assert w.session.dirty
    old = sys.excepthook
    try:
        messages.install_excepthook(w.session.flush, lambda: w)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert shown and "RuntimeError: boom" in shown[0]
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "unsaved words"


def test_a_failed_save_keeps_the_edits_and_says_so(qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    r.conn.execute("CREATE TRIGGER no_writes BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'disk is full'); END")
    w.page.editors["QRE 12.1.1"].setFocus()
    qtbot.keyClicks(w.page.editors["QRE 12.1.1"], "precious")
    qtbot.waitUntil(lambda: "Not saved" in w.saved_label.text(), timeout=3000)
    assert "disk is full" in w.statusBar().currentMessage()
    assert w.session.text("QRE 12.1.1") == "precious"
    r.conn.execute("DROP TRIGGER no_writes")
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=5000)
    assert "Saved" in w.saved_label.text()
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "precious"


def test_start_from_an_earlier_report(qtbot, new_report, tmp_path, monkeypatch):
    """A Word report written by copdesk's export comes back through the window's import flow."""
    from copdesk.core.exports.word import export_docx
    from copdesk.ui import import_dialog
    r = new_report(measures=["12.1", "39"])
    r.set_text("QRE 12.1.1", "We monitored political ads in six member states.")
    r.set_text("Commitment 12 Q1", "No")
    export_docx(r.template, r.snapshot(), tmp_path / "last.docx")
    seen = []
    monkeypatch.setattr(import_dialog.ImportSummaryDialog, "exec", lambda self: seen.append(self) or 1)
    out = import_dialog.run_import(None, str(tmp_path / "last.docx"), str(tmp_path / "new.copdesk"))
    assert out == tmp_path / "new.copdesk" and seen
    with reopen(out) as f:
        assert f.text("QRE 12.1.1") == "We monitored political ads in six member states."
        assert f.text("Commitment 12 Q1") == "No"


def test_import_of_a_bad_file_shows_a_message_and_writes_nothing(qtbot, tmp_path, monkeypatch):
    from copdesk.ui import import_dialog
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    bad = tmp_path / "old.docx"
    bad.write_bytes(b"this is not a Word file")
    assert import_dialog.run_import(None, str(bad), str(tmp_path / "new.copdesk")) is None
    assert shown and "new.copdesk" not in [p.name for p in tmp_path.iterdir()]


def test_carry_forward_from_the_window(qtbot, new_report, open_window, tmp_path):
    r = new_report(measures=["16.1"])
    r.set_text("QRE 16.1.1", "Our process")
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "5"]])
    w = open_window(r)
    out = tmp_path / "next.copdesk"
    w.carry_forward(str(out), "Report September 2026")
    with reopen(out) as f:
        assert f.text("header.title") == "Report September 2026"
        assert f.get("QRE 16.1.1").status == "carried"
        assert f.table("SLI 16.1.1")[1][0] == "Austria" and f.table("SLI 16.1.1")[1][1] in (None, "")
