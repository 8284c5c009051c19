"""The window keeps drafts safe: recovery said out loud, locks, unsafe places, backups, faults while open.

Reports open through the Controller, as in the app. Questions go through ui.opening.choose (patched);
the backup list and the save dialog through RestoreDialog.ask and ask_output (patched).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QFrame

from copdesk.core.report import backups
from copdesk.core.safety import lockfile
from copdesk.core.report.open_file import Report
from copdesk.ui import backups_dialog, opening
from copdesk.ui.controller import Controller
from tests.ui.conftest import reopen
from tests.ui.test_drafting import goto


@pytest.fixture
def controller(qtbot):
    c = Controller()
    yield c
    for w in list(c.windows):
        w.close()
    if c.start is not None:
        c.start.close()


@pytest.fixture
def answers(monkeypatch):
    """Answers for ui.opening.choose, in order; the questions asked are kept."""
    asked, given = [], []

    def choose(parent, title, text, hint, options):
        asked.append((title, text, hint, options))
        return given.pop(0)

    monkeypatch.setattr(opening, "choose", choose)
    return asked, given


def _wait_backup(qtbot, window):
    qtbot.waitUntil(lambda: not window.safety.backup_running, timeout=5000)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _banners(window) -> list[str]:
    return [f.message.text() for f in window.findChildren(QFrame, "safetyBanner") if f.isVisible()]


def _type(qtbot, window, code: str, text: str) -> None:
    goto(qtbot, window, code.replace("QRE ", "Measure ").rsplit(".", 1)[0] if code.startswith("QRE") else code)
    editor = window.page.editors[code]
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_after_a_crash_the_window_says_what_was_recovered(qtbot, new_report, controller):
    from copdesk.core.model import now
    r = new_report()
    time.sleep(0.01)
    crashed_at = now()  # the crashed session started after the report was made
    lockfile.lock_path(r.path).write_text(json.dumps(
        {"pid": _dead_pid(), "host": os.uname().nodename, "user": "anna", "started": crashed_at}))
    r.set_text("QRE 12.1.1", "typed before the crash")
    last = r.history()[-1]["at"]
    r.close()
    w = controller.open_path(r.path)
    qtbot.waitExposed(w)
    assert "not closed properly" in w.safety.recovery_notice and lockfile.local_time(last) in w.safety.recovery_notice
    assert any("QRE 12.1.1" in b for b in _banners(w)), (w.safety.recovery_notice, _banners(w))
    assert lockfile.read(r.path).pid == os.getpid()
    w.close()
    assert not lockfile.lock_path(r.path).exists()  # a clean close leaves no lock...
    w2 = controller.open_path(r.path)
    assert w2.safety.recovery_notice == "" and not _banners(w2)  # ...so nothing is announced next time


def test_a_report_open_in_another_copdesk_opens_read_only(qtbot, new_report, controller, answers):
    r = new_report()
    r.set_text("QRE 12.1.1", "theirs")
    r.close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from copdesk.core.safety import lockfile; lockfile.acquire(Path(sys.argv[1])); "
                               "print('held', flush=True); time.sleep(60)", str(r.path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        asked, given = answers
        given.append(opening.READ_ONLY)
        w = controller.open_path(r.path)
        assert "open in another copdesk" in asked[0][1] and asked[0][3][:2] == [opening.READ_ONLY, opening.COPY]
        assert "(read-only)" in w.windowTitle() and any("Read-only" in b for b in _banners(w))
        w.update_title()  # as a family's service switch does: the title still says so
        assert w.windowTitle().startswith(f"{r.path.name} (read-only)")
        _type(qtbot, w, "QRE 12.1.1", "mine")
        assert "Read-only" in w.statusBar().currentMessage()
        assert w.page.editors["QRE 12.1.1"].markdown() == "theirs"
        qtbot.wait(600)
        with reopen(r.path) as f:
            assert f.text("QRE 12.1.1") == "theirs"
        w.close()
        given.append(opening.COPY)
        w = controller.open_path(r.path)
        assert w.session.report.path.name == "r (copy).copdesk"
        _type(qtbot, w, "QRE 12.1.1", " and mine")
        qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
        with reopen(w.session.report.path) as f:
            assert f.text("QRE 12.1.1") == "theirs and mine"
        with reopen(r.path) as f:
            assert f.text("QRE 12.1.1") == "theirs"
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_a_report_in_a_synced_folder_offers_a_local_copy(qtbot, tmp_path, template, controller, answers):
    path = tmp_path / "Dropbox" / "reports" / "r.copdesk"
    path.parent.mkdir(parents=True)
    Report.create(path, template, signatory="x", kind="other", title="t", subscriptions=["12.1"]).close()
    asked, given = answers
    given.append(opening.LOCAL_COPY)
    w = controller.open_path(path)
    assert "cloud-synced folder (Dropbox)" in asked[0][1] and "SQLite" in asked[0][2]
    copy = w.session.report.path
    assert copy != path and "working copies" in str(copy)
    assert any(str(copy) in b and "local working copy" in b for b in _banners(w))
    given.append(opening.CANCEL)
    assert controller.open_path(tmp_path / "Dropbox" / "reports" / "r.copdesk") is None


def test_restore_from_backup_opens_a_new_file(qtbot, new_report, controller, monkeypatch, tmp_path):
    r = new_report()
    r.set_text("QRE 12.1.1", "the good version")
    r.close()
    w = controller.open_path(r.path)
    _wait_backup(qtbot, w)
    _type(qtbot, w, "QRE 12.1.1", " then a mistake")
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
    found = backups.list_backups(r.path)
    assert len(found) == 1
    file_menu = w.menuBar().actions()[0].menu()
    assert "Restore from &backup…" in [a.text() for a in file_menu.actions()]
    monkeypatch.setattr(backups_dialog.RestoreDialog, "ask", classmethod(lambda cls, parent, f: f[0]))
    monkeypatch.setattr(backups_dialog, "ask_output", lambda parent, suggested: tmp_path / "restored.copdesk")
    w.safety.restore_action.trigger()
    restored = controller.windows[-1]
    assert restored.session.report.path == tmp_path / "restored.copdesk"
    assert restored.session.text("QRE 12.1.1") == "the good version"
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "the good version then a mistake"  # the current file is untouched


def test_a_damaged_report_offers_its_backups(qtbot, new_report, controller, answers, monkeypatch, tmp_path):
    r = new_report()
    r.set_text("QRE 12.1.1", "precious")
    backups.make_backup(r.path, r.meta["report_id"])
    r.close()
    r.path.write_bytes(os.urandom(20_000))
    damaged = r.path.read_bytes()
    asked, given = answers
    given.append("Restore from backup…")
    monkeypatch.setattr(backups_dialog.RestoreDialog, "ask", classmethod(lambda cls, parent, f: f[0]))
    monkeypatch.setattr(backups_dialog, "ask_output", lambda parent, suggested: tmp_path / "back.copdesk")
    w = controller.open_path(r.path)
    assert w is None and "not a copdesk report" in asked[0][1] and "1 backup" in asked[0][2]
    assert controller.windows[-1].session.text("QRE 12.1.1") == "precious"
    assert r.path.read_bytes() == damaged  # never overwritten
    assert not lockfile.lock_path(r.path).exists()


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_report_deleted_or_moved_while_open_is_written_again(qtbot, new_report, controller, tmp_path, how):
    r = new_report()
    r.close()
    w = controller.open_path(r.path)
    _wait_backup(qtbot, w)
    _type(qtbot, w, "QRE 12.1.1", "before")
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
    if how == "deleted":
        r.path.unlink()
    else:
        r.path.rename(tmp_path / "moved.copdesk")
    qtbot.keyClicks(w.page.editors["QRE 12.1.1"], " after")
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
    assert any("wrote it again" in b for b in _banners(w)), (
        [f.message.text() for f in w.findChildren(QFrame, "safetyBanner")], w.statusBar().currentMessage(),
        w.saved_label.text())
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "before after"
        assert f.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_disk_full_keeps_the_edits_and_saves_when_there_is_room(qtbot, new_report, open_window):
    """A file size limit stands in for a full disk (writes past it fail as on a full one)."""
    import resource
    r = new_report()
    r.set_text("QRE 12.1.1", "saved before")
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    big = "word " * 400_000
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (r.path.stat().st_size + 100_000, hard))
        editor.setFocus()
        editor.insertPlainText(big)
        qtbot.waitUntil(lambda: "Not saved" in w.saved_label.text(), timeout=3000)
        assert "cannot be written" in w.statusBar().currentMessage()
        assert w.session.dirty and w.session.text("QRE 12.1.1").startswith("saved before")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "saved before"
        assert f.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=5000)  # the retry, now that there is room
    assert w.saved_label.text().startswith("Saved")
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1").startswith("saved before") and len(f.text("QRE 12.1.1")) > 1_000_000


def test_editing_makes_a_new_backup_every_few_minutes(qtbot, new_report, controller, monkeypatch):
    r = new_report()
    r.close()
    w = controller.open_path(r.path)
    qtbot.waitUntil(lambda: len(backups.list_backups(r.path)) == 1, timeout=5000)  # on opening, once shown
    _wait_backup(qtbot, w)
    _type(qtbot, w, "QRE 12.1.1", "a first draft")
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=3000)
    _wait_backup(qtbot, w)
    assert len(backups.list_backups(r.path)) == 1  # not yet: the last one is younger than BACKUP_EVERY_S
    monkeypatch.setattr(backups, "BACKUP_EVERY_S", 0)  # as if five minutes had passed
    qtbot.keyClicks(w.page.editors["QRE 12.1.1"], " and more")
    qtbot.waitUntil(lambda: len(backups.list_backups(r.path)) == 2, timeout=5000)
    _wait_backup(qtbot, w)
    assert backups.summary(backups.list_backups(r.path)[0])["answers"] >= 1


def test_a_read_only_file_keeps_the_edits_until_it_may_be_written(qtbot, new_report, open_window):
    """`PRAGMA query_only` makes SQLite refuse writes exactly as for a read-only file (chmod stops nobody
    when tests run as root, as in CI); the message, the kept edits and the later save are what matter."""
    r = new_report()
    r.set_text("QRE 12.1.1", "saved before")
    w = open_window(r)
    goto(qtbot, w, "Measure 12.1")
    r.conn.execute("PRAGMA query_only=ON")
    editor = w.page.editors["QRE 12.1.1"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " and typed while read-only")
    qtbot.waitUntil(lambda: "Not saved" in w.saved_label.text(), timeout=3000)
    assert "read-only" in w.statusBar().currentMessage() and "kept" in w.statusBar().currentMessage()
    assert w.session.dirty
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "saved before"
    r.conn.execute("PRAGMA query_only=OFF")  # writable again
    qtbot.waitUntil(lambda: not w.session.dirty, timeout=5000)
    with reopen(r.path) as f:
        assert f.text("QRE 12.1.1") == "saved before and typed while read-only"


def test_a_file_we_may_not_write_is_offered_read_only_or_as_a_copy(qtbot, new_report, controller, answers,
                                                                   monkeypatch):
    """As root (CI) every file is writable, so the permission check is answered for the test."""
    r = new_report()
    r.set_text("QRE 12.1.1", "theirs")
    r.close()
    monkeypatch.setattr(opening, "may_write", lambda path: path != r.path)
    asked, given = answers
    given += [opening.READ_ONLY, opening.COPY]
    w = controller.open_path(r.path)
    assert "cannot be changed" in asked[0][1] and w.session.readonly
    assert not lockfile.lock_path(r.path).exists()  # a read-only window takes no lock
    _type(qtbot, w, "QRE 12.1.1", "x")
    assert "r.copdesk cannot be written" in w.statusBar().currentMessage()
    w.close()
    w = controller.open_path(r.path)
    copy = w.session.report.path
    assert copy != r.path and "working copies" in str(copy) and not w.session.readonly
    with reopen(copy) as f:
        assert f.text("QRE 12.1.1") == "theirs"
