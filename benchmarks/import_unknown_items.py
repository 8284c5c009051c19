"""Imports of many items the template does not know, and the corrections they leave (issue 13, point 6).

Writes a Transparency Centre JSON with N measures the template does not know (each with official wording
and an HTML answer), then times, each as a separate process, as a user runs them:

  1. `copdesk import unknown.json -o out.copdesk` (as a script runs it: the corrections are offered, not saved)
  2. the same with `--save-corrections` (N corrections written as YAML to the user forms folder)
  3. `copdesk validate out.copdesk`, which applies the N corrections: once with an empty template cache
     (the YAML is parsed) and once more with the cache filled.

    .venv/bin/python benchmarks/import_unknown_items.py [--items 100000] [--runs 3]

Target: 100,000 unknown items import in under 10 s on this machine; every step grows linearly (before
issue 13: 277 s for the import, and more than 10 minutes to apply 50,000 corrections). Prints the median
wall time of each step and the peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def write_report(path: Path, n: int) -> None:
    measures = [{"name": f"Measure 14.{1000 + i}", "code": f"14.{1000 + i}", "description": f"Wording of {i}",
                 "sig_value": f"<p>Answer {i}, with <strong>bold</strong> text.</p>" if i % 2 else f"<p>Answer {i}</p>"}
                for i in range(n)]
    doc = {"report": {"name": "Report", "signatory": "Example", "chapters": [{"name": "Integrity of Services",
                                                                              "commitments": [
        {"name": "Commitment 14", "code": "14", "measures": measures}]}]}}
    path.write_text(json.dumps(doc), encoding="utf-8")


def timed(args: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one copdesk process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "copdesk", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"copdesk {' '.join(args)} failed:\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copdesk-unknown-"))
    try:
        src = work / "unknown.json"
        write_report(src, a.items)
        print(f"{a.items:,} unknown measures, {src.stat().st_size / 1e6:.1f} MB of JSON; median of {a.runs} runs "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        steps: dict[str, list[float]] = {"import": [], "import --save-corrections": [],
                                         "validate, template cache empty": [], "validate, template cache filled": []}
        peak = 0.0
        for run in range(a.runs):
            env = {**os.environ, "COPDESK_DATA_DIR": str(work / f"data{run}")}
            out = work / f"out{run}.copdesk"
            plain = work / f"plain{run}.copdesk"
            for name, args in zip(steps, (["import", str(src), "-o", str(plain)],
                                          ["import", str(src), "-o", str(out), "--save-corrections"],
                                          ["validate", str(out)], ["validate", str(out)])):
                wall, peak = timed(args, env)
                steps[name].append(wall)
        for name, times in steps.items():
            print(f"  {name:38} {statistics.median(times):6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in times)})")
        print(f"  peak resident memory of a step: {peak:.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
