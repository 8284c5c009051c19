"""Review state of an open report (comments, section statuses, the freeze and final approval, versions, merge
choices, the carried-over baseline, suggestions from a reviewed Word document, "If yes" texts kept after a
No): its writes, as a mixin of Report.

Like every write to a report, each is one transaction together with its history row, and each is a public
method: core/review/comments.py, versions.py, merge.py and carry.py decide what to write, this says how, so no other
module touches the report's SQL, its history or its meta. Each write has its exact inverse here too (a
comment removed again, a status or meta value put back, a version dropped, a merge choice reopened), which
is what the window's undo uses.
"""

from __future__ import annotations

import json

COMMENT_COLUMNS = ("id", "code", "cell", "parent", "author", "initials", "at", "text", "resolved_by", "resolved_at",
                   "updated_at")
REVIEW_META = ("frozen_by", "frozen_at", "final_approved_by", "final_approved_at")
SUGGESTION_COLUMNS = ("id", "code", "cell", "base", "text", "author", "at", "tracked", "changes", "source", "state")
FOLLOW_UPS_KEPT = "follow_ups_kept"  # core.rules.follow_ups.META_KEY


class ReviewState:
    """Mixed into Report (uses self.conn, self.atomic, self._log, self._meta, self.query, ...)."""

    # -- comments ------------------------------------------------------------------------------------
    def comment_row(self, comment_id: str) -> dict | None:
        rows = self.query("SELECT * FROM comments WHERE id = ?", [comment_id])
        return rows[0] if rows else None

    def comment_rows(self, code: str | None = None) -> list[dict]:
        """Comments and replies (of one answer or table when `code` is given), oldest first."""
        sql = "SELECT * FROM comments" + (" WHERE code = ?" if code else "") + " ORDER BY at, rowid"
        return self.query(sql, [code] if code else [])

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
    def version_rows(self) -> list[dict]:
        """Every saved version (id, name, at, by), oldest first; without its data."""
        return self.query("SELECT id, name, at, by FROM versions ORDER BY id")

    def version_row(self, version_id: int) -> dict | None:
        """A whole version row by its id, or None."""
        rows = self.query("SELECT * FROM versions WHERE id = ?", [version_id])
        return rows[0] if rows else None

    def find_version(self, ref: str | int) -> dict | None:
        """A whole version row by id or by name (the newest of that name), or None."""
        rows = self.query("SELECT * FROM versions WHERE id = ? OR name = ? ORDER BY id DESC LIMIT 1",
                          [str(ref), str(ref)])
        return rows[0] if rows else None

    # -- history, as a reviewed document's state needs it --------------------------------------------
    def history_row_id(self, history_id: int, at: str) -> int | None:
        """The history row written at `at`: by id and time, or by time alone (a merged copy numbers the
        other side's rows anew); None when the history holds no such row."""
        rows = self.query("SELECT id FROM history WHERE id = ? AND at = ?", [history_id, at]) or \
            self.query("SELECT max(id) AS id FROM history WHERE at = ? HAVING count(*) > 0", [at])
        return rows[0]["id"] if rows else None

    def last_history_id(self) -> int:
        return self.query("SELECT max(id) AS id FROM history")[0]["id"] or 0

    def history_after(self, history_id: int) -> list[dict]:
        """The text and table changes after history row `history_id`, newest first (code, field, old)."""
        return self.query("SELECT code, field, old FROM history WHERE id > ? ORDER BY id DESC", [history_id])

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

    def add_merge_choices(self, rows: list[dict], theirs_file: str) -> None:
        """Leave choices pending (code, kind, base, mine, theirs), each with a history row; a newer choice on
        the same answer replaces an older one (review-import does; a merge writes them into its new file)."""
        with self.atomic():
            for row in rows:
                self.conn.execute("INSERT OR REPLACE INTO merge_conflicts (code, kind, base, mine, theirs, theirs_file) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", [row["code"], row["kind"], row.get("base"),
                                                               row.get("mine"), row.get("theirs"), theirs_file])
                self._log(row["code"], "merge choice", None, f"pending ({theirs_file})")

    def put_merge_choice(self, code: str, row: dict | None) -> None:
        """Make the pending choice on `code` exactly `row` again (None: no choice pending), answers untouched:
        the undo of leaving choices (add_merge_choices)."""
        old = next((r for r in self.merge_conflict_rows() if r["code"] == code), None)
        with self.atomic():
            if row is None:
                self.conn.execute("DELETE FROM merge_conflicts WHERE code = ?", [code])
            else:
                self.conn.execute("INSERT OR REPLACE INTO merge_conflicts (code, kind, base, mine, theirs, theirs_file) "
                                  "VALUES (?, ?, ?, ?, ?, ?)", [code, row["kind"], row.get("base"), row.get("mine"),
                                                               row.get("theirs"), row.get("theirs_file", "")])
            self._log(code, "merge choice", f"pending ({old['theirs_file']})" if old else None,
                      f"pending ({row.get('theirs_file', '')})" if row else None)

    def _put_value(self, code: str, kind: str, value: str | None) -> None:
        if kind == "table":
            self.set_table(code, json.loads(value) if value else [])
        elif value is None:
            self.clear(code)
        else:
            self.set_text(code, value)

    # -- the previous period (carry forward: core.review.carry makes the new report with it) ----------------
    def baseline_rows(self) -> tuple[dict[str, str], list[tuple[str, int, int, str]]]:
        """The previous period's answers (code -> text) and cells (code, row, col, value), in order."""
        answers = dict(self.conn.execute("SELECT code, text FROM baseline_answers"))
        cells = self.conn.execute("SELECT code, row, col, value FROM baseline_cells ORDER BY code, row, col").fetchall()
        return answers, cells

    # -- suggestions from a reviewed Word document (core.review.suggestions, core.review.word_import) -------------
    def suggestion_rows(self, state: str | None = None) -> list[dict]:
        """Every suggestion (or those in `state`), in the order they came."""
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'suggestions'").fetchone():
            return []  # a file of an older schema opened read-only (never migrated): it has none
        sql = "SELECT * FROM suggestions" + (" WHERE state = ?" if state else "") + " ORDER BY rowid"
        return self.query(sql, [state] if state else [])

    def add_suggestion_row(self, row: dict, logged: str) -> bool:
        """Store a suggestion as given (False, nothing written, when its id is there already); the history
        says `logged` (where it goes)."""
        if self.query("SELECT 1 FROM suggestions WHERE id = ?", [row["id"]]):
            return False
        with self.atomic():
            self.conn.execute(f"INSERT INTO suggestions ({', '.join(SUGGESTION_COLUMNS)}) VALUES "
                              f"({', '.join('?' * len(SUGGESTION_COLUMNS))})", [row[c] for c in SUGGESTION_COLUMNS])
            self._log(row["code"], "suggestion", None, logged)
        return True

    def remove_suggestion(self, sid: str) -> None:
        """Take a suggestion out again (the undo of bringing back the document it came with)."""
        rows = self.query("SELECT code FROM suggestions WHERE id = ?", [sid])
        if not rows:
            return
        with self.atomic():
            self.conn.execute("DELETE FROM suggestions WHERE id = ?", [sid])
            self._log(rows[0]["code"], "suggestion removed", sid, None)

    def set_suggestion_state(self, sid: str, code: str, state: str, by: str, at: str, logged: str) -> None:
        """Settle a suggestion (accepted, rejected) or make it pending again (by and at ""); the history
        says `logged`."""
        with self.atomic():
            self.conn.execute("UPDATE suggestions SET state = ?, settled_by = ?, settled_at = ? WHERE id = ?",
                              [state, by, at, sid])
            self._log(code, "suggestion", sid, logged)

    def note_review_import(self, name: str) -> None:
        """The history row that says a reviewed Word document (`name`) was brought back."""
        with self.atomic():
            self._log("report", "review import", None, name)

    # -- an "If yes" text kept after a No (core.rules.follow_ups) -----------------------------------------------
    def set_follow_ups_kept(self, codes: list[str], code: str, keep: bool) -> None:
        """Store which follow-up answers are kept after a No (meta follow_ups_kept, a JSON list), now that
        `code` is kept (or no longer); refused while the report is frozen."""
        self._check_writable(code)
        value = json.dumps(sorted(codes))
        with self.atomic():
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [FOLLOW_UPS_KEPT, value])
            self._log(code, "kept after no", "no" if keep else "yes", "yes" if keep else "no")
        self._meta[FOLLOW_UPS_KEPT] = value  # after the commit: a failed write leaves the cached meta as the file
