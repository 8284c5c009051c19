"""Faults while writing: disk full, read-only, permission denied, deleted or moved while open; damaged and
foreign files with backups offered. Each checks the message and that nothing already saved was lost.

The file size limit (RLIMIT_FSIZE) stands in for a full disk: writes past it fail with EFBIG, as they fail
with ENOSPC on a full one, through the same SQLite error path. Tests run as root in CI, where chmod stops
nobody: permission cases run the CLI as the unprivileged user 'nobody' then.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from copdesk.core.report import backups, rescue
from copdesk.core.safety import faults
from copdesk.core.report.open_file import Report

NOBODY = 65534


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


DROP = ("import os, sys\n"
        "import copdesk.cli, copdesk.core.report.open_file, copdesk.core.report.store, copdesk.core.safety.faults\n"
        "import copdesk.core.rules.tables\n"
        "import copdesk.core.text, copdesk.core.rules.validate, importlib.metadata, sqlite_utils\n"
        "sqlite_utils.Database(memory=True)['t'].insert({'a': 1})  # loads its plugins now\n"
        "from copdesk.core.template.forms import load_template\n"
        "load_template()  # read while still allowed to; then become nobody\n"
        "if os.geteuid() == 0:\n"
        f"    os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})\n"
        "sys.exit(copdesk.cli.main(sys.argv[1:]))\n")


def _cli(args: list[str], unprivileged: bool = False, limit: int | None = None) -> subprocess.CompletedProcess:
    """`copdesk ARGS` in a child: as 'nobody' when we are root (chmod stops nobody else), or under a file
    size limit if given. Python and copdesk are loaded before dropping privileges (the interpreter lives
    in root's home here)."""

    def pre() -> None:
        if limit is not None:
            import resource
            import signal
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    argv = [sys.executable, "-c", DROP, *args] if unprivileged else [sys.executable, "-m", "copdesk", *args]
    env = dict(os.environ)
    if unprivileged:  # the test's own data folder is private to root
        import tempfile
        env["COPDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="copdesk-nobody-")
        os.chmod(env["COPDESK_DATA_DIR"], 0o777)
    return subprocess.run(argv, capture_output=True, text=True, preexec_fn=pre, timeout=60, env=env)


@pytest.fixture
def shared_dir(tmp_path):
    """A folder the unprivileged user can reach (pytest's own is private to root)."""
    import tempfile
    folder = Path(tempfile.mkdtemp(prefix="copdesk-faults-"))
    folder.chmod(0o777)
    yield folder
    import shutil
    shutil.rmtree(folder, ignore_errors=True)


def _report(folder: Path, template) -> Path:
    path = folder / "r.copdesk"
    with Report.create(path, template, signatory="Org", kind="other", title="T", subscriptions=["12.1"]) as r:
        r.set_text("QRE 12.1.1", "saved before the fault")
        r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def test_disk_full_cli_says_so_and_keeps_the_file(shared_dir, template):
    path = _report(shared_dir, template)
    size = path.stat().st_size
    big = shared_dir / "big.md"
    big.write_text("y" * 3_000_000)
    out = _cli(["answer", str(path), "QRE 12.1.1", "--file", str(big)], limit=size + 50_000)
    assert out.returncode == 2, out.stderr
    assert "cannot be written" in out.stderr and "Traceback" not in out.stderr
    with Report.open(path) as r:
        assert r.text("QRE 12.1.1") == "saved before the fault"
        assert r.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _cli(["answer", str(path), "QRE 12.1.1", "--text", "after"]).returncode == 0  # room again


def test_disk_full_in_the_core_rolls_back_and_the_next_write_succeeds(shared_dir, template):
    path = _report(shared_dir, template)
    code = (
        "import resource, signal, sys, sqlite3\n"
        "from copdesk.core.report.open_file import Report\n"
        "from copdesk.core.safety.faults import write_error\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "r = Report.open(sys.argv[1])\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, hard))\n"
        "try:\n"
        "    r.set_text('QRE 12.1.1', 'z' * 2_000_000)\n"
        "except sqlite3.Error as exc:\n"
        "    print(write_error(exc, r.path).message)\n"
        "print(r.text('QRE 12.1.1'))\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))\n"
        "r.set_text('QRE 12.1.1', 'written once there was room')\n"
        "print(r.conn.execute('PRAGMA integrity_check').fetchone()[0])\n")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    lines = out.stdout.splitlines()
    assert lines[:3] == ["r.copdesk cannot be written: the disk reported an error (it may be full, removed or failing).",
                         "saved before the fault", "ok"], out.stderr
    with Report.open(path, readonly=True) as r:
        assert r.text("QRE 12.1.1") == "written once there was room"


