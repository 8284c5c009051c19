"""The copdesk JSON format: a whole report as one documented, versioned JSON file, without loss.

    {
      "format": "copdesk-report-json", "version": 1,
      "meta": {"report_id": ..., "created_at": ..., "template_edition": ..., "template_hash": ..., ...},
      "subscriptions": ["Commitment 12", "Measure 12.1", ...],
      "answers": {"QRE 12.1.1": {"text": ..., "format": "markdown", "status": "", "updated_at": ..., "updated_by": ...}},
      "tables": {"SLI 16.1.1": [["Member State", "Actions"], ["Austria", "1,234"], ...]},   (null = untyped cell)
      "crisis": [{"id": 1, "position": 1, "items": ["Chapter IV", "Measure 16.1", ...]}],
      "history": [{"id": 1, "at": ..., "who": ..., "code": ..., "field": ..., "old": ..., "new": ...}]
    }
The crisis sub-section titles are answers ("Crisis 1/title"). See README, "File formats".
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from copdesk.core import store
from copdesk.core.atomic import new_file, write_file
from copdesk.core.errors import InputError, StoreError
from copdesk.core.faults import write_error
from copdesk.core.forms import load_template
from copdesk.core.inputs import JSON_LIMIT, parse_json, read_text
from copdesk.core.report import CORE_TABLES, Answer, CrisisSection, Report, ReportData
from copdesk.core.report_check import check_grid
from copdesk.core.template import Template
from copdesk.core.transaction import insert_rows, transaction

FORMAT, VERSION = "copdesk-report-json", 2  # 2 added "extras"; version 1 files still read


def to_dict(data: ReportData) -> dict[str, Any]:
    return {
        "format": FORMAT, "version": VERSION, "meta": dict(sorted(data.meta.items())),
        "subscriptions": sorted(data.subscriptions),
        "answers": {code: {"text": a.text, "format": a.format, "status": a.status, "updated_at": a.updated_at,
                           "updated_by": a.updated_by} for code, a in sorted(data.answers.items())},
        "tables": dict(sorted(data.tables.items())),
        "crisis": [{"id": s.id, "position": s.position, "items": list(s.items)} for s in data.crisis],
        "history": [dict(h) for h in data.history],
        "extras": {name: [dict(r) for r in rows] for name, rows in sorted(data.extras.items())},
    }


def from_dict(d: Any, source: str = "JSON") -> ReportData:
    """Check and read a copdesk JSON document; every problem names where it is."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise InputError(f"{source} is not a copdesk report in JSON (its 'format' is not '{FORMAT}').",
                         "To import a Transparency Centre export or a Word report, use 'copdesk import' on that file.")
    if not isinstance(d.get("version"), int) or d["version"] > VERSION:
        raise InputError(f"{source} is copdesk JSON version {d.get('version')}; this copdesk reads up to {VERSION}.",
                         "Update copdesk to read it.")
    try:
        answers = {str(code): Answer(str(code), a["text"], a.get("format", "markdown"), a.get("status", ""),
                                     a.get("updated_at", ""), a.get("updated_by", ""))
                   for code, a in d.get("answers", {}).items()}
        tables = {str(code): [[None if c is None else str(c) for c in row] for row in grid]
                  for code, grid in d.get("tables", {}).items()}
        crisis = tuple(CrisisSection(int(s["id"]), int(s.get("position", i + 1)), "", tuple(s.get("items", ())))
                       for i, s in enumerate(d.get("crisis", [])))
        data = ReportData(meta={str(k): str(v) for k, v in d.get("meta", {}).items()}, answers=answers,
                          tables=tables, subscriptions=frozenset(d.get("subscriptions", [])), crisis=crisis,
                          history=tuple(dict(h) for h in d.get("history", [])),
                          extras={str(k): [dict(r) for r in v] for k, v in d.get("extras", {}).items()})
        _check_storable(data)
        return data
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:  # OverflowError: an id of 1e999
        raise InputError(f"{source} is not a valid copdesk report ({type(exc).__name__}: {exc}).",
                         "Check the file was written by 'copdesk export -o FILE.json'.") from None


def _check_storable(data: ReportData) -> None:
    """Every value must fit its column: a hostile file gets a message here, not a SQLite error later
    (tests/core/test_fuzz_importers.py found numbers, lists and nulls where text belongs)."""
    for a in data.answers.values():
        if not all(isinstance(v, str) for v in (a.text, a.format, a.status, a.updated_at, a.updated_by)):
            raise TypeError(f"answer {a.code}: text, format, status and updated_* must be strings")
    if not all(isinstance(c, str) for c in data.subscriptions):
        raise TypeError("subscriptions must be strings")
    for s in data.crisis:
        _scalar(s.id), _scalar(s.position)
        if not all(isinstance(c, str) for c in s.items):
            raise TypeError(f"crisis {s.id}: items must be strings")
    for row in [*data.history, *(r for rows in data.extras.values() for r in rows)]:
        for key, value in row.items():
            if not isinstance(key, str):
                raise TypeError("row keys must be strings")
            _scalar(value)


def _scalar(value: Any) -> None:
    if isinstance(value, int) and not -2**63 <= value < 2**63:
        raise ValueError(f"{value} is too large a number")
    if value is not None and not isinstance(value, (str, int, float)):
        raise TypeError(f"{type(value).__name__} where a single value belongs")


def export_json(data: ReportData, out: Path) -> None:
    """Write `data` (an open report's snapshot(with_history=True): the history goes along) as copdesk JSON."""
    write_file(out, json.dumps(to_dict(data), ensure_ascii=False, indent=1) + "\n")


def read_json_file(path: Path, limit: int = JSON_LIMIT) -> Any:
    """A JSON file read with a size cap (devices and pipes included) and parsed with bounded depth."""
    return parse_json(read_text(path, limit, "JSON report", "Is it a JSON file?"), str(path))


def import_json(path: Path, out: Path, template: Template | None = None) -> Report:
    """Create report `out` from a copdesk JSON file. No output file is left behind on failure."""
    data = from_dict(read_json_file(path), str(path))
    template = template or load_template(data.meta.get("template_edition") or None)
    return create_from_data(out, template, data)


def create_from_data(out: Path, template: Template, data: ReportData) -> Report:
    """Write a new report file holding exactly `data` (meta, answers, tables, history as given).

    The file is built in a private folder (core.atomic.new_file), checked like any report being opened, and
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
    from copdesk.core.migrations import tables
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

