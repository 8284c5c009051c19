"""Who has a report open: a small lock file beside it.

`.NAME.lock` beside `NAME` holds one line of JSON: process id, host, user, when the session started and
the process's start time. A window takes it when it opens a report and removes it when it closes, so:

- a second copdesk (another process, or another computer on a shared folder) learns that someone is
  drafting in the file, and offers read-only or a copy instead of two people typing over each other;
- a lock whose process is gone (same host, the process is not running, or the process id now belongs to
  another program) was left by a crash: it is cleared, and the caller learns that the previous session
  ended without closing (core.report.recovery says what the file holds).

A lock written on another computer cannot be checked from here and counts as held. SQLite's own locks
keep the file itself consistent whatever this lock says; this lock is about people and about noticing
crashes. Plain files and os calls only (no Qt), so the CLI and tests can read and write the same locks.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from copdesk.core.errors import StoreError
from copdesk.core.records import record


@record
class LockInfo:
    pid: int
    host: str
    user: str
    started: str  # ISO time in UTC, the same form as history.at
    proc_start: str = ""  # the process's start time from /proc (tells a reused process id apart)

    def describe(self) -> str:
        who = self.user or "someone"
        return f"{who} on {self.host} (process {self.pid}), since {local_time(self.started)}"


class LockedError(StoreError):
    """The report is open in another copdesk; `holder` says who has it."""

    def __init__(self, path: Path, holder: LockInfo):
        super().__init__(f"{path.name} is open in another copdesk: {holder.describe()}.",
                         "Open it read-only, or work on a copy, or close it there first.")
        self.path, self.holder = path, holder


def local_time(iso: str) -> str:
    """An ISO time as the user's local 'YYYY-MM-DD HH:MM:SS' (the text itself when it is not a time)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return str(iso)


def _host() -> str:
    """This computer's name, as socket.gethostname() gives it (os.uname is that call, without the socket module)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket
    return socket.gethostname()


def lock_path(report: Path) -> Path:
    return Path(report).with_name(f".{Path(report).name}.lock")


def _proc_start(pid: int) -> str:
    """Field 22 of /proc/PID/stat (start time in clock ticks); '' where there is no /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 and fields[0] != "Z" else ("zombie" if fields[:1] == ["Z"] else "")


def _me() -> LockInfo:
    from copdesk.core.model import default_user
    return LockInfo(os.getpid(), _host(), default_user(),
                    datetime.now(timezone.utc).isoformat(timespec="milliseconds"), _proc_start(os.getpid()))


def read(report: Path) -> LockInfo | None:
    """The lock beside `report`; None when there is none. An unreadable lock reads as a dead one."""
    try:
        raw = lock_path(report).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return LockInfo(0, "", "", "")
    try:
        d = json.loads(raw)
        return LockInfo(int(d["pid"]), str(d["host"]), str(d.get("user", "")), str(d["started"]),
                        str(d.get("proc_start", "")))
    except (ValueError, KeyError, TypeError):
        return LockInfo(0, _host(), "", "")  # a torn write from a crash: stale


def is_alive(info: LockInfo) -> bool:
    """True unless we can tell the lock's process is gone (another host: we cannot tell, so True)."""
    if info.host != _host():
        return True
    if info.pid <= 0:
        return False
    try:
        os.kill(info.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's live process
    now = _proc_start(info.pid)
    if now == "zombie":
        return False
    return not (info.proc_start and now and now != info.proc_start)


@dataclass
class Lock:
    """A lock we hold. `stale` is the crashed session's lock we cleared to take it (None after a clean exit)."""

    report: Path
    info: LockInfo
    stale: LockInfo | None = None
    held: bool = True  # False when the folder is not writable (the report will be read-only anyway)

    def release(self) -> None:
        """Remove the lock if it is still ours (a clean close)."""
        if self.held and read(self.report) == self.info:
            lock_path(self.report).unlink(missing_ok=True)
        self.held = False


def acquire(report: Path) -> Lock:
    """Take the lock of `report`; LockedError when a live copdesk holds it, a stale lock is cleared."""
    report = Path(report)
    stale = None
    for _attempt in range(3):
        existing = read(report)
        if existing is not None:
            if is_alive(existing):
                raise LockedError(report, existing)
            stale = stale or existing
            lock_path(report).unlink(missing_ok=True)
        info = _me()
        try:
            _write_new(lock_path(report), info)
        except FileExistsError:
            continue  # another copdesk took it between our read and our write: look again
        except OSError:
            return Lock(report, info, stale, held=False)
        return Lock(report, info, stale)
    raise LockedError(report, read(report) or _me())


def _write_new(path: Path, info: LockInfo) -> None:
    """Create the lock file only if none exists (O_EXCL), written and synced in one go."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, (json.dumps(asdict(info)) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def crashed(report: Path) -> LockInfo | None:
    """The lock of a session that ended without closing, if one is beside `report` (nothing is changed)."""
    info = read(Path(report))
    return info if info is not None and not is_alive(info) else None
