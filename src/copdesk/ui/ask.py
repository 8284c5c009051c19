"""Small questions that ask for a line or a few paragraphs of text, in dialogs wide enough to read.

QInputDialog's static functions size the dialog to its input, so "Rename column" or "Comment on QRE 14.2.1,
cell 3,2" came up a few centimetres wide with the title cut off by the window manager. These dialogs are
at least as wide as their title (and the window manager's buttons), a comment's box has room for a
paragraph, and the label says what the text is for.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QInputDialog, QWidget

MIN_WIDTH, TITLE_ROOM = 440, 180  # pixels: the narrowest dialog; room beside a title for icon and buttons
MULTILINE_SIZE = (520, 320)
translate = QCoreApplication.translate


def text(parent: QWidget | None, title: str, label: str, value: str = "", multiline: bool = False) -> tuple[str, bool]:
    """(the text, True) when the user pressed OK; ("", False) when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    if multiline:
        dialog.setOption(QInputDialog.UsePlainTextEditForTextInput)
    dialog.setTextValue(value)
    if multiline:  # Tab goes on to the buttons, Ctrl+Enter saves (a comment box as in a mail program)
        from PySide6.QtGui import QKeySequence, QShortcut
        from PySide6.QtWidgets import QPlainTextEdit
        box = dialog.findChild(QPlainTextEdit)
        if box is not None:
            box.setTabChangesFocus(True)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), dialog, dialog.accept)
        dialog.setLabelText(label + " " + translate("Ask", "(Ctrl+Enter saves)"))
    from copdesk.ui import focus_ring
    focus_ring.install(dialog)
    width = max(MIN_WIDTH, QFontMetrics(dialog.font()).horizontalAdvance(title) * 5 // 4 + TITLE_ROOM)
    dialog.setMinimumWidth(width)
    if multiline:
        dialog.resize(max(width, MULTILINE_SIZE[0]), MULTILINE_SIZE[1])
    ok = bool(dialog.exec())
    return (dialog.textValue(), True) if ok else ("", False)
