"""The one atomic file write: whatever copdesk puts on disk is whole, or it is not there at all.

Every file copdesk writes outside an open report's own transactions goes through here:

- `write_file(out, data)`: a document (Word, PDF, JSON, an index) that may replace an older one. The old
  file's permissions are kept; a copdesk report is never replaced (core.safety.outputs).
- `new_file(out)`: a file that something else builds (SQLite makes a report there: `new`, import, carry,
  merge, a backup, its restore, a copy). The block gets a path inside a fresh private folder; when it ends
  without error the file is put at `out`, which must not exist: a file that appeared there meanwhile is
  never replaced.
- `new_folder(out, may_replace)`: a folder of files (the CSV export), put in place or swapped with the old
  folder whole.

How: the temporary file is created exclusively (mkstemp) or inside a fresh private folder (mkdtemp, 0700),
so a link planted at a predictable name is never followed; its data is synced (fsync), it is renamed into
place, and the folder is synced so the rename survives a power cut. On every failure, an interrupt
included, the temporary file or folder is removed and the message says what happened in words ("the disk
is full"). A kill in the middle can leave a hidden `.NAME.xxxx.part` file or `.NAME.xxxx.tmp` folder beside
the target, never a half-written target. tests/core/test_atomic.py has a test per failure mode, and
tests/test_architecture.py keeps renames and temporary names in this module.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from copdesk.core.errors import StoreError
from copdesk.core.safety.outputs import OutputError, is_report

CHUNK = 1 << 20  # bytes per os.write


def _reason(exc: BaseException) -> str:
    from copdesk.core.safety.faults import what_happened
    known = what_happened(exc)
    return known[0] if known else (getattr(exc, "strerror", None) or str(exc))


def _failed(out: Path, exc: BaseException, replaced: bool) -> StoreError:
    if isinstance(exc, StoreError):
        return exc
    nothing = "The old file was not changed." if replaced else "Nothing was written."
    if isinstance(exc, PermissionError):
        return StoreError(f"Cannot write {out}: {_reason(exc)}, or the file is open in another program.",
                          f"Close it there, or write under another name. {nothing}")
    return StoreError(f"Cannot write {out}: {_reason(exc)}.", f"Write under another name or free some space. {nothing}")


def _temp_name(out: Path) -> str:
    return f".{out.name[:80]}."  # a long name plus the random part must stay under the name limit (255)


def _umask() -> int:
    """This process's umask, read (on Linux) without changing it: os.umask would, for every thread."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return 0o022


def default_mode(folder: bool = False) -> int:
    """The permissions a new file (or folder) gets from the umask: mkstemp's 0600 and mkdtemp's 0700 would
    hide an export from everyone else."""
    return (0o777 if folder else 0o666) & ~_umask()


def _mode_for(out: Path) -> int:
    try:
        return out.stat().st_mode & 0o7777
    except OSError:
        return default_mode()


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a power cut right after could otherwise undo it); not on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:CHUNK])
        view = view[written:]


def write_file(out: Path | str, data: str | bytes) -> None:
    """Write `out` whole through an exclusively created temporary file renamed into place: the old file
    survives any failure, and keeps its permissions."""
    out = Path(out)
    blob = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    existed = out.exists()
    try:
        fd, name = tempfile.mkstemp(prefix=_temp_name(out), suffix=".part", dir=out.parent)
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {_reason(exc)}.",
                         "Check that the folder exists and that you may write there.") from None
    tmp = Path(name)
    try:
        try:
            _write_all(fd, blob)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, _mode_for(out))
        if is_report(out):  # the last look before the rename (core.safety.outputs refused it before any work)
            raise OutputError(f"Cannot write {out}: it is a copdesk report; copdesk never writes over a report.",
                              "Nothing was written. Give another output name.")
        os.replace(tmp, out)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _failed(out, exc, existed) from None
        raise
    sync_folder(out.parent)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class ExistsError(StoreError):
    """A new file's place is taken (by a file, a folder or a link); nothing was replaced."""


def _exists_error(out: Path) -> StoreError:
    return ExistsError(f"{out} exists already.", "Choose another name, or delete the old file first. "
                      "Nothing was written.")


