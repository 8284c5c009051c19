"""Crisis and Elections Response sub-sections of an open report: a mixin of Report."""

from __future__ import annotations

from copdesk.core.template import codes
from copdesk.core.rules import services
from copdesk.core.model import Answer, CrisisSection, Grid
from copdesk.core.records import record


@record
class CrisisState:
    """Everything a sub-section holds, to put it back exactly (the undo of removing or changing it)."""

    id: int
    position: int
    items: tuple[str, ...]
    answers: tuple[Answer, ...]
    tables: tuple[tuple[str, Grid], ...]


class CrisisSections:
    """Mixed into Report (uses self.conn, self.atomic, self.template, self._log, self.resolve, ...)."""

    def crisis_sections(self) -> list[CrisisSection]:
        order = {code: i for i, code in enumerate(self.template.index)}
        out = []
        for sid, pos in self.conn.execute("SELECT id, position FROM crisis_sections ORDER BY position, id").fetchall():
            items = [r[0] for r in self.conn.execute("SELECT code FROM crisis_items WHERE section = ?", [sid])]
            items.sort(key=lambda c: order.get(c, len(order)))
            out.append(CrisisSection(sid, pos, self.text(f"Crisis {sid}/title"), tuple(items)))
        return out

    def add_crisis_section(self, title: str) -> int:
        with self.atomic():
            sid = (self.conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM crisis_sections").fetchone()[0])
            pos = self.conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM crisis_sections").fetchone()[0]
            self.conn.execute("INSERT INTO crisis_sections (id, position) VALUES (?, ?)", [sid, pos])
            self._log(f"Crisis {sid}", "section", None, "added")
            self.set_text(f"Crisis {sid}/title", title)
        return sid

    def remove_crisis_section(self, sid: int) -> None:
        """Remove a sub-section with its answers and tables (each removal in the history)."""
        self.restore_crisis_section(sid, None)

    def crisis_state(self, sid: int) -> CrisisState | None:
        """What sub-section `sid` holds now (None when there is none)."""
        row = self.conn.execute("SELECT position FROM crisis_sections WHERE id = ?", [sid]).fetchone()
        if row is None:
            return None
        prefix = f"Crisis {sid}/"
        items = tuple(sorted(r[0] for r in self.conn.execute("SELECT code FROM crisis_items WHERE section = ?", [sid])))
        answers = tuple(Answer(*r) for r in self.conn.execute(
            "SELECT * FROM answers WHERE substr(code, 1, ?) = ? ORDER BY code", [len(prefix), prefix]))
        tables = tuple((c, self.table(c)) for c in self.table_codes() if c.startswith(prefix))
        return CrisisState(sid, row[0], items, answers, tables)

    def restore_crisis_section(self, sid: int, state: CrisisState | None) -> None:
        """Make sub-section `sid` hold exactly `state` (None: no such sub-section), in one transaction."""
        now = self.crisis_state(sid)
        with self.atomic():
            if state is not None and now is None:
                self.conn.execute("INSERT INTO crisis_sections (id, position) VALUES (?, ?)", [sid, state.position])
                self._log(f"Crisis {sid}", "section", None, "added")
            keep = {a.code: a for a in state.answers} if state else {}
            for answer in keep.values():
                self.set_text(answer.code, answer.text, status=answer.status, fmt=answer.format)
            for answer in (now.answers if now else ()):
                if answer.code not in keep:
                    self.clear(answer.code)
            grids = dict(state.tables) if state else {}
            for code, grid in grids.items():
                self.set_table(code, grid)
            for code, _grid in (now.tables if now else ()):
                if code not in grids:
                    self.set_table(code, [])
            self.conn.execute("DELETE FROM crisis_items WHERE section = ?", [sid])
            if state is None:
                if now is not None:
                    self.conn.execute("DELETE FROM crisis_sections WHERE id = ?", [sid])
                    self._log(f"Crisis {sid}", "section", "added", None)
                return
            self.conn.execute("UPDATE crisis_sections SET position = ? WHERE id = ?", [state.position, sid])
            self.conn.executemany("INSERT INTO crisis_items (section, code) VALUES (?, ?)",
                                  [(sid, code) for code in state.items])


    def add_crisis_item(self, sid: int, code: str) -> None:
        """Show a chapter outline, measure, QRE or SLI block in a crisis sub-section."""
        full = self.resolve(f"Crisis {sid}/{code}")
        with self.atomic():
            self._touch_crisis(full)

    def _touch_crisis(self, code: str) -> None:
        crisis = codes.split_crisis(code)
        if not crisis:
            return
        sid, part = crisis
        if not self.conn.execute("SELECT 1 FROM crisis_sections WHERE id = ?", [sid]).fetchone():
            pos = self.conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM crisis_sections").fetchone()[0]
            self.conn.execute("INSERT INTO crisis_sections (id, position) VALUES (?, ?)", [sid, pos])
            self._log(f"Crisis {sid}", "section", None, "added")
        if services.base(part) not in codes.CRISIS_PARTS and not self.conn.execute(
                "SELECT 1 FROM crisis_items WHERE section = ? AND code = ?", [sid, part]).fetchone():
            self.conn.execute("INSERT INTO crisis_items (section, code) VALUES (?, ?)", [sid, part])
