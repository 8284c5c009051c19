"""Check the Word importer on the real example report in ../shared/examples (never copied into the repo).

Turns the plain-text report into a .docx (one paragraph per line, no styles), imports it, and prints
where the answers landed and what was left unplaced. When the Word exporter is installed
(copdesk.core.exports.word), it also exports the imported report and prints which fraction of the
original's paragraphs the export reproduces, in order.

    .venv/bin/python benchmarks/check_example_import.py [PATH-TO-EXAMPLE.txt]
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from collections import Counter
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "examples" / "alliance4europe-report-2025-03.txt"


def make_docx(txt: Path, out: Path) -> list[str]:
    """One paragraph per non-empty line, no styles; returns the paragraphs written."""
    lines = [line.strip() for line in txt.read_text(encoding="utf-8").splitlines() if line.strip()]
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(out)
    return lines


def docx_paragraphs(path: Path) -> list[str]:
    """Every non-empty paragraph of a .docx, tables' cells included, whitespace normalised."""
    from copdesk.core.safety.docx_guard import open_docx
    from copdesk.core.imports.docx_reader import Table, read_body
    out = []
    for block in read_body(open_docx(path)).blocks:
        texts = [c for row in block.rows for c in row if c] if isinstance(block, Table) else [block.text]
        out += [" ".join(t.split()) for t in texts if t.strip()]
    return out


def in_order_fraction(original: list[str], exported: list[str]) -> float:
    norm = [" ".join(p.split()) for p in original]
    matcher = difflib.SequenceMatcher(None, norm, exported, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return kept / max(len(norm), 1)


def main(argv: list[str]) -> int:
    from copdesk.core.imports.word import import_docx
    from copdesk.core.template.forms import load_template
    src = Path(argv[0]) if argv else DEFAULT
    if not src.exists():
        print(f"example report not found: {src}")
        return 2
    t = load_template()
    with tempfile.TemporaryDirectory() as tmp:
        original_docx = Path(tmp) / "example.docx"
        original = make_docx(src, original_docx)
        report, result = import_docx(original_docx, Path(tmp) / "example.copdesk", t)
        with report:
            data, t = report.snapshot(), report.template  # the template with the wording the report came with
            print(f"{len(original)} paragraphs in the example; imported: " + result.summary_lines()[0])
            kinds = Counter(code.split("/")[-1].split(" ")[0].split(".")[0] + (" (crisis)" if "/" in code else "")
                            for code in data.answers)
            print("answers by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
            print("codes: " + ", ".join(sorted(data.answers)))
            for line in result.summary_lines()[1:]:
                print("  " + line)
            try:
                from copdesk.core.exports import word as docx_export
            except ImportError:
                print("round trip: copdesk.core.exports.word is not installed yet")
                return 0
            for status in ("Draft", result.status):
                exported = Path(tmp) / f"exported-{status}.docx"
                docx_export.export_docx(t, data, exported, docx_export.DocxOptions(status=status))
                fraction = in_order_fraction(original, docx_paragraphs(exported))
                print(f"round trip, status line {status!r}: export(import(docx)) keeps {fraction:.1%} of the "
                      "original paragraphs in order")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.exit(main(sys.argv[1:]))
