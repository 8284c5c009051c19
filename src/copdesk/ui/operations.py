"""Every write the window makes to a report, in one place (in the manner of Anki's aqt/operations).

Each operation is an undo command on the window's stack, structural ones included (subscriptions, crisis and
elections sub-sections and their blocks, comments, section statuses, the freeze, versions, merge choices, an
"If yes" text kept after a No, a reviewed Word document brought back and its suggestions accepted or
rejected), or it clears the undo history and says so (the final approval). A template correction is an undo
command of ui/template_commands.py (it writes copdesk's correction file too); when it renames an item, the
report's answers move through `rename_codes` here. The write itself goes through the session
(`DraftSession.write`: after the pending edits, one transaction, then what changed is announced), and the
session through the report's public methods. An operation that cannot be written raises (CopdeskError, an
OSError or sqlite3.Error) with nothing written and nothing pushed; `run` shows such an error to the user.
No other module of the window writes to a report (tests/test_architecture.py).

Undoing a change made on another page brings that page and field into view first (ui/undo.py).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from copdesk.core.rules import follow_ups
from copdesk.core.review import merge, comments as review, suggestions, versions
from copdesk.core.errors import CopdeskError
from copdesk.core.model import Grid
from copdesk.core.report.open_file import Report
from copdesk.core.template.template import Template
from copdesk.ui.session import DraftSession

translate = QCoreApplication.translate


def run(widget, operation, /, *args, **kwargs):
    """Call `operation`; a failure is shown to the user over `widget` (nothing was written) and gives None."""
    try:
        return operation(*args, **kwargs)
    except (CopdeskError, OSError, sqlite3.Error) as exc:
        from copdesk.ui.messages import show_error
        show_error(widget, exc)
        return None


def _change(session: DraftSession, stack: QUndoStack, text: str, do, undo, redo=None, where="", **signals):
    """Write `do` now; on success push the command that undoes (`undo`) and redoes (`redo`, or `do` again)."""
    from copdesk.ui.undo import Change
    result = session.write(do, **signals)
    stack.push(Change(session, stack, text, undo, redo or do, where, **signals))
    return result


# -- answers and tables --------------------------------------------------------------------------------
def edit_text(session: DraftSession, stack: QUndoStack, code: str, new: str, label: str = "") -> None:
    """A typed answer: queued by the session (saved within half a second); keystrokes merge into one step."""
    old = session.text(code)
    if new != old or session.status(code) == "carried":
        from copdesk.ui.undo import SetTextCommand  # at the first edit, not at start-up
        stack.push(SetTextCommand(session, code, old, new, label))


def edit_table(session: DraftSession, stack: QUndoStack, code: str, new: Grid, label: str) -> None:
    old = session.table(code)
    if new != (old or None):
        from copdesk.ui.undo import SetTableCommand
        stack.push(SetTableCommand(session, code, old, new, label))


# -- a report family (core/rules/services.py) ------------------------------------------------------------
def make_own(session: DraftSession, stack: QUndoStack, code: str, service: str, table: bool = False) -> str:
    """Give `service` its own answer (or table) to `code`, starting from the shared one; the other services
    keep the shared one. One undo step (undo: the service shows the shared one again). Returns its code."""
    from copdesk.core.rules.services import qualify
    own = qualify(code, service)
    if table:
        grid = [list(row) for row in session.table(code)]
        do, undo = (lambda r: r.set_table(own, grid)), (lambda r: r.set_table(own, []))
    else:
        text = session.text(code)
        do, undo = (lambda r: r.set_text(own, text)), (lambda r: r.clear(own))
    _change(session, stack, translate("Operations", "Make {code} {service}'s own").format(code=code, service=service),
            do, undo, where=_family_step(code, own), codes=[own])
    return own


def make_shared(session: DraftSession, stack: QUndoStack, code: str, service: str, table: bool = False) -> str:
    """Set `service`'s own answer (or table) to `code` aside, so it shows the shared one again. One undo step
    (undo: its own answer is back, as it was)."""
    from copdesk.core.rules.services import qualify
    own = qualify(code, service)
    if table:
        grid = [list(row) for row in session.table(own)]
        do, undo = (lambda r: r.set_table(own, [])), (lambda r: r.set_table(own, grid))
    else:
        session.flush()  # what was just typed into it is part of what comes back on undo
        old = session.report.get(own)
        if old is None:
            return code
        do = lambda r: r.clear(own)  # noqa: E731
        undo = lambda r: r.set_text(own, old.text, status=old.status, fmt=old.format)  # noqa: E731
    _change(session, stack, translate("Operations", "Use the shared {code} for {service}").format(
        code=code, service=service), do, undo, where=_family_step(code, own), codes=[own])
    return code


def _family_step(code: str, own: str) -> str:
    """Where an undo or redo of a family change looks: the page of `code` built again (its editor reads
    another answer now), in the service of `own`, the cursor in it."""
    from copdesk.core.rules.wizard import step_of
    return f"step:{step_of(code.removesuffix(' table'))}#{own}"


def mark_reviewed(session: DraftSession, stack: QUndoStack, codes: list[str]) -> None:
    """Clear the 'carried over' mark of answers whose text still holds (undo marks them again)."""
    session.flush()
    carried = [c for c in codes if session.status(c) == "carried"]
    if not carried:
        return

    def mark(status: str):
        def write(report: Report) -> None:
            for code in carried:
                report.set_text(code, report.text(code), status=status)
        return write

    _change(session, stack, translate("Operations", "Mark as reviewed"), mark(""), mark("carried"),
            where=carried[0], codes=carried)


# -- structure -------------------------------------------------------------------------------------------
def subscribe(session: DraftSession, stack: QUndoStack, items: list[str], service: str | None = None,
              where: str = "") -> list[str]:
    """Subscribe commitments and measures (in a family: for `service`, by default the service shown); returns
    the codes added (nothing added: no undo step). `where`: the step an undo or redo shows."""
    return _signing(session, stack, items, service, where, sign=True)


def unsubscribe(session: DraftSession, stack: QUndoStack, items: list[str], service: str | None = None,
                where: str = "") -> list[str]:
    """Drop commitments or measures (answers are kept; in a family: for `service`, by default the service
    shown); returns the codes removed. `where`: the step an undo or redo shows."""
    return _signing(session, stack, items, service, where, sign=False)


def _signing(session: DraftSession, stack: QUndoStack, items: list[str], service: str | None, where: str,
             sign: bool) -> list[str]:
    """Sign or stop signing `items`: one write, and one undo step whose inverse is the other of the two."""
    changed: list[str] = []

    def apply(report: Report, codes: list[str], on: bool, svc: str | None = None) -> list[str]:
        return report.subscribe(codes, service=svc) if on else report.unsubscribe(codes, service=svc)

    def do(report: Report) -> None:
        changed[:] = apply(report, items, sign, service or session.service)
    session.write(do, structure=True)
    if changed:
        from copdesk.ui.undo import Change
        label = translate("Operations", "Subscribe {codes}") if sign else translate("Operations", "Unsubscribe {codes}")
        stack.push(Change(session, stack, label.format(codes=", ".join(changed)),
                          lambda r: apply(r, changed, not sign), lambda r: apply(r, changed, sign),
                          f"step:{where or _plain(changed[0])}", structure=True))
    return changed


def _plain(code: str) -> str:
    from copdesk.core.rules.services import base
    return base(code)


def _crisis_change(session: DraftSession, stack: QUndoStack, text: str, do, sid: int | None = None) -> int:
    """A change to one sub-section, made by `do(report)` (which returns the sub-section's number); undone and
    redone by putting back its whole state (items, answers, tables), so nothing it held is lost either way."""
    states: dict[str, object] = {}

    def first(report: Report) -> int:
        states["before"] = report.crisis_state(sid) if sid is not None else None
        number = do(report)
        states["after"] = report.crisis_state(number)
        return number

    number = session.write(first, structure=True)
    from copdesk.ui.undo import Change
    shown = {which: f"step:Crisis {number}" if states[which] is not None else "step:crisis"
             for which in ("before", "after")}
    stack.push(Change(session, stack, text, lambda r: r.restore_crisis_section(number, states["before"]),
                      lambda r: r.restore_crisis_section(number, states["after"]), (shown["before"], shown["after"]),
                      structure=True))
    return number


def add_crisis_section(session: DraftSession, stack: QUndoStack, title: str) -> int:
    """A new Crisis and Elections Response sub-section named `title`; returns its number."""
    return _crisis_change(session, stack, translate("Operations", "Add sub-section “{title}”").format(title=title),
                          lambda r: r.add_crisis_section(title))


def remove_crisis_section(session: DraftSession, stack: QUndoStack, sid: int) -> bool:
    """Remove a sub-section and everything written in it (undo brings all of it back)."""
    title = session.text(f"Crisis {sid}/title") or str(sid)

    def do(report: Report) -> int:
        report.remove_crisis_section(sid)
        return sid
    text = translate("Operations", "Remove sub-section “{title}”").format(title=title)
    _crisis_change(session, stack, text, do, sid)
    return True


def add_crisis_items(session: DraftSession, stack: QUndoStack, sid: int, items: list[str]) -> None:
    """Show chapter outlines or measure, QRE and SLI blocks in a sub-section."""
    def do(report: Report) -> int:
        for code in items:
            report.add_crisis_item(sid, code)
        return sid
    _crisis_change(session, stack, translate("Operations", "Add {blocks} to sub-section {n}").format(
        blocks=", ".join(items), n=sid), do, sid)


# -- review --------------------------------------------------------------------------------------------------
def add_comment(session: DraftSession, stack: QUndoStack, code: str, text: str, author: str, initials: str = "",
                cell: str = "", parent: str = "") -> review.Comment:
    """A comment on an answer (or a table cell "row,col"), or a reply to `parent`; undo takes it out again."""
    comment = session.write(lambda r: review.add_comment(r, code, text, author, initials, cell=cell, parent=parent),
                            comments=True)
    row = dict(comment.__dict__)
    from copdesk.ui.undo import Change
    label = translate("Operations", "Reply") if parent else \
        translate("Operations", "Comment on {code}").format(code=code)
    stack.push(Change(session, stack, label, lambda r: review.remove_comment(r, row["id"]),
                      lambda r: r.add_comment_row(row, f"{author}: {text}"), code, comments=True))
    return comment


def set_comment_resolved(session: DraftSession, stack: QUndoStack, comment_id: str, who: str, resolved: bool) -> None:
    rows: dict[str, dict] = {}

    def do(report: Report) -> None:
        rows["before"] = report.comment_row(comment_id)
        review.set_resolved(report, comment_id, who, resolved)
        rows["after"] = report.comment_row(comment_id)

    def put(which: str):
        def write(report: Report) -> None:
            row = rows[which]
            report.set_comment_state(comment_id, row["resolved_by"], row["resolved_at"], row["updated_at"],
                                     "comment resolved" if row["resolved_at"] else "comment reopened", who)
        return write

    text = translate("Operations", "Resolve comment") if resolved else translate("Operations", "Reopen comment")
    session.write(do, comments=True)
    from copdesk.ui.undo import Change
    stack.push(Change(session, stack, text, put("before"), put("after"), rows["after"]["code"], comments=True))


def set_section_status(session: DraftSession, stack: QUndoStack, code: str, status: str, who: str) -> None:
    rows: dict[str, dict | None] = {}

    def do(report: Report) -> None:
        rows["before"] = report.section_status_row(code)
        review.set_status(report, code, status, who)
        rows["after"] = report.section_status_row(code)

    session.write(do, review=True)
    from copdesk.ui.undo import Change
    stack.push(Change(session, stack, translate("Operations", "Review status of {section}: {status}").format(
        section=code, status=status), lambda r: r.set_section_status_row(code, rows["before"]),
        lambda r: r.set_section_status_row(code, rows["after"]), f"step:{code}", review=True))


def set_frozen(session: DraftSession, stack: QUndoStack, who: str, frozen: bool) -> None:
    """Freeze the report for review (answers read-only) or lift that; undo puts the previous state back."""
    states: dict[str, dict] = {}

    def do(report: Report) -> None:
        states["before"] = report.review_meta()
        review.freeze(report, who, frozen)
        states["after"] = report.review_meta()

    def put(which: str):
        return lambda r: r.set_review_meta(states[which], "frozen", "yes" if states[which]["frozen_at"] else "no")

    session.write(do, review=True)
    from copdesk.ui.undo import Change
    text = translate("Operations", "Freeze for review") if frozen else translate("Operations", "Lift the freeze")
    stack.push(Change(session, stack, text, put("before"), put("after"), review=True))


def approve_final(session: DraftSession, stack: QUndoStack, who: str) -> bool:
    """Record the final approval. A formal act, not an edit: it cannot be undone, so the history is cleared."""
    session.write(lambda r: review.approve_final(r, who), review=True)
    from copdesk.ui.undo import clear_history  # the history is cleared and the reason shown in the status bar
    clear_history(stack, session, translate(
        "Operations", "Final approval recorded by {name}; the report is frozen. Earlier changes can no longer be "
                      "undone (the file's history keeps them).").format(name=who))
    return True


def save_version(session: DraftSession, stack: QUndoStack, name: str, who: str) -> versions.Version:
    saved: dict[str, object] = {}

    def do(report: Report) -> versions.Version:
        v = versions.save_version(report, name, who)
        saved["row"] = report.version_row(v.id)
        return v

    version = session.write(do)
    row = saved["row"]
    from copdesk.ui.undo import Change
    stack.push(Change(session, stack, translate("Operations", "Save version “{name}”").format(name=version.name),
                      lambda r: versions.remove_version(r, version.id),
                      lambda r: r.add_version_row(row["name"], row["at"], row["by"], row["data"], version.id)))
    return version


def choose_merge(session: DraftSession, stack: QUndoStack, code: str, side: str) -> None:
    """Settle a merge choice ("mine" or "theirs"); undo puts the value back and the choice is pending again."""
    kept: dict[str, object] = {}

    def do(report: Report) -> None:
        row = next((dict(r) for r in report.merge_conflict_rows() if r["code"] == code), None)
        if row is not None:
            kept["row"] = dict(row, choice=side)
            kept["value"] = _stored_value(report, code, row["kind"])
        merge.resolve(report, code, side)

    session.write(do, codes=[code])
    from copdesk.ui.undo import Change
    stack.push(Change(session, stack, translate("Operations", "Merge choice for {code}: {side}").format(
        code=code, side=side), lambda r: merge.reopen(r, kept["row"], kept["value"]),
        lambda r: merge.resolve(r, code, side), code, codes=[code]))


def _stored_value(report: Report, code: str, kind: str) -> str | None:
    if kind == "table":
        grid = report.table(code)
        return json.dumps(grid, ensure_ascii=False) if grid else None
    answer = report.get(code)
    return answer.text if answer else None


# -- "If yes" texts after a No (core.rules.follow_ups) ---------------------------------------------------------
def keep_follow_up(session: DraftSession, stack: QUndoStack, code: str, keep: bool = True) -> bool:
    """Keep (or stop keeping) the text of "If yes" answer `code` after a No; False when nothing changed."""
    changed = session.write(lambda r: follow_ups.set_kept(r, code, keep), codes=[code])
    if changed:
        from copdesk.ui.undo import Change
        text = translate("Undo", "Keep the text of {code}").format(code=code) if keep else \
            translate("Operations", "Stop keeping the text of {code}").format(code=code)
        stack.push(Change(session, stack, text, lambda r: follow_ups.set_kept(r, code, not keep),
                          lambda r: follow_ups.set_kept(r, code, keep), code, codes=[code]))
    return bool(changed)


# -- a reviewed Word document (core.review.word_import, core.review.suggestions) ---------------------------------------
def bring_back(session: DraftSession, stack: QUndoStack, path: Path, who: str):
    """Bring a reviewed Word export back (core.review.word_import): its comments, suggestions and merge choices come
    in as one undo step, and undo takes them out again (no answer changes). Returns the ReviewResult."""
    from copdesk.core.review.word_import import review_import
    added: dict[str, object] = {}

    def do(report: Report):
        before = _review_rows(report)
        result = review_import(report, path, who=who)
        after = _review_rows(report)
        added["suggestions"] = [row for sid, row in after[0].items() if sid not in before[0]]
        added["comments"] = [row for cid, row in after[1].items() if cid not in before[1]]
        changed = [code for code in dict.fromkeys([*before[2], *after[2]]) if before[2].get(code) != after[2].get(code)]
        added["choices"] = [(code, before[2].get(code), after[2].get(code)) for code in changed]
        return result

    result = session.write(do, comments=True)
    if any(added.values()):
        def undo(report: Report) -> None:
            for row in added["suggestions"]:
                report.remove_suggestion(row["id"])
            for row in reversed(added["comments"]):
                report.remove_comment(row["id"])
            for code, before, _after in added["choices"]:
                report.put_merge_choice(code, before)

        def redo(report: Report) -> None:
            for row in added["suggestions"]:
                report.add_suggestion_row(row, suggestions.Suggestion(**row).anchor)
            for row in added["comments"]:
                report.add_comment_row(row, f"{row['author']}: {row['text']}")
            for code, _before, after in added["choices"]:
                report.put_merge_choice(code, after)

        from copdesk.ui.undo import Change
        stack.push(Change(session, stack, translate("Operations", "Bring back {name}").format(name=Path(path).name),
                          undo, redo, comments=True))
    return result


def _review_rows(report: Report) -> tuple[dict[str, dict], dict[str, dict], dict[str, dict]]:
    """Suggestions and comments by id, pending merge choices by code."""
    return ({row["id"]: row for row in report.suggestion_rows()},
            {row["id"]: row for row in report.rows("comments")},
            {row["code"]: row for row in report.merge_conflict_rows()})


def settle_suggestions(session: DraftSession, stack: QUndoStack, ids: list[str], accept: bool, who: str) -> None:
    """Accept (write into the answers) or reject suggestions, as one undo step; undo puts the answers back as
    they were and the suggestions are pending again."""
    chosen = set(ids)
    codes = sorted({s.code for s in suggestions.all_suggestions(session.report) if s.id in chosen})
    before: dict[str, list] = {}

    def do(report: Report) -> None:
        before["values"] = (suggestions.accept if accept else suggestions.reject)(report, ids, who)

    session.write(do, codes=codes, comments=True)
    if accept:
        text = translate("ReviewImport", "Accept %n suggestion(s)", "", len(ids))
    else:
        text = translate("ReviewImport", "Reject %n suggestion(s)", "", len(ids))
    from copdesk.ui.undo import Change
    stack.push(Change(session, stack, text, lambda r: suggestions.reopen(r, before["values"], accepted=accept), do,
                      _field(codes[0]) if codes and accept else "", codes=codes, comments=True))


def _field(code: str) -> str:
    """What to bring into view for answer `code`: its field, or its table ("CODE table")."""
    return f"{code} table" if code.split("/")[-1].startswith("SLI ") else code


# -- template corrections (ui/template_commands.py) --------------------------------------------------------
def rename_codes(session: DraftSession, moves: dict[str, str]) -> int:
    """Move this report's answers, tables, comments and the rest from each old item code to its new one
    (Report.move_codes), in one transaction after the pending edits. Part of a template correction: the
    correction's own command (ui/template_commands.py) is the undo step and calls this both ways."""
    if not moves:
        return 0
    return session.write(lambda r: r.move_codes(moves))


# -- a new report (the wizard) -------------------------------------------------------------------------
def create_report(path: Path, template: Template, *, signatory: str, kind: str, title: str, subscriptions: list[str],
                  who: str | None, header: dict[str, str], services: list[str] = ()) -> Path:
    """Create a report file with its profile and header (nothing to undo: it did not exist); `services`: a
    report family (core/rules/services.py)."""
    with Report.create(path, template, signatory=signatory, kind=kind, title=title, subscriptions=subscriptions,
                       who=who, services=services) as r:
        with r.atomic():
            for code, value in header.items():
                if value:
                    r.set_text(code, value)
    return path
