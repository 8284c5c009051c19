"""A new report file holding exactly the data given, written whole or not at all: imports, carry and merge create
their files here.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from copdesk.core.report import store
from copdesk.core.safety.atomic import new_file
from copdesk.core.errors import InputError, StoreError
from copdesk.core.safety.faults import write_error
from copdesk.core.report.open_file import CORE_TABLES, Report
from copdesk.core.model import ReportData
from copdesk.core.report.check import check_grid
from copdesk.core.template.template import Template
from copdesk.core.report.transaction import insert_rows, transaction


def create_from_data(out: Path, template: Template, data: ReportData) -> Report:
    """Write a new report file holding exactly `data` (meta, answers, tables, history as given).

    The file is built in a private folder (core.safety.atomic.new_file), checked like any report being opened, and
    put at `out` only then: a failure (a full disk, data that does not fit) leaves nothing behind. Carry's
    baseline comes in `extras` and `meta` like the rest.
    """
    out = Path(out)
    if out.exists():
        raise StoreError(f"{out} exists already.", "Choose another output name, or delete the old file first.")
    _check_extras(data)
    check_grid(data.tables, "The report")
    meta = {**data.meta}
    meta.pop("format", None)
    meta.setdefault("report_id", str(uuid.uuid4()))
    meta.setdefault("template_edition", template.edition)
    meta.setdefault("template_hash", template.content_hash)
    with new_file(out) as tmp:
        try:
            conn = store.create(tmp, meta)
        except sqlite3.OperationalError as exc:
            raise write_error(exc, out, retrying=False) from None
        try:
            with transaction(conn):
                _insert(conn, data)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except UnicodeEncodeError:  # before ValueError, of which it is one
            raise InputError("The report holds text that is not valid Unicode (a lone surrogate such as \\ud800).",
                             "Check the file was written by copdesk; nothing was created.") from None
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError, OverflowError,
                ValueError) as exc:  # ValueError: a row with a column its table does not have
            raise InputError(f"The report's data does not fit a copdesk file ({exc}).",
                             "Check the file was written by copdesk; nothing was created.") from None
        except sqlite3.OperationalError as exc:
            raise write_error(exc, out, retrying=False) from None
        finally:
            conn.close()
        try:
            store.probe(tmp)  # what copdesk would refuse to open is never put in place
        except StoreError as exc:
            raise InputError(f"The report made from this data would not open: {exc.message}",
                             "Nothing was created.") from None
    return Report.open(out, template)


def _check_extras(data: ReportData) -> None:
    """`extras` carry the review tables (comments, statuses, versions, baseline, merge choices) and nothing
    else: copdesk's own tables and SQLite's are written from the other fields, never from extras."""
    from copdesk.core.report.migrations import tables
    allowed = tables() - CORE_TABLES
    for name in data.extras:
        if name in CORE_TABLES or name.startswith(("_", "sqlite_")):
            raise InputError(f"The report's extras write to copdesk's own table '{name}'; copdesk refuses that.",
                             "Check the file was written by copdesk; nothing was created.")
        if name not in allowed:
            raise InputError(f"The report holds a table '{name}' this copdesk does not know.",
                             "Update copdesk to read it.")


def _insert(conn: sqlite3.Connection, data: ReportData) -> None:
    """Every row of `data`, each table in one executemany (inside create_from_data's transaction)."""
    conn.executemany("INSERT INTO answers (code, text, format, status, updated_at, updated_by) VALUES "
                     "(?, ?, ?, ?, ?, ?)", ((a.code, a.text, a.format, a.status, a.updated_at, a.updated_by)
                                            for a in data.answers.values()))
    conn.executemany("INSERT INTO cells (code, row, col, value) VALUES (?, ?, ?, ?)",
                     ((code, r, c, v) for code, grid in data.tables.items()
                      for r, row in enumerate(grid) for c, v in enumerate(row) if v is not None))
    conn.executemany("INSERT INTO subscriptions (code) VALUES (?)", ((c,) for c in sorted(data.subscriptions)))
    conn.executemany("INSERT INTO crisis_sections (id, position) VALUES (?, ?)",
                     ((s.id, s.position) for s in data.crisis))
    conn.executemany("INSERT INTO crisis_items (section, code) VALUES (?, ?)",
                     ((s.id, code) for s in data.crisis for code in s.items))
    insert_rows(conn, "history", data.history)
    for name, rows in data.extras.items():  # names checked by _check_extras
        insert_rows(conn, name, rows)
