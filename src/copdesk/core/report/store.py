"""Open and create report files (SQLite) without ever harming a file we do not own.

A file is first probed read-only: not SQLite, not a copdesk report, damaged, or written by a newer copdesk
all give a StoreError and leave the file byte for byte as it was. Only a sound copdesk file is opened
for writing, migrated forward and switched to WAL. sqlite-utils creates and migrates the schema
(core/report/migrations.py) and is loaded for nothing else: a report is read and written with sqlite3, each write
in core.report.transaction's one helper.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typing import TYPE_CHECKING

from copdesk.core.errors import DamagedFileError, NewerSchemaError, NotAReportError, StoreError, UnavailableError
from copdesk.core.report.migrations import KNOWN, SCHEMA_VERSION
from copdesk.core.safety.outputs import APPLICATION_ID  # the mark store.create sets on every report
from copdesk.core.report.transaction import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

FILE_FORMAT = "copdesk-report"


def _connect_ro(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def probe(path: Path) -> dict[str, str]:
    """Check, read-only, that `path` is a copdesk report this version can open; return its meta table."""
    if not path.exists():
        raise StoreError(f"{path} does not exist.", "Check the name, or create it with 'copdesk new'.")
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a report file.")
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        raise StoreError(f"{path} cannot be opened: {exc}.", "Check that you may read it.") from None
    try:
        return _probe(conn, path)
    except sqlite3.DatabaseError as exc:
        raise unreadable(exc, path) from None
    finally:
        conn.close()


def unreadable(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    """Why a report cannot be read, in words: a sound report on a full disk, or one another program holds,
    is not called damaged (and gets no offer of a backup); only what SQLite finds broken is."""
    from copdesk.core.safety.faults import what_happened
    text = str(exc)
    known = what_happened(exc) if isinstance(exc, sqlite3.OperationalError) and "decode" not in text.lower() else None
    if known:
        return UnavailableError(f"{path} cannot be read now: {known[0]}.", f"The file was not changed. {known[1]}")
    return DamagedFileError(
        f"{path} is not a copdesk report, or it is damaged ({text[:200]}).",
        "The file was not changed. Open a backup copy, or a file made with copdesk.")


def _probe(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    from copdesk.core.report import check
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    entries = check.check_kinds(conn, path, ("meta", "_sqlite_migrations"))
    if app_id != APPLICATION_ID or "meta" not in entries:
        raise NotAReportError(f"{path} is not a copdesk report.",
                              "The file was not changed. Choose a .copdesk file, or import a report with 'copdesk import'.")
    applied = [r[0] for r in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set='copdesk' ORDER BY rowid")] \
        if "_sqlite_migrations" in entries else []
    unknown = [name for name in applied if name not in KNOWN]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if unknown or version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path} was written by a newer copdesk (report format {max(len(applied), version)}, this copdesk "
            f"knows {SCHEMA_VERSION}).", "The file was not changed. Update copdesk to open it.")
    if applied != KNOWN[:len(applied)]:
        raise DamagedFileError(f"{path} is damaged: its schema steps ({', '.join(applied) or 'none'}) are not "
                               "copdesk's.", "The file was not changed. Open a backup copy.")
    check.check_structure(conn, path, entries, len(applied))
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise DamagedFileError(f"{path} is damaged ({result}).", "The file was not changed. Open a backup copy.")
    check.check_contents(conn, path, len(applied))
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    check.check_meta(meta, path)
    return meta


PRAGMAS = ("PRAGMA journal_mode=WAL",
           "PRAGMA synchronous=FULL",  # an acknowledged edit survives a crash and a power cut
           "PRAGMA foreign_keys=ON",
           "PRAGMA busy_timeout=5000")


def _migrate(db: Database) -> None:
    from copdesk.core.report.migrations import migration_set
    migration_set().apply(db)
    current = db.execute("PRAGMA user_version").fetchone()[0]
    db.execute(f"PRAGMA user_version={max(current, SCHEMA_VERSION)}")  # never lowered: a newer copdesk's mark stays


def create(path: Path, meta: dict[str, str]) -> sqlite3.Connection:
    """Create a new, empty report file at `path` (which must not exist): its schema, then its meta."""
    if path.exists():
        raise StoreError(f"{path} exists already.", "Choose another name, or delete the old file first.")
    from sqlite_utils import Database
    try:
        conn = sqlite3.connect(str(path))
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot create {path}: {exc}.", "Check the folder exists and you may write there.") from None
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    for pragma in PRAGMAS:
        conn.execute(pragma)
    _migrate(Database(conn, execute_plugins=False))
    with transaction(conn):
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", {"format": FILE_FORMAT, **meta}.items())
    return conn


def open_db(path: Path, readonly: bool = False) -> tuple[sqlite3.Connection, dict[str, str]]:
    """Open an existing report for writing (or reading), after a read-only probe.

    A file at the current schema is opened with sqlite3 alone; an older one is migrated first (the one use
    of sqlite-utils on an existing file).
    """
    meta = probe(path)
    if readonly:
        return _connect_ro(path), meta
    try:
        conn = sqlite3.connect(str(path))
        for pragma in PRAGMAS:
            conn.execute(pragma)
        if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION and _applied(conn) == KNOWN:
            return conn, meta
        from sqlite_utils import Database
        _migrate(Database(conn, execute_plugins=False))
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{path} cannot be opened for writing: {exc}.",
                         "Check that the file and its folder are writable, or open a copy.") from None
    return conn, meta


def _applied(conn: sqlite3.Connection) -> list[str]:
    try:
        return [r[0] for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set='copdesk' ORDER BY rowid")]
    except sqlite3.OperationalError:
        return []
