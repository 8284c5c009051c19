"""The one atomic file write (core.safety.atomic): a test per failure mode. Whatever fails, the target is the old
file or absent, never a half file, and no temporary file or folder is left beside it.

Faults are injected where the operating system would report them: os.write (a full disk), os.fsync (an
I/O error), os.replace and os.link (a rename refused), a planted link at the names a careless writer
would use, and KeyboardInterrupt in the middle of a write.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from copdesk.core.safety import atomic
from copdesk.core.errors import StoreError
from copdesk.core.safety.outputs import OutputError


def _beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _fail(exc: BaseException, after: int = 0):
    """A stand-in for an os function that works `after` times, then raises `exc`."""
    calls = {"n": 0}

    def wrap(real):
        def fn(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] > after:
                raise exc
            return real(*args, **kwargs)
        return fn
    return wrap


@pytest.fixture
def old(tmp_path) -> Path:
    path = tmp_path / "report.docx"
    path.write_bytes(b"the previous document")
    path.chmod(0o640)
    return path


def test_a_new_file_is_written_whole_and_readable_by_others(tmp_path):
    out = tmp_path / "new.json"
    atomic.write_file(out, "{}")
    assert out.read_text() == "{}"
    assert stat.S_IMODE(out.stat().st_mode) == atomic.default_mode()
    assert _beside(tmp_path) == ["new.json"]


def test_replacing_keeps_the_old_files_permissions(old):
    atomic.write_file(old, b"new")
    assert old.read_bytes() == b"new" and stat.S_IMODE(old.stat().st_mode) == 0o640


@pytest.mark.parametrize("code,words", [(errno.ENOSPC, "the disk is full"), (errno.EIO, "the disk reported an error")])
def test_a_write_that_fails_midway_leaves_the_old_file_and_no_temporary(old, monkeypatch, code, words):
    monkeypatch.setattr(os, "write", _fail(OSError(code, os.strerror(code)), after=1)(os.write))
    with pytest.raises(StoreError) as err:
        atomic.write_file(old, b"x" * (3 * atomic.CHUNK))
    assert words in err.value.message and "The old file was not changed" in err.value.hint
    assert old.read_bytes() == b"the previous document"
    assert _beside(old.parent) == ["report.docx"]


def test_a_failed_sync_leaves_the_old_file(old, monkeypatch):
    monkeypatch.setattr(os, "fsync", _fail(OSError(errno.EIO, "Input/output error"))(os.fsync))
    with pytest.raises(StoreError):
        atomic.write_file(old, b"new")
    assert old.read_bytes() == b"the previous document" and _beside(old.parent) == ["report.docx"]


def test_a_refused_rename_leaves_the_old_file(old, monkeypatch):
    monkeypatch.setattr(os, "replace", _fail(PermissionError(errno.EACCES, "Permission denied"))(os.replace))
    with pytest.raises(StoreError) as err:
        atomic.write_file(old, b"new")
    assert "open in another program" in err.value.message
    assert old.read_bytes() == b"the previous document" and _beside(old.parent) == ["report.docx"]


def test_an_interrupt_in_the_middle_removes_the_temporary(old, monkeypatch):
    monkeypatch.setattr(os, "write", _fail(KeyboardInterrupt(), after=1)(os.write))
    with pytest.raises(KeyboardInterrupt):
        atomic.write_file(old, b"x" * (3 * atomic.CHUNK))
    assert old.read_bytes() == b"the previous document" and _beside(old.parent) == ["report.docx"]


def test_a_missing_folder_is_a_message(tmp_path):
    with pytest.raises(StoreError) as err:
        atomic.write_file(tmp_path / "gone" / "x.json", "{}")
    assert "folder" in err.value.hint


def test_a_very_long_name_still_gets_a_temporary_file(tmp_path):
    out = tmp_path / ("n" * 250 + ".json")
    atomic.write_file(out, "{}")
    assert out.read_text() == "{}"


def test_a_copdesk_report_is_never_replaced(new_report):
    r = new_report()
    r.close()
    before = r.path.read_bytes()
    with pytest.raises(OutputError):
        atomic.write_file(r.path, b"not a report")
    assert r.path.read_bytes() == before and _beside(r.path.parent) == [r.path.name]


def test_a_planted_link_at_the_temporary_name_is_not_followed(tmp_path):
    """The names a careless writer would use (.NAME.part, .NAME.tmp) lead to a victim; nothing reaches it."""
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "restored.copdesk"
    for name in (f".{out.name}.part", f".{out.name}.tmp", f".{out.name}.carry", f".{out.name}.rescue"):
        (tmp_path / name).symlink_to(victim)
    with atomic.new_file(out) as tmp:
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    assert victim.read_text() == "precious"
    assert sqlite3.connect(out).execute("SELECT COUNT(*) FROM t").fetchone() == (0,)


def test_a_new_file_never_replaces_what_appeared_meanwhile(tmp_path):
    out = tmp_path / "new.copdesk"
    with pytest.raises(StoreError) as err:
        with atomic.new_file(out) as tmp:
            tmp.write_bytes(b"mine")
            out.write_bytes(b"someone else's")  # appears while we build
    assert "exists already" in err.value.message
    assert out.read_bytes() == b"someone else's" and _beside(tmp_path) == ["new.copdesk"]


def test_a_dangling_link_at_the_target_is_not_followed(tmp_path):
    out = tmp_path / "new.copdesk"
    out.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(StoreError):
        with atomic.new_file(out) as tmp:
            tmp.write_bytes(b"x")
    assert not (tmp_path / "elsewhere").exists()


def test_a_failure_while_building_leaves_nothing(tmp_path):
    out = tmp_path / "new.copdesk"
    with pytest.raises(RuntimeError):
        with atomic.new_file(out) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("disk gone")
    assert _beside(tmp_path) == []


def test_without_hard_links_a_new_file_is_placed_by_a_rename(tmp_path, monkeypatch):
    """FAT sticks and some network shares have no hard links: a look, then a rename."""
    monkeypatch.setattr(os, "link", _fail(OSError(errno.EPERM, "Operation not permitted"))(os.link))
    out = tmp_path / "new.copdesk"
    with atomic.new_file(out) as tmp:
        tmp.write_bytes(b"whole")
    assert out.read_bytes() == b"whole" and _beside(tmp_path) == ["new.copdesk"]


def _refuse_others(folder: Path) -> None:
    if any(p.suffix != ".csv" for p in folder.iterdir()):
        raise StoreError(f"{folder} holds other files")


def test_a_folder_is_swapped_in_whole(tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "old.csv").write_text("stale")
    with atomic.new_folder(out, _refuse_others) as new:
        atomic.write_new(new / "a.csv", b"1")
    assert _beside(out) == ["a.csv"] and _beside(tmp_path) == ["tables"]


def test_a_folder_that_fails_midway_stays_as_it_was(tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "a.csv").write_text("old a")
    (out / "b.csv").write_text("old b")
    with pytest.raises(StoreError) as err:
        with atomic.new_folder(out, _refuse_others) as new:
            atomic.write_new(new / "a.csv", b"new a")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert "the disk is full" in err.value.message
    assert (out / "a.csv").read_text() == "old a" and (out / "b.csv").read_text() == "old b"
    assert _beside(tmp_path) == ["tables"]


def test_a_folder_swap_without_the_exchange_call_undoes_a_failed_rename(tmp_path, monkeypatch):
    """Where renameat2 is missing, two renames: when the second fails, the first is undone."""
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    out = tmp_path / "tables"
    out.mkdir()
    (out / "a.csv").write_text("old a")
    real_rename, failed = os.rename, []

    def rename(src, dst):
        if Path(dst) == out and not failed:  # the new folder's move into place
            failed.append(src)
            raise OSError(errno.EIO, "Input/output error")
        return real_rename(src, dst)
    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(StoreError):
        with atomic.new_folder(out, _refuse_others) as new:
            atomic.write_new(new / "a.csv", b"new a")
    assert failed and (out / "a.csv").read_text() == "old a" and _beside(tmp_path) == ["tables"]


def test_a_folder_with_other_files_is_refused_before_any_work(tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(StoreError):
        with atomic.new_folder(out, _refuse_others):
            raise AssertionError("not reached")
    assert (out / "notes.txt").read_text() == "mine"


def test_strays_of_a_killed_copdesk_are_removed_from_its_own_folder(tmp_path):
    (tmp_path / ".x.copdesk.ab12.part").write_bytes(b"half")
    (tmp_path / ".x.copdesk.cd34.tmp").mkdir()
    (tmp_path / "keep.copdesk").write_bytes(b"whole")
    old = os.stat(tmp_path).st_mtime - 3600
    for name in (".x.copdesk.ab12.part", ".x.copdesk.cd34.tmp"):
        os.utime(tmp_path / name, (old, old))
    (tmp_path / ".y.copdesk.ef56.tmp").mkdir()  # another copdesk's, being written now
    atomic.remove_strays(tmp_path)
    assert _beside(tmp_path) == [".y.copdesk.ef56.tmp", "keep.copdesk"]