def test_read_only_file_is_refused_with_a_message_and_not_changed(shared_dir, template):
    path = _report(shared_dir, template)
    path.chmod(0o444)
    before = _digest(path)
    out = _cli(["answer", str(path), "QRE 12.1.1", "--text", "new"], unprivileged=True)
    assert out.returncode == 2
    assert "read-only" in out.stderr and "writable" in out.stderr and "Traceback" not in out.stderr
    assert _digest(path) == before
    out = _cli(["validate", str(path)], unprivileged=True)  # reading still works
    assert out.returncode in (0, 1), out.stderr


def test_permission_denied_is_a_message(shared_dir, template):
    path = _report(shared_dir, template)
    path.chmod(0o000)
    before = _digest(path)
    out = _cli(["answer", str(path), "QRE 12.1.1", "--text", "new"], unprivileged=True)
    assert out.returncode == 2 and "cannot be opened" in out.stderr and "Traceback" not in out.stderr
    assert _digest(path) == before


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_file_deleted_or_moved_while_open_is_written_again(new_report, tmp_path, how):
    r = new_report()
    r.set_text("QRE 12.1.1", "typed before")
    opened = faults.identity(r.path)
    if how == "deleted":
        r.path.unlink()
    else:
        r.path.rename(tmp_path / "elsewhere.copdesk")
    assert faults.where_is(r.path, opened) == "gone"
    r.set_text("Measure 12.1", "typed while it was gone")  # lands in the vanished file...
    conn, where = rescue.rewrite(r.conn, r.path)  # ...which is written again at its path
    assert where == r.path
    r.conn = conn
    r.set_text("QRE 13.1.1", "typed after")
    r.close()
    with Report.open(r.path, readonly=True) as back:
        assert back.text("QRE 12.1.1") == "typed before"
        assert back.text("Measure 12.1") == "typed while it was gone"
        assert back.text("QRE 13.1.1") == "typed after"
        assert back.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_put_in_its_place_is_never_overwritten(new_report):
    r = new_report()
    r.set_text("QRE 12.1.1", "mine")
    opened = faults.identity(r.path)
    r.path.unlink()
    r.path.write_text("someone else's file")
    assert faults.where_is(r.path, opened) == "replaced"
    conn, where = rescue.rewrite(r.conn, r.path)
    conn.close()
    assert r.path.read_text() == "someone else's file"
    assert where.name == "r (rescued).copdesk"
    with Report.open(where, readonly=True) as back:
        assert back.text("QRE 12.1.1") == "mine"


@pytest.mark.parametrize("damage", ["truncated", "random", "foreign", "newer"])
def test_damaged_and_foreign_files_are_untouched_and_backups_offered(new_report, damage):
    r = new_report()
    r.set_text("QRE 12.1.1", "precious")
    backups.make_backup(r.path, r.meta["report_id"])
    r.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    r.close()
    if damage == "truncated":
        r.path.write_bytes(r.path.read_bytes()[:3000])
    elif damage == "random":
        r.path.write_bytes(os.urandom(40_000))
    elif damage == "foreign":
        r.path.unlink()
        conn = sqlite3.connect(r.path)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    else:
        conn = sqlite3.connect(r.path)
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('copdesk', 'm999_future', 'x')")
        conn.commit()
        conn.close()
    before = _digest(r.path)
    out = _cli(["answer", str(r.path), "QRE 12.1.1", "--text", "x"])
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert {"truncated": "damaged", "random": "not a copdesk report", "foreign": "not a copdesk report",
            "newer": "newer copdesk"}[damage] in out.stderr
    assert _digest(r.path) == before
    listed = _cli(["backups", str(r.path)])
    assert listed.returncode == 0 and listed.stdout.startswith("1  ")
    restored = r.path.with_name("restored.copdesk")
    assert _cli(["backups", str(r.path), "--restore", "1", "-o", str(restored)]).returncode == 0
    with Report.open(restored, readonly=True) as back:
        assert back.text("QRE 12.1.1") == "precious"
    assert _digest(r.path) == before
