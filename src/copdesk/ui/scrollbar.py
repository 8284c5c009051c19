"""The page's scrollbar, drawn flat: a groove, a handle and two arrows, in the palette's colours.

Every page is a new scroll area with a scrollbar as tall as the window, and the Fusion style paints that
scrollbar with gradients, which Qt's raster engine fills row by row, splitting a tall fill over its thread
pool and waiting for it: 0.7 ms of the interface thread's time and 1.7 ms of a page switch's wall time, a
tenth of a frame, for a control nobody looks at while the page appears. A flat bar (as in current Windows,
macOS and GNOME) costs a few solid rectangles. Where its parts are (arrows, groove, handle), and so how it
answers clicks, drags and the wheel, stays the style's: only the painting is ours.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPalette, QPolygon
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider


class FlatScrollBar(QScrollBar):
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        vertical = self.orientation().value == 2  # Qt.Vertical (the page paints before Qt's namespace is built)
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style, palette = self.style(), self.palette()
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.color(QPalette.Window).darker(104))
        if not self.isEnabled() or self.maximum() <= self.minimum():
            return  # nothing to scroll: the groove alone, as the style shows it
        pressed = option.activeSubControls if self.isSliderDown() else QStyle.SC_None
        handle = style.subControlRect(QStyle.CC_ScrollBar, option, QStyle.SC_ScrollBarSlider, self)
        colour = palette.color(QPalette.Dark if pressed == QStyle.SC_ScrollBarSlider or self.underMouse()
                               else QPalette.Mid)
        painter.fillRect(handle.adjusted(3, 1, -3, -1) if vertical else handle.adjusted(1, 3, -1, -3), colour)
        painter.setPen(palette.color(QPalette.WindowText))
        painter.setBrush(palette.color(QPalette.WindowText))
        for part, forward in ((QStyle.SC_ScrollBarSubLine, False), (QStyle.SC_ScrollBarAddLine, True)):
            box = style.subControlRect(QStyle.CC_ScrollBar, option, part, self)
            if box.isEmpty():
                continue
            c, r = box.center(), max(2, min(box.width(), box.height()) // 4)
            sign = 1 if forward else -1
            if vertical:  # a small triangle pointing up or down
                points = [QPoint(c.x() - r, c.y() - sign * r // 2), QPoint(c.x() + r, c.y() - sign * r // 2),
                          QPoint(c.x(), c.y() + sign * r)]
            else:
                points = [QPoint(c.x() - sign * r // 2, c.y() - r), QPoint(c.x() - sign * r // 2, c.y() + r),
                          QPoint(c.x() + sign * r, c.y())]
            painter.drawPolygon(QPolygon(points))
