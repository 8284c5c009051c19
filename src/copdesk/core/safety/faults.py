"""When the file cannot be written: say why in words, and get the edits back into a file.

Two kinds of trouble reach an open report. A write fails (disk full, file made read-only, permission
taken away, an I/O error): SQLite rolls the transaction back, the file stays as it was, and the caller
keeps the edits in memory and tries again; `write_error` turns the SQLite or OS error into a message.
Or the file is deleted or moved while open: on Linux and macOS the open connection goes on writing to
the vanished file, so every "saved" would be a lie. `where_is` notices (the path no longer leads to the
file we opened) and `rescue.rewrite` puts a complete copy back at the original path from the open connection.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from copdesk.core.errors import CopdeskError, StoreError

_MESSAGES = (  # (words in the error, what happened, what to do, what the window then does by itself)
    (("disk is full", "database or disk is full", "no space", "quota"), "the disk is full",
     "Free some space (empty the bin, delete large files)", "copdesk saves as soon as there is room"),
    (("file too large", "too large for"), "the file is larger than this system allows (a file size limit)",
     "Ask whoever manages this computer about the limit, or work on a copy on another disk", ""),
    (("readonly", "read-only"), "the file or its folder is read-only",
     "Make it writable again, or work on a copy of it", ""),
    (("locked", "busy", "in use"), "another program holds the file",
     "Close the other program", "copdesk saves as soon as the file is free"),
    (("permission", "access", "not permitted"), "copdesk is not allowed to write the file",
     "Check the file's permissions", "copdesk saves as soon as it may"),
    (("unable to open", "no such file"), "the file or its folder is gone",
     "Reconnect the drive, or put the folder back", "copdesk saves as soon as it can"),
    (("disk i/o error", "i/o"), "the disk reported an error (it may be full, removed or failing)",
     "Check the drive", "copdesk saves as soon as a write succeeds"),
)
_ERRNO_TEXT = {getattr(errno, name): text for name, text in (
    ("ENOSPC", "no space"), ("EDQUOT", "quota"), ("EFBIG", "file too large"), ("EROFS", "read-only"),
    ("EBUSY", "busy"), ("ETXTBSY", "busy"), ("EACCES", "permission"), ("EPERM", "not permitted"),
    ("ENOENT", "no such file"), ("EIO", "i/o")) if hasattr(errno, name)}


def what_happened(exc: BaseException, retrying: bool = False) -> tuple[str, str] | None:
    """(what happened in words, what to do) for an OS or SQLite error, or None when it says nothing known.

    The one table of causes, for a failed save of an open report (`retrying`: the window tries again by
    itself), a command, an export, a new file, and opening a report (a sound report on a full disk, or one
    another program holds, is not "damaged")."""
    if isinstance(exc, OSError) and exc.errno in _ERRNO_TEXT:
        text = _ERRNO_TEXT[exc.errno]
    else:
        text = str(exc).lower()
    for needles, what, fix, then in _MESSAGES:
        if any(n in text for n in needles):
            return what, f"{fix}; {then}." if retrying and then else f"{fix}, then try again." if then else f"{fix}."
    return None


def write_error(exc: BaseException, path: Path, retrying: bool = True) -> CopdeskError:
    """A message a person can act on, for a failed write of report `path` (`retrying`: by the window)."""
    if isinstance(exc, CopdeskError):
        return exc
    known = what_happened(exc, retrying)
    if known:
        return StoreError(f"{Path(path).name} cannot be written: {known[0]}.", known[1])
    return StoreError(f"{Path(path).name} cannot be written ({exc}).",
                      "copdesk keeps trying." if retrying else "Nothing was written.")


def identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when nothing is there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def where_is(path: Path, opened: tuple[int, int] | None) -> str:
    """'ok' when `path` still leads to the file opened as `opened`; 'gone' or 'replaced' otherwise."""
    now = identity(path)
    if now is None:
        return "gone"
    if opened is not None and now != opened:
        return "replaced"
    return "ok"