def place_new(tmp: Path, out: Path) -> None:
    """Put the finished file `tmp` (in a private folder beside `out`) at `out`, synced, only if nothing is
    there: a hard link fails when `out` exists (a dangling link included), where a rename would replace it.
    File systems without hard links get a look, then a rename."""
    try:
        _sync_file(tmp)
        _link_or_rename(tmp, out)
    except OSError as exc:
        raise _failed(out, exc, False) from None
    sync_folder(out.parent)


def _link_or_rename(tmp: Path, out: Path) -> None:
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise _exists_error(out) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK,
                             errno.ENOSYS, errno.EACCES, errno.EINVAL):
            raise
        if os.path.lexists(out):
            raise _exists_error(out) from None
        os.replace(tmp, out)
        return
    tmp.unlink()


@contextmanager
def private_folder(beside: Path) -> Iterator[Path]:
    """A fresh folder only this user may enter, beside `beside` (same disk, so renames out of it are
    atomic); removed with everything in it when the block ends."""
    beside = Path(beside)
    try:
        folder = Path(tempfile.mkdtemp(prefix=_temp_name(beside), suffix=".tmp", dir=beside.parent))
    except OSError as exc:
        raise StoreError(f"Cannot write {beside}: {_reason(exc)}.",
                         "Check that the folder exists and that you may write there.") from None
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def new_file(out: Path | str) -> Iterator[Path]:
    """Build a new file at the yielded path (in a private folder); it is synced and put at `out` when the
    block ends without error. `out` must not exist then; on any failure nothing is left behind."""
    out = Path(out)
    if os.path.lexists(out):
        raise _exists_error(out)
    with private_folder(out) as folder:
        tmp = folder / out.name[:200]
        try:
            yield tmp
        except OSError as exc:
            raise _failed(out, exc, False) from None
        place_new(tmp, out)


def remove_strays(folder: Path, older_than_s: float = 600) -> None:
    """Remove temporary files and folders a killed copdesk left in `folder`, once they are older than
    `older_than_s` (another copdesk may be writing a younger one right now). Only for copdesk's own
    folders, such as the backups."""
    import time
    for stray in [*Path(folder).glob(".*.part"), *Path(folder).glob(".*.tmp")]:
        try:
            if time.time() - stray.lstat().st_mtime < older_than_s:
                continue
        except OSError:
            continue
        if stray.is_dir() and not stray.is_symlink():
            shutil.rmtree(stray, ignore_errors=True)
        else:
            stray.unlink(missing_ok=True)


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet (O_EXCL), synced: for files inside a private folder."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def new_folder(out: Path | str, may_replace: Callable[[Path], None]) -> Iterator[Path]:
    """Build a folder of files at the yielded path; when the block ends without error it becomes `out`,
    whole: put in place, or swapped with the old folder, which is then removed. `may_replace(old)` raises
    when the old folder holds anything that must not be removed. On failure the old folder is untouched."""
    out = Path(out)
    if out.is_symlink() and out.is_dir():
        out = out.resolve()  # the folder the link leads to is the one replaced, the link stays
    if out.exists():
        may_replace(out)
    with private_folder(out) as work:
        new = work / "new"
        try:
            new.mkdir()
            yield new
            os.chmod(new, out.stat().st_mode & 0o7777 if out.is_dir() else default_mode(folder=True))
            sync_folder(new)
            if out.is_dir():
                may_replace(out)  # once more, right before the swap
                _swap(new, out, work / "old")
            else:
                os.rename(new, out)
        except OSError as exc:
            raise _failed(out, exc, out.exists()) from None
    sync_folder(out.parent)


def _swap(new: Path, out: Path, aside: Path) -> None:
    """`new` becomes `out`; the old `out` ends at `aside` (inside the private folder, removed with it).
    One atomic exchange where the system has it (Linux renameat2), else two renames with the first undone
    if the second fails."""
    if _exchange(new, out):
        return  # `new` now names the old folder, removed with the private folder
    os.rename(out, aside)
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(aside, out)
        raise


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return False
    import ctypes
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0
