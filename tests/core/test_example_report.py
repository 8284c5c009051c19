"""The filed example report (../shared/examples), typed into a plain Word file (one paragraph per line, no
styles), imported and exported again: every paragraph comes back, in order, the SLI label included.

The example's text is read at run time and never copied into the repository (its answers are not ours).
"""

from __future__ import annotations

import docx

from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.safety.docx_guard import open_docx
from copdesk.core.imports.word import import_docx
from copdesk.core.imports.docx_reader import Table, read_body
from copdesk.core.report.open_file import Report
from tests.conftest import shared_file

LABEL = "SLI 17.2.1 - actions enforcing policies above"


def _typed(tmp_path) -> tuple[list[str], object]:
    lines = [" ".join(line.split()) for line in
             shared_file("examples/alliance4europe-report-2025-03.txt").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    document = docx.Document()  # python-docx's default template: plain paragraphs, Normal style
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "alliance4europe.docx"
    document.save(path)
    return lines, path


def _paragraphs(path) -> list[str]:
    out = []
    for block in read_body(open_docx(path)).blocks:
        texts = [c for row in block.rows for c in row if c] if isinstance(block, Table) else [block.text]
        out += [" ".join(t.split()) for t in texts if t.strip()]
    return out


def _missing_in_order(original: list[str], exported: list[str]) -> list[str]:
    """The original paragraphs that the export does not show in the original's order."""
    missing, at = [], 0
    for para in original:
        try:
            at = exported.index(para, at) + 1
        except ValueError:
            missing.append(para)
    return missing


def test_example_typed_into_word_imports_and_exports_every_paragraph_in_order(tmp_path):
    lines, src = _typed(tmp_path)
    assert LABEL in lines and len(lines) > 120
    report, result = import_docx(src, tmp_path / "example.copdesk")
    report.close()
    assert result.counts["unplaced"] == 0 and result.status == "Submitted"
    with Report.open(tmp_path / "example.copdesk") as again:  # what a user opens later: the file alone
        assert again.template.index["SLI 17.2.1"].heading == LABEL
        assert again.base_template.index["SLI 17.2.1"].heading == "SLI 17.2.1"
        out = tmp_path / "again.docx"
        export_docx(again.template, again.snapshot(), out, DocxOptions(status=result.status))
    exported = _paragraphs(out)
    assert _missing_in_order(lines, exported) == []
    assert LABEL in exported


def test_the_label_survives_without_saving_corrections_and_a_second_round(tmp_path):
    """The wording and label live in the report file: no template correction was saved, and an export of the
    export still has them."""
    _lines, src = _typed(tmp_path)
    import_docx(src, tmp_path / "one.copdesk")[0].close()
    from copdesk.core.template import forms
    assert forms.load_template().index["SLI 17.2.1"].label == ""  # the template itself is unchanged
    with Report.open(tmp_path / "one.copdesk") as r:
        export_docx(r.template, r.snapshot(), tmp_path / "one.docx")
    import_docx(tmp_path / "one.docx", tmp_path / "two.copdesk")[0].close()
    with Report.open(tmp_path / "two.copdesk") as r:
        export_docx(r.template, r.snapshot(), tmp_path / "two.docx")
    assert LABEL in _paragraphs(tmp_path / "two.docx")
