"""The command line as a contract: names, arguments, messages and exit statuses (0, 1, 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copdesk.cli import main


def run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The real `copdesk` in a subprocess, as a user or a script calls it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "copdesk", *map(str, args)], capture_output=True, text=True,
                          input=stdin, env=env, timeout=60)


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "r.copdesk"
    assert main(["new", str(path), "--signatory", "Example Org", "--kind", "other", "--title", "Report March 2026",
                 "--measures", "12.1,12.3,39"]) == 0
    return path


def test_help_prints_usage():
    out = run("--help")
    assert out.returncode == 0 and "usage: copdesk" in out.stdout
    for command in ("new", "answer", "validate", "export", "import", "forms"):
        assert command in out.stdout
    text = " ".join(out.stdout.split())
    assert "prints this help" not in text  # it opens the start screen (cli._wants_window)
    assert "With nothing after it, copdesk opens its window on the start screen" in text
    assert "[FILE.copdesk | COMMAND ...]" in text


def test_version():
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("copdesk ")


def test_new_answer_validate_export_import(tmp_path):
    path = tmp_path / "r.copdesk"
    out = run("new", path, "--signatory", "Example Org", "--kind", "other", "--title", "Report March 2026",
              "--measures", "12.1,39")
    assert out.returncode == 0, out.stderr
    assert "2 commitments and 1 measures" in out.stdout
    answers = {"header.period_start": "2025-01-01", "header.period_end": "2025-12-31", "header.description": "About us",
               "c12 q1": "No", "c12 q3": "No", "qre 12.1.1": "We monitored ads.", "c39 q1": "No", "c39 q3": "No"}
    for code, text in answers.items():
        assert run("answer", path, code, "--text", text).returncode == 0
    val = run("validate", path)
    assert val.returncode == 0, val.stdout
    assert "complete (0 missing" in val.stdout
    assert run("export", path, "-o", tmp_path / "r.json").returncode == 0
    imp = run("import", tmp_path / "r.json", "-o", tmp_path / "back.copdesk")
    assert imp.returncode == 0 and "8 answers" not in imp.stderr
    assert run("validate", tmp_path / "back.copdesk").returncode == 0


def test_validate_lists_missing_and_exits_1(report):
    out = run("validate", report, "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["complete"] is False
    assert [i["code"] for i in data["issues"] if i["severity"] == "missing"][:3] == [
        "header.period_start", "header.period_end", "header.description"]


def test_answer_from_file_stdin_and_table(report, tmp_path):
    text_file = tmp_path / "a.md"
    text_file.write_text("From a file\n\n- with a bullet\n", encoding="utf-8")
    assert run("answer", report, "QRE 12.1.1", "--file", text_file).returncode == 0
    assert run("answer", report, "Measure 12.3", "--file", "-", stdin="from stdin").returncode == 0
    csv_file = tmp_path / "t.csv"
    csv_file.write_text('Member State,Removed\nAustria,"1,234"\nBelgium,-\n', encoding="utf-8")
    assert run("answer", report, "SLI 16.1.1", "--table", csv_file).returncode == 0
    from copdesk.core.report.open_file import Report
    with Report.open(report) as r:
        assert r.text("QRE 12.1.1") == "From a file\n\n- with a bullet\n"
        assert r.text("Measure 12.3") == "from stdin"
        assert r.table("SLI 16.1.1") == [["Member State", "Removed"], ["Austria", "1,234"], ["Belgium", "-"]]


def test_answer_to_unsubscribed_item_is_stored_with_a_note(report):
    out = run("answer", report, "SLI 16.1.1", "--text", "x")
    assert out.returncode == 0 and "Measure 16.1 is not subscribed" in out.stderr


def test_unknown_code_is_refused_with_nearest(report):
    out = run("answer", report, "QRE 12.1.7", "--text", "x")
    assert out.returncode == 2
    assert "Unknown code 'QRE 12.1.7'" in out.stderr and "QRE 12.1.1" in out.stderr


def test_control_characters_stored_and_flagged(report):
    out = run("answer", report, "QRE 12.1.1", "--text", "bell\x07")
    assert out.returncode == 0 and "U+0007" in out.stderr
    val = run("validate", report)
    assert val.returncode == 1 and "invalid  QRE 12.1.1" in val.stdout


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 50])
def test_foreign_file_gives_a_message_and_stays(tmp_path, content):
    path = tmp_path / "x.copdesk"
    path.write_bytes(content)
    out = run("validate", path)
    assert out.returncode == 2 and "copdesk:" in out.stderr and "not changed" in out.stderr
    assert "Traceback" not in out.stderr
    assert path.read_bytes() == content


def test_errors_exit_2_without_traceback(tmp_path, report):
    cases = [
        ("validate", tmp_path / "missing.copdesk"),
        ("export", report, "-o", tmp_path / "x.txt"),
        ("import", tmp_path / "nope.json", "-o", tmp_path / "o.copdesk"),
        ("new", report, "--signatory", "a", "--kind", "other", "--title", "t"),
        ("new", tmp_path / "n.copdesk", "--signatory", "a", "--kind", "other", "--title", "t", "--measures", "99.9"),
        ("answer", report, "SLI 16.1.1", "--table", tmp_path / "missing.csv"),
    ]
    for args in cases:
        out = run(*args)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert "Traceback" not in out.stderr and out.stderr.startswith("copdesk:"), (args, out.stderr)
    assert not (tmp_path / "n.copdesk").exists()


def test_argument_errors_exit_2():
    assert run("new").returncode == 2
    assert run("frobnicate").returncode == 2


def test_forms_check():
    out = run("forms", "check")
    assert out.returncode == 0
    import re
    counts = re.search(r"44 commitments, 131 measures, (\d+) QREs, 52 SLIs, (\d+) unconfirmed items", out.stdout)
    assert counts and int(counts.group(1)) >= 106 and int(counts.group(2)) <= 142, out.stdout
    bad = run("forms", "check", "/nonexistent.yaml")
    assert bad.returncode == 2 and "cannot be read" in bad.stdout


def test_forms_list_json_has_every_id_the_published_reports_show_as_verified():
    import json as _json
    from tests.conftest import shared_file
    listing = run("forms", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    rows = {row["code"]: row for row in _json.loads(listing.stdout)}
    evidence = _json.loads(shared_file("reference/structure-evidence.json").read_text(encoding="utf-8"))
    confirmed = {code for key, c in evidence.items() if key.startswith("Commitment ") and c["measures"] is not None
                 for code in [key, *c["measures"], *c["qre"], *c["sli"]]}
    assert len(confirmed) > 150
    assert {code: rows[code]["status"] for code in confirmed} == {code: "verified" for code in confirmed}
    assert all(set(row) >= {"code", "kind", "parent", "status", "has_wording"} for row in rows.values())
    assert rows["QRE 26.1.2"]["parent"] == "Measure 26.1" and rows["QRE 32.1.1"]["covers"] == ["Measure 32.1",
                                                                                               "Measure 32.2"]
    assert rows["Commitment 12"]["has_wording"] is True and rows["Commitment 31"]["has_wording"] is False
