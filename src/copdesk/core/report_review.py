"""Review state of an open report (comments, section statuses, the freeze and final approval, versions, merge
choices, the carried-over baseline): its writes, as a mixin of Report.

Like every write to a report, each is one transaction together with its history row, and each is a public
method: core/review.py, versions.py, merge.py and carry.py decide what to write, this says how, so no other
module touches the report's SQL, its history or its meta. Each write has its exact inverse here too (a
comment removed again, a status or meta value put back, a version dropped, a merge choice reopened), which
is what the window's undo uses.
"""

from __future__ import annotations

import json

from copdesk.core.model import Grid

COMMENT_COLUMNS = ("id", "code", "cell", "parent", "author", "initials", "at", "text", "resolved_by", "resolved_at",
                   "updated_at")
REVIEW_META = ("frozen_by", "frozen_at", "final_approved_by", "final_approved_at")


class ReviewState:
    """Mixed into Report (uses self.conn, self.atomic, self._log, self._meta, self.query, ...)."""

    # -- comments ------------------------------------------------------------------------------------
    def comment_row(self, comment_id: str) -> dict | None:
        rows = self.query("SELECT * FROM comments WHERE id = ?", [comment_id])
        return rows[0] if rows else None

    def add_comment_row(self, row: dict, logged: str) -> None:
        """Store a comment (or reply) as given; `logged` is what the history says ("author: text")."""
        with self.atomic():
            self.conn.execute(f"INSERT INTO comments ({', '.join(COMMENT_COLUMNS)}) VALUES "
                              f"({', '.join('?' * len(COMMENT_COLUMNS))})", [row.get(c, "") for c in COMMENT_COLUMNS])
            self._log(row["code"], "comment", None, logged)

    def remove_comment(self, comment_id: str) -> None:
        """Take a comment out again (the undo of adding it); the history keeps that it was written."""
        row = self.comment_row(comment_id)
        if row is None:
            return
        with self.atomic():
            self.conn.execute("DELETE FROM comments WHERE id = ?", [comment_id])
            self._log(row["code"], "comment removed", comment_id, None)

    def set_comment_state(self, comment_id: str, resolved_by: str, resolved_at: str, updated_at: str,
                          field: str, who: str) -> None:
        """Resolve, reopen, or put back an earlier state; `field` names the change in the history."""
        row = self.comment_row(comment_id)
        if row is None:
            return
        with self.atomic():
            self.conn.execute("UPDATE comments SET resolved_by = ?, resolved_at = ?, updated_at = ? WHERE id = ?",
                              [resolved_by, resolved_at, updated_at, comment_id])
            self._log(row["code"], field, comment_id, who)

    # -- section statuses ----------------------------------------------------------------------------
    def section_status_row(self, code: str) -> dict | None:
        rows = self.query("SELECT * FROM section_status WHERE code = ?", [code])
        return rows[0] if rows else None

    def set_section_status_row(self, code: str, row: dict | None) -> None:
        """Set a section's review status row (code, status, by, at), or remove it (None)."""
        old = self.section_status_row(code)
        with self.atomic():
            if row is None:
                self.conn.execute("DELETE FROM section_status WHERE code = ?", [code])
            else:
                self.conn.execute("INSERT OR REPLACE INTO section_status (code, status, by, at) VALUES (?, ?, ?, ?)",
                                  [code, row["status"], row["by"], row["at"]])
            self._log(code, "review status", old["status"] if old else None, row["status"] if row else None)

    # -- the freeze and the final approval (meta) ----------------------------------------------------
    def review_meta(self) -> dict[str, str]:
        """frozen_by/_at and final_approved_by/_at ("" when not set)."""
        return {k: self._meta.get(k, "") for k in REVIEW_META}

    def set_review_meta(self, values: dict[str, str], field: str, new: str) -> None:
        """Set some of REVIEW_META; the history records `field` ("frozen", "final approval") and `new`."""
        unknown = set(values) - set(REVIEW_META)
        if unknown:
            raise ValueError(f"not review state: {sorted(unknown)}")
        with self.atomic():
            for key, value in values.items():
                self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])
            self._log("report", field, None, new)
        self._meta.update(values)  # after the commit: a failed write leaves the cached meta as the file

    # -- versions ------------------------------------------------------------------------------------
    def add_version_row(self, name: str, at: str, by: str, data: str, version_id: int | None = None) -> int:
        """Store a version (under `version_id` when given: the redo of saving it); returns its id."""
        with self.atomic():
            cursor = self.conn.execute("INSERT INTO versions (id, name, at, by, data) VALUES (?, ?, ?, ?, ?)",
                                       [version_id, name, at, by, data])
            self._log("report", "version", None, name)
        return cursor.lastrowid

    def remove_version(self, version_id: int) -> None:
        rows = self.query("SELECT name FROM versions WHERE id = ?", [version_id])
        if not rows:
            return
        with self.atomic():
            self.conn.execute("DELETE FROM versions WHERE id = ?", [version_id])
            self._log("report", "version removed", rows[0]["name"], None)

    # -- merge choices -------------------------------------------------------------------------------
    def merge_conflict_rows(self) -> list[dict]:
        return self.rows("merge_conflicts")

    def settle_merge_choice(self, code: str, kind: str, value: str | None, choice: str) -> None:
        """Put the chosen value of a pending merge choice in place and close the choice, in one transaction."""
        with self.atomic():
            self._put_value(code, kind, value)
            self.conn.execute("DELETE FROM merge_conflicts WHERE code = ?", [code])
            self._log(code, "merge choice", None, choice)

    def reopen_merge_choice(self, row: dict, value: str | None) -> None:
        """The undo of settling a choice: the answer holds `value` again and the choice is pending again."""
        with self.atomic():
            self._put_value(row["code"], row["kind"], value)
            self.conn.execute("INSERT OR REPLACE INTO merge_conflicts (code, kind, base, mine, theirs, theirs_file) "
                              "VALUES (?, ?, ?, ?, ?, ?)", [row["code"], row["kind"], row.get("base"), row.get("mine"),
                                                           row.get("theirs"), row.get("theirs_file", "")])
            self._log(row["code"], "merge choice", row.get("choice"), None)

    def _put_value(self, code: str, kind: str, value: str | None) -> None:
        if kind == "table":
            self.set_table(code, json.loads(value) if value else [])
        elif value is None:
            self.clear(code)
        else:
            self.set_text(code, value)

    # -- the previous period (carry forward) ---------------------------------------------------------
    def set_baseline(self, answers: dict[str, str], tables: dict[str, Grid], meta: dict[str, str]) -> None:
        """Keep the previous period's answers and cells in this (new) report, for comparisons."""
        with self.atomic():
            self.conn.executemany("INSERT INTO baseline_answers (code, text) VALUES (?, ?)", list(answers.items()))
            self.conn.executemany("INSERT INTO baseline_cells (code, row, col, value) VALUES (?, ?, ?, ?)",
                                  [(c, r, k, v) for c, g in tables.items() for r, row in enumerate(g)
                                   for k, v in enumerate(row) if v is not None])
            self.conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(meta.items()))
        self._meta.update(meta)

    def baseline_rows(self) -> tuple[dict[str, str], list[tuple[str, int, int, str]]]:
        """The previous period's answers (code -> text) and cells (code, row, col, value), in order."""
        answers = dict(self.conn.execute("SELECT code, text FROM baseline_answers"))
        cells = self.conn.execute("SELECT code, row, col, value FROM baseline_cells ORDER BY code, row, col").fetchall()
        return answers, cells
