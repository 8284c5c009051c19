"""Crisis and Elections Response sub-sections of an open report: a mixin of Report."""

from __future__ import annotations

from copdesk.core import codes
from copdesk.core.model import CrisisSection


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
        prefix = f"Crisis {sid}/"
        with self.atomic():
            for code in [c for c in self.answers() if c.startswith(prefix)]:
                self.clear(code)
            self.conn.execute("DELETE FROM cells WHERE code LIKE ?", [prefix + "%"])
            self.conn.execute("DELETE FROM crisis_items WHERE section = ?", [sid])
            self.conn.execute("DELETE FROM crisis_sections WHERE id = ?", [sid])
            self._log(f"Crisis {sid}", "section", "added", None)

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
        if part not in codes.CRISIS_PARTS and not self.conn.execute(
                "SELECT 1 FROM crisis_items WHERE section = ? AND code = ?", [sid, part]).fetchone():
            self.conn.execute("INSERT INTO crisis_items (section, code) VALUES (?, ?)", [sid, part])
