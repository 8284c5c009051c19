"""The window's dialogs for a reviewed Word document: bringing it back, and accepting or rejecting its
suggestions. The writes are ui/operations.py's (`bring_back`, `settle_suggestions`), each one undo step:
bringing a document back adds comments, suggestions and merge choices (undo takes them out again);
accepting or rejecting is written at once in one transaction (core.review.suggestions), Accept all too, and undoing
it puts the values and the pending state back in one transaction. A refusal (a frozen report, another
report's document) is said here and lands nothing on the undo stack.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from copdesk.core.errors import CopdeskError
from copdesk.ui import operations, settings
from copdesk.ui.messages import show_error

translate = QCoreApplication.translate


def bring_back(window, path: str | None = None, show: bool = True):
    """Review › Bring back a reviewed Word document…: the result (core.review.word_import.ReviewResult) or None."""
    session = window.session
    if path is None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(window, translate("ReviewImport", "Bring back a reviewed Word document"),
                                              str(session.report.path.parent),
                                              translate("ReviewImport", "Word documents (*.docx)"))
        if not path:
            return None
    try:
        result = operations.bring_back(session, window.stack, Path(path), settings.user_name() or session.report.who)
    except (CopdeskError, OSError, sqlite3.Error) as exc:  # nothing written, nothing on the undo stack
        show_error(window, exc)
        return None
    window.statusBar().showMessage(result.summary(), 15000)
    if show:
        _report(window, result)
    if result.suggestions or result.comments:
        window.show_panel(window.comments)
        window.comments.show_suggestions()
    if result.conflicts and show:
        window.review.merge_choices()
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


def settle(parent, session, stack, ids: list[str], accept: bool) -> bool:
    """Accept (or reject) `ids` as one undo step; False when refused (a frozen report: said so)."""
    if not ids:
        return False
    try:
        operations.settle_suggestions(session, stack, ids, accept, settings.user_name() or session.report.who)
    except (CopdeskError, OSError, sqlite3.Error) as exc:  # nothing written, nothing on the undo stack
        show_error(parent, exc)
        return False
    return True
