"""Window start-up and page switching, side by side with a bare PySide6 window, in one run.

    .venv/bin/python benchmarks/window_start.py [RUNS]

Each run is a fresh process (offscreen platform). "First paint" is the wall time from just before the
process is started to the first paint event of the main window: for copdesk, the window showing the
platform-size report from benchmarks/make_platform_report.py. Peak memory is the process's max RSS.
Targets (issue 5): first paint within 1.5x the bare window, page switch under 50 ms, memory within 2x.
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
from PySide6.QtCore import QEvent, QObject, QTimer
t_start = float(os.environ["BENCH_T0"])
out = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and "paint" not in out:
            out["paint"] = time.time() - t_start
            QTimer.singleShot(0, after_paint)
        return False

def after_paint():
    if MODE == "copdesk":
        out["docx_loaded_at_start"] = "docx" in sys.modules
        keys = [s for s in window._step_keys()]
        picks = keys[1:: max(1, len(keys) // 25)]
        times = []
        for key in picks:
            t = time.perf_counter()
            window.show_step(key)
            app.processEvents()
            times.append(time.perf_counter() - t)
        out["switch_median_ms"] = 1000 * sorted(times)[len(times) // 2]
        out["switch_max_ms"] = 1000 * max(times)
        out["switches"] = len(times)
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))
    app.quit()

MODE = sys.argv[1]
if MODE == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 820)
else:
    from copdesk.app import make_app
    from copdesk.ui.controller import Controller
    app = make_app()
    controller = Controller()
    from copdesk.core.report import Report
    from copdesk.ui.main_window import MainWindow
    window = MainWindow(Report.open(sys.argv[2]), controller=controller)
    window.resize(1280, 820)
filt = FirstPaint()
window.installEventFilter(filt)
window.show()
app.exec()
"""


def run_child(args: list[str]) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": PLATFORM, "BENCH_T0": repr(time.time())}
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
    mine = [run_child(["copdesk", str(report)]) for _ in range(runs)]
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    print(f"platform-size report: {report.stat().st_size / 1e6:.1f} MB file, {runs} runs each, medians, "
          f"Qt platform {PLATFORM}\n")
    print(f"{'':28}{'bare PySide6':>14}{'copdesk':>12}{'ratio':>8}{'target':>10}")
    print(f"{'first paint (s)':28}{med(bare, 'paint'):>14.3f}{med(mine, 'paint'):>12.3f}"
          f"{med(mine, 'paint') / med(bare, 'paint'):>8.2f}{'<= 1.5':>10}")
    print(f"{'peak memory (MB)':28}{med(bare, 'rss_mb'):>14.0f}{med(mine, 'rss_mb'):>12.0f}"
          f"{med(mine, 'rss_mb') / med(bare, 'rss_mb'):>8.2f}{'<= 2.0':>10}")
    print(f"{'page switch median (ms)':28}{'':>14}{med(mine, 'switch_median_ms'):>12.1f}{'':>8}{'< 50':>10}")
    print(f"{'page switch max (ms)':28}{'':>14}{med(mine, 'switch_max_ms'):>12.1f}")
    print(f"python-docx imported before first paint: {any(r['docx_loaded_at_start'] for r in mine)}")


if __name__ == "__main__":
    main()
