"""The copdesk JSON format written: a whole report as one JSON file, without loss (the format:
imports/copdesk_json.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from copdesk.core.safety.atomic import write_file
from copdesk.core.model import ReportData


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


def export_json(data: ReportData, out: Path) -> None:
    """Write `data` (an open report's snapshot(with_history=True): the history goes along) as copdesk JSON."""
    write_file(out, json.dumps(to_dict(data), ensure_ascii=False, indent=1) + "\n")
