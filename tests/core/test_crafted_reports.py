"""Crafted reports are refused when opened, and what happened is said in words (issue 13, points 5 and 8).

A .copdesk file is SQLite anyone can edit. The opening check (core.report.check) refuses views or triggers
in place of copdesk's tables, tables defined otherwise, cells at impossible positions, values of the wrong
kind and a meta table that does not name a report, before any query of those tables; every command then
ends within seconds with a message (exit 2, no traceback) and the file is left byte for byte as it was.
A sound report on a full disk, or one another program holds, is not called damaged, and a file of a newer
copdesk (by its user_version) is never rewritten.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copdesk.core.report import store
from copdesk.core.errors import DamagedFileError, NewerSchemaError, UnavailableError
from copdesk.core.report.migrations import SCHEMA_VERSION
from copdesk.core.report.open_file import Report

RECURSIVE = ("CREATE VIEW {t} AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
             "SELECT {cols} FROM r")
CRAFTS = {
    "answers is a recursive view": ["DROP TABLE answers", RECURSIVE.format(
        t="answers", cols="'QRE 12.1.1' || n, 'x', 'markdown', '', '', ''")],
    "cells is a recursive view": ["DROP TABLE cells", RECURSIVE.format(t="cells", cols="'SLI 1.1.1', n, 0, 'x'")],
    "meta is a view": ["ALTER TABLE meta RENAME TO meta2", "CREATE VIEW meta AS SELECT * FROM meta2"],
    "migrations are a recursive view": ["DROP TABLE _sqlite_migrations", RECURSIVE.format(
        t="_sqlite_migrations", cols="'copdesk', 'm001_initial', 'x'")],
    "a trigger": ["CREATE TRIGGER spy AFTER INSERT ON history BEGIN DELETE FROM answers; END"],
    "answers redefined": ["DROP TABLE answers", "CREATE TABLE answers (code, text, format, status, updated_at, "
                          "updated_by)"],
    "a cell at row 2,000,000,000": ["INSERT INTO cells VALUES ('SLI 1.1.1', 2000000000, 0, 'x')"],
    "a negative cell position": ["INSERT INTO cells VALUES ('SLI 1.1.1', -5, 0, 'x')"],
    "a cell position as text": ["INSERT INTO cells VALUES ('SLI 1.1.1', 'two', 0, 'x')"],
    "tables too large together": [f"INSERT INTO cells VALUES ('SLI 1.1.{k}', 99999, 999, 'x')" for k in range(3)],
    "binary answer text": ["UPDATE answers SET text = x'00ff00ff' WHERE code = 'header.title'"],
    "a fraction as cell position": ["INSERT INTO cells VALUES ('SLI 1.1.1', 1.5, 0, 'x')"],
    "text that is not UTF-8": ["UPDATE answers SET text = CAST(x'61ff62' AS TEXT) WHERE code = 'header.title'"],
    "an empty meta": ["DELETE FROM meta"],
    "a meta without its format": ["DELETE FROM meta WHERE key = 'format'"],
}
COMMANDS = [["validate", "{f}"], ["answer", "{f}", "QRE 12.1.1", "--text", "x"], ["export", "{f}", "-o", "{d}/o.json"],
            ["export", "{f}", "-o", "{d}/o.docx"], ["export", "{f}", "--format", "tc-json", "-o", "{d}/t.json"],
            ["export", "{f}", "--format", "csv", "-o", "{d}/csv"], ["diff", "{f}", "{f}"],
            ["diff", "{f}", "--baseline"],
            ["carry", "{f}", "-o", "{d}/c.copdesk", "--title", "T"], ["merge", "{f}", "{f}", "-o", "{d}/m.copdesk"],
            ["backups", "{f}"]]
RUN_ALL = ("import contextlib, io, json, sys, time\n"
           "from copdesk.cli import main\n"
           "out = []\n"
           "for args in json.loads(sys.argv[1]):\n"
           "    err, started = io.StringIO(), time.monotonic()\n"
           "    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):\n"
           "        code = main(args)\n"
           "    out.append([args[0], code, err.getvalue(), time.monotonic() - started])\n"
           "print(json.dumps(out))\n")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _craft(new_report, sql: list[str]) -> Path:
    r = new_report(measures=("1.1", "12.1"))
    r.set_table("SLI 1.1.1", [["Member State", "n"], ["Austria", "1"]])
    r.close()
    conn = sqlite3.connect(r.path)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return r.path


@pytest.mark.parametrize("craft", sorted(CRAFTS))
def test_every_command_on_a_crafted_report_ends_quickly_with_a_message(new_report, tmp_path, craft):
    path = _craft(new_report, CRAFTS[craft])
    before = _digest(path)
    out = tmp_path / "out"
    out.mkdir()
    commands = [[a.format(f=path, d=out) for a in args] for args in COMMANDS]
    done = subprocess.run([sys.executable, "-c", RUN_ALL, json.dumps(commands)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    for command, code, err, seconds in json.loads(done.stdout):
        if command == "backups":  # lists backups without opening the report: works on any file
            assert code == 0, err
            continue
        assert code == 2, (command, err)
        assert err.startswith("copdesk: ") and "Traceback" not in err and "unexpected error" not in err, (command, err)
        assert seconds < 10, (command, seconds)
    assert _digest(path) == before
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("craft", ["answers is a recursive view", "a trigger", "a cell at row 2,000,000,000",
                                   "binary answer text", "an empty meta", "answers redefined"])
def test_the_opening_check_names_what_is_wrong(new_report, craft):
    path = _craft(new_report, CRAFTS[craft])
    started = time.monotonic()
    with pytest.raises(DamagedFileError) as err:
        store.probe(path)
    assert time.monotonic() - started < 2
    expected = {"answers is a recursive view": "'answers' is a view", "a trigger": "triggers (spy)",
                "a cell at row 2,000,000,000": "row 2000000000", "binary answer text": "binary data in 'text'",
                "an empty meta": "meta table is empty", "answers redefined": "'answers' is not defined as copdesk"}
    assert expected[craft] in err.value.message


def test_every_past_schema_and_a_platform_report_pass_the_check(tmp_path):
    for fixture in sorted((Path(__file__).parents[1] / "fixtures").glob("schema-v*.copdesk")):
        copy = tmp_path / fixture.name
        copy.write_bytes(fixture.read_bytes())
        assert store.probe(copy)["format"] == store.FILE_FORMAT


def test_a_newer_user_version_is_refused_and_never_rewritten(new_report):
    path = _craft(new_report, ["PRAGMA user_version = 99"])
    before = _digest(path)
    with pytest.raises(NewerSchemaError):
        Report.open(path)
    assert _digest(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (99,)
    conn.close()


def test_migrating_never_lowers_the_user_version(tmp_path):
    """A file of an older schema whose user_version a newer tool raised keeps it after migrating."""
    path = tmp_path / "v1.copdesk"
    path.write_bytes((Path(__file__).parents[1] / "fixtures" / "schema-v1.copdesk").read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # as high as this copdesk's, but the steps say 1
    conn.commit()
    conn.close()
    with Report.open(path):
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()


HOLD = ("import sqlite3, sys, time\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA locking_mode=EXCLUSIVE')\n"
        "conn.execute('BEGIN EXCLUSIVE')\n"
        "conn.execute('INSERT INTO meta VALUES (\"held\", \"yes\")')\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n")


def test_a_report_another_program_holds_is_not_called_damaged(new_report):
    r = new_report()
    r.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(r.path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = subprocess.run([sys.executable, "-m", "copdesk", "validate", str(r.path)], capture_output=True,
                              text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert "another program holds the file" in done.stderr and "damaged" not in done.stderr, done.stderr
    assert "backup" not in done.stderr


def test_a_sound_report_on_a_full_disk_is_not_called_damaged(new_report):
    """No file may grow (RLIMIT_FSIZE 0, as on a full disk): reading needs its journal, which cannot be made."""
    r = new_report()
    r.close()
    code = ("import resource, signal, sys\n"
            "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))\n"
            "from copdesk.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", code, "validate", str(r.path)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert "cannot be read now: the disk" in done.stderr and "damaged" not in done.stderr, done.stderr
    with Report.open(r.path, readonly=True) as back:
        assert back.text("header.title")


@pytest.mark.parametrize("message,words", [("database or disk is full", "the disk is full"),
                                           ("database is locked", "another program holds the file"),
                                           ("disk I/O error", "the disk reported an error")])
def test_what_sqlite_says_is_said_in_words(tmp_path, message, words):
    err = store.unreadable(sqlite3.OperationalError(message), tmp_path / "r.copdesk")
    assert isinstance(err, UnavailableError) and words in err.message and "not changed" in err.hint


def test_what_is_broken_is_still_called_damaged(tmp_path):
    for exc in (sqlite3.DatabaseError("file is not a database"),
                sqlite3.DatabaseError("database disk image is malformed"),
                sqlite3.OperationalError("Could not decode to UTF-8 column 'text' with text 'disk is full'")):
        assert isinstance(store.unreadable(exc, tmp_path / "r.copdesk"), DamagedFileError)


def test_a_cell_that_is_not_utf8_is_reported_as_damage_when_read(new_report, tmp_path):
    path = _craft(new_report, ["UPDATE cells SET value = CAST(x'61ff62' AS TEXT) WHERE row = 1 AND col = 1"])
    done = subprocess.run([sys.executable, "-m", "copdesk", "export", str(path), "-o", str(tmp_path / "o.docx")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "damaged" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert not (tmp_path / "o.docx").exists()
