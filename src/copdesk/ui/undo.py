"""Undo and redo across fields: one QUndoStack whose commands call the session both ways.

Keystrokes in one field merge into one command, so Ctrl+Z undoes a burst of typing, not a letter.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from copdesk.core.report import Grid
from copdesk.ui.session import DraftSession

MERGE_WINDOW_S = 2.0
translate = QCoreApplication.translate


class SetTextCommand(QUndoCommand):
    ID = 1001

    def __init__(self, session: DraftSession, code: str, old: str, new: str, label: str = ""):
        super().__init__(translate("Undo", "Edit {field}").format(field=label or code))
        self.session, self.code, self.old, self.new = session, code, old, new
        self.at = time.monotonic()

    def id(self) -> int:
        return self.ID

    def redo(self) -> None:
        self.session.set_text(self.code, self.new)

    def undo(self) -> None:
        self.session.set_text(self.code, self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetTextCommand) or other.code != self.code or other.at - self.at > MERGE_WINDOW_S:
            return False
        self.new, self.at = other.new, other.at
        return True


class SetTableCommand(QUndoCommand):
    def __init__(self, session: DraftSession, code: str, old: Grid, new: Grid, label: str = ""):
        super().__init__(label or translate("Undo", "Edit table {code}").format(code=code))
        self.session, self.code = session, code
        self.old, self.new = [list(r) for r in old], [list(r) for r in new]

    def redo(self) -> None:
        self.session.set_table(self.code, self.new)

    def undo(self) -> None:
        self.session.set_table(self.code, self.old)
