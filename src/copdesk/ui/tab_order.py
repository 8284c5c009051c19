"""Tab goes from answer to answer: buttons beside the answers are taken out of the Tab order.

A comment button or a table's "Add column…" between two answers made Tab stop on it, and Space then
pressed it. They stay one click away, and in the menus and the table's context menu (Shift+F10). Taking a
widget out of the Tab order needs Qt's namespace of enums, which start-up does not build before the first
paint (ui/qt.py): so a page does it once it has painted, and at once for what it builds after that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from copdesk.ui.qt import Qt


def skip(widgets: Iterable[QWidget]) -> None:
    """Out of the Tab order (a click still works, and so do the widget's shortcuts)."""
    for widget in widgets:
        widget.setFocusPolicy(Qt.NoFocus)


_WAITING: set = set()  # the hooks not run yet: Python keeps them (a child's wrapper alone could be collected)


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]):
        super().__init__(widget)
        self.work = work
        _WAITING.add(self)
        self.destroyed.connect(lambda *_: _WAITING.discard(self))
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint, once
        return False

    def _run(self) -> None:
        _WAITING.discard(self)
        self.work()


def after_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Run `work` just after `widget` first paints."""
    _FirstPaint(widget, work)
