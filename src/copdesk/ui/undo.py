"""Undo and redo across fields: one QUndoStack whose commands call the session both ways.

Keystrokes in one field merge into one command, so Ctrl+Z undoes a burst of typing, not a letter. Every
other write of the window (sub-sections, comments, statuses, the freeze, versions, merge choices) is a
`Change`, made by ui/operations.py. Undoing or redoing a command first puts the change in the file, then
brings its page and field into view (the session's `reveal`), as Word scrolls to the edit it undoes. A
command whose undo or redo cannot be written (the disk is full, the report is frozen) clears the history
and says why, so the history never promises what the file does not hold.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from copdesk.core.model import Grid
from copdesk.core.report.open_file import Report
from copdesk.ui.session import DraftSession

MERGE_WINDOW_S = 2.0
translate = QCoreApplication.translate


class SetTextCommand(QUndoCommand):
    ID = 1001

    def __init__(self, session: DraftSession, code: str, old: str, new: str, label: str = ""):
        super().__init__(translate("Undo", "Edit {field}").format(field=label or code))
        self.session, self.code, self.old, self.new = session, code, old, new
        self.at = time.monotonic()
        self._done = False

    def id(self) -> int:
        return self.ID

    def redo(self) -> None:
        self.session.set_text(self.code, self.new)
        if self._done:
            self.session.reveal.emit(self.code)
        self._done = True

    def undo(self) -> None:
        self.session.set_text(self.code, self.old)
        self.session.reveal.emit(self.code)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(other, SetTextCommand) or other.code != self.code or other.at - self.at > MERGE_WINDOW_S:
            return False
        self.new, self.at = other.new, other.at
        return True


class SetTableCommand(QUndoCommand):
    def __init__(self, session: DraftSession, code: str, old: Grid, new: Grid, label: str = ""):
        super().__init__(label or translate("Undo", "Edit table {code}").format(code=code))
        self.session, self.code = session, code
        self.old, self.new = [list(r) for r in old], [list(r) for r in new]
        self._done = False

    def redo(self) -> None:
        self.session.set_table(self.code, self.new)
        if self._done:
            self.session.reveal.emit(f"{self.code} table")
        self._done = True

    def undo(self) -> None:
        self.session.set_table(self.code, self.old)
        self.session.reveal.emit(f"{self.code} table")


Write = Callable[[Report], object]


class Change(QUndoCommand):
    """A write already made (by ui/operations.py, before the command was pushed), undone and redone through
    the session: `undo` and `redo` each take the open report and run in one transaction. `where` is the answer
    code or "step:KEY" to bring into view (or a pair: where to look after the undo, after the redo);
    `signals` say what changed (see DraftSession.write)."""

    def __init__(self, session: DraftSession, stack: QUndoStack, text: str, undo: Write, redo: Write,
                 where: str | tuple[str, str] = "", **signals):
        super().__init__(text)
        self.session, self.stack, self.where, self.signals = session, stack, where, signals
        self._undo, self._redo = undo, redo
        self._done = False  # the first redo (QUndoStack.push) finds the change made already

    def redo(self) -> None:
        if not self._done:
            self._done = True
            return
        self._run(self._redo, self.where[1] if isinstance(self.where, tuple) else self.where)

    def undo(self) -> None:
        self._run(self._undo, self.where[0] if isinstance(self.where, tuple) else self.where)

    def _run(self, write: Write, where: str) -> None:
        try:
            self.session.write(write, **self.signals)
        except Exception as exc:  # noqa: BLE001 - said, and the history cleared: it no longer matches the file
            message = getattr(exc, "message", None) or str(exc)
            clear_history(self.stack, self.session, translate(
                "Undo", "“{action}” could not be undone or redone: {error} The undo history was cleared; the "
                        "report holds what it showed before.").format(action=self.text(), error=message))
            return
        if where:
            self.session.reveal.emit(where)


def clear_history(stack: QUndoStack, session: DraftSession, message: str) -> None:
    """Empty the undo history and say why. Safe from inside a command (the stack is cleared just after)."""
    session.notice.emit(message)
    QTimer.singleShot(0, stack, stack.clear)
