"""Word import speed: `copdesk import report.docx` against `pandoc report.docx -t markdown`, side by side.

Generates the platform-size report of the export benchmark (make_platform_report.py), exports it to Word
with copdesk, then runs each command several times as a separate process on that same .docx, taking
turns (copdesk, pandoc, copdesk, ...) so that other load on the machine falls on both alike, and prints
the median wall time, the peak resident memory and copdesk's ratio to pandoc; then times the import
inside one process and checks that every answer came back.

    .venv/bin/python benchmarks/import_vs_pandoc.py [--runs 5] [--keep DIR]

Target (issue 18; issue 4 asked 0.5x): the whole `copdesk import` process at most 0.3x pandoc's time.
Install pandoc with `apt-get install pandoc`; without it the pandoc column says so.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_platform_report
from export_vs_pandoc import copdesk_command, side_by_side

from copdesk.core.exports.word import export_docx
from copdesk.core.template.forms import load_template


def in_process(docx: Path, runs: int) -> tuple[float, object]:
    from copdesk.core.imports.word import read_docx
    t = load_template()
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = read_docx(docx, t)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="keep the .docx and the imported files here")
    a = ap.parse_args()
    work = a.keep or Path(tempfile.mkdtemp(prefix="copdesk-import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t = load_template()
    data = make_platform_report.build(t)
    docx = work / "platform-report.docx"
    export_docx(t, data, docx)
    print(f"Word report: {docx.stat().st_size / 1e6:.1f} MB, {len(data.answers)} answers, {len(data.tables)} tables; "
          f"runs per command: {a.runs}\n")

    outs = iter(range(10 ** 6))  # a new output file for every run: import refuses to overwrite
    pandoc = shutil.which("pandoc")
    ours, theirs = side_by_side(
        lambda: copdesk_command() + ["import", str(docx), "-o", str(work / f"i{next(outs)}.copdesk")],
        [pandoc, str(docx), "-t", "markdown", "-o", str(work / "pandoc.md")] if pandoc else None, a.runs)
    inproc, result = in_process(docx, a.runs)
    print(f"{'':34}{'wall time (median)':>20}{'peak memory':>14}")
    print(f"{'copdesk import x.docx -o y':34}{ours['wall']:>18.2f} s{ours['rss_mb']:>11.0f} MB")
    if theirs:
        print(f"{'pandoc x.docx -t markdown':34}{theirs['wall']:>18.2f} s{theirs['rss_mb']:>11.0f} MB")
        print(f"{'ratio copdesk / pandoc':34}{ours['wall'] / theirs['wall']:>19.2f}x"
              f"{ours['rss_mb'] / theirs['rss_mb']:>12.2f}x")
        print("each run (s), taking turns: copdesk " + " ".join(f"{w:.2f}" for w in ours["walls"])
              + "; pandoc " + " ".join(f"{w:.2f}" for w in theirs["walls"]))
    else:
        print("pandoc is not installed (apt-get install pandoc): no comparison")
    from copdesk.core.markdown.dialect import parse
    same = sum(1 for c, a in data.answers.items() if result.data.text(c) == a.text)
    alike = sum(1 for c, a in data.answers.items() if parse(result.data.text(c)) == parse(a.text))
    print(f"\nin-process read_docx: {inproc:.3f} s; of {len(data.answers)} answers {same} came back as typed and "
          f"{alike} with the same content (paragraphs, lists, runs; the rest are the header kind and services, "
          f"which the Word export does not print); {sum(result.data.tables.get(c) == g for c, g in data.tables.items())}"
          f" of {len(data.tables)} tables identical; {result.counts['unplaced']} paragraphs unplaced")
    met = theirs is not None and ours["wall"] <= 0.3 * theirs["wall"]
    print(f"target: time <= 0.3x pandoc: {'met' if met else 'NOT met'}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
