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
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from copdesk.core import store
from copdesk.core.errors import InputError, StoreError
from copdesk.core.forms import load_template
from copdesk.core.report import Answer, CrisisSection, Report, ReportData
from copdesk.core.template import Template

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
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
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


def export_json(report: Report, out: Path) -> None:
    write_atomic(out, json.dumps(to_dict(report.snapshot(with_history=True)), ensure_ascii=False, indent=1) + "\n")


def read_json_file(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.", "Is it a JSON file?") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None


def import_json(path: Path, out: Path, template: Template | None = None) -> Report:
    """Create report `out` from a copdesk JSON file. No output file is left behind on failure."""
    data = from_dict(read_json_file(path), str(path))
    template = template or load_template(data.meta.get("template_edition") or None)
    return create_from_data(out, template, data)


def create_from_data(out: Path, template: Template, data: ReportData) -> Report:
    """Write a new report file holding exactly `data` (meta, answers, tables, history as given)."""
    out = Path(out)
    if out.exists():
        raise StoreError(f"{out} exists already.", "Choose another output name, or delete the old file first.")
    meta = {**data.meta}
    meta.pop("format", None)
    meta.setdefault("template_edition", template.edition)
    meta.setdefault("template_hash", template.content_hash)
    tmp = out.with_name(f".{out.name}.part")
    tmp.unlink(missing_ok=True)
    db = store.create(tmp, meta)
    try:
        with db.atomic():
            try:
                _insert(db, data)
            except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError) as exc:
                raise InputError(f"The report's data does not fit a copdesk file ({exc}).",
                                 "Check the file was written by copdesk; nothing was created.") from None
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.conn.close()
        os.replace(tmp, out)
    except BaseException:
        db.conn.close()
        for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            p.unlink(missing_ok=True)
        raise
    return Report.open(out, template)


def _insert(db, data: ReportData) -> None:
    db["answers"].insert_all(({"code": a.code, "text": a.text, "format": a.format, "status": a.status,
                               "updated_at": a.updated_at, "updated_by": a.updated_by} for a in data.answers.values()),
                             batch_size=500)
    db["cells"].insert_all(({"code": code, "row": r, "col": c, "value": v} for code, grid in data.tables.items()
                            for r, row in enumerate(grid) for c, v in enumerate(row) if v is not None), batch_size=500)
    db["subscriptions"].insert_all(({"code": c} for c in sorted(data.subscriptions)), batch_size=500)
    for s in data.crisis:
        db.execute("INSERT INTO crisis_sections (id, position) VALUES (?, ?)", [s.id, s.position])
        for code in s.items:
            db.execute("INSERT INTO crisis_items (section, code) VALUES (?, ?)", [s.id, code])
    db["history"].insert_all((dict(h) for h in data.history), batch_size=500)
    known = set(db.table_names())
    for name, rows in data.extras.items():
        if name not in known:
            raise InputError(f"The report holds a table '{name}' this copdesk does not know.",
                             "Update copdesk to read it.")
        db[name].insert_all((dict(r) for r in rows), batch_size=500)


def write_atomic(out: Path, text: str | bytes) -> None:
    """Write a file through a temporary file renamed into place: the old file survives any failure."""
    out = Path(out)
    mode = "wb" if isinstance(text, bytes) else "w"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {exc.strerror}.", "Check that the folder exists and is writable.") from None
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(out))
        os.replace(tmp, out)
        _sync_folder(out.parent)
    except PermissionError:
        Path(tmp).unlink(missing_ok=True)
        raise StoreError(f"Cannot write {out}: permission denied, or the file is open in another program.",
                         "Close it there, or export under another name. The old file was not changed.") from None
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StoreError(f"Cannot write {out}: {exc.strerror}.",
                         "Export under another name. The old file was not changed.") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(out: Path) -> int:
    """The permissions of the file being replaced, or rw-r--r-- (mkstemp's 0600 would hide a new export
    from everyone else)."""
    try:
        return out.stat().st_mode & 0o777
    except OSError:
        return 0o644


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after could otherwise undo it); not on Windows."""
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
