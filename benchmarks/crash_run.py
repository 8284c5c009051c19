"""Kill copdesk with SIGKILL at random moments while edits stream in; check nothing acknowledged is lost.

Three ways in, each on its own report file, reopened after every kill as a person would:

- core:   a child process writing answers through copdesk.core (some edits 100 KB, some several answers in
          one transaction); an edit is acknowledged when the write call returned;
- cli:    `copdesk answer FILE CODE --text ...` run again and again; acknowledged when it exited with 0;
- window: a child process that opens the report through the window's controller (locks, recovery notice,
          backups) under the offscreen platform and types into rich-text editors with QTest, moving between
          measures; a keystroke is acknowledged once it was typed.

About one kill in five lands while the child is still starting (opening the file, recovering the journal);
the rest land 1 to 2.5 s after the first acknowledged edit. After every kill: `PRAGMA integrity_check` must
be ok, and every edit acknowledged more than one second before the kill must be in the file (its text in
history, for core and cli; for every answer, the stored value must be the last edit acknowledged before
that second, or a later one). Backups made by the window are checked too.

    .venv/bin/python benchmarks/crash_run.py            # 200 kills (67 core, 67 cli, 66 window)
    .venv/bin/python benchmarks/crash_run.py --kills 30 --seed 7
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GRACE_S = 1.0  # an edit acknowledged longer ago than this before the kill must be in the file
MODES = ("core", "cli", "window")


# -- what the parent expects -------------------------------------------------------------------------
class Expected:
    """Per answer code: the values it went through, in order, each with the time it was acknowledged."""

    def __init__(self):
        self.states: dict[str, list[list]] = {}  # code -> [[text, ack time or None], ...]; first = ""
        self.tokens: list[tuple[str, float]] = []  # core/cli: (unique token of an edit, ack time)

    def add(self, code: str, text: str) -> int:
        states = self.states.setdefault(code, [["", 0.0]])
        states.append([text, None])
        return len(states) - 1

    def ack(self, code: str, index: int, at: float) -> None:
        self.states[code][index][1] = at

    def settle(self, values: dict[str, str]) -> None:
        """After a checked kill, the file is the new starting point (edits typed within the grace second of
        that kill may be missing from it, rightly; they must not be demanded after the next kill)."""
        self.states = {code: [[values.get(code, ""), 0.0]] for code in self.states}
        self.tokens = []

    def allowed(self, code: str, cutoff: float) -> list[str]:
        states = self.states[code]
        last = max((i for i, (_, at) in enumerate(states) if at is not None and at < cutoff), default=0)
        return [text for text, _ in states[last:]]


@dataclass
class Figures:
    kills: int = 0
    early_kills: int = 0
    acknowledged: int = 0
    checked: int = 0
    lost: int = 0
    integrity_failures: int = 0
    recoveries_announced: int = 0
    backups_checked: int = 0
    bad_backups: int = 0
    errors: list[str] = field(default_factory=list)


def token(run: int, seq: int) -> str:
    return f"r{run:04d}s{seq:06d}|"


def edit_text(run: int, seq: int, size: int) -> str:
    """A unique, reproducible answer text of about `size` characters."""
    words = "policy review accounts labels transparency measures election researchers".split()
    body = " ".join(words[(seq + i) % len(words)] for i in range(max(1, size // 9)))
    return token(run, seq) + " " + body


# -- children ------------------------------------------------------------------------------------------
def text_codes(path: Path) -> list[str]:
    """QRE codes of the report's subscribed measures: rich-text answers on measure pages."""
    from copdesk.core.report.open_file import Report
    with Report.open(path, readonly=True) as r:
        subs = r.subscriptions()
        return [e.code for m in r.template.measures() if m.code in subs for e in m.elements
                if e.code.startswith("QRE ")]


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def child_core(path: Path, run: int, seed: int) -> None:
    from copdesk.core.report.open_file import Report
    rnd = random.Random(seed)
    big = int(os.environ.get("CRASH_RUN_BIG_EDIT", "100000"))
    codes = text_codes(path)
    r = Report.open(path, who="crash-run")
    seq = 0
    while True:
        batch = []
        for _ in range(rnd.choice((1, 1, 1, 2, 4))):
            seq += 1
            size = rnd.choice((40, 200, 2_000, big)) if rnd.random() < 0.3 else rnd.randint(20, 400)
            batch.append((seq, rnd.choice(codes), size))
            _say(f"W {seq} {batch[-1][1]}\t{size}")
        with r.atomic():
            for s, code, size in batch:
                r.set_text(code, edit_text(run, s, size))
        now = time.monotonic()
        for s, _, _ in batch:
            _say(f"A {s} {now}")


