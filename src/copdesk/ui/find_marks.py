"""Find's matches marked in the page: every match in every answer on the page, and the cursor on the one
a result jumped to.

Marks are extra selections of the editor (a tinted background): they are never part of the text, never
saved, and they follow the text as it is edited. They are set when the Find box changes or a result is
opened, and cleared with the Find box.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLineEdit, QTextEdit

MATCH = QColor("#ffe47a")  # a highlighter yellow: dark text stays readable on it


def _matches(document: QTextDocument, query: str) -> list[QTextCursor]:
    out, cursor = [], QTextCursor(document)
    while True:
        cursor = document.find(query, cursor)  # case-insensitive by default
        if cursor.isNull():
            return out
        out.append(QTextCursor(cursor))


def mark(page, query: str) -> int:
    """Mark `query` in every answer of `page` ("" clears); returns how many matches are marked."""
    fmt = QTextCharFormat()
    fmt.setBackground(MATCH)
    total = 0
    editors = page.editors if query else page._editors  # clearing needs no block built just for it
    for editor in editors.values():
        if not isinstance(editor, QTextEdit):
            continue
        selections = []
        for cursor in _matches(editor.document(), query) if query else []:
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        editor.setExtraSelections(selections)
        total += len(selections)
    return total


def go_to_first(editor, query: str) -> bool:
    """Put the cursor on the first match of `query` in `editor` (selected), as a jump from Find does."""
    if not query:
        return False
    if isinstance(editor, QTextEdit):
        found = _matches(editor.document(), query)
        if found:
            editor.setTextCursor(found[0])
            editor.ensureCursorVisible()
        return bool(found)
    if isinstance(editor, QLineEdit):
        at = editor.text().casefold().find(query.casefold())
        if at >= 0:
            editor.setSelection(at, len(query))
        return at >= 0
    return False
