"""Help › Keyboard shortcuts: every key of the menus (read from the menus themselves, so the list is
always the window's own) and the keys that work in answers and tables."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

translate = QCoreApplication.translate

# Keys that belong to the editors rather than to a menu.
EDITOR_KEYS = (
    (translate("Shortcuts", "In an answer"), (
        ("Tab / Shift+Tab", translate("Shortcuts", "Next / previous answer (in a list: nest / un-nest the item)")),
        ("- ", translate("Shortcuts", "At the start of a line: start a bullet list")),
        ("Ctrl+B / Ctrl+I", translate("Shortcuts", "Bold / italic")),
        (translate("Shortcuts", "Menu key or Shift+F10"), translate("Shortcuts", "Spelling suggestions and more")),
    )),
    (translate("Shortcuts", "In a table"), (
        (translate("Shortcuts", "Arrows, Enter"), translate("Shortcuts", "Move between cells; Enter or typing edits")),
        ("Ctrl+C / Ctrl+V", translate("Shortcuts", "Copy / paste cells (a block from Excel or LibreOffice)")),
        (translate("Shortcuts", "Menu key or Shift+F10"),
         translate("Shortcuts", "Columns, not available, import CSV, comment on the cell")),
    )),
    (translate("Shortcuts", "Dates"), (
        ("Alt+Down", translate("Shortcuts", "Open the calendar")),
    )),
)


def menu_keys(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(keys, entry)]) for every menu entry of `window` that has a key, in menu order."""
    out = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        found = []
        for action in menu.actions():
            text, _, shown = action.text().partition("\t")
            keys = " / ".join(k.toString(QKeySequence.NativeText) for k in action.shortcuts()) or shown
            if keys:
                found.append((keys, text.replace("&", "")))
        if found:
            out.append((top.text().replace("&", ""), found))
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(620, 560)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        for title, entries in menu_keys(window) + [(t, list(e)) for t, e in EDITOR_KEYS]:
            group = QTreeWidgetItem(self.tree, [title])
            for keys, entry in entries:
                QTreeWidgetItem(group, [keys, entry])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)
