"""A report deleted or moved while open, written again from its open connection (faults.where_is notices).

On Linux and macOS the open connection goes on writing to the vanished file, so every "saved" would be a
lie: `rewrite` puts a complete copy back at the original path (or beside a file someone put there meanwhile)
and hands back a connection to it. SQL on a report file, so it lives with the report's own modules.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from copdesk.core.safety.atomic import ExistsError, place_new, private_folder
from copdesk.core.report.backups import copy_into
from copdesk.core.safety.faults import identity, write_error
from copdesk.core.report.store import PRAGMAS


def rewrite(conn: sqlite3.Connection, path: Path) -> tuple[sqlite3.Connection, Path]:
    """Write a complete copy of the open report `conn` at `path` again; a connection to it, and where it is.

    For a report deleted or moved while open: the open connection still reads everything saved so far.
    The old connection is closed before the copy is put in place (SQLite removes `path-wal` by name on
    close, which must not be the new file's journal). Raises StoreError (the old connection kept) when
    the copy cannot be written; a file someone put at `path` meanwhile is never overwritten (the copy then
    goes beside it, named '... (rescued)').
    """
    path = Path(path)
    with private_folder(path) as folder:
        copy = folder / "rescued.copdesk"
        try:
            copy_into(conn, copy)
        except (OSError, sqlite3.Error) as exc:
            raise write_error(exc, path) from None
        conn.close()
        for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if identity(path) is None:
                leftover.unlink(missing_ok=True)  # the vanished file's journal must not meet the new file
        while True:
            if os.path.lexists(path):
                path = _free_name(path)
            try:
                place_new(copy, path)
                break
            except ExistsError:
                continue  # taken between the look and the placing: the next free name
    new = sqlite3.connect(str(path))
    for pragma in PRAGMAS:
        new.execute(pragma)
    return new, path


def _free_name(path: Path) -> Path:
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem} (rescued{'' if n == 1 else f' {n}'}){path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
        n += 1
