"""A tree whose rows wrap to its width instead of cutting their text.

QTreeView draws wrapped text when word wrap is on, but asks each row for its height without the column's
width, so a long row keeps one line and is cut. WrapDelegate measures the text at the width the row
really has (the viewport less the indentation of its depth and its icon); the tree lays its rows out
again when its width changes. A row that fits on one line costs one width measurement.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QTreeWidget

from copdesk.ui.qt import DECORATION_ROLE, DISPLAY_ROLE, FONT_ROLE, TEXT_WORD_WRAP

TEXT_MARGINS = 12  # pixels the style keeps beside a row's text (focus frame, margins), and a little more
SMALL_ICON = 16  # pixels: a row's icon when the view sets no icon size (the style's small icon)


class WrapDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        view = self.parent()
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = view.viewport().width() - view.indentation() * (depth + view.rootIsDecorated()) - TEXT_MARGINS
        icon = view.iconSize().width() if view.iconSize().isValid() else SMALL_ICON
        if index.data(DECORATION_ROLE) is not None:
            width -= icon + 6
        text = index.data(DISPLAY_ROLE) or ""
        font = index.data(FONT_ROLE)
        metrics = QFontMetrics(font) if font is not None else option.fontMetrics
        line = max(metrics.height(), icon) + 4
        if metrics.horizontalAdvance(text) <= width:
            return QSize(max(width, 1), line)
        rect = metrics.boundingRect(QRect(0, 0, max(width, 40), 100_000), TEXT_WORD_WRAP, text)
        return QSize(max(width, 1), max(line, rect.height() + 4))


def wrap_rows(tree: QTreeWidget) -> None:
    """Make `tree`'s rows wrap to its width (a tree made as a WrapTree does this itself). It sets no enum-typed
    property: a tree shown at start-up must not build the Qt namespace (ui/qt.py)."""
    tree.setHeaderHidden(True)
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.header().setStretchLastSection(True)
    tree.setItemDelegate(WrapDelegate(tree))


class WrapTree(QTreeWidget):
    """A one-column tree without a header, its rows wrapped to its width (no sideways scrolling)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        wrap_rows(self)
        self._laid_out_for = -1

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.viewport().width() != self._laid_out_for:  # rows wrap anew at the new width
            self._laid_out_for = self.viewport().width()
            self.scheduleDelayedItemsLayout()
