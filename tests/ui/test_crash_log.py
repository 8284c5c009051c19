"""A crash Python cannot catch leaves its stack in <user data>/logs/crash.log (copdesk/crash_log.py), and the
recovery notice at the next start says where it is: a window that vanishes is never without a trace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QFrame

from copdesk import crash_log
from copdesk.core.safety import lockfile
from copdesk.ui.controller import Controller

# The app's start with its first step replaced by a segmentation fault (as a crash inside Qt would be).
CRASH_AT_START = textwrap.dedent("""
    import faulthandler
    import copdesk.app as app
    app.core_first = faulthandler._sigsegv
    app.run_window(None)
""")


def _crash_the_app() -> int:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    proc = subprocess.Popen([sys.executable, "-c", CRASH_AT_START], env=env, stderr=subprocess.PIPE, text=True)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0 and "Fatal Python error" not in err  # nothing on a terminal no one watches
    return proc.pid


def test_a_crash_of_the_window_leaves_its_stack_in_the_crash_log():
    pid = _crash_the_app()
    log = crash_log.log_path()
    text = log.read_text(encoding="utf-8")
    assert f"(process {pid}," in text and "Fatal Python error: Segmentation fault" in text
    assert "run_window" in text  # the stack: where it was
    assert crash_log.crashed(pid) == log
    assert crash_log.crashed(pid + 1) is None  # another session's process


def test_a_session_that_ended_cleanly_is_no_crash(tmp_path):
    log = crash_log.log_path()
    log.parent.mkdir(parents=True)
    log.write_text("--- copdesk 1 started 2026-11-30 10:00:00 (process 41, Python 3.11)\n"
                   "--- copdesk 1 started 2026-11-30 11:00:00 (process 42, Python 3.11)\n"
                   "Fatal Python error: Segmentation fault\n\nThread 0x1 (most recent call first):\n")
    assert crash_log.crashed(41) is None and crash_log.crashed(42) == log
    assert crash_log.crashed(43) is None


def test_the_recovery_notice_says_where_the_crash_was_written(qtbot, new_report):
    pid = _crash_the_app()
    r = new_report()
    lockfile.lock_path(r.path).write_text(json.dumps(
        {"pid": pid, "host": os.uname().nodename, "user": "anna", "started": "2026-11-30T10:00:00"}))
    r.close()
    c = Controller()
    w = c.open_path(r.path)
    try:
        banners = [f.message.text() for f in w.findChildren(QFrame, "safetyBanner") if f.isVisible()]
        assert any("not closed properly" in b and str(crash_log.log_path()) in b for b in banners), banners
    finally:
        w.close()
