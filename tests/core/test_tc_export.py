"""Transparency Centre JSON, CSV per SLI table, and the export command line."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from copdesk.core.exports.csv_table import export_csv
from copdesk.core.exports.tc_json import export_tc_json, to_tc
from tests.core import example_layout


@pytest.fixture
def report(new_report):
    r = example_layout.build(new_report)
    r.subscribe(["14.2"])
    r.set_table("SLI 14.2.1", [["Member State", "Fake accounts"], ["Austria", "1,041"], ["Belgium", None],
                               ["Total EU", "1,041"]])
    r.set_text("SLI 14.2.1", "Methodology: *counted* per country.")
    return r


def test_tc_shape(report, template):
    doc, warnings = to_tc(template, report.snapshot())
    assert warnings == []
    rep = doc["report"]
    assert rep["name"] == "Report March 2026" and rep["signatory"] == "Northwind Civic Lab"
    assert [c["name"] for c in rep["chapters"]] == ["Political Advertising", "Integrity of Services",
                                                    "Monitoring of the Code"]
    c12 = rep["chapters"][0]["commitments"][0]
    assert (c12["name"], c12["code"]) == ("Commitment 12", "12")
    assert c12["description"] == template.index["Commitment 12"].wording
    signed = c12["specialMeasures"][0]
    assert signed == {"name": "Signed Measures", "code": "sm12.1", "field_type": "measures_list",
                      "description": template.signed_measures_label, "sig_value": "Measure 12.1 Measure 12.3"}
    q1 = c12["specialMeasures"][1]
    assert q1["description"] == template.questions[0].text and q1["field_type"] == "yes_no"
    assert q1["sig_value"] == ("<p>Northwind has made unlabelled issue ads one of its research themes.<br>"
                               "We trained partner newsrooms on spotting them.</p>")
    m121 = c12["measures"][0]
    assert (m121["name"], m121["code"]) == ("Measure 12.1", "12.1")
    assert "<li>sponsors evading labels by <strong>rotating</strong> page names,</li>" in m121["sig_value"]
    assert '<a href="https://example.org/northwind/ads">our note</a>' in m121["sig_value"]
    assert m121["qres"][0]["sig_value"] == "<p>In 2025 we logged 233 issue ads that ran without a label.</p>"
    m123 = c12["measures"][1]
    assert m123["description"] == ""  # only official wording, never copdesk's summary


def test_tc_sli_table_value_and_crisis(report, template):
    rep = to_tc(template, report.snapshot())[0]["report"]
    c14 = rep["chapters"][1]["commitments"][0]
    sli = next(s for m in c14["measures"] for s in m["slis"] if s["name"] == "SLI 14.2.1")
    assert sli["field_type"] == "table" and sli["code"] == "14.2.1"
    assert json.loads(sli["table_value"]) == [["Member State", "Fake accounts"], ["Austria", "1,041"],
                                              ["Belgium", ""], ["Total EU", "1,041"]]
    assert sli["sig_value"] == "<p>Methodology: <em>counted</em> per country.</p>"
    crisis = rep["crisis"][0]
    assert crisis["name"] == "Elections 2024" and crisis["note"] == template.crisis.note
    assert "<li>AI-made images in campaigns<ul><li>mostly unlabelled</li></ul></li>" in crisis["threats"]["sig_value"]
    assert [c["name"] for c in crisis["chapters"]] == ["Integrity of Services", "Empowering Users",
                                                       "Empowering the Fact-Checking Community"]
    m161 = crisis["chapters"][0]["measures"][0]
    assert [q["name"] for q in m161["qres"]] == ["QRE 16.1.1"] and [s["name"] for s in m161["slis"]] == ["SLI 16.1.1"]
    assert json.loads(m161["slis"][0]["table_value"])[3] == ["Czech Republic", "-", ""]


def test_tc_file_is_written(report, template, tmp_path):
    out = tmp_path / "tc.json"
    export_tc_json(template, report.snapshot(), out)
    assert json.loads(out.read_text(encoding="utf-8"))["report"]["name"] == "Report March 2026"


def test_one_csv_per_shown_table(report, template, tmp_path):
    files = export_csv(template, report.snapshot(), tmp_path / "csv")
    assert [f.name for f in files] == ["SLI_14.2.1.csv", "Crisis_1_SLI_16.1.1.csv", "Crisis_1_SLI_17.2.1.csv"]
    with open(files[1], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [[c or "" for c in row] + [""] * (3 - len(row)) for row in example_layout.SLI_16_TABLE]
    assert files[0].read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8


def run(*args, env=None):
    """The real `copdesk` in a subprocess."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "copdesk", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=300)


def test_cli_export_formats(report, tmp_path):
    report.close()
    path = report.path
    assert run("export", path, "-o", tmp_path / "r.docx").returncode == 0
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    assert run("export", path, "--format", "tc-json", "-o", tmp_path / "tc.json").returncode == 0
    assert "report" in json.loads((tmp_path / "tc.json").read_text(encoding="utf-8"))
    assert run("export", path, "-o", tmp_path / "plain.json").returncode == 0
    assert json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))["format"] == "copdesk-report-json"
    out = run("export", path, "--format", "csv", "-o", tmp_path / "tables")
    assert out.returncode == 0 and "3 SLI tables" in out.stdout
    bad = run("export", path, "-o", tmp_path / "r.odt")
    assert bad.returncode == 2 and bad.stderr.startswith("copdesk:") and "Traceback" not in bad.stderr


def test_cli_warns_about_removed_characters(new_report, tmp_path):
    r = new_report(measures=["12.1"])
    r.set_text("QRE 12.1.1", "a\x07b")
    r.close()
    out = run("export", r.path, "-o", tmp_path / "r.docx")
    assert out.returncode == 0 and "warning: QRE 12.1.1: removed U+0007" in out.stderr


def test_cli_pdf_without_libreoffice_says_so(report, tmp_path):
    report.close()
    out = run("export", report.path, "-o", tmp_path / "r.pdf", env={"COPDESK_SOFFICE": str(tmp_path / "none")})
    assert out.returncode == 2 and "needs LibreOffice" in out.stderr and not (tmp_path / "r.pdf").exists()


def test_cli_refuses_a_folder_as_output_file(report, tmp_path):
    report.close()
    for fmt in ("docx", "json", "tc-json", "pdf"):
        args = ("--format", fmt, "-o", tmp_path)
        out = run("export", report.path, *args)
        assert out.returncode == 2 and "is a folder" in out.stderr and "Traceback" not in out.stderr, args
