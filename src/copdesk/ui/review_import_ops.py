"""The window's writes for a reviewed Word document: bringing it back, and accepting or rejecting its
suggestions. Kept in one module so they can be routed through the window's operations layer.

Accepting or rejecting is one step on the window's undo stack (Accept all too): the decision is written
at once in one transaction (core.suggestions), and undoing it puts the values and the pending state back
in one transaction. Bringing a document back adds comments and suggestions without changing an answer, so
the undo stack stays as it was.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from copdesk.core import suggestions
from copdesk.core.errors import CopdeskError
from copdesk.ui import settings
from copdesk.ui.messages import show_error

translate = QCoreApplication.translate


def bring_back(window, path: str | None = None, show: bool = True):
    """Review › Bring back a reviewed Word document…: the result (core.review_import.ReviewResult) or None."""
    from copdesk.core.review_import import review_import
    session = window.session
    if path is None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(window, translate("ReviewImport", "Bring back a reviewed Word document"),
                                              str(session.report.path.parent),
                                              translate("ReviewImport", "Word documents (*.docx)"))
        if not path:
            return None
    session.flush()
    try:
        result = review_import(session.report, Path(path), who=settings.user_name() or session.report.who)
    except CopdeskError as exc:
        show_error(window, exc)
        return None
    session.comments_changed.emit()
    window.statusBar().showMessage(result.summary(), 15000)
    if show:
        _report(window, result)
    if result.suggestions or result.comments:
        window.show_panel(window.comments)
        window.comments.show_suggestions()
    if result.conflicts and show:
        window.merge_choices()
    return result


def _report(window, result) -> None:
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Information, translate("ReviewImport", "Reviewed document brought back"),
                      result.summary(), QMessageBox.Ok, window)
    steps = []
    if result.pending:
        steps.append(translate("ReviewImport", "The suggestions are listed with the comments: select one to see its "
                                               "changes, then Accept or Reject."))
    if result.conflicts:
        steps.append(translate("ReviewImport", "Answers you changed since the export that the reviewer changed too "
                                               "wait in Review › Merge choices…"))
    if steps:
        box.setInformativeText("\n\n".join(steps))
    if result.details():
        box.setDetailedText("\n".join(result.details()))
    box.exec()


class SettleCommand(QUndoCommand):
    """Accept or reject suggestions (already done when pushed); undo puts them back to pending."""

    def __init__(self, session, ids: list[str], accept: bool, undo: list, label: str):
        super().__init__(label)
        self.session, self.ids, self.accept, self.undo_values = session, ids, accept, undo
        self.first = True

    def codes(self) -> list[str]:
        chosen = set(self.ids)
        return sorted({s.code for s in suggestions.all_suggestions(self.session.report) if s.id in chosen})

    def redo(self) -> None:
        if self.first:  # done before the push (so a refusal never lands on the stack)
            self.first = False
            return
        self.session.flush()
        self.undo_values = _settle(self.session, self.ids, self.accept)
        self._changed()

    def undo(self) -> None:
        self.session.flush()
        suggestions.reopen(self.session.report, self.undo_values, accepted=self.accept)
        self._changed()

    def _changed(self) -> None:
        for code in self.codes():
            self.session.answer_changed.emit(code)
        self.session.comments_changed.emit()
        self.session.saved.emit(datetime.now().strftime("%H:%M:%S"))  # written already: the window says so


def _settle(session, ids: list[str], accept: bool) -> list:
    who = settings.user_name() or session.report.who
    return (suggestions.accept if accept else suggestions.reject)(session.report, ids, who)


def settle(parent, session, stack, ids: list[str], accept: bool) -> bool:
    """Accept (or reject) `ids` as one undo step; False when refused (a frozen report: said so)."""
    if not ids:
        return False
    session.flush()
    try:
        undo = _settle(session, ids, accept)
    except CopdeskError as exc:
        show_error(parent, exc)
        return False
    if accept:
        label = translate("ReviewImport", "Accept %n suggestion(s)", "", len(ids))
    else:
        label = translate("ReviewImport", "Reject %n suggestion(s)", "", len(ids))
    command = SettleCommand(session, ids, accept, undo, label)
    if stack is not None:
        stack.push(command)
    command._changed()
    return True
