"""Exports are atomic: `copdesk export` killed at random moments never leaves a half-written document.

The report is the platform-size one of the export benchmark (all measures, 88 tables). After each kill the
output is either the previous document, byte for byte, or a complete new one; never a torn file.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_kill_during_export_leaves_the_previous_document_intact(tmp_path):
    report, out = tmp_path / "platform.copdesk", tmp_path / "report.docx"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_platform_report.py"), str(report)],
                   check=True, capture_output=True)
    export = [sys.executable, "-m", "copdesk", "export", str(report), "-o", str(out)]
    started = time.monotonic()
    subprocess.run(export, check=True, capture_output=True)
    duration = time.monotonic() - started
    previous = out.read_bytes()
    rnd = random.Random(11)
    outcomes = {"previous": 0, "new": 0}
    for _ in range(12):
        proc = subprocess.Popen(export, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.02, duration * 1.1))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = out.read_bytes()
        if data == previous:
            outcomes["previous"] += 1
        else:
            with zipfile.ZipFile(out) as z:  # a new document must be whole
                assert z.testzip() is None
                assert b"Commitment 1" in z.read("word/document.xml")
            outcomes["new"] += 1
            previous = data
    assert outcomes["previous"] > 0, outcomes  # some kills did land mid-export
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".report.docx.")]
    assert all(name.endswith(".part") for name in leftovers)  # at most a temporary file, never the document


def test_an_export_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    from copdesk.core.safety.atomic import write_file
    out = tmp_path / "report.json"
    write_file(out, "{}")
    assert out.stat().st_mode & 0o777 == 0o644  # readable by others, like any file a program writes
    out.chmod(0o640)
    write_file(out, "{\"a\": 1}")
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_text() == "{\"a\": 1}"
