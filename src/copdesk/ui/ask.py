"""Small questions that ask for a line or a few paragraphs of text, in dialogs wide enough to read, and where to
save a new report.

QInputDialog's static functions size the dialog to its input, so "Rename column" or "Comment on QRE 14.2.1,
cell 3,2" came up a few centimetres wide with the title cut off by the window manager. These dialogs are
at least as wide as their title (and the window manager's buttons), a comment's box has room for a
paragraph, and the label says what the text is for.
"""

from __future__ import annotations

from pathlib import Path

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


def new_report_path(parent: QWidget | None, title: str, suggested: str | Path) -> Path | None:
    """Where to save a new report (a copy, a merge, an import, a restored backup, the next period): the path
    chosen, ending in ".copdesk" (added when missing), or None when cancelled. copdesk never writes a new
    report over an existing file, so the file dialog does not offer to replace one (it asked "Replace?" and
    the merge then refused); a name that exists is said so, and the dialog comes back to choose another."""
    from PySide6.QtWidgets import QFileDialog
    from copdesk.core.errors import CopdeskError
    from copdesk.ui.messages import show_error
    while True:
        out, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), translate("Ask", "copdesk reports (*.copdesk)"),
                                             options=QFileDialog.DontConfirmOverwrite)
        if not out:
            return None
        path = Path(out if out.endswith(".copdesk") else f"{out}.copdesk")  # "Report 2026.1" gets it too
        if not path.exists():
            return path
        show_error(parent, CopdeskError(translate("Ask", "{path} exists already.").format(path=path),
                                        translate("Ask", "Choose a new name: copdesk never writes a new report over "
                                                         "an existing file.")))
        suggested = path
