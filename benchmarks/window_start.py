"""Window start-up and page switching, side by side with a bare PySide6 window, in one run.

    .venv/bin/python benchmarks/window_start.py [RUNS]

Each run is a fresh process (offscreen platform). "First paint" is the wall time from just before the
process is started to the first paint event of the main window: for copdesk, `copdesk FILE` (the real
start: templates, lock, recovery check, window) on the platform-size report from
benchmarks/make_platform_report.py. Then copdesk shows every page of the report in turn, back to the event
loop between two (as a person clicking through), each timed from the click (show_step) to the end of the
new page's first paint, the event loop doing the rest as it does for a person; the main thread's CPU time
per switch is printed too (it does not grow when other programs share the cores), and so is the method of
earlier runs (a forced repaint of the whole window, side panels and menus included, then every pending
event). These switches come back to back, with no pause: every page is built from nothing, as for a jump to
any page from the navigator. A third pass clicks Next every READ_MS (far quicker than anyone reads a page)
over the first PACED pages: what a person working through the report meets, the window having built the
next page while the last one was read (ui/page_ahead.py); how many were built ahead is printed.
Memory is the process's max RSS: at first paint, and after every page seen (before the third pass).
Targets: first paint within 1.5x the bare window, memory within 2x (issue 5); a page switch within one
frame, median <= 16 ms, and never over 50 ms (issue 16).
For reference the run also times the bare window showing one QLabel: what the first text a window paints
costs (font database, shaping, glyphs), which any real window pays and the bare window does not.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLATFORM = os.environ.get("BENCH_QPA", "offscreen")  # BENCH_QPA=xcb with DISPLAY set: a real X server (Xvfb)

CHILD = r"""
import json, os, resource, sys, time
t_start = float(os.environ["BENCH_T0"])
out = {}
MODE = sys.argv[1]
READ_MS, PACED = 600, 40  # pass 3: Next every READ_MS over the first PACED pages


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def on_first_paint(window_class, app_of):
    # Time the first paintEvent of `window_class` (copdesk's MainWindow, or the bare QMainWindow subclass
    # below). A paintEvent override, not an event filter: an application-wide Python event filter costs
    # copdesk ~20 ms by itself (each new kind of event it sees), which would measure the harness.
    from PySide6.QtCore import QTimer
    original = window_class.paintEvent

    def paint_event(self, event):
        if "paint" not in out:
            out["paint"] = time.time() - t_start
            out["rss_paint_mb"] = rss_mb()
            out["docx_loaded_at_start"] = "docx" in sys.modules
            out["sqlite_utils_loaded_at_start"] = "sqlite_utils" in sys.modules
            # PySide6 builds the Qt namespace's 93 enums (~12 ms) when it is first touched (copdesk.ui.qt)
            out["qt_namespace_at_start"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
            QTimer.singleShot(0, lambda: after_paint(app_of(), self))
        return original(self, event)

    window_class.paintEvent = paint_event


def after_paint(app, window):
    from PySide6.QtCore import QTimer
    if MODE in ("bare", "text"):
        out["rss_mb"] = rss_mb()
        print(json.dumps(out))
        app.quit()
        return
    # The work start-up leaves for after the first paint (checks, find and comments panels) runs first, as
    # it would while a person looks at the window; it is timed on its own. Then every page in turn, back to
    # the event loop between two, as when a person clicks through the navigator.
    t = time.perf_counter()
    app.processEvents()
    out["settled_ms"] = 1000 * (time.perf_counter() - t)
    keys = window.step_keys()
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    cpu = []  # the main thread's CPU time per switch: the work itself, whatever else the machine runs

    def summary(times, prefix):
        flat = sorted(t for ts in times.values() for t in ts)
        out[prefix + "median_ms"] = flat[len(flat) // 2]
        out[prefix + "max_ms"] = flat[-1]
        out[prefix + "max_by_kind"] = {k: max(ts) for k, ts in times.items()}
        out["switches"] = len(flat)
        if cpu:
            cpu.sort()
            out[prefix + "cpu_median_ms"], out[prefix + "cpu_max_ms"] = cpu[len(cpu) // 2], cpu[-1]
            cpu.clear()

    class FirstPaint(QObject):
        # The page's first paint happens inside the window's update (every widget of the frame, then the
        # flush); an event posted from it is handled right after that update, before any timer runs.
        def __init__(self, body, done):
            super().__init__(window)
            self.done = done
            body.installEventFilter(self)

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                obj.removeEventFilter(self)
                QCoreApplication.postEvent(self, QEvent(QEvent.User))
            return False

        def event(self, event):
            if event.type() == QEvent.User:
                self.done()
                return True
            return super().event(event)

    def timed(switch, record, then):
        # Switch page now; once the new page has painted: record(its wall time, ms), its CPU time, then then().
        t, c = time.perf_counter(), time.thread_time()
        switch()

        def done():
            record(1000 * (time.perf_counter() - t))
            cpu.append(1000 * (time.thread_time() - c))
            then()

        FirstPaint(window.page.widget(), done)

    def on_screen(i, times):
        # Pass 1: from the click to the end of the new page's first paint, the event loop doing the rest as
        # it does for a person (it repaints only what changed: the page, two navigator rows, the position).
        if i == len(keys):
            summary(times, "switch_")
            QTimer.singleShot(0, lambda: forced(0, {}))
            return
        timed(lambda: window.show_step(keys[i]),
              lambda ms: times.setdefault(window.page.step.kind, []).append(ms),
              lambda: QTimer.singleShot(0, lambda: on_screen(i + 1, times)))

    def forced(i, times):
        # Pass 2, the method of earlier runs (for comparison): a forced repaint of the whole window (side
        # panels and menus included, which a page switch does not repaint), then every pending event.
        if i == len(keys):
            summary(times, "forced_")
            out["rss_mb"] = rss_mb()
            window.show_step(keys[0])
            QTimer.singleShot(READ_MS, lambda: paced(1, []))
            return
        t = time.perf_counter()
        window.show_step(keys[i])
        window.repaint()
        app.processEvents()
        times.setdefault(window.page.step.kind, []).append(1000 * (time.perf_counter() - t))
        QTimer.singleShot(0, lambda: forced(i + 1, times))

    def paced(i, times):
        # Pass 3: Next at a reading pace (READ_MS on each page, far quicker than anyone reads), over the first
        # PACED pages: the window builds the next page while the person reads (ui/page_ahead.py).
        if i == min(PACED, len(keys)):
            out["paced_median_ms"], out["paced_max_ms"] = sorted(times)[len(times) // 2], max(times)
            out["paced_cpu_median_ms"], out["paced_cpu_max_ms"] = sorted(cpu)[len(cpu) // 2], max(cpu)
            out["paced_switches"] = len(times)
            print(json.dumps(out))
            window.close()
            app.quit()
            return
        out["built_ahead"] = out.get("built_ahead", 0) + (window.ahead.key == keys[i])
        timed(window.go_next, times.append, lambda: QTimer.singleShot(READ_MS, lambda: paced(i + 1, times)))

    on_screen(0, {})


if MODE in ("bare", "text"):
    from PySide6.QtWidgets import QApplication, QMainWindow

    class BareWindow(QMainWindow):
        def paintEvent(self, event):
            return super().paintEvent(event)

    app = QApplication([])
    on_first_paint(BareWindow, lambda: app)
    window = BareWindow()
    window.resize(1280, 820)
    if MODE == "text":  # for reference: the same window showing one line of text (fonts, shaping, glyphs)
        from PySide6.QtWidgets import QLabel
        window.setCentralWidget(QLabel("Code of Conduct on Disinformation"))
    window.show()
    app.exec()
else:
    # The real start: `copdesk FILE` (copdesk.app.main), with its lock, recovery check, backups and templates.
    import copdesk.app as entry
    make_app = entry.make_app

    def make_watched_app(*args):
        app = make_app(*args)
        from copdesk.ui.main_window import MainWindow
        on_first_paint(MainWindow, lambda: app)
        return app

    entry.make_app = make_watched_app
    entry.main([sys.argv[2]])
"""


def run_child(args: list[str]) -> dict:
    # Settings of their own: a report reopens on the page it was left on, and each run leaves the last page
    env = {**os.environ, "QT_QPA_PLATFORM": PLATFORM, "BENCH_T0": repr(time.time()),
           "XDG_CONFIG_HOME": tempfile.mkdtemp()}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copdesk has its bytecode compiled
    env["BENCH_T0"] = repr(time.time())
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, env=env, timeout=120)
    line = [x for x in done.stdout.splitlines() if x.startswith("{")]
    if not line:
        raise SystemExit(f"child failed: {done.stderr[-2000:]}")
    return json.loads(line[-1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    import compileall
    import copdesk
    compileall.compile_dir(str(Path(copdesk.__file__).parent), quiet=1)  # as an install would have it
    report = Path(tempfile.mkdtemp()) / "platform.copdesk"
    subprocess.run([sys.executable, str(HERE / "make_platform_report.py"), str(report)], check=True,
                   capture_output=True)
    bare = [run_child(["bare"]) for _ in range(runs)]
    text = [run_child(["text"]) for _ in range(runs)]
    mine = [run_child(["copdesk", str(report)]) for _ in range(runs)]
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    print(f"platform-size report: {report.stat().st_size / 1e6:.1f} MB file, {runs} runs each, medians, "
          f"Qt platform {PLATFORM}\n")
    print(f"{'':34}{'bare PySide6':>14}{'copdesk':>12}{'ratio':>8}{'target':>10}")
    print(f"{'first paint (s)':34}{med(bare, 'paint'):>14.3f}{med(mine, 'paint'):>12.3f}"
          f"{med(mine, 'paint') / med(bare, 'paint'):>8.2f}{'<= 1.5':>10}")
    print(f"{'  for reference: bare + 1 label':34}{med(text, 'paint'):>14.3f}{'':>12}"
          f"{med(text, 'paint') / med(bare, 'paint'):>8.2f}")
    print(f"{'memory at first paint (MB)':34}{med(bare, 'rss_paint_mb'):>14.0f}{med(mine, 'rss_paint_mb'):>12.0f}"
          f"{med(mine, 'rss_paint_mb') / med(bare, 'rss_paint_mb'):>8.2f}{'<= 2.0':>10}")
    print(f"{'peak memory, every page seen (MB)':34}{med(bare, 'rss_mb'):>14.0f}{med(mine, 'rss_mb'):>12.0f}"
          f"{med(mine, 'rss_mb') / med(bare, 'rss_mb'):>8.2f}{'<= 2.0':>10}")
    print(f"{'panels filled after paint (ms)':34}{'':>14}{med(mine, 'settled_ms'):>12.1f}")
    print(f"{'page switch median (ms)':34}{'':>14}{med(mine, 'switch_median_ms'):>12.1f}{'':>8}{'<= 16':>10}")
    print(f"{'page switch max (ms)':34}{'':>14}{med(mine, 'switch_max_ms'):>12.1f}{'':>8}{'<= 50':>10}")
    kinds = sorted({k for r in mine for k in r["switch_max_by_kind"]})
    print("  slowest switch by page kind (ms): " + ", ".join(
        f"{k} {statistics.median(r['switch_max_by_kind'][k] for r in mine):.0f}" for k in kinds))
    print(f"{'  CPU time of a switch, median / max':34}{'':>14}{med(mine, 'switch_cpu_median_ms'):>12.1f}"
          f"   / {med(mine, 'switch_cpu_max_ms'):.1f} (the work itself, whatever else runs)")
    print(f"{'  earlier method, forced repaint':34}{'':>14}{med(mine, 'forced_median_ms'):>12.1f}"
          f"   median; max {med(mine, 'forced_max_ms'):.1f}")
    print(f"{'Next at a reading pace, median (ms)':34}{'':>14}{med(mine, 'paced_median_ms'):>12.1f}{'':>8}{'<= 16':>10}")
    print(f"{'Next at a reading pace, max (ms)':34}{'':>14}{med(mine, 'paced_max_ms'):>12.1f}{'':>8}{'<= 50':>10}")
    print(f"{'  CPU time, median / max':34}{'':>14}{med(mine, 'paced_cpu_median_ms'):>12.1f}"
          f"   / {med(mine, 'paced_cpu_max_ms'):.1f}; next page built ahead for "
          f"{min(r['built_ahead'] for r in mine)} of {mine[0]['paced_switches']} (fewest in a run)")
    print("  spread over runs (median / max, ms): " + ", ".join(
        f"{r['switch_median_ms']:.1f}/{r['switch_max_ms']:.1f}" for r in mine))
    print(f"pages switched per run: {mine[0]['switches']}")
    print(f"python-docx imported before first paint: {any(r['docx_loaded_at_start'] for r in mine)}; "
          f"sqlite-utils: {any(r['sqlite_utils_loaded_at_start'] for r in mine)}; "
          f"Qt namespace built: {any(r['qt_namespace_at_start'] for r in mine)} (bare window: "
          f"{any(r['qt_namespace_at_start'] for r in bare)})")

if __name__ == "__main__":
    main()
