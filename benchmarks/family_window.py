"""A report family in the window: switching the service shown, beside a page switch, on a platform-size family.

    .venv/bin/python benchmarks/family_window.py [--runs 8]

The family is benchmarks/family.py's (the platform-size report named for four services, a fifth of the
answers with an override, every table per service, one service signing a third fewer measures). Offscreen,
in one process. A service switch (the service switcher, Go › Next service) shows the same item in another
service: it rebuilds the steps and the navigator from a light read of the file, then the page, then the
statuses and checks follow on a worker thread. A page switch (the navigator) goes to the next item in the
same service. Each is timed from the call to the page complete (every block built, the event loop drained),
the main thread's CPU time beside it (it does not grow when other programs share the cores). The peer is
the same page switch in the same report without services. benchmarks/window_start.py times page switches
to their first paint, which is shorter.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import make_platform_report
from family import SERVICES, make_family

from PySide6.QtWidgets import QApplication


def until_built(app, window, action) -> tuple[float, float]:
    """(wall, cpu) seconds from `action()` to the page complete: every block of it built (ui/later.py) and the
    events it posted handled. More than a person waits for (the first blocks paint earlier), the same for
    both switches."""
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    page = window.page
    for _ in range(10000):
        app.processEvents()
        if not page.blocks.waiting:
            break
    app.processEvents()
    return time.perf_counter() - wall, time.thread_time() - cpu


def settle(app, seconds: float = 1.0) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def measure(app, path: Path, runs: int, family: bool) -> dict[str, list]:
    from copdesk.core.report.open_file import open_report
    from copdesk.ui.main_window import MainWindow
    report = open_report(path)
    window = MainWindow(report)
    window.show()
    settle(app, 2.0)  # start-up's checks on the side, done
    keys = [k for k in window.step_keys() if k.startswith("Measure ")]
    out: dict[str, list] = {"page": [], "service": []}
    for i in range(runs):
        key = keys[(i * 7) % len(keys)]
        out["page"].append(until_built(app, window, lambda k=key: window.show_step(k)))
        settle(app, 0.3)
        if family:
            name = SERVICES[(SERVICES.index(window.session.service) + 1) % len(SERVICES)]
            out["service"].append(until_built(app, window, lambda n=name: window.family.switch(n)))
            settle(app, 0.3)
    window.close()
    report.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=8)
    a = ap.parse_args()
    app = QApplication.instance() or QApplication(["bench", "-platform", "offscreen"])
    work = Path(tempfile.mkdtemp(prefix="copdesk-family-window-"))
    single, family = work / "single.copdesk", work / "family.copdesk"
    make_platform_report.main(single)
    make_family(family)
    plain = measure(app, single, a.runs, family=False)
    fam = measure(app, family, a.runs, family=True)

    def show(name: str, pairs: list) -> str:
        if not pairs:
            return f"{name:52} {'':>22}"
        walls, cpus = [p[0] * 1000 for p in pairs], [p[1] * 1000 for p in pairs]
        return f"{name:52} {statistics.median(walls):7.0f}ms (max {max(walls):4.0f}) cpu {statistics.median(cpus):5.0f}ms"

    print(f"\n{a.runs} runs, medians; offscreen")
    print(show("page switch, report without services", plain["page"]))
    print(show("page switch, family of four (one service shown)", fam["page"]))
    print(show("service switch, family of four (same item)", fam["service"]))


if __name__ == "__main__":
    main()
