"""A crash Python cannot catch (a segmentation fault inside Qt, an abort) leaves its stack in a file.

The window's process writes each thread's stack to <user data folder>/logs/crash.log (faulthandler) when it
dies that way, under a line naming the session (version, start time, process id). Without it such a crash is a
window that vanishes without a word: a packaged copdesk has no terminal to print to. After a crash, the
recovery notice says where the stack was written (ui/window_safety.py). No Qt here.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
from pathlib import Path

from copdesk import paths
from copdesk.core.errors import CopdeskError

MAX_BYTES = 1_000_000  # past this, the oldest half goes at the next start
FATAL = "Fatal Python error"
_file = None  # kept open for faulthandler, which writes to its descriptor when the process dies


def log_path() -> Path:
    return paths.user_data_dir() / "logs" / "crash.log"


def enable() -> Path | None:
    """Send fatal errors' stacks to the crash log from now on; None when it cannot be written (nothing else
    changes) or when faulthandler was turned on already (python -X faulthandler: the stack goes to stderr)."""
    global _file
    if faulthandler.is_enabled():
        return None
    from copdesk import __version__
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_BYTES:
            from copdesk.core.safety.atomic import write_file
            write_file(path, path.read_bytes()[-MAX_BYTES // 2:])
        # appended to in place (the one log: faulthandler writes to it as the process dies; see test_architecture)
        _file = open(path, "a", encoding="utf-8")  # open for the life of the process
        _file.write(f"--- copdesk {__version__} started {time.strftime('%Y-%m-%d %H:%M:%S')} "
                    f"(process {os.getpid()}, Python {sys.version.split()[0]})\n")
        _file.flush()
        faulthandler.enable(file=_file, all_threads=True)
    except (OSError, CopdeskError):
        return None
    return path


def crashed(pid: int) -> Path | None:
    """The crash log, when it holds a fatal error's stack from the session of process `pid`."""
    path = log_path()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    start = text.rfind(f"(process {pid},")
    if start < 0:
        return None
    end = text.find("\n--- copdesk ", start)
    return path if FATAL in text[start:end if end >= 0 else len(text)] else None
