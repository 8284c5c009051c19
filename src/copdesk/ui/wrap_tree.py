"""A tree whose rows wrap to its width instead of cutting their text.

QTreeView draws wrapped text when word wrap is on, but asks each row for its height without the column's
width, so a long row keeps one line and is cut. WrapTree measures each row's text at the width the row
really has (the viewport less the indentation of its depth and its icon) and gives the rows that need
more than one line their height (the size-hint role: no Python delegate, whose style options would cost
start-up the making of some eighty enums); it measures again when its width or its rows change.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from copdesk.ui.qt import FONT_ROLE, TEXT_WORD_WRAP

TEXT_MARGINS = 12  # pixels the style keeps beside a row's text (focus frame, margins), and a little more
SMALL_ICON = 16  # pixels: a row's icon when the view sets no icon size (the style's small icon)
SIZE_HINT_ROLE = 13  # Qt.SizeHintRole


class WrapTree(QTreeWidget):
    """A one-column tree without a header, its rows wrapped to its width (no sideways scrolling)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.header().setStretchLastSection(True)
        from copdesk.ui.scrollbar import FlatScrollBar
        self.setVerticalScrollBar(FlatScrollBar())  # as the page's (the navigator and side panels beside it)
        self._fitted_width = -1
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.fit_rows)

    def fit_later(self) -> None:
        """Measure the rows at the next turn of the event loop (call it after filling or changing rows)."""
        self._later.start()

    def fit_rows(self, tops: list[QTreeWidgetItem] | None = None) -> None:
        """Give each row that needs more than one line at the current width the height of its lines (of the
        rows under `tops` only, when given: the others were measured at this width already)."""
        self._later.stop()
        width = self._width()
        if tops is not None and width != self._fitted_width:
            tops = None  # a new width: every row again
        self._fitted_width = width
        icon = self.iconSize().width() if self.iconSize().isValid() else SMALL_ICON
        metrics: dict[str, QFontMetrics] = {}
        items = ([(self.topLevelItem(i), 0) for i in range(self.topLevelItemCount())] if tops is None
                 else [(item, 0) for item in tops])
        while items:
            item, depth = items.pop()
            items += [(item.child(i), depth + 1) for i in range(item.childCount())]
            self._fit(item, width - self.indentation() * (depth + self.rootIsDecorated()) - TEXT_MARGINS
                      - (icon + 6 if item.data(0, 1) is not None else 0), icon, metrics)

    def _fit(self, item: QTreeWidgetItem, width: int, icon: int, metrics: dict) -> None:
        font = item.data(0, FONT_ROLE)  # None unless set: no QFont made (its type costs start-up ~2 ms)
        key = font.key() if font is not None else ""
        fm = metrics.get(key)
        if fm is None:
            fm = metrics[key] = QFontMetrics(font) if font is not None else self.fontMetrics()
        text = item.text(0)
        if fm.horizontalAdvance(text) <= width:
            if item.data(0, SIZE_HINT_ROLE) is not None:
                item.setData(0, SIZE_HINT_ROLE, None)
            return
        lines = fm.boundingRect(QRect(0, 0, max(width, 40), 100_000), TEXT_WORD_WRAP, text).height()
        size = QSize(max(width, 1), max(lines, icon) + 6)
        if item.data(0, SIZE_HINT_ROLE) != size:
            item.setSizeHint(0, size)

    def _width(self) -> int:
        """The viewport's width (viewport() itself, called first from Python, costs start-up 17 ms)."""
        bar = self.verticalScrollBar()
        return self.contentsRect().width() - (bar.width() if bar.isVisible() else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._width() != self._fitted_width:  # rows wrap anew at the new width
            self.fit_rows()
