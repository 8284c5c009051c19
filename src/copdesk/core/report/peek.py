"""What a report file is, read without opening it for writing: signatory, title, period, last change.

For lists of reports (the start screen's recent reports, File › Open recent), where a file name such as
"report-final-2.copdesk" says little. Read-only and quick: a handful of rows; a file that is missing,
damaged or not a report gives a summary that says so instead of an error.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from copdesk.core.records import record

FIELDS = ("header.signatory", "header.title", "header.period_start", "header.period_end")


@record
class Summary:
    path: Path
    state: str  # "ok", "missing", "unreadable"
    signatory: str = ""
    title: str = ""
    period: str = ""  # "2025-07-01 to 2025-12-31", or ""
    changed: str = ""  # the last change, ISO date and time in UTC, or ""
    services: tuple = ()  # a report family's services, in their order (issue 19); () for a single report


def summary(path: Path | str) -> Summary:
    path = Path(path)
    if not path.is_file():
        return Summary(path, "missing")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = dict(conn.execute(f"SELECT code, text FROM answers WHERE code IN ({','.join('?' * len(FIELDS))})",
                                     FIELDS).fetchall())
            changed = conn.execute("SELECT MAX(at) FROM history").fetchone()[0] or ""
            try:
                services = tuple(r[0] for r in conn.execute("SELECT name FROM services ORDER BY position, name"))
            except sqlite3.OperationalError:  # a file from before the family (schema 6) names none
                services = ()
        finally:
            conn.close()
    except sqlite3.Error:
        return Summary(path, "unreadable")
    if not changed:
        changed = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")
    start, end = rows.get("header.period_start", "").strip(), rows.get("header.period_end", "").strip()
    return Summary(path, "ok", rows.get("header.signatory", "").strip(), rows.get("header.title", "").strip(),
                   f"{start} to {end}" if start and end else "", changed, services)
