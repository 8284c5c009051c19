"""A platform-size family: what one service's view, its checks and its documents cost, beside the same
report without services (the peer: one Word file per service, kept in step by hand, is what a family
replaces; copdesk's own single report is the figure to compare with).

The family is the export benchmark's report (44 commitments, 131 measures, 88 tables) named for four
services; a fifth of the answers get an override for one service, every table is per service, and one
service signs a third fewer measures. Prints medians of --runs runs.

    .venv/bin/python benchmarks/family.py [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import make_platform_report
from check_example_import import docx_paragraphs as paragraphs  # the same reading as the example check
from timing import timed

from copdesk.core.exports.word import export_docx
from copdesk.core.rules.family_checks import missing_anywhere
from copdesk.core.report.open_file import open_report
from copdesk.core.rules.validate import validate

SERVICES = ["Osprey Social", "Osprey Video", "Osprey Chat", "Osprey Ads"]


def make_family(path: Path) -> None:
    make_platform_report.main(path)
    rnd = random.Random(19)
    with open_report(path) as r:
        with r.atomic():
            r.add_services(SERVICES)
            for code, answer in list(r.answers().items()):
                if not code.startswith("header.") and rnd.random() < 0.2:
                    r.set_text(f"{code} @ {rnd.choice(SERVICES)}", answer.text + " (this service)")
            for code, grid in r.tables().items():
                for service in SERVICES:
                    r.set_table(f"{code} @ {service}", grid)
                r.set_table(code, [])
            measures = sorted(r.service_subscriptions("Osprey Chat"))
            r.unsubscribe([m for m in measures if m.startswith("Measure ")][::3], service="Osprey Chat")
        r.checkpoint() if hasattr(r, "checkpoint") else r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copdesk-family-"))
    single, family = work / "single.copdesk", work / "family.copdesk"
    make_platform_report.main(single)
    make_family(family)
    rows = []
    with open_report(single, readonly=True) as s, open_report(family, readonly=True) as f:
        data_s, data_f = s.snapshot(), f.snapshot()
        view = f.service_snapshot(SERVICES[0])
        rows.append(("read the report (snapshot)", timed(s.snapshot, a.runs), timed(f.snapshot, a.runs)))
        rows.append(("one service's view of the snapshot", 0.0,
                     timed(lambda: __import__("copdesk.core.rules.services", fromlist=["view"]).view(
                         data_f, SERVICES[0], f.template.index), a.runs)))
        rows.append(("validate (one service)", timed(lambda: validate(s.template, data_s), a.runs),
                     timed(lambda: validate(f.template, view), a.runs)))
        rows.append(("missing in any service (4 services)", 0.0,
                     timed(lambda: missing_anywhere(f.template, data_f, SERVICES), a.runs)))
        rows.append(("Word export in process (one service)",
                     timed(lambda: export_docx(s.template, data_s, work / "s.docx"), a.runs),
                     timed(lambda: export_docx(f.template, view, work / "f.docx"), a.runs)))
    exe = [str(Path(sys.executable).with_name("copdesk"))]
    each = timed(lambda: (shutil.rmtree(work / "each", ignore_errors=True),
                          subprocess.run(exe + ["export", str(family), "--each-service", "-o", str(work / "each")],
                                         check=True, capture_output=True)), max(1, a.runs // 2))
    one = timed(lambda: subprocess.run(exe + ["export", str(single), "-o", str(work / "one.docx")], check=True,
                                       capture_output=True), max(1, a.runs // 2))
    rows.append(("copdesk export, whole process (single / --each-service, 4 documents)", one, each))
    docs = [work / "each" / f"{s}.docx" for s in SERVICES]
    imp = timed(lambda: ((work / "imp.copdesk").unlink(missing_ok=True), subprocess.run(
        exe + ["import", *map(str, docs), "--services", ",".join(SERVICES), "-o", str(work / "imp.copdesk")],
        check=True, capture_output=True)), max(1, a.runs // 2))
    single_imp = timed(lambda: ((work / "imp1.copdesk").unlink(missing_ok=True), subprocess.run(
        exe + ["import", str(work / "one.docx"), "-o", str(work / "imp1.copdesk")], check=True,
        capture_output=True)), max(1, a.runs // 2))
    rows.append(("copdesk import, whole process (one report / 4 per-service reports into a family)", single_imp, imp))
    # the imported family exported again: every paragraph of each service's document, in order?
    subprocess.run(exe + ["export", str(work / "imp.copdesk"), "--each-service", "-o", str(work / "again")],
                   check=True, capture_output=True)
    kept = {}
    for s in SERVICES:
        before, after = paragraphs(work / "each" / f"{s}.docx"), paragraphs(work / "again" / f"{s}.docx")
        kept[s] = (len(before) - len(missing_in_order(before, after)), len(before))
    print(f"\n{'':74} {'single':>9} {'family':>9}")
    for name, x, y in rows:
        print(f"{name:74} {x * 1000:8.0f}ms {y * 1000:8.0f}ms" if x else f"{name:74} {'':>9} {y * 1000:8.0f}ms")
    print("\nper-service documents imported into a family and exported again: paragraphs kept in order")
    for s, (n, total) in kept.items():
        print(f"  {s:20} {n}/{total} ({100 * n / total:.2f}%)")
    shutil.rmtree(work, ignore_errors=True)


def missing_in_order(original: list[str], exported: list[str]) -> list[str]:
    missing, at = [], 0
    for para in original:
        try:
            at = exported.index(para, at) + 1
        except ValueError:
            missing.append(para)
    return missing


if __name__ == "__main__":
    main()
