"""20 SIGKILLs while edits stream in (core, `copdesk answer`, the window): nothing acknowledged is lost.

The long run (200 kills) is `benchmarks/crash_run.py`; its figures are in the README. This is the same
code with fewer kills, so every test run proves the promise again.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _crash_run():
    spec = importlib.util.spec_from_file_location("crash_run", ROOT / "benchmarks" / "crash_run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("crash_run", module)  # dataclasses look their module up there
    spec.loader.exec_module(sys.modules["crash_run"])
    return sys.modules["crash_run"]


def test_twenty_kills_lose_nothing_acknowledged(tmp_path, capsys):
    cr = _crash_run()
    started = time.monotonic()
    results = cr.crash_run({"core": 7, "cli": 7, "window": 6}, seed=7, folder=tmp_path, big_edit=20_000)
    with capsys.disabled():
        print()
        cr.print_figures(results, time.monotonic() - started)
    for mode, f in results.items():
        assert f.kills == {"core": 7, "cli": 7, "window": 6}[mode]
        assert f.lost == 0, f.errors
        assert f.integrity_failures == 0
        assert f.bad_backups == 0
        assert f.acknowledged > 0 and f.checked > 0, mode
    window = results["window"]
    assert window.backups_checked > 0
    assert window.recoveries_announced >= window.kills - 1 - window.early_kills  # every crash said so


def test_the_check_notices_a_lost_edit(tmp_path, template):
    """The harness is not blind: an acknowledged edit missing from the file is counted."""
    from copdesk.core.report.open_file import Report
    cr = _crash_run()
    path = tmp_path / "r.copdesk"
    Report.create(path, template, signatory="x", kind="other", title="t", subscriptions=["12.1"]).close()
    exp, figures = cr.Expected(), cr.Figures()
    exp.ack("QRE 12.1.1", exp.add("QRE 12.1.1", "typed and acknowledged"), 100.0)
    exp.tokens.append((cr.token(1, 1), 100.0))
    cr.check(path, exp, 102.0, figures)
    assert figures.lost == 2 and figures.integrity_failures == 0
    exp.ack("QRE 12.1.1", exp.add("QRE 12.1.1", "acknowledged just before the kill"), 101.5)
    within_grace = cr.Figures()
    cr.check(path, exp, 102.0, within_grace)  # acknowledged within the grace second: may be missing
    assert within_grace.lost == 0
