"""A report: one .copdesk file, its template, and every answer keyed by code.

All writes go through this class (with its mixins crisis_sections.py, review_rows.py and code_moves.py),
each in one transaction together with its history row, so the file always holds every acknowledged edit and
a record of who changed what. No other module touches a report's SQL, its history or its meta
(tests/test_architecture.py). Nothing here imports Qt.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from copdesk import __version__
from copdesk.core.template import codes
from copdesk.core.report import wording as report_wording, store
from copdesk.core.rules import services
from copdesk.core.errors import InputError, StoreError, UnknownCodeError
from copdesk.core.template.forms import load_template
from copdesk.core.model import (  # noqa: F401 - re-exported: the rest of copdesk imports them from here
    Answer, CrisisSection, Grid, ReportData, _grid, _trim, default_user, now)
from copdesk.core.report.code_moves import CodeMoves
from copdesk.core.report.review_rows import ReviewState
from copdesk.core.report.crisis_sections import CrisisSections
from copdesk.core.report.services import ServiceFamily
from copdesk.core.template.template import Template
from copdesk.core.report.transaction import transaction

CORE_TABLES = {"meta", "answers", "cells", "subscriptions", "crisis_sections", "crisis_items", "history"}


class Report(CrisisSections, ReviewState, CodeMoves, ServiceFamily):
    """An open report file. Use Report.create or Report.open; close() when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, meta: dict[str, str], template: Template,
                 who: str | None = None):
        self.path, self.template = path, template
        self.base_template = template  # the edition without this report's own wording (wording.py)
        self.conn = conn
        self.who = default_user() if who is None else who
        self._meta = meta

    # -- opening -------------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, template: Template, *, signatory: str, kind: str, title: str,
               subscriptions: list[str] | tuple[str, ...] = (), who: str | None = None,
               report_id: str | None = None, services: list[str] | tuple[str, ...] = ()) -> "Report":
        path = Path(path)
        if kind not in dict(template.header_field("kind").choices):
            raise InputError(f"Kind must be one of: {', '.join(dict(template.header_field('kind').choices))}.")
        import uuid
        meta = {"format": store.FILE_FORMAT, "report_id": report_id or str(uuid.uuid4()), "created_at": now(),
                "created_by_app": f"copdesk {__version__}",
                "template_edition": template.edition, "template_hash": template.content_hash}
        wanted = subscription_codes(template, subscriptions)  # refuse bad codes before any file exists
        from copdesk.core.rules.services import parse_names
        family = parse_names(services)  # a family of services (core/rules/services.py): names checked first too
        from copdesk.core.safety.atomic import new_file  # built aside, put in place whole: a full disk leaves nothing
        with new_file(path) as tmp:
            report = cls(tmp, store.create(tmp, meta), meta, template, who)
            try:
                with report.atomic():
                    report.set_text("header.signatory", signatory)
                    report.set_text("header.kind", kind)
                    report.set_text("header.title", title)
                    report.subscribe(wanted)
                    report.add_services(family)
                report.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                report.close()
        return cls.open(path, template, who)

    @classmethod
    def open(cls, path: Path | str, template: Template | None = None, who: str | None = None,
             readonly: bool = False) -> "Report":
        path = Path(path)
        conn, meta = store.open_db(path, readonly=readonly)
        if template is None:
            template = load_template(meta.get("template_edition"))
        report = cls(path, conn, meta, template, who)
        report.template = report_wording.overlay(template, report_wording.read(report.conn))
        return report

    def reload_template(self) -> Template:
        """Read the template edition again (after a template correction) with this report's own wording."""
        from copdesk.core.template import forms
        forms.clear_cache()
        self.base_template = load_template(self._meta.get("template_edition") or None)
        self.template = report_wording.overlay(self.base_template, report_wording.read(self.conn))
        return self.template

    def own_wording(self) -> dict[str, dict[str, str]]:
        """The official wording and labels this report came with, by code (core.report.wording)."""
        return report_wording.read(self.conn)

    def close(self) -> None:
        self.conn.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (before a new report is handed over, say)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def write_again(self) -> Path:
        """The file was deleted or moved while open: write it again at its path (or beside a file someone put
        there) from this connection, and go on in that file. Returns where it now is; StoreError if it
        cannot be written (this report then goes on as before)."""
        from copdesk.core.report.rescue import rewrite
        self.conn, self.path = rewrite(self.conn, self.path)
        return self.path

    def __enter__(self) -> "Report":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def atomic(self):
        """One transaction for the writes inside (a savepoint when one is open already): the one helper,
        core.report.transaction, on this report's connection. Every write of the report runs in one, with its
        history row; sqlite-utils is not loaded to write (it costs 13 MB and 30 ms), only to create and
        migrate a file's schema (core/report/store.py)."""
        return transaction(self.conn)

    @property
    def meta(self) -> dict[str, str]:
        return dict(self._meta)

    def template_changed(self) -> bool:
        """True when the template was corrected since the report was created."""
        return self._meta.get("template_hash") != self.template.content_hash

    def snapshot(self, with_history: bool = False, light: bool = False) -> ReportData:
        """Plain data; `with_history` adds the history and every other table (for a lossless copy).

        `light` leaves the cells out: each filled table is [[]] (enough to tell filled from empty, for
        statuses at start-up); never validate or export a light snapshot."""
        tables = {c: [[]] for c in self.table_codes()} if light else self.tables()
        last = self.conn.execute("SELECT id, at FROM history ORDER BY id DESC LIMIT 1").fetchone()
        return ReportData(meta=self.meta, answers=self.answers(), tables=tables,
                          subscriptions=frozenset(self.subscriptions()), crisis=tuple(self.crisis_sections()),
                          history=tuple(self.history()) if with_history else (),
                          extras=self.extra_tables() if with_history else {},
                          last_change=(last[0], last[1]) if last else (0, ""))

    def query(self, sql: str, args: list | tuple = ()) -> list[dict]:
        """Rows of a read query as dicts (column name -> value)."""
        cursor = self.conn.execute(sql, list(args))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def rows(self, table: str) -> list[dict]:
        return self.query(f"SELECT * FROM [{table}] ORDER BY rowid")

    def extra_tables(self) -> dict[str, list[dict]]:
        names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: self.rows(n) for n in names if n not in CORE_TABLES and not n.startswith(("_", "sqlite_"))}

    def changes(self) -> tuple[int, int]:
        """A stamp of what has been written through this report so far (the connection and SQLite's count of
        changed rows): the same stamp twice means nothing was written in between, announced or not."""
        return id(self.conn), self.conn.total_changes

    def frozen(self) -> tuple[str, str] | None:
        """(who, when) the report was frozen for review, or None. Frozen answers are read-only."""
        rows = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('frozen_by', 'frozen_at')"))
        return (rows.get("frozen_by", ""), rows["frozen_at"]) if rows.get("frozen_at") else None

    def _check_writable(self, code: str) -> None:
        frozen = self.frozen()
        if frozen:
            raise InputError(f"The report is frozen for review (by {frozen[0] or 'someone'}, {frozen[1][:16]}); "
                             f"{code} cannot be changed.", "Comments stay open. Unfreeze it to edit answers.")

    # -- codes ---------------------------------------------------------------------------------------
    def resolve(self, raw: str) -> str:
        """The canonical answer code for what a user typed, or UnknownCodeError with suggestions. A code
        with a service ("QRE 12.1.1 @ Instagram") is that service's own answer (core/rules/services.py)."""
        if "@" in raw:
            plain, service = services.split(raw)
            return self.resolve_for(plain, service)
        code = codes.normalize(raw)
        if not codes.is_answer_code(self.template, code):
            raise UnknownCodeError(raw, codes.suggest(self.template, raw))
        return code

    # -- history -------------------------------------------------------------------------------------
    def _log(self, code: str, field: str, old, new) -> None:
        """Every write logs itself, inside the transaction of its change (or the change is a bug)."""
        if not self.conn.in_transaction:
            raise RuntimeError("a report write outside atomic(): it would not be committed")
        self.conn.execute("INSERT INTO history (at, who, code, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
                        [now(), self.who, code, field, old, new])

    def history(self, code: str | None = None) -> list[dict]:
        sql = "SELECT * FROM history" + (" WHERE code = ?" if code else "") + " ORDER BY id"
        return self.query(sql, [code] if code else [])

    # -- text answers --------------------------------------------------------------------------------
    def get(self, code: str) -> Answer | None:
        row = self.conn.execute("SELECT * FROM answers WHERE code = ?", [code]).fetchone()
        return Answer(*row) if row else None

    def text(self, code: str) -> str:
        answer = self.get(code)
        return answer.text if answer else ""

    def answers(self) -> dict[str, Answer]:
        return {row[0]: Answer(*row) for row in self.conn.execute("SELECT * FROM answers ORDER BY code")}

    def set_text(self, code: str, text: str, *, status: str = "", fmt: str = "markdown") -> bool:
        """Store an answer exactly as given. Returns False when nothing changed."""
        code = self.resolve(code)
        old = self.get(code)
        if old and (old.text, old.status, old.format) == (text, status, fmt):
            return False
        if not (old and old.text == text):  # marking a carried answer reviewed is not an edit
            self._check_writable(code)
        with self.atomic():
            self.conn.execute(
                "INSERT INTO answers (code, text, format, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(code) DO UPDATE SET text=excluded.text, format=excluded.format, status=excluded.status, "
                "updated_at=excluded.updated_at, updated_by=excluded.updated_by",
                [code, text, fmt, status, now(), self.who])
            self._log(code, "text", old.text if old else None, text)
            if old and old.status != status:
                self._log(code, "status", old.status, status)
            self._touch_crisis(code)
        return True

    def clear(self, code: str) -> bool:
        """Remove an answer (its history stays)."""
        code = self.resolve(code)
        old = self.get(code)
        if not old:
            return False
        self._check_writable(code)
        with self.atomic():
            self.conn.execute("DELETE FROM answers WHERE code = ?", [code])
            self._log(code, "text", old.text, None)
        return True

    # -- tables --------------------------------------------------------------------------------------
    def table(self, code: str) -> Grid:
        rows = self.conn.execute("SELECT row, col, value FROM cells WHERE code = ? ORDER BY row, col", [code]).fetchall()
        return _grid(rows)

    def table_codes(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT code FROM cells ORDER BY code")]

    def tables(self) -> dict[str, Grid]:
        """Every table, read in one query (a platform report has about a hundred)."""
        cells: dict[str, list[tuple[int, int, str]]] = {}
        for code, r, c, v in self.conn.execute("SELECT code, row, col, value FROM cells ORDER BY code, row, col"):
            cells.setdefault(code, []).append((r, c, v))
        return {code: _grid(rows) for code, rows in cells.items()}

    def set_table(self, code: str, grid: Grid) -> bool:
        """Replace a whole table. Cells keep their text exactly; None means an untyped cell."""
        code = self.resolve(code)
        if not code.split("/")[-1].startswith("SLI "):
            raise InputError(f"Only SLIs hold tables; {code} is not an SLI.")
        old = self.table(code)
        if _trim(old) == _trim(grid):
            return False
        self._check_writable(code)
        with self.atomic():
            self.conn.execute("DELETE FROM cells WHERE code = ?", [code])
            self.conn.executemany("INSERT INTO cells (code, row, col, value) VALUES (?, ?, ?, ?)",
                                  [(code, r, c, v) for r, row in enumerate(grid) for c, v in enumerate(row)
                                   if v is not None])
            self._log(code, "table", json.dumps(old, ensure_ascii=False) if old else None,
                      json.dumps(grid, ensure_ascii=False) if grid else None)
            self._touch_crisis(code)
        return True

    def set_cell(self, code: str, row: int, col: int, value: str | None) -> bool:
        code = self.resolve(code)
        old = self.conn.execute("SELECT value FROM cells WHERE code=? AND row=? AND col=?", [code, row, col]).fetchone()
        if (old[0] if old else None) == value:
            return False
        self._check_writable(code)
        with self.atomic():
            if value is None:
                self.conn.execute("DELETE FROM cells WHERE code=? AND row=? AND col=?", [code, row, col])
            else:
                self.conn.execute("INSERT OR REPLACE INTO cells (code, row, col, value) VALUES (?, ?, ?, ?)",
                                [code, row, col, value])
            self._log(code, f"cell {row},{col}", old[0] if old else None, value)
        return True

    # -- subscriptions -------------------------------------------------------------------------------
    def subscriptions(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT code FROM subscriptions")}

    def subscribe(self, items: list[str] | tuple[str, ...] | set[str], service: str | None = None) -> list[str]:
        """Subscribe commitments and measures ("12.1", "Commitment 39"); a measure brings its commitment. In a
        family: for `service`, or for every service (an item "12.1 @ Instagram" for that one)."""
        current = self.subscriptions()
        added: list[str] = []
        for item, svc in self.service_targets(items, service):
            added += [c for c in (services.qualify(code, svc) for code in subscription_codes(self.template, [item]))
                      if c not in current and c not in added]
        with self.atomic():
            for code in added:
                self.conn.execute("INSERT INTO subscriptions (code) VALUES (?)", [code])
                self._log(code, "subscribed", None, "yes")
        return added

    def unsubscribe(self, items: list[str], service: str | None = None) -> list[str]:
        """Drop commitments or measures (a commitment takes its measures with it, and a commitment's last signed
        measure takes the commitment along: a commitment with measures is signed through them). Answers are
        kept. In a family: for `service`, or for every service."""
        current = self.subscriptions()
        drop = []
        for raw, svc in self.service_targets(items, service):
            code = codes.normalize(raw)
            drop.append(services.qualify(code, svc))
            if code.startswith("Commitment "):
                drop += [c for c in current if services.split(c)[1] == svc
                         and self.template.parents.get(services.split(c)[0]) == code]
            elif code.startswith("Measure "):
                parent = self.template.parents.get(code, "")
                signed = {c for c in current if services.split(c)[1] == svc
                          and self.template.parents.get(services.split(c)[0]) == parent}
                if parent and signed <= set(drop):
                    drop.append(services.qualify(parent, svc))
        removed = [c for c in dict.fromkeys(drop) if c in current]
        with self.atomic():
            for code in removed:
                self.conn.execute("DELETE FROM subscriptions WHERE code = ?", [code])
                self._log(code, "subscribed", "yes", None)
        return removed

def subscription_codes(template: Template, items) -> list[str]:
    """Canonical codes for subscribing `items`, each measure followed by its commitment; UnknownCodeError if bad."""
    wanted: list[str] = []
    for raw in items:
        code = codes.normalize(raw)
        if code not in template.index or code.split(" ")[0] not in ("Commitment", "Measure"):
            raise UnknownCodeError(raw, [c for c in codes.suggest(template, raw)
                                         if c.split(" ")[0] in ("Commitment", "Measure")])
        wanted.append(code)
        if code.startswith("Measure "):
            wanted.append(template.parents[code])
    return list(dict.fromkeys(wanted))


def open_report(path: Path | str, **kwargs) -> Report:
    """Open a report, with a message that says what to do when it cannot be opened."""
    try:
        return Report.open(path, **kwargs)
    except FileNotFoundError as exc:
        raise StoreError(str(exc)) from None
