"""Typing never waits: after a save only what it wrote is checked again and repainted, the whole report is
checked off the interface thread, and the window's own save path loads no heavy library."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from tests.ui.conftest import reopen
from tests.ui.test_drafting import _saved, goto

CHILD = textwrap.dedent(r"""
    import json, sys
    from copdesk.app import core_first, make_app
    core_first()
    app = make_app()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from copdesk.core.report.open_file import Report
    from copdesk.ui.main_window import MainWindow
    import time

    def wait_for(done, seconds=5.0):
        end = time.monotonic() + seconds
        while not done() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    heavy = ("sqlite_utils", "docx")
    before = [m for m in heavy if m in sys.modules]
    w = MainWindow(Report.open(sys.argv[1]))
    w.show()
    wait_for(lambda: w.live_view.live is not None)  # the whole report, checked on the side
    w.show_step("Measure 16.1")
    editor = w.page.editors["QRE 16.1.1"]
    editor.setFocus()
    QTest.keyClicks(editor, "We label posts")  # the window's own path: keys, undo command, save, re-check
    table = w.page.editors["SLI 16.1.1 table"]
    table.set_cells(0, 0, [["12"]])
    wait_for(lambda: not w.session.dirty)
    QTest.qWait(100)
    statuses = dict(w.live_view.live.statuses)
    print(json.dumps({"before": before, "after": [m for m in heavy if m in sys.modules],
                      "step": statuses["Measure 16.1"], "saved": w.session.report.text("QRE 16.1.1")}))
    w.close()
""")


def test_typing_and_saving_load_neither_sqlite_utils_nor_python_docx(new_report):
    r = new_report(measures=["16.1"])
    path = r.path
    r.close()
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, timeout=60,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    line = [x for x in out.stdout.splitlines() if x.startswith("{")]
    assert line, out.stderr[-3000:]
    got = json.loads(line[-1])
    assert got["saved"] == "We label posts" and got["step"] == "complete"  # it did type, save and re-check
    assert got["before"] == [] and got["after"] == []


def test_after_a_save_only_what_it_wrote_is_checked_again(qtbot, new_report, open_window, monkeypatch):
    r = new_report(measures=["12.1", "13.1"])
    w = open_window(r)
    qtbot.waitUntil(lambda: w.live_view.live is not None and w.checks.tree.topLevelItemCount() > 0, timeout=5000)
    rows_before = _entries(w.checks.tree)
    assert any("QRE 12.1.1" in t and "Missing" in t for t in rows_before)

    from copdesk.core.rules import live, validate
    checked: list[str] = []
    real = live.code_issues

    def spy(t, data, code, required):
        checked.append(code)
        return real(t, data, code, required)

    def whole(*_args, **_kw):
        raise AssertionError("the whole report was validated after a save")

    monkeypatch.setattr(live, "code_issues", spy)
    monkeypatch.setattr(live, "validate", whole)
    monkeypatch.setattr(validate, "validate", whole)
    shown: list[str] = []
    real_show = type(w.navigator)._show
    monkeypatch.setattr(type(w.navigator), "_show", lambda self, t, step, *a: (shown.append(step.key),
                                                                               real_show(self, t, step, *a)))
    goto(qtbot, w, "Measure 12.1")
    editor = w.page.editors["QRE 12.1.1"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Answered")
    _saved(qtbot, w)
    assert set(checked) == {"QRE 12.1.1"}  # the answer itself: nothing else was checked again
    assert set(shown) <= {"Measure 12.1", "Chapter II", "Chapter III", "Commitment 12", ""} and "Measure 12.1" in shown
    rows_after = _entries(w.checks.tree)
    assert rows_before - rows_after == {t for t in rows_before if "QRE 12.1.1" in t}  # only its rows changed
    assert rows_after - rows_before == set()
    assert "in progress" in w.navigator._items["Measure 12.1"].text(0) or \
        "complete" in w.navigator._items["Measure 12.1"].text(0)


def _entries(tree) -> set[str]:
    """The text of every entry of the checks' tree (its rows without children)."""
    out, todo = set(), [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while todo:
        item = todo.pop()
        children = [item.child(i) for i in range(item.childCount())]
        todo += children
        if not children:
            out.add(item.text(0))
    return out


def test_a_yes_checks_its_follow_up_again_and_a_structure_change_checks_everything_on_the_side(
        qtbot, new_report, open_window):
    r = new_report(measures=["12.1"])
    w = open_window(r)
    qtbot.waitUntil(lambda: w.live_view.live is not None, timeout=5000)
    goto(qtbot, w, "Commitment 12")
    qtbot.mouseClick(w.page.editors["Commitment 12 Q1"].buttons["Yes"], Qt.LeftButton)
    _saved(qtbot, w)
    qtbot.waitUntil(lambda: "Commitment 12 Q2" in w.live_view.live.issues, timeout=2000)  # now required
    from copdesk.ui import operations
    operations.subscribe(w.session, w.stack, ["Measure 13.1"])
    assert w.live_view.live is None  # stale: being checked again on a worker thread
    qtbot.waitUntil(lambda: w.live_view.live is not None, timeout=5000)
    assert "QRE 13.1.1" in w.live_view.live.issues and "Measure 13.1" in w.navigator.keys()
    with reopen(r.path) as f:
        assert "Measure 13.1" in f.subscriptions()
