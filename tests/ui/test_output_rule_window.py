"""The window keeps the output-path rule and says what happened (issue 13, points 1 and 8).

Export to Word and the comparison's export refuse the report itself and any other report, whatever name
the save dialog was given; a report another program holds is not called damaged and no restore of a
backup is offered for it.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from copdesk.core.report import backups
from copdesk.ui import main_window, opening
from copdesk.ui.controller import Controller


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, exc, *a: shown.append(exc))
    return shown


@pytest.mark.parametrize("target", ["itself", "another report"])
def test_export_to_word_refuses_a_report(qtbot, new_report, open_window, errors, tmp_path, target):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "kept")
    other = new_report(name="other.copdesk")
    other.close()
    out = r.path if target == "itself" else other.path
    before = _digest(out)
    w = open_window(r)
    w.export_docx(str(out), ask_open=False)
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert f"Cannot write {out}" in errors[0].message
    assert _digest(out) == before
    assert w.last_export is None


def test_the_comparison_export_refuses_the_report(qtbot, new_report, monkeypatch, tmp_path):
    from copdesk.ui import compare_dialog
    shown = []
    monkeypatch.setattr(compare_dialog, "show_error", lambda parent, exc, *a: shown.append(exc))
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "kept")
    before = _digest(r.path)
    dialog = compare_dialog.CompareDialog(r)
    qtbot.addWidget(dialog)
    dialog.export(str(r.path))
    assert shown and "Cannot write" in shown[0].message
    assert _digest(r.path) == before


HOLD = ("import sqlite3, sys, time\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
        "conn.execute('BEGIN EXCLUSIVE')\n"
        "conn.execute('INSERT INTO meta VALUES (\"held\", \"yes\")')\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")


def test_a_report_another_program_holds_offers_no_restore(qtbot, new_report, monkeypatch):
    r = new_report()
    r.set_text("QRE 12.1.1", "sound")
    backups.make_backup(r.path, r.meta["report_id"])
    r.close()
    asked, shown = [], []
    monkeypatch.setattr(opening, "choose", lambda *a: asked.append(a) or a[-1][-1])
    import copdesk.ui.messages as messages
    monkeypatch.setattr(messages, "show_error", lambda parent, exc, *a: shown.append(exc))
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(r.path)], stdout=subprocess.PIPE, text=True)
    controller = Controller()
    try:
        assert holder.stdout.readline().strip() == "held"
        assert controller.open_path(r.path) is None
    finally:
        holder.kill()
        holder.wait()
        for w in list(controller.windows):
            w.close()
    assert not asked  # no "Restore from backup…" question for a sound file
    assert shown and "another program holds the file" in shown[0].message


def test_saving_a_new_report_over_a_file_is_never_offered(qtbot, new_report, open_window, monkeypatch, tmp_path):
    # A copy, a merge, an import, a restored backup or the next period is a new report: the file dialog does not
    # ask "Replace?" (the merge then refused what the user had just agreed to); a name that exists is said so
    # and the dialog comes back; the extension is added.
    from PySide6.QtWidgets import QFileDialog
    from copdesk.ui import messages
    r = new_report(measures=["12.1"])
    taken = tmp_path / "taken.copdesk"
    taken.write_bytes(b"someone's file")
    answers, asked, shown = [str(taken), str(tmp_path / "fresh")], [], []

    def dialog(parent, title, suggested, kinds, options=None):
        asked.append((title, suggested, options))
        return (answers.pop(0) if answers else ""), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    monkeypatch.setattr(messages, "show_error", lambda parent, exc, *a: shown.append(exc))
    monkeypatch.setattr(main_window, "show_error", lambda parent, exc, *a: shown.append(exc))  # none expected
    w = open_window(r)
    copy = w.carry_forward(title="Report 2027")  # File › Start the next period…: a new report
    assert [a[2] for a in asked] == [QFileDialog.DontConfirmOverwrite] * 2
    assert asked[1][1] == str(taken)  # the dialog comes back where the user was
    assert len(shown) == 1 and str(taken) in shown[0].message and "never writes" in shown[0].hint
    assert taken.read_bytes() == b"someone's file"
    assert copy is not None and (tmp_path / "fresh.copdesk").exists()
