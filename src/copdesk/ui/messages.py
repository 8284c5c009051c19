"""Errors shown in one place: a CopdeskError says what happened and what to do; anything else is a bug,
shown with details to copy, after the open report has been flushed to disk."""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication

from copdesk import __version__
from copdesk.core.errors import CopdeskError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate


def show_error(parent: QWidget | None, exc: BaseException, title: str = "copdesk") -> None:
    from PySide6.QtWidgets import QMessageBox  # dialogs load when one is shown, not at start-up
    if isinstance(exc, CopdeskError):
        box = QMessageBox(QMessageBox.Warning, title, exc.message, QMessageBox.Ok, parent)
        if exc.hint:
            box.setInformativeText(exc.hint)
        box.exec()
    else:
        show_bug(parent, "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def show_bug(parent: QWidget | None, details: str) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Critical, translate("Messages", "copdesk: unexpected error"),
                      translate("Messages", "Something went wrong inside copdesk. Your report was saved before "
                                            "this message."),
                      QMessageBox.Ok, parent)
    box.setInformativeText(translate("Messages", "Please send the details to whoever supports copdesk for you."))
    box.setDetailedText(f"copdesk {__version__}\n{details}")
    copy = box.addButton(translate("Messages", "Copy details"), QMessageBox.ActionRole)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(f"copdesk {__version__}\n{details}")


def install_excepthook(save_first: Callable[[], object], parent: Callable[[], QWidget | None]) -> None:
    """Route unexpected exceptions (e.g. raised in a slot) to the bug dialog, after saving."""

    def hook(exc_type, exc, tb):
        try:
            save_first()
        except Exception:  # noqa: BLE001 - the dialog must show even if saving fails
            pass
        owner = parent()
        if owner is not None and not shiboken6.isValid(owner):
            owner = None  # a window already closed (and deleted) cannot own the dialog
        if issubclass(exc_type, CopdeskError):
            show_error(owner, exc)
        else:
            show_bug(owner, "".join(traceback.format_exception(exc_type, exc, tb)))

    sys.excepthook = hook
