"""Offline review on a report: comments with replies, status per section, freeze for review, final approval.

Comment ids are UUIDs, so comments written in two copies of a file merge by id. Every change here is
logged in the report's history like an answer change. Section codes: "header", "Commitment 12",
"Crisis 1"; the whole report's final approval lives in meta (final_approved_by/_at).
"""

from __future__ import annotations

from copdesk.core.errors import InputError
from copdesk.core.records import record
from copdesk.core.report.open_file import Report
from copdesk.core.model import now

STATUSES = ("draft", "ready for review", "changes requested", "approved")


@record
class Comment:
    id: str
    code: str
    cell: str
    parent: str
    author: str
    initials: str
    at: str
    text: str
    resolved_by: str
    resolved_at: str
    updated_at: str

    @property
    def resolved(self) -> bool:
        return bool(self.resolved_at)

    @property
    def anchor(self) -> str:
        """What the comment is on: "QRE 12.1.1", or "SLI 16.1.1 cell 3,1"."""
        return f"{self.code} cell {self.cell}" if self.cell else self.code


@record
class SectionStatus:
    code: str
    status: str
    by: str
    at: str


def _require_name(who: str) -> str:
    if not who.strip():
        raise InputError("Your name is not set, so the comment or status would have no author.",
                         "Set your name in Preferences (or pass --who on the command line).")
    return who.strip()


def comments(report: Report, code: str | None = None) -> list[Comment]:
    return [Comment(**row) for row in report.comment_rows(code)]


def threads(report: Report, code: str | None = None) -> list[tuple[Comment, list[Comment]]]:
    """Top-level comments, each with its replies in order."""
    found = comments(report, code)
    replies: dict[str, list[Comment]] = {}
    for c in found:
        if c.parent:
            replies.setdefault(c.parent, []).append(c)
    return [(c, replies.get(c.id, [])) for c in found if not c.parent]


def add_comment(report: Report, code: str, text: str, author: str, initials: str = "", cell: str = "",
                parent: str = "") -> Comment:
    """A comment on an answer (or a table cell "row,col"), or a reply to `parent`."""
    author = _require_name(author)
    if not text.strip():
        raise InputError("A comment needs some text.")
    code = report.resolve(code)
    stamp = now()
    import uuid
    comment = Comment(str(uuid.uuid4()), code, cell, parent, author, initials, stamp, text, "", "", stamp)
    report.add_comment_row(comment.__dict__, f"{author}: {text}")
    return comment


def remove_comment(report: Report, comment_id: str) -> None:
    """Take a comment out again (the undo of writing it)."""
    report.remove_comment(comment_id)


def set_resolved(report: Report, comment_id: str, who: str, resolved: bool = True) -> None:
    who = _require_name(who)
    if report.comment_row(comment_id) is None:
        raise InputError(f"No comment {comment_id}.")
    stamp = now()
    report.set_comment_state(comment_id, who if resolved else "", stamp if resolved else "", stamp,
                             "comment resolved" if resolved else "comment reopened", who)


def statuses(report: Report) -> dict[str, SectionStatus]:
    return {r["code"]: SectionStatus(**r) for r in report.rows("section_status")}


def set_status(report: Report, code: str, status: str, who: str) -> None:
    who = _require_name(who)
    if status not in STATUSES:
        raise InputError(f"'{status}' is not a review status.", "Use one of: " + ", ".join(STATUSES) + ".")
    report.set_section_status_row(code, {"status": status, "by": who, "at": now()})


def freeze(report: Report, who: str, frozen: bool = True) -> None:
    """Make every answer read-only while comments and statuses stay open (or lift that)."""
    who = _require_name(who)
    values = {"frozen_by": who if frozen else "", "frozen_at": now() if frozen else ""}
    if not frozen:
        values.update({"final_approved_by": "", "final_approved_at": ""})
    report.set_review_meta(values, "frozen", "yes" if frozen else "no")


def final_approval(report: Report) -> tuple[str, str] | None:
    meta = report.meta
    return (meta.get("final_approved_by", ""), meta["final_approved_at"]) if meta.get("final_approved_at") else None


def approve_final(report: Report, who: str) -> None:
    """Record the final approval; the report is frozen and its export says Final instead of Draft."""
    who = _require_name(who)
    stamp = now()
    values = {} if report.frozen() else {"frozen_by": who, "frozen_at": stamp}
    report.set_review_meta({**values, "final_approved_by": who, "final_approved_at": stamp}, "final approval", who)
