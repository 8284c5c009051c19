"""Locks beside a report, the recovery notice after a crash, rolling backups, unsafe places. No Qt."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copdesk.core.report import backups, recovery
from copdesk.core.safety import lockfile, placement
from copdesk.core.errors import StoreError
from copdesk.core.report.open_file import Report

HOLD = ("import sys, time; from pathlib import Path; from copdesk.core.safety import lockfile;"
        "lockfile.acquire(Path(sys.argv[1])); print('held', flush=True); time.sleep(60)")


def _holder(path: Path) -> subprocess.Popen:
    """Another copdesk process holding the lock of `path`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_live_lock_is_held_and_a_killed_ones_is_stale(new_report):
    r = new_report()
    proc = _holder(r.path)
    try:
        with pytest.raises(lockfile.LockedError) as err:
            lockfile.acquire(r.path)
        assert err.value.holder.pid == proc.pid
        assert f"process {proc.pid}" in err.value.message and "read-only" in err.value.hint
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert lockfile.crashed(r.path).pid == proc.pid  # left by a crash: detected...
    lock = lockfile.acquire(r.path)  # ...and cleared
    assert lock.stale.pid == proc.pid and lock.info.pid == os.getpid()
    lock.release()
    assert not lockfile.lock_path(r.path).exists()
    assert lockfile.crashed(r.path) is None


def test_a_clean_close_leaves_no_trace(new_report):
    r = new_report()
    lock = lockfile.acquire(r.path)
    assert lock.stale is None and lockfile.lock_path(r.path).exists()
    lock.release()
    assert lockfile.acquire(r.path).stale is None


def test_a_torn_lock_file_counts_as_a_crash(new_report):
    r = new_report()
    lockfile.lock_path(r.path).write_text('{"pid": 12')  # a crash while the lock was being written
    lock = lockfile.acquire(r.path)
    assert lock.stale is not None
    lock.release()


def test_a_lock_from_another_computer_is_respected(new_report):
    r = new_report()
    lockfile.lock_path(r.path).write_text('{"pid": 1, "host": "laptop-of-anna", "user": "anna", '
                                          '"started": "2026-11-29T08:00:00.000+00:00"}')
    with pytest.raises(lockfile.LockedError, match="anna on laptop-of-anna"):
        lockfile.acquire(r.path)


def test_a_reused_process_id_is_not_mistaken_for_the_holder(new_report):
    r = new_report()
    lockfile.lock_path(r.path).write_text(
        f'{{"pid": {os.getpid()}, "host": "{os.uname().nodename}", "user": "x", '
        '"started": "2026-11-29T08:00:00.000+00:00", "proc_start": "1"}')
    assert lockfile.acquire(r.path).stale is not None


def test_recovery_says_what_the_crashed_session_left_and_up_to_when(new_report):
    r = new_report()
    time.sleep(0.01)
    lock = lockfile.acquire(r.path)
    r.set_text("QRE 12.1.1", "first")
    r.set_text("QRE 12.1.1", "second")
    r.set_text("Measure 13.1", "third")
    last = r.history()[-1]["at"]
    note = recovery.recovered(r, lock.info)
    assert note.changes == 3 and note.codes == ("QRE 12.1.1", "Measure 13.1") and note.last_change == last
    text = note.message()
    assert "not closed properly" in text and "all 3 changes" in text and "QRE 12.1.1, Measure 13.1" in text
    assert lockfile.local_time(last) in text


def test_recovery_of_a_session_that_changed_nothing(new_report):
    r = new_report()
    info = lockfile.LockInfo(1, "h", "u", "2999-01-01T00:00:00.000+00:00")
    assert "No change was made in that session" in recovery.recovered(r, info).message()


def test_backups_roll_skip_unchanged_and_restore(new_report, tmp_path):
    r = new_report()
    rid = r.meta["report_id"]
    made = []
    for i in range(8):
        r.set_text("QRE 12.1.1", f"version {i}")
        made.append(backups.make_backup(r.path, rid, keep=5))
        assert backups.make_backup(r.path, rid, keep=5) is None  # nothing changed since
    found = backups.list_backups(r.path)
    assert [b.path for b in found] == [p for p in reversed(made)][:5]
    assert backups.summary(found[0])["sound"] and backups.summary(found[0])["answers"] >= 1
    out = backups.restore(found[2], tmp_path / "restored.copdesk")
    with Report.open(out) as restored:
        assert restored.text("QRE 12.1.1") == "version 5"
    with pytest.raises(StoreError, match="exists already"):
        backups.restore(found[0], out)


def test_a_damaged_report_still_finds_its_backups(new_report):
    r = new_report()
    backups.make_backup(r.path, r.meta["report_id"])
    r.close()
    r.path.write_bytes(b"\0" * 4096)  # another program wrote over it
    assert len(backups.list_backups(r.path)) == 1


def test_backup_while_the_report_is_being_written(new_report):
    """The backup API copies a consistent snapshot while another connection writes."""
    r = new_report()
    rid = r.meta["report_id"]
    for i in range(50):
        r.set_text("QRE 12.1.1", f"v{i} " + "x" * 5000)
        if i % 10 == 0:
            backups.make_backup(r.path, rid, keep=10)
    for b in backups.list_backups(r.path):
        conn = sqlite3.connect(b.path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


MOUNTS = """/dev/sda1 / ext4 rw 0 0
server:/export /mnt/team nfs4 rw 0 0
//nas/reports /media/nas\\040share cifs rw 0 0
anna@host:/x /home/anna/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize("path,expected", [
    ("/mnt/team/report.copdesk", "network file system (nfs4"),
    ("/media/nas share/q1/report.copdesk", "network file system (cifs"),
    ("/home/anna/remote/r.copdesk", "fuse.sshfs"),
    ("/home/anna/Dropbox/reports/r.copdesk", "cloud-synced folder (Dropbox)"),
    ("/home/anna/OneDrive - Example Org/r.copdesk", "cloud-synced folder (OneDrive - Example Org)"),
    ("/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/r.copdesk", "cloud-synced"),
    ("/home/anna/Google Drive/My Drive/r.copdesk", "cloud-synced"),
    ("/home/anna/reports/r.copdesk", None),
    ("/tmp/omega/r.copdesk", None),
])
def test_unsafe_places(path, expected):
    reason = placement.unsafe_location(Path(path), mounts=MOUNTS)
    assert (reason is None) if expected is None else (expected in reason)


def test_this_machines_temporary_folder_is_safe(tmp_path):
    assert placement.unsafe_location(tmp_path / "r.copdesk") is None


def test_a_copy_of_a_report_keeps_its_own_backups(new_report, tmp_path):
    """Copies share the report id (merging relies on it) but never each other's backups."""
    r = new_report()
    backups.make_backup(r.path, r.meta["report_id"])
    copy = backups.copy_report(r.path, tmp_path / "copy.copdesk")
    with Report.open(copy) as c:
        for i in range(6):
            c.set_text("QRE 12.1.1", f"copy edit {i}")
            backups.make_backup(copy, c.meta["report_id"])
    assert len(backups.list_backups(copy)) == 5
    assert len(backups.list_backups(r.path)) == 1  # the original's backup was not pushed out
