"""Recovery that is said out loud: after a session ended without closing, what the file holds.

Every acknowledged edit is already in the file (each is its own committed transaction), so there is
nothing to replay. What people need after a crash is to *know* that: which session died, how many of its
changes are in the file, and the time of the last one. Savepoints that load silently, or not at all, are
what users of other form tools complain about (field notes, "lost drafts").
"""

from __future__ import annotations

from copdesk.core.safety.lockfile import LockInfo, local_time
from copdesk.core.records import record


@record
class Recovery:
    session: LockInfo  # the session that ended without closing
    changes: int  # changes written during it
    codes: tuple[str, ...]  # the answers they touched, in the order first changed
    last_change: str  # ISO time of the last change in the file ('' if the file has none)

    def message(self) -> str:
        """What a person reads: what happened, what is in the file, up to when."""
        head = (f"copdesk was not closed properly last time ({self.session.describe()}): "
                "a crash, a power cut or a forced quit.")
        if self.changes:
            shown = ", ".join(self.codes[:5]) + (f" and {len(self.codes) - 5} more" if len(self.codes) > 5 else "")
            body = (f"Recovered: all {self.changes} change{'s' if self.changes != 1 else ''} saved in that "
                    f"session ({shown}), up to {local_time(self.last_change)}.")
        else:
            body = ("No change was made in that session; the report is as it was at "
                    f"{local_time(self.last_change) if self.last_change else 'its creation'}.")
        return f"{head} {body} The file was checked and is sound."


def recovered(report, session: LockInfo) -> Recovery:
    """What the open `report` holds from `session` (read from its history: every change logs itself)."""
    rows = report.query("SELECT code FROM history WHERE at >= ? ORDER BY id", [session.started]) \
        if session.started else []
    last = report.query("SELECT MAX(at) AS last FROM history")[0]["last"] or ""
    return Recovery(session, len(rows), tuple(dict.fromkeys(r["code"] for r in rows)), last)
