"""Template corrections made in the window, as commands on the window's undo stack (ui/undo.py).

Each command appends its changes to copdesk's correction file for the edition (core/template/user_corrections.py) and,
for a rename, moves this report's answers to the new code (Report.move_codes, through ui/operations.py like
every write of the window to a report); undo withdraws exactly those changes and moves the answers back. The
window then reads the template again, so the navigator, the checks and the exports follow at once.

The first write happens before the command is pushed (`push`), so a change the template cannot take is shown
as an error and never lands on the stack. If undo finds its changes gone from the file (someone edited it
meanwhile), the stack is cleared and the window says so: the stack never disagrees with the file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from copdesk.core.template import user_corrections  # loads PyYAML: this module is imported on the first correction
from copdesk.ui import operations

translate = QCoreApplication.translate


class TemplateCorrection(QUndoCommand):
    def __init__(self, window, changes: list[dict], text: str, moves: dict[str, str] | None = None):
        super().__init__(text)
        self.window, self.changes, self.moves = window, [dict(c) for c in changes], dict(moves or {})
        self.edition = window.session.report.base_template.edition
        self._done_once = False

    def apply(self) -> None:
        """The first redo, run before the push: raises (nothing changed) when the template cannot take it."""
        session = self.window.session
        session.flush()
        user_corrections.append(self.edition, self.changes)
        try:
            operations.rename_codes(session, self.moves)  # refused when a new code holds an answer already
        except Exception:
            user_corrections.withdraw(self.edition, self.changes)
            raise
        self._done_once = True
        self._reload()

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False  # the push after apply(): already done
            return
        self.window.session.flush()
        user_corrections.append(self.edition, self.changes)
        try:
            operations.rename_codes(self.window.session, self.moves)
        except Exception as exc:  # noqa: BLE001 - the report cannot follow: the file is put back, the history cleared
            user_corrections.withdraw(self.edition, self.changes)
            self._cannot(exc)
            return
        self._reload()

    def undo(self) -> None:
        session = self.window.session
        session.flush()
        if not user_corrections.withdraw(self.edition, self.changes):
            self._out_of_step()
            return
        try:
            operations.rename_codes(session, {new: old for old, new in self.moves.items()})
        except Exception as exc:  # noqa: BLE001 - as in redo
            user_corrections.append(self.edition, self.changes)
            self._cannot(exc)
            return
        self._reload()

    def _cannot(self, exc: Exception) -> None:
        """The answers cannot be moved (the report is read-only here, the disk is full): the correction stays as
        it was, and the undo history, which no longer matches the files, is cleared and the reason shown."""
        from copdesk.ui.undo import clear_history
        clear_history(self.window.stack, self.window.session, translate(
            "Template", "“{what}” could not be undone or redone: {error} The undo history was cleared.").format(
                what=self.text(), error=getattr(exc, "message", None) or str(exc)))

    def _reload(self) -> None:
        self.window.reload_template()
        structural = any("remove" in c or "rename" in c for c in self.changes)
        from copdesk.ui.template_actions import reload_other_windows
        reload_other_windows(self.window, structural)

    def _out_of_step(self) -> None:
        from PySide6.QtCore import QTimer
        window = self.window
        message = translate("Template", "Your template corrections file was changed outside this window, so “{what}” "
                                        "cannot be undone; the undo history was cleared.").format(what=self.text())
        QTimer.singleShot(0, window, lambda: (window.stack.clear(), window.reload_template(),
                                              window.statusBar().showMessage(message, 15000)))


class Withdrawal(TemplateCorrection):
    """Taking corrections back out as a command of its own (Hidden items › Bring back): redo withdraws the
    changes, undo appends them again."""

    def apply(self) -> None:
        self.window.session.flush()
        if not user_corrections.withdraw(self.edition, self.changes):
            from copdesk.core.errors import CopdeskError
            raise CopdeskError(translate("Template", "This correction is not in copdesk's correction file any more."))
        self._done_once = True
        self._reload()

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        TemplateCorrection.undo(self)

    def undo(self) -> None:
        TemplateCorrection.redo(self)


def push(window, changes: list[dict], text: str, moves: dict[str, str] | None = None) -> bool:
    """Make a template correction now and put it on the window's undo stack; an error is shown, not pushed."""
    return push_command(window, TemplateCorrection(window, changes, text, moves))


def push_command(window, command: TemplateCorrection) -> bool:
    from copdesk.ui.messages import show_error
    if window.session.readonly:
        window.statusBar().showMessage(window.session.readonly_reason or translate(
            "Template", "Read-only: this report is open in another copdesk; the template is not changed here."), 10000)
        return False
    try:
        command.apply()
    except Exception as exc:  # noqa: BLE001 - a FormError or InputError says what to do; nothing changed
        show_error(window, exc)
        return False
    window.stack.push(command)
    return True
