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

from pathlib import Path
from typing import Any

from copdesk.core.errors import InputError
from copdesk.core.template.forms import load_template
from copdesk.core.safety.inputs import JSON_LIMIT, parse_json, read_text
from copdesk.core.model import Answer, CrisisSection, ReportData
from copdesk.core.report.open_file import Report
from copdesk.core.template.template import Template
from copdesk.core.exports.copdesk_json import FORMAT, VERSION
from copdesk.core.report.create import create_from_data


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


def read_json_file(path: Path, limit: int = JSON_LIMIT) -> Any:
    """A JSON file read with a size cap (devices and pipes included) and parsed with bounded depth."""
    return parse_json(read_text(path, limit, "JSON report", "Is it a JSON file?"), str(path))


def import_json(path: Path, out: Path, template: Template | None = None) -> Report:
    """Create report `out` from a copdesk JSON file. No output file is left behind on failure."""
    data = from_dict(read_json_file(path), str(path))
    template = template or load_template(data.meta.get("template_edition") or None)
    return create_from_data(out, template, data)
