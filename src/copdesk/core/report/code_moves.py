"""Move a report's answers from one item code to another, when a template correction renames the item.

"Rename the code" (the id in copdesk's template was wrong: QRE 1.3.1 is QRE 1.3.2 in the official one) must
take the report along: its answers, tables, subscriptions, crisis choices, comments, review statuses and the
official wording it came with,
the commitment's questions ("Commitment 40 Q1") and crisis answers ("Crisis 1/QRE 1.3.1") included. All of it
moves in one transaction with a history row per code, and moving back undoes it exactly. A mixin of Report
(CodeMoves), as the report's own writes are (tests/test_architecture.py).
"""

from __future__ import annotations

import re

from copdesk.core.errors import InputError

# (table, column) pairs that hold answer or item codes
COLUMNS = (("answers", "code"), ("cells", "code"), ("subscriptions", "code"), ("crisis_items", "code"),
           ("comments", "code"), ("section_status", "code"), ("baseline_answers", "code"),
           ("baseline_cells", "code"), ("merge_conflicts", "code"), ("wording", "code"))


def moved(code: str, mapping: dict[str, str]) -> str | None:
    """The new spelling of answer code `code` under `mapping` (item code -> new item code), or None."""
    prefix, _, base = code.rpartition("/")
    m = re.match(r"^(Commitment \d+)( Q\d)$", base)
    item, suffix = (m.group(1), m.group(2)) if m else (base, "")
    if item not in mapping:
        return None
    return (prefix + "/" if prefix else "") + mapping[item] + suffix


class CodeMoves:
    """Mixed into Report (uses self.conn, self.atomic, self._log): the write that renames codes."""

    def move_codes(self, mapping: dict[str, str]) -> int:
        """Rename every code of `mapping` in the report; returns how many rows moved. Refused (InputError,
        nothing changed) when a new code already holds something in this report."""
        if not mapping:
            return 0
        conn = self.conn
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        plan: list[tuple[str, str, str, str]] = []  # (table, column, old, new)
        for table, column in COLUMNS:
            if table not in tables:
                continue
            for (code,) in conn.execute(f"SELECT DISTINCT [{column}] FROM [{table}]"):
                new = moved(code, mapping)
                if new is not None:
                    plan.append((table, column, code, new))
        olds = {(t, old) for t, _c, old, _n in plan}
        for table, column, _old, new in plan:
            if (table, new) not in olds and conn.execute(
                    f"SELECT 1 FROM [{table}] WHERE [{column}] = ? LIMIT 1", [new]).fetchone():
                raise InputError(f"{new} already holds an answer in this report, so the code cannot be renamed to "
                                 "it.", "Clear that answer first, or choose another code.")
        with self.atomic():
            for table, column, old, new in plan:
                conn.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE [{column}] = ?", [f"\0{new}", old])
            for table, column, _old, new in plan:  # in two steps: a swap (A->B, B->A) never meets itself
                conn.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE [{column}] = ?", [new, f"\0{new}"])
            for old, new in sorted({(o, n) for _t, _c, o, n in plan}):
                self._log(new, "renamed", old, new)
        return len(plan)


def move_codes(report, mapping: dict[str, str]) -> int:
    """report.move_codes(mapping): see CodeMoves.move_codes."""
    return report.move_codes(mapping)
