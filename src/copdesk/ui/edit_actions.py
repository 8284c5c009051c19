"""Edit › Cut, Copy, Paste, Select All: on whatever has the cursor (an answer, a field, a table's cells).

The entries show their usual keys, but bind none: the keys stay with the focused widget. A text field
handles Ctrl+C itself, and a table its Ctrl+C and Ctrl+V, which a window-wide shortcut would make ambiguous
and stop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTextEdit

translate = QCoreApplication.translate
ENTRIES = (("cut", "Cu&t", QKeySequence.Cut), ("copy", "&Copy", QKeySequence.Copy),
           ("paste", "&Paste", QKeySequence.Paste), ("selectAll", "Select &All", QKeySequence.SelectAll))
LABELS = (translate("EditActions", "Cu&t"), translate("EditActions", "&Copy"), translate("EditActions", "&Paste"),
          translate("EditActions", "Select &All"))  # for lupdate: the labels are translated where shown


def _table(widget):
    """The SLI table a focused cell view belongs to, if any."""
    from copdesk.ui.sli_table import SliTableField
    while widget is not None and not isinstance(widget, SliTableField):
        widget = widget.parentWidget()
    return widget


def act(what: str) -> bool:
    """Do `what` (cut, copy, paste, selectAll) on the focused widget; False when it has nothing to do it on."""
    widget = QApplication.focusWidget()
    if isinstance(widget, (QLineEdit, QTextEdit)):
        getattr(widget, what)()
        return True
    table = _table(widget)
    if table is not None:
        if what == "selectAll":
            table.view.selectAll()
        elif what == "cut":
            table.cut()
        else:
            getattr(table, what)()
        return True
    if isinstance(widget, QAbstractItemView) and what == "selectAll":
        widget.selectAll()
        return True
    return False


def add_clipboard_actions(window, menu) -> list[QAction]:
    """Cut, Copy, Paste, Select All added to `menu`; the window keeps the list (`window.clipboard_actions`)."""
    actions = []
    for what, label, key in ENTRIES:
        action = QAction(window)  # the key shown after a tab: a menu's shortcut column, no shortcut bound
        action.setText(translate("EditActions", label) + "\t" + QKeySequence(key).toString(QKeySequence.NativeText))
        action.triggered.connect(lambda _checked=False, w=what: act(w))
        menu.addAction(action)
        actions.append(action)
    return actions
