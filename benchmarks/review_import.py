"""Bringing a reviewed Word document back, at platform size: how long the author waits.

Generates the platform-size report (make_platform_report.py), exports it to Word, has a "reviewer" edit it
as Word writes its markup (tests/core/word_review.py: a word replaced in the first 80 answers that have one,
the first 60 of them as tracked changes, a comment on every other one, a cell in each of the first 30
tables), then times, each several times on a fresh copy of the report:
- the export itself (in one process; its review markers included),
- `review_import` of the unedited export and of the reviewed one (in one process),
- `copdesk review-import` as a separate process (what the command line user waits for).

    .venv/bin/python benchmarks/review_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
import make_platform_report  # noqa: E402
from timing import timed  # noqa: E402

from copdesk.core.exports.word import DocxOptions, export_docx  # noqa: E402
from copdesk.core.exports.docx_markers import ANSWER  # noqa: E402
from copdesk.core.exports.docx_comments import review_export  # noqa: E402
from copdesk.core.report.open_file import Report  # noqa: E402
from copdesk.core.review.word_import import review_import  # noqa: E402
from copdesk.core.review.word_read import read_reviewed  # noqa: E402
from tests.core.word_review import WordReview, text_of  # noqa: E402


def review(src: Path, out: Path) -> Path:
    doc = WordReview(src)
    exported = read_reviewed(src)
    firsts = []
    for n, b in sorted(exported.map.blocks.items()):
        place = exported.places.get(n)
        if b.kind == ANSWER and place and place.paragraphs and place.paragraphs[0].text.strip():
            firsts.append(place.paragraphs[0].text)
    done = 0
    for k, first in enumerate(firsts[:80]):
        p = doc.paragraph(first[:40])
        word = next((w for w in text_of(p).split() if len(w) > 5 and w.isalpha()), None)
        if word is None:
            continue
        try:
            doc.replace(p, word, word.upper(), tracked=k < 60)
        except LookupError:
            continue
        done += 1
        if k % 2 == 0:
            doc.comment(p, p, f"Reviewer note {k}.", "Lena Legal", "LL")
    tables = list(doc.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl"))
    cells = 0
    for t in range(min(30, len(tables))):
        try:
            cell = doc.cell(t, 2, 1)
            value = text_of(cell)
            if value:
                doc.replace(cell, value, value + "0")
                cells += 1
        except (IndexError, LookupError):
            continue
    print(f"reviewer: {done} answers edited, {cells} cells, {len(doc.comments)} comments")
    return doc.save(out)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = tmp / "platform.copdesk"
        make_platform_report.main(report)
        with Report.open(report) as r:
            data, options = r.snapshot(), DocxOptions(review=review_export(r))
            export = timed(lambda: export_docx(r.template, data, tmp / "export.docx", options), args.runs)
        reviewed = review(tmp / "export.docx", tmp / "reviewed.docx")
        print(f"export (in process, markers included): {export:.3f} s, "
              f"{(tmp / 'export.docx').stat().st_size / 1e6:.1f} MB")

        def bring_back(doc: Path):
            def run():
                copy = tmp / "copy.copdesk"
                shutil.copy(report, copy)
                with Report.open(copy) as r:
                    run.result = review_import(r, doc)
            return run

        for label, doc in (("unedited export", tmp / "export.docx"), ("reviewed document", reviewed)):
            fn = bring_back(doc)
            t = timed(fn, args.runs)
            print(f"review_import of the {label} (in process): {t:.3f} s — {fn.result.summary()}")
        walls = []
        for _ in range(args.runs):
            shutil.copy(report, tmp / "cli.copdesk")
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "copdesk", "review-import", str(tmp / "cli.copdesk"), str(reviewed)],
                           stdout=subprocess.DEVNULL, check=False)
            walls.append(time.perf_counter() - start)
        print(f"copdesk review-import of the reviewed document (whole process): {statistics.median(walls):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
