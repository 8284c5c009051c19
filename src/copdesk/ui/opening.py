"""Opening a report safely: where it is, who else has it open, and what a crash left behind.

Before a report opens: a file on a network share or in a cloud-synced folder gets a warning and the offer
of a local working copy; a file another copdesk has open gets the choice of read-only or a copy. After it
opens: a session that ended without closing is announced in a banner (what the file holds, up to when),
a backup is made off the UI thread, and File › Restore from backup… is added. Every question goes through
`choose`, the one modal of this module, so tests answer it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from copdesk.core.safety import lockfile, placement
from copdesk.core.errors import CopdeskError, StoreError, UnavailableError

translate = QCoreApplication.translate
# The answers, as identifiers (what choose returns) and, translated, as the buttons' text.
READ_ONLY, COPY, LOCAL_COPY, HERE, CANCEL = (
    QT_TRANSLATE_NOOP("Opening", "Open read-only"), QT_TRANSLATE_NOOP("Opening", "Open a copy"),
    QT_TRANSLATE_NOOP("Opening", "Work on a local copy"), QT_TRANSLATE_NOOP("Opening", "Open here anyway"),
    QT_TRANSLATE_NOOP("Opening", "Cancel"))
RESTORE, CLOSE = QT_TRANSLATE_NOOP("Opening", "Restore from backup…"), QT_TRANSLATE_NOOP("Opening", "Close")


def choose(parent: QWidget | None, title: str, text: str, hint: str, options: list[str]) -> str:
    """Ask one question with the given answers (the last one cancels); returns the answer's text."""
    from PySide6.QtWidgets import QMessageBox  # loaded when a question is asked, not at every start
    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.NoButton, parent)
    box.setInformativeText(hint)
    buttons = {box.addButton(translate("Opening", o), QMessageBox.RejectRole if o == options[-1] else QMessageBox.AcceptRole): o
               for o in options}
    box.exec()
    return buttons.get(box.clickedButton(), options[-1])


@dataclass
class OpenPlan:
    """How a report is opened: the path really opened, read-only or not, its lock, notes for the banner."""

    path: Path
    readonly: bool = False
    lock: lockfile.Lock | None = None
    readonly_reason: str = ""  # said when something is typed in a read-only window (default: another copdesk)
    notes: list[str] = field(default_factory=list)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def prepare(parent: QWidget | None, path: Path) -> OpenPlan | None:
    """Ask what needs asking before `path` opens; None when the user cancelled."""
    plan = OpenPlan(Path(path))
    if not plan.path.is_file():
        return plan  # Report.open says what is wrong
    if not _placement(parent, plan) or not _writable(parent, plan):
        return None
    if not plan.readonly and not _lock(parent, plan):
        return None
    return plan


def may_write(path: Path) -> bool:
    """Whether this user may change the report and create files beside it (its journal, its lock)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _writable(parent: QWidget | None, plan: OpenPlan) -> bool:
    """A file we may not write: say so before anything is typed, offer read-only or a copy."""
    if may_write(plan.path):
        return True
    answer = choose(parent, translate("Opening", "Read-only report"),
                    translate("Opening", "{name} cannot be changed: the file or its folder is read-only, or you may "
                                         "not write there.").format(name=plan.path.name),
                    translate("Opening", "Read it without changing it, or work on a copy in your data folder."),
                    [READ_ONLY, COPY, CANCEL])
    if answer == READ_ONLY:
        plan.readonly = True
        plan.readonly_reason = translate("Opening", "Read-only: {name} cannot be written. Nothing you type here is "
                                                    "kept.").format(name=plan.path.name)
        plan.notes.append(plan.readonly_reason)
        return True
    if answer == COPY:
        original = plan.path
        plan.path = _copy(original, placement.working_copy_path(original))
        plan.notes.append(translate("Opening", "This is a copy of the read-only {original}, saved as {path}.").format(
            original=original, path=plan.path))
        return True
    return False


def _placement(parent: QWidget | None, plan: OpenPlan) -> bool:
    reason = placement.unsafe_location(plan.path)
    if reason is None:
        return True
    answer = choose(parent, translate("Opening", "Unsafe place for a report"), reason,
                    translate("Opening", "SQLite, which holds the report, can lose or damage data on network shares "
                                         "and in folders a sync client rewrites. copdesk can copy the report to this "
                                         "computer and open the copy; copy it back (or export it) when you are done."),
                    [LOCAL_COPY, HERE, CANCEL])
    if answer == CANCEL:
        return False
    if answer == LOCAL_COPY:
        original = plan.path
        plan.path = _copy(original, placement.working_copy_path(original))
        plan.notes.append(translate("Opening", "This is a local working copy of {original}, made because that "
                                               "place is unsafe for a report. It is saved here: {path}. Copy it back "
                                               "when you are done.").format(original=original, path=plan.path))
    return True


def _lock(parent: QWidget | None, plan: OpenPlan) -> bool:
    try:
        plan.lock = lockfile.acquire(plan.path)
        return True
    except lockfile.LockedError as exc:
        holder, message = exc.holder, exc.message
    answer = choose(parent, translate("Opening", "Report already open"), message,
                    translate("Opening", "Two people typing in one report overwrite each other. Read it without "
                                         "changing it, or work on a copy of it as it is now."),
                    [READ_ONLY, COPY, CANCEL])
    if answer == READ_ONLY:
        plan.readonly = True
        plan.notes.append(translate("Opening", "Read-only: {name} is open in another copdesk ({holder}). Nothing "
                                               "you type here is kept.").format(name=plan.path.name,
                                                                                holder=holder.describe()))
        return True
    if answer == COPY:
        original = plan.path
        plan.path = _copy(original, _copy_name(original))
        plan.lock = lockfile.acquire(plan.path)
        plan.notes.append(translate("Opening", "This is a copy of {name} (open in another copdesk), saved as "
                                               "{path}.").format(name=original.name, path=plan.path))
        return True
    return False


def _copy(original: Path, target: Path) -> Path:
    from copdesk.core.report import backups  # only for copies and restores: not at every start
    return backups.copy_report(original, target)


def _copy_name(path: Path) -> Path:
    for n in range(1, 1000):
        candidate = path.with_name(f"{path.stem} (copy{'' if n == 1 else f' {n}'}){path.suffix}")
        if not candidate.exists():
            return candidate
    raise StoreError(f"Too many copies of {path.name} in {path.parent}.")


def open_error(parent: QWidget | None, exc: CopdeskError, path: Path, controller) -> None:
    """A report that cannot be opened: say why; offer its backups when it has some."""
    from copdesk.ui.messages import show_error
    from copdesk.core.report import backups  # only for copies and restores: not at every start
    sound = isinstance(exc, UnavailableError)  # a full disk or a file another program holds: no restore offered
    found = backups.list_backups(path) if isinstance(exc, StoreError) and not sound else []
    if not found:
        show_error(parent, exc)
        return
    answer = choose(parent, "copdesk", exc.message,
                    (exc.hint + " " if exc.hint else "")
                    + translate("Opening", "copdesk has %n backup(s) of this report; the newest is from {time}.", "",
                                len(found)).format(time=lockfile.local_time(found[0].at)), [RESTORE, CLOSE])
    if answer == RESTORE:
        from copdesk.ui.backups_dialog import restore_from_backup
        restore_from_backup(parent, path, controller)
