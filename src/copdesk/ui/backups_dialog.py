"""File › Restore from backup…: pick one of a report's backups and open it as a new file.

A restore never overwrites anything: the backup is written under a new name (beside the report, or where
the user says) and opened in its own window, so the current file stays as it is and both can be compared.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from copdesk.core.report import backups
from copdesk.core.errors import CopdeskError
from copdesk.core.safety.lockfile import local_time

translate = QCoreApplication.translate


def describe(backup: backups.Backup) -> str:
    s = backups.summary(backup)
    if not s["sound"]:
        return translate("Backups", "{time} — damaged, cannot be restored").format(time=local_time(backup.at))
    return translate("Backups", "{time} — {answers} answers, {tables} tables, last change {last}").format(
        time=local_time(backup.at), answers=s["answers"], tables=s["tables"],
        last=local_time(s["last_change"]) if s["last_change"] else translate("Backups", "none"))


class RestoreDialog(QDialog):
    """The backups of one report, newest first."""

    def __init__(self, parent: QWidget | None, found: list[backups.Backup]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.found = found
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("copdesk keeps the last few versions of this report. Choose one to open it "
                                     "as a new file; the current file is not changed.")))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        for b in found:
            self.list.addItem(QListWidgetItem(describe(b)))
        self.list.setCurrentRow(0)
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def chosen(self) -> backups.Backup | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    @classmethod
    def ask(cls, parent: QWidget | None, found: list[backups.Backup]) -> backups.Backup | None:
        dialog = cls(parent, found)
        return dialog.chosen() if dialog.exec() else None


def default_output(report: Path, backup: backups.Backup) -> Path:
    stamp = local_time(backup.at).replace(":", "")[:15]  # "2026-11-29 1901"
    folder = report.parent if report.parent.is_dir() else Path.home()
    out = folder / f"{report.stem} (backup {stamp}){report.suffix}"
    n = 2
    while out.exists():
        out = folder / f"{report.stem} (backup {stamp}, {n}){report.suffix}"
        n += 1
    return out


def ask_output(parent: QWidget | None, suggested: Path) -> Path | None:
    from copdesk.ui.ask import new_report_path
    return new_report_path(parent, translate("Backups", "Save the restored report as"), suggested)


def restore_from_backup(parent: QWidget | None, report: Path, controller=None):
    """Choose a backup of `report`, write it as a new file, open it; the new window (or path), or None."""
    from copdesk.ui.messages import show_error
    found = backups.list_backups(report)
    if not found:
        show_error(parent, CopdeskError(
            translate("Backups", "There is no backup of {name} yet.").format(name=Path(report).name),
            translate("Backups", "copdesk makes one when a report opens and every few minutes of editing.")))
        return None
    backup = RestoreDialog.ask(parent, found)
    out = ask_output(parent, default_output(Path(report), backup)) if backup else None
    if out is None:
        return None
    try:
        backups.restore(backup, out)
    except CopdeskError as exc:
        show_error(parent, exc)
        return None
    return controller.open_path(out) if controller is not None else out