def child_window(path: Path, run: int, seed: int) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtCore import Qt
    from copdesk.app import make_app
    from copdesk.ui.controller import Controller
    rnd = random.Random(seed)
    codes = text_codes(path)
    make_app()
    controller = Controller()
    window = controller.open_path(path)
    if window is None:
        raise SystemExit("the window did not open")
    QTest.qWaitForWindowExposed(window)
    banner = window.safety.recovery_notice
    if banner:
        _say("R " + banner.replace("\n", " "))
    letters = "abcdefghijklmnopqrstuvwxyz"
    session = 0
    while True:
        session += 1
        code = rnd.choice(codes)
        window.jump_to(code)
        editor = window.page.editors[code]
        editor.setFocus()
        target = f"r{run}x{session}" + "".join(rnd.choice(letters) for _ in range(rnd.randint(15, 60)))
        _say(f"S {code}\t{target}")
        editor.selectAll()
        QTest.keyClick(editor, Qt.Key_Delete)
        _say(f"K {code}\t0 {time.monotonic()}")
        for i, ch in enumerate(target, 1):
            QTest.keyClicks(editor, ch)
            _say(f"K {code}\t{i} {time.monotonic()}")
            QTest.qWait(rnd.randint(5, 70))


# -- the parent ----------------------------------------------------------------------------------------
class Child:
    """A child process whose stdout lines are collected (with the moment the first acknowledgement came)."""

    def __init__(self, argv: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                     bufsize=1)
        self.lines: list[str] = []
        self.first_ack = threading.Event()
        self.stderr = ""
        self._threads = [threading.Thread(target=self._read, daemon=True),
                         threading.Thread(target=self._read_err, daemon=True)]
        for t in self._threads:
            t.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            if line[:1] in "AK":
                self.first_ack.set()

    def _read_err(self) -> None:
        self.stderr = self.proc.stderr.read()

    def kill(self) -> float:
        at = time.monotonic()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        for t in self._threads:
            t.join(timeout=5)
        return at


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, COPDESK_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)] + env.get("PYTHONPATH", "").split(os.pathsep))
    return env


def _kill_delay(rnd: random.Random, early: bool) -> float:
    return rnd.uniform(0.05, 0.6) if early else rnd.uniform(GRACE_S + 0.05, 2.5)


def _parse(lines: list[str], exp: Expected, run: int, pending: dict) -> None:
    """Fold a child's output into the expectations (W/A: core edits; S/K: keystrokes in the window)."""
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind == "W":
            seq, _, more = rest.partition(" ")
            code, _, size = more.partition("\t")
            pending[int(seq)] = (code, exp.add(code, edit_text(run, int(seq), int(size))))
        elif kind == "A":
            seq, at = rest.split(" ")
            code, index = pending.pop(int(seq))
            exp.ack(code, index, float(at))
            exp.tokens.append((token(run, int(seq)), float(at)))
        elif kind == "S":
            code, target = rest.split("\t")
            pending["window"] = (code, [exp.add(code, target[:k]) for k in range(len(target) + 1)])
        elif kind == "K":
            code, info = rest.split("\t")
            k, at = info.split(" ")
            exp.ack(code, pending["window"][1][int(k)], float(at))


def run_child_mode(mode: str, path: Path, exp: Expected, run: int, rnd: random.Random, env: dict,
                   figures: Figures) -> float:
    """One kill of a core or window child; returns the moment of the kill."""
    early = rnd.random() < 0.2
    argv = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path), str(run), str(rnd.random())]
    child = Child(argv, env)
    if not early and not child.first_ack.wait(timeout=30):
        child.kill()
        raise RuntimeError(f"{mode} child made no edit in 30 s: {child.stderr[-2000:]}")
    time.sleep(_kill_delay(rnd, early))
    if child.proc.poll() is not None:
        raise RuntimeError(f"{mode} child stopped by itself: {child.stderr[-2000:]}")
    at = child.kill()
    figures.early_kills += early
    _parse(child.lines, exp, run, {})
    figures.acknowledged += sum(1 for line in child.lines if line[:1] in "AK")
    figures.recoveries_announced += any(line.startswith("R ") for line in child.lines)
    return at


