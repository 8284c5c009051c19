"""Work off the UI thread (ui/tasks.py) reports back whether or not its caller keeps the task.

The live check lets go of its running task when a service switch starts a new one (ui/live_view.py); so does
the family's check of what is missing in any service, and a window closing with work in flight. Each task
used to own the QObject that carried its result: let go of, it was freed in the worker thread just after
queueing that result, and copdesk vanished without a word (a segmentation fault) once in a few thousand.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import time

from copdesk.ui import tasks

# The live check's pattern, many times over, in a process of its own (a crash must not take pytest along):
# each new task replaces the list that held the one before, often while that one still runs.
LET_GO = textwrap.dedent("""
    import gc, random, sys, time
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from copdesk.ui.tasks import run_task
    rounds, started, reported = int(sys.argv[1]), [0], [0]
    holder = []

    def work():
        time.sleep(random.random() * 0.002)
        return [object() for _ in range(10)]

    def tick():
        started[0] += 1
        holder[:] = [run_task(work, lambda _r: reported.__setitem__(0, reported[0] + 1), lambda e: print(e))]
        if started[0] % 7 == 0:
            gc.collect()
        if started[0] >= rounds:
            timer.stop()
            QThreadPool.globalInstance().waitForDone()
            QTimer.singleShot(50, app.quit)

    timer = QTimer(interval=1)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    print("reported", reported[0], "of", started[0])
""")


def test_a_task_its_caller_let_go_of_still_reports(qtbot):
    got: list = []
    task = tasks.run_task(lambda: (time.sleep(0.05), "result")[1], got.append, got.append)
    del task
    gc.collect()
    qtbot.waitUntil(lambda: got == ["result"], timeout=5000)
    qtbot.waitUntil(lambda: tasks.waiting() == 0, timeout=5000)  # each let go once it has reported


def test_a_failing_task_reports_its_error_with_details(qtbot):
    got: list = []

    def fail():
        raise ValueError("the file moved")

    tasks.run_task(fail, lambda r: got.append(("done", r)), got.append)
    gc.collect()
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
    assert isinstance(got[0], ValueError) and "the file moved" in got[0].details


def test_tasks_let_go_while_they_run_never_take_copdesk_down():
    rounds = 3000
    run = subprocess.run([sys.executable, "-c", LET_GO, str(rounds)], capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, (run.returncode, run.stderr[-2000:])
    assert f"reported {rounds} of {rounds}" in run.stdout, (run.stdout, run.stderr[-2000:])


def test_dismiss_navigator_and_service_switches_while_the_check_runs_lose_no_task(qtbot, new_report, monkeypatch):
    """The colleague's steps on a family reopened after a crash: Dismiss on the recovery banner, a navigator
    item, then services switched while the whole-report check still runs (made slow here, so each switch
    lets go of a running task). Every task reports, the window stays, the check shown is the last service's."""
    import json
    import os
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton
    from copdesk.core.safety import lockfile
    from copdesk.ui import live_view
    from copdesk.ui.controller import Controller

    class SlowLive(live_view.LiveReport):
        def __init__(self, *args, **kw):
            time.sleep(0.15)
            super().__init__(*args, **kw)

    monkeypatch.setattr(live_view, "LiveReport", SlowLive)
    r = new_report(measures=["14.1", "17.1"], kind="platform", services=["Social", "Video", "Chat"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lockfile.lock_path(r.path).write_text(json.dumps(
        {"pid": dead.pid, "host": os.uname().nodename, "user": "anna", "started": "2026-11-30T10:00:00"}))
    r.close()
    c = Controller()
    w = c.open_path(r.path)
    try:
        qtbot.waitUntil(lambda: w._side is not None, timeout=5000)  # first paint: the check has started
        dismiss = next(b for b in w.findChildren(QPushButton) if b.text() == "Dismiss" and b.isVisible())
        qtbot.mouseClick(dismiss, Qt.LeftButton)
        item = w.navigator._items["Measure 14.1"]
        qtbot.mouseClick(w.navigator.viewport(), Qt.LeftButton, pos=w.navigator.visualItemRect(item).center())
        assert w.current_key() == "Measure 14.1"
        outstanding = []
        for _ in range(4):
            outstanding.append(tasks.waiting())
            w.family.step(1)
        assert max(outstanding) >= 1  # switches came while a check was still running
        qtbot.waitUntil(lambda: tasks.waiting() == 0, timeout=10000)
        qtbot.waitUntil(lambda: w.live_view.live is not None, timeout=5000)
        assert w.isVisible() and w.session.service == "Video" and w.current_key() == "Measure 14.1"
    finally:
        w.close()


QUIT_WHILE_RUNNING = textwrap.dedent("""
    import time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from copdesk.ui.tasks import run_task
    run_task(lambda: time.sleep(0.3), lambda _r: None, lambda _e: None)  # a whole-report check, say
    QTimer.singleShot(20, app.quit)
    app.exec()
    del app
    import gc; gc.collect()
    print("quit")
""")


def test_quitting_while_a_task_runs_says_nothing_on_the_way_out():
    # The task finished after the application had gone: its report had no one to go to, and Qt printed
    # "Error calling Python override of QRunnable::run()" with a traceback to the terminal.
    run = subprocess.run([sys.executable, "-c", QUIT_WHILE_RUNNING], capture_output=True, text=True, timeout=60,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0 and "quit" in run.stdout, run.stderr[-2000:]
    assert "Error calling Python override" not in run.stderr and "Traceback" not in run.stderr, run.stderr
