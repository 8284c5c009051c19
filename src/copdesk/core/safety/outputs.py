"""The output-path rule: a command never writes over the file it reads, nor over any copdesk report.

Every command and window action that writes a file calls `check_output` before doing any work, with the
files it reads; the one atomic write (core.safety.atomic) checks `is_report` again just before it puts a file in
place, so no path through copdesk replaces a report, whatever the output's name or the format asked for.
README, "What copdesk promises about your data", states the rule.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from copdesk.core.errors import StoreError

_SQLITE_MAGIC = b"SQLite format 3\x00"
# "cpDS": marks a SQLite file as a copdesk report (PRAGMA application_id, set by store.create); here, below
# the report's own modules, because every writer checks it before writing anywhere.
APPLICATION_ID = 0x63704453
_SIDECARS = ("-wal", "-shm", "-journal")
_HINT = "Nothing was written. Give another output name: copdesk never writes over its input or over a report."


class OutputError(StoreError):
    """An output that would replace an input or a report; nothing was written."""


def is_report(path: Path | str) -> bool:
    """True when `path` is a copdesk report by its content (SQLite with copdesk's application id), whatever
    its name. Unreadable or missing files are not reports (a write to them fails on its own)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    return head.startswith(_SQLITE_MAGIC) and len(head) >= 72 and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def report_of_sidecar(path: Path | str) -> Path | None:
    """The report whose journal (-wal, -shm, -journal) `path` is, or None: writing there damages the report."""
    name = Path(path).name
    for suffix in _SIDECARS:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = Path(path).with_name(name[: -len(suffix)])
            if is_report(base):
                return base
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_output(out: Path | str, inputs: Iterable[Path | str | None] = (), doing: str = "writing it",
                 kind: str = "file") -> Path:
    """`out` as a Path, or an OutputError (exit 2) naming it and what it would have replaced.

    Refused: an output that is one of `inputs` (the same file, through a symbolic or hard link too), any
    existing copdesk report (by content), a report's journal. `doing` says what the command does, for the
    message ("exporting a.copdesk"). `kind`: "file" (a document that may replace an older document),
    "folder" (CSV tables), "new" (a report file made from scratch: nothing may be there yet).
    """
    out = Path(out)
    for inp in (Path(p) for p in inputs if p is not None):
        if os.path.lexists(out) and _same_file(out, inp):
            linked = " (through a link)" if os.path.abspath(out) != os.path.abspath(inp) else ""
            raise OutputError(f"Cannot write {out}: it is {inp} itself{linked}, and {doing} there would replace it.",
                              _HINT)
    if out.is_file() and is_report(out):
        raise OutputError(f"Cannot write {out}: it is a copdesk report, and {doing} there would replace it "
                          "with its answers, history, comments and versions.", _HINT)
    base = report_of_sidecar(out)
    if base is not None:
        raise OutputError(f"Cannot write {out}: it is the journal of the copdesk report {base}, and {doing} "
                          "there would damage that report.", _HINT)
    if kind == "folder":
        if os.path.lexists(out) and not out.is_dir():
            raise OutputError(f"Cannot write CSV files into {out}: it is a file.",
                              "CSV export writes one file per table: give a folder with -o.")
    elif out.is_dir():
        raise OutputError(f"Cannot write {out}: it is a folder.", "Give a file name.")
    elif kind == "new" and os.path.lexists(out):
        raise OutputError(f"{out} exists already.", "Choose another name, or delete the old file first.")
    return out
