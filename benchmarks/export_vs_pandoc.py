"""Word export speed and memory: `copdesk export` against `pandoc report.md -o out.docx`, side by side.

Generates a platform-size report (make_platform_report.py), writes the same content as Markdown, then
runs each command several times as a separate process, taking turns (copdesk, pandoc, copdesk, ...) so
that other load on the machine falls on both alike, and prints the median wall time, the peak resident
memory, and copdesk's ratio to pandoc; then times the export inside one process.

    .venv/bin/python benchmarks/export_vs_pandoc.py [--runs 5] [--keep DIR]

Targets (issue 18; issue 3 asked 0.4x): copdesk at most 0.25x pandoc's time, peak memory under 150 MB, in-process export
under 0.3 s. Install pandoc with `apt-get install pandoc`; without it the pandoc column says so.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_platform_report

from copdesk.core.rules import outline
from copdesk.core.template.forms import load_template

# Runs a command in a fresh process and reports its wall time and its own peak RSS (children only).
MEASURE = """
import json, resource, subprocess, sys, time
cmd = json.loads(sys.argv[1])
start = time.perf_counter()
done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss_mb": rss_kb / 1024, "rc": done.returncode, "err": done.stderr.decode()[-300:]}))
"""


def measure(cmd: list[str], runs: int) -> dict:
    results = [_once(cmd) for _ in range(runs)]
    return {"wall": statistics.median(r["wall"] for r in results), "rss_mb": max(r["rss_mb"] for r in results)}


def _once(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(cmd)], capture_output=True, text=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"{cmd[0]} failed: {result['err']}")
    return result


def side_by_side(ours: Callable[[], list[str]], theirs: list[str] | None, runs: int) -> tuple[dict, dict | None]:
    """Each command `runs` times, taking turns (copdesk, pandoc, copdesk, ...), so that other load on the
    machine falls on both alike: (copdesk's figures, pandoc's or None). `ours` makes each run's command."""
    mine, other = [], []
    for _ in range(runs):
        mine.append(_once(ours()))
        if theirs:
            other.append(_once(theirs))

    def summary(results: list[dict]) -> dict:
        return {"wall": statistics.median(r["wall"] for r in results), "rss_mb": max(r["rss_mb"] for r in results),
                "walls": [r["wall"] for r in results]}
    return summary(mine), (summary(other) if other else None)


def markdown(t, data) -> str:
    """The report's content as pandoc Markdown: the same headings, labels, answers and tables."""
    out = [f"# {data.text('header.signatory')}", data.text("header.title"), "Draft",
           "# Your organisation description", data.text("header.description")]
    for view in outline.chapters(t, data):
        out.append(f"# {view.chapter.title}")
        for cv in view.commitments:
            c = cv.commitment
            out += [f"## {c.code}", f"> {c.wording}" if c.wording else "", f"**{t.signed_measures_label}**",
                    " ".join(m.code for m in cv.measures)]
            for q in t.questions:
                out += [f"**{q.text}**", data.text(f"{c.code} {q.key}")]
            for m in cv.measures:
                out += [f"### {m.code}", data.text(m.code)]
                for e in m.elements:
                    out += [f"#### {e.code}", data.text(e.code), _table(data.tables.get(e.code))]
    out.append(f"# {t.crisis.title}")
    for s in data.crisis:
        p = f"Crisis {s.id}/"
        out += [f"## {s.title}", f"*{t.crisis.note}*", f"**{t.crisis.threats_label}**", data.text(p + "threats"),
                f"**{t.crisis.mitigations_label}**", data.text(p + "mitigations")]
        for cc in outline.crisis_chapters(t, s):
            out += [f"### {cc.chapter.title}", f"**{t.crisis.outline_prompt}**", data.text(p + cc.chapter.code)]
            for cm in cc.measures:
                out += [f"#### {cm.measure.code}", data.text(p + cm.measure.code)]
                for e in cm.elements:
                    out += [f"##### {e.code}", data.text(p + e.code), _table(data.tables.get(p + e.code))]
    return "\n\n".join(x for x in out if x) + "\n"


def _table(grid) -> str:
    if not grid:
        return ""
    rows = [[(c or "").replace("|", "\\|") for c in row] for row in grid]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]])


def in_process(report_path: Path, out: Path, runs: int) -> tuple[float, float]:
    from copdesk.core.exports.word import export_docx
    from copdesk.core.report.open_file import open_report
    with open_report(report_path, readonly=True) as r:
        start = time.perf_counter()
        data = r.snapshot()
        snap = time.perf_counter() - start
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            export_docx(r.template, data, out)
            times.append(time.perf_counter() - start)
    return statistics.median(times), snap


def copdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("copdesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "copdesk"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="keep the report, the Markdown and both .docx files here")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="copdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = work / "platform-report.copdesk"
    make_platform_report.main(report)
    t = load_template()
    data = make_platform_report.build(t)
    md = work / "report.md"
    md.write_text(markdown(t, data), encoding="utf-8")
    print(f"Markdown for pandoc: {md.stat().st_size / 1e6:.1f} MB; runs per command: {a.runs}\n")

    pandoc = shutil.which("pandoc")
    ours, theirs = side_by_side(lambda: copdesk_command() + ["export", str(report), "-o", str(work / "copdesk.docx")],
                                [pandoc, str(md), "-o", str(work / "pandoc.docx")] if pandoc else None, a.runs)
    inproc, snap = in_process(report, work / "inprocess.docx", a.runs)
    report_table(ours, theirs, inproc, snap)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


def report_table(ours: dict, theirs: dict | None, inproc: float, snap: float) -> None:
    print(f"{'':28}{'wall time (median)':>20}{'peak memory':>14}")
    print(f"{'copdesk export -o x.docx':28}{ours['wall']:>18.2f} s{ours['rss_mb']:>11.0f} MB")
    if theirs:
        print(f"{'pandoc report.md -o x.docx':28}{theirs['wall']:>18.2f} s{theirs['rss_mb']:>11.0f} MB")
        ratio_t, ratio_m = ours["wall"] / theirs["wall"], ours["rss_mb"] / theirs["rss_mb"]
        print(f"{'ratio copdesk / pandoc':28}{ratio_t:>19.2f}x{ratio_m:>12.2f}x")
        print("each run (s), taking turns: copdesk " + " ".join(f"{w:.2f}" for w in ours["walls"])
              + "; pandoc " + " ".join(f"{w:.2f}" for w in theirs["walls"]))
    else:
        print(f"{'pandoc':28}{'pandoc is not installed (apt-get install pandoc): no comparison':>34}")
    print(f"\nin-process export_docx: {inproc:.3f} s (report snapshot {snap:.3f} s)")
    checks = [("time <= 0.25x pandoc", None if theirs is None else ours["wall"] <= 0.25 * theirs["wall"]),
              ("peak memory < 150 MB", ours["rss_mb"] < 150), ("in-process export < 0.3 s", inproc < 0.3)]
    verdict = {True: "met", False: "NOT met", None: "unknown (no pandoc)"}
    print("targets: " + "; ".join(f"{name}: {verdict[ok]}" for name, ok in checks))


if __name__ == "__main__":
    main()
