"""A ring around whatever has the keyboard focus, so it is visible on every control.

The Fusion style copdesk runs with on Linux shows focus on text fields but not on buttons, combo boxes or
radio buttons: tabbing to a button that looks like a label and then pressing Space did things nobody saw
coming. The ring is drawn over the window, around the visible part of the focused widget (inside a
scrolling page it is cut where the page cuts the widget), in the palette's highlight colour. It follows
focus moved by the keyboard or by copdesk itself (a jump to an answer); a mouse click shows what was
clicked by itself, so clicking hides the ring (as browsers' :focus-visible does).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from copdesk.ui.qt import Qt

RING = 3  # pixels outside the widget
_MOVES = (QEvent.Move, QEvent.Resize, QEvent.Show, QEvent.Hide)


class FocusRing(QWidget):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.NoFocus)
        self.hide()
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.place)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def _focus_changed(self, _old, new) -> None:
        self._unwatch()
        mine = new is not None and new is not self.window() and new.window() is self.window()
        if not mine or QGuiApplication.mouseButtons() != Qt.NoButton:
            self.target = None
            self.hide()
            return
        self.target = new
        widget = new
        while widget is not None and widget is not self.window():  # a scroll or a new layout moves it
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._later.start()  # placed once the focus has settled: Tab in a table passes through the whole table
        # on its way from one cell's editor to the next, and a ring drawn around it repainted every cell

    def _unwatch(self) -> None:
        for widget in self._watched:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # deleted already (a page replaced by the next one)
                pass
        self._watched.clear()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() in _MOVES:
            self._later.start()
        return False

    def place(self) -> None:
        """Around the visible part of the target, above everything else in the window."""
        target, window = self.target, self.window()
        try:
            visible = target is not None and target.isVisible()
        except RuntimeError:
            visible = False
        if not visible:
            self.hide()
            return
        rect = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        clip = QRect(QPoint(0, 0), window.size())
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            clip = clip.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        ring = rect.adjusted(-RING, -RING, RING, RING).intersected(clip.adjusted(-RING, -RING, RING, RING))
        if ring.isEmpty():
            self.hide()
            return
        if self.isVisible() and self.geometry() == ring:
            return  # where it is already: nothing to repaint
        self.setGeometry(ring)
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        pen = QPen(self.palette().highlight().color())
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.drawRoundedRect(QRect(1, 1, self.width() - 2, self.height() - 2), 3, 3)


def install(window: QWidget) -> FocusRing:
    """Give `window` its focus ring (once)."""
    ring = window.findChild(FocusRing, "focusRing")
    return ring if ring is not None else FocusRing(window)
