"""`copdesk import` of Word and Transparency Centre reports, and `copdesk carry`, as a user runs them."""

from __future__ import annotations

import json

from copdesk.core.report.open_file import Report
from tests.core.docx_fixtures import filed_report
from tests.core.test_tc_import import published
from tests.test_cli import run


def test_import_docx_prints_the_summary(tmp_path):
    src = filed_report(tmp_path / "northwind.docx")
    out = run("import", src, "-o", tmp_path / "n.copdesk")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"Imported {src} into {tmp_path / 'n.copdesk'}: 23 answers."
    assert lines[1] == ("4 commitments, 6 measures, 2 QREs, 1 SLIs, 1 tables placed; 2 crisis sub-sections "
                        "(7 answers); 2 paragraphs unplaced.")
    assert any(line.startswith("unplaced, paragraph 60 (QRE 5.9.9") for line in lines)
    assert "not in the template: QRE 1.3.3 under Measure 1.3 (paragraph 57); kept as that item" in lines
    assert lines[-1].startswith("note: 3 template corrections (official wording and labels, items the template "
                                "lacks) offered, not saved")  # QRE 1.3.3, Commitment 16's text, SLI 16.1.1's label
    with Report.open(tmp_path / "n.copdesk", readonly=True) as r:  # the report keeps them whether saved or not
        assert r.template.index["SLI 16.1.1"].heading == "SLI 16.1.1 - actions taken"
        assert r.template.index["Commitment 16"].wording.startswith("Relevant Signatories commit to operate")


def test_import_saves_corrections_when_asked(tmp_path):
    src = tmp_path / "tc.json"
    src.write_text(json.dumps(published(True)), encoding="utf-8")
    out = run("import", src, "-o", tmp_path / "t.copdesk", "--save-wording")
    assert out.returncode == 0, out.stderr
    assert "Saved 4 template corrections" in out.stdout
    check = run("forms", "check")
    assert check.returncode == 0 and "corrections applied" in check.stdout


def test_hostile_import_exits_2_without_output(tmp_path):
    src = tmp_path / "locked.docx"
    src.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = run("import", src, "-o", tmp_path / "x.copdesk")
    assert out.returncode == 2
    assert "locked.docx is password-protected (encrypted)" in out.stderr
    assert not (tmp_path / "x.copdesk").exists()


def test_carry(tmp_path):
    assert run("import", filed_report(tmp_path / "n.docx"), "-o", tmp_path / "a.copdesk").returncode == 0
    out = run("carry", tmp_path / "a.copdesk", "-o", tmp_path / "b.copdesk", "--title", "Report September 2026")
    assert out.returncode == 0, out.stderr
    assert "21 answers carried over (to review), 1 tables emptied" in out.stdout
    again = run("carry", tmp_path / "a.copdesk", "-o", tmp_path / "b.copdesk", "--title", "X")
    assert again.returncode == 2 and "it is a copdesk report" in again.stderr
