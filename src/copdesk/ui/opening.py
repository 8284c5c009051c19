"""Opening a report safely: where it is, who else has it open, and what a crash left behind.

Before a report opens: a file on a network share or in a cloud-synced folder gets a warning and the offer
of a local working copy; a file another copdesk has open gets the choice of read-only or a copy. After it
opens: a session that ended without closing is announced in a banner (what the file holds, up to when),
a backup is made off the UI thread, and File › Restore from backup… is added. Every question goes through
`choose`, the one modal of this module, so tests answer it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from copdesk.core import backups, lockfile, placement
from copdesk.core.errors import CopdeskError, StoreError

READ_ONLY, COPY, LOCAL_COPY, HERE, CANCEL = "Open read-only", "Open a copy", "Work on a local copy", \
    "Open here anyway", "Cancel"


def choose(parent: QWidget | None, title: str, text: str, hint: str, options: list[str]) -> str:
    """Ask one question with the given answers (the last one cancels); returns the answer's text."""
    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.NoButton, parent)
    box.setInformativeText(hint)
    buttons = {box.addButton(o, QMessageBox.RejectRole if o == options[-1] else QMessageBox.AcceptRole): o
               for o in options}
    box.exec()
    return buttons.get(box.clickedButton(), options[-1])


@dataclass
class OpenPlan:
    """How a report is opened: the path really opened, read-only or not, its lock, notes for the banner."""

    path: Path
    readonly: bool = False
    lock: lockfile.Lock | None = None
    notes: list[str] = field(default_factory=list)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def prepare(parent: QWidget | None, path: Path) -> OpenPlan | None:
    """Ask what needs asking before `path` opens; None when the user cancelled."""
    plan = OpenPlan(Path(path))
    if not plan.path.is_file():
        return plan  # Report.open says what is wrong
    if not _placement(parent, plan) or not _lock(parent, plan):
        return None
    return plan


def _placement(parent: QWidget | None, plan: OpenPlan) -> bool:
    reason = placement.unsafe_location(plan.path)
    if reason is None:
        return True
    answer = choose(parent, "Unsafe place for a report", reason,
                    "SQLite, which holds the report, can lose or damage data on network shares and in folders "
                    "a sync client rewrites. copdesk can copy the report to this computer and open the copy; "
                    "copy it back (or export it) when you are done.", [LOCAL_COPY, HERE, CANCEL])
    if answer == CANCEL:
        return False
    if answer == LOCAL_COPY:
        original = plan.path
        plan.path = backups.copy_report(original, placement.working_copy_path(original))
        plan.notes.append(f"This is a local working copy of {original}, made because that place is unsafe for "
                          f"a report. It is saved here: {plan.path}. Copy it back when you are done.")
    return True


def _lock(parent: QWidget | None, plan: OpenPlan) -> bool:
    try:
        plan.lock = lockfile.acquire(plan.path)
        return True
    except lockfile.LockedError as exc:
        holder, message = exc.holder, exc.message
    answer = choose(parent, "Report already open", message,
                    "Two people typing in one report overwrite each other. Read it without changing it, "
                    "or work on a copy of it as it is now.", [READ_ONLY, COPY, CANCEL])
    if answer == READ_ONLY:
        plan.readonly = True
        plan.notes.append(f"Read-only: {plan.path.name} is open in another copdesk ({holder.describe()}). "
                          "Nothing you type here is kept.")
        return True
    if answer == COPY:
        original = plan.path
        plan.path = backups.copy_report(original, _copy_name(original))
        plan.lock = lockfile.acquire(plan.path)
        plan.notes.append(f"This is a copy of {original.name} (open in another copdesk), saved as {plan.path}.")
        return True
    return False


def _copy_name(path: Path) -> Path:
    for n in range(1, 1000):
        candidate = path.with_name(f"{path.stem} (copy{'' if n == 1 else f' {n}'}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise StoreError(f"Too many copies of {path.name} in {path.parent}.")


def open_error(parent: QWidget | None, exc: CopdeskError, path: Path, controller) -> None:
    """A report that cannot be opened: say why; offer its backups when it has some."""
    from copdesk.ui.messages import show_error
    found = backups.list_backups(path) if isinstance(exc, StoreError) else []
    if not found:
        show_error(parent, exc)
        return
    restore = "Restore from backup…"
    answer = choose(parent, "copdesk", exc.message,
                    (exc.hint + " " if exc.hint else "") + f"copdesk has {len(found)} backup"
                    f"{'s' if len(found) != 1 else ''} of this report; the newest is from "
                    f"{lockfile.local_time(found[0].at)}.", [restore, "Close"])
    if answer == restore:
        from copdesk.ui.backups_dialog import restore_from_backup
        restore_from_backup(parent, path, controller)