def run_cli_mode(path: Path, exp: Expected, run: int, rnd: random.Random, env: dict, figures: Figures,
                 codes: list[str]) -> float:
    """`copdesk answer` again and again; one of them is killed."""
    early = rnd.random() < 0.2
    kill_at = time.monotonic() + _kill_delay(rnd, True) if early else None
    seq = 0
    while True:
        seq += 1
        code = rnd.choice(codes)
        text = edit_text(run, seq, rnd.randint(20, 3_000))
        index = exp.add(code, text)
        proc = subprocess.Popen([sys.executable, "-m", "copdesk", "answer", str(path), code, "--text", text],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        while proc.poll() is None and (kill_at is None or time.monotonic() < kill_at):
            time.sleep(0.002)
        if proc.poll() is None:
            at = time.monotonic()
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            figures.early_kills += early
            return at
        done = time.monotonic()
        if proc.returncode != 0:
            raise RuntimeError(f"copdesk answer failed: {proc.stderr.read().decode()[-2000:]}")
        exp.ack(code, index, done)
        exp.tokens.append((token(run, seq), done))
        figures.acknowledged += 1
        if kill_at is None:
            kill_at = done + _kill_delay(rnd, False)


def check(path: Path, exp: Expected, killed_at: float, figures: Figures) -> None:
    """After a kill: integrity, and every edit acknowledged more than GRACE_S before it is in the file."""
    conn = sqlite3.connect(path)  # read-write: the journal is recovered as the next copdesk would
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        values = dict(conn.execute("SELECT code, text FROM answers").fetchall())
        logged = {r[0] for r in conn.execute("SELECT DISTINCT substr(new, 1, 12) FROM history WHERE new LIKE 'r%'")}
    finally:
        conn.close()
    figures.integrity_failures += not ok
    cutoff = killed_at - GRACE_S
    for code in exp.states:
        if any(at is not None and 0 < at < cutoff for _, at in exp.states[code]):
            figures.checked += 1
            if values.get(code, "") not in exp.allowed(code, cutoff):
                figures.lost += 1
                age = killed_at - max(at for _, at in exp.states[code] if at is not None and at < cutoff)
                figures.errors.append(f"{path.name}: {code} holds {values.get(code, '')[:40]!r}; an edit "
                                      f"acknowledged {age:.2f} s before the kill is missing")
    for tok, at in exp.tokens:
        if at < cutoff and tok[:12] not in logged:
            figures.lost += 1
            figures.errors.append(f"{path.name}: edit {tok} acknowledged but not in history")
    exp.settle(values)


def check_backups(data_dir: Path, figures: Figures) -> None:
    for backup in sorted((data_dir / "backups").glob("*/*.copdesk")):
        conn = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            figures.backups_checked += 1
            figures.bad_backups += conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        finally:
            conn.close()


def new_report(path: Path) -> None:
    from copdesk.core.template.forms import load_template
    from copdesk.core.report.open_file import Report
    t = load_template()
    Report.create(path, t, signatory="Crash Run", kind="platform", title="Crash run",
                  subscriptions=[m.code for m in t.measures()], who="crash-run").close()


def crash_run(kills: dict[str, int], seed: int = 1, folder: Path | None = None,
              big_edit: int = 100_000) -> dict[str, Figures]:
    """Run `kills[mode]` kills per mode; the figures per mode. `big_edit`: the size of the largest edits
    the core child writes (the long run's core file grows to gigabytes with the default)."""
    folder = Path(folder or tempfile.mkdtemp(prefix="copdesk-crash-"))
    rnd = random.Random(seed)
    out = {}
    for mode, n in kills.items():
        if not n:
            continue
        path, data_dir = folder / f"{mode}.copdesk", folder / f"data-{mode}"
        new_report(path)
        env, exp, figures, codes = _env(data_dir), Expected(), Figures(), text_codes(path)
        env["CRASH_RUN_BIG_EDIT"] = str(big_edit)
        for run in range(1, n + 1):
            if mode == "cli":
                at = run_cli_mode(path, exp, run, rnd, env, figures, codes)
            else:
                at = run_child_mode(mode, path, exp, run, rnd, env, figures)
            figures.kills += 1
            check(path, exp, at, figures)
        check_backups(data_dir, figures)
        out[mode] = figures
    return out


def print_figures(results: dict[str, Figures], seconds: float) -> None:
    cols = ("kills", "early_kills", "acknowledged", "checked", "lost", "integrity_failures",
            "recoveries_announced", "backups_checked", "bad_backups")
    print("| mode | " + " | ".join(c.replace("_", " ") for c in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for mode, f in results.items():
        print(f"| {mode} | " + " | ".join(str(getattr(f, c)) for c in cols) + " |")
    total = {c: sum(getattr(f, c) for f in results.values()) for c in cols}
    print("| all | " + " | ".join(str(total[c]) for c in cols) + " |")
    print(f"\n{total['kills']} kills in {seconds:.0f} s: {total['lost']} lost acknowledged edits, "
          f"{total['integrity_failures']} integrity failures, {total['bad_backups']} bad backups.")
    for f in results.values():
        for e in f.errors[:20]:
            print("  " + e)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--kills", type=int, default=200)
    p.add_argument("--seed", type=int, default=20261129)
    p.add_argument("--modes", default=",".join(MODES))
    p.add_argument("--json", type=Path, help="also write the figures as JSON")
    p.add_argument("--child", nargs=4, metavar=("MODE", "FILE", "RUN", "SEED"), help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        mode, file, run, seed = a.child
        (child_core if mode == "core" else child_window)(Path(file), int(run), seed)
        return 0
    modes = a.modes.split(",")
    kills = {m: a.kills // len(modes) + (i < a.kills % len(modes)) for i, m in enumerate(modes)}
    start = time.monotonic()
    results = crash_run(kills, a.seed)
    print_figures(results, time.monotonic() - start)
    if a.json:
        a.json.write_text(json.dumps({m: vars(f) for m, f in results.items()}, indent=1))
    bad = sum(f.lost + f.integrity_failures + f.bad_backups for f in results.values())
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
