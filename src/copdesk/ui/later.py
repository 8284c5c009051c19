"""The blocks of a long page, built in order: at once until the first screen is full, the rest just after.

A crisis sub-section holds some twenty tables and as many answers, several screens long; building and laying
out all of it before the page shows took a fifth of a second. So a page builds its blocks at once only until
their estimated height passes the height of the screen; the others wait in order and are built from the
event loop in slices of a few milliseconds, from the page's first paint on (typing in between stays quick).
Anything that needs every block (a jump to an answer, the page's list of editors) calls finish() first.

A new page is laid out over several passes (wrapped labels find their height once their width is known),
so a jump to an answer far down keeps it in view until the page has settled (KeepInView).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from copdesk.ui.qt import Qt

SLICE_S = 0.004  # seconds of building per turn of the event loop
MIN_SCREEN = 900  # pixels: built at once even when the screen is smaller (or unknown)


def first_screen() -> int:
    """Pixels of page worth building before the page shows: the height of the screen."""
    screen = QGuiApplication.primaryScreen()
    return max(MIN_SCREEN, screen.availableGeometry().height() if screen is not None else 0)


class Later(QObject):
    def __init__(self, parent: QObject, budget: int | None = None):
        super().__init__(parent)
        self.budget = first_screen() if budget is None else budget
        self.height = 0  # estimated pixels of the blocks built so far
        self._pending: deque[Callable[[], None]] = deque()
        self._finished = False  # after finish(), every block is built at once
        self._grows: QWidget | None = None  # the page body, until the first slice
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._slice)
        self.built: Callable[[], None] | None = None  # called after blocks were built from the event loop

    @property
    def waiting(self) -> int:
        return len(self._pending)

    def add(self, build: Callable[[], None]) -> None:
        """Build a block now if the first screen is not full yet, else after the blocks before it."""
        if self._finished or (not self._pending and self.height < self.budget):
            build()
        else:
            self._pending.append(build)

    def next(self, build: Callable[[], None]) -> None:
        """Build a block right after the one being built, but never before the page's first paint (a member-state
        table costs a few milliseconds: the text above it shows first, the table a moment later)."""
        if self._finished:
            build()
        else:
            self._pending.appendleft(build)

    def grew(self, pixels: int) -> None:
        """A block was built: about this many pixels of the page are taken."""
        self.height += pixels

    def start_after_paint(self, widget) -> None:
        """Build the waiting blocks once `widget` (the page) has been painted: the first screen shows first."""
        if self._pending:
            self._grows = widget
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Paint:
            watched.removeEventFilter(self)
            if self._pending:
                self._timer.start()
        return False

    def finish(self) -> None:
        """Build every waiting block now, in order (and any block added from now on at once)."""
        self._finished = True
        self._timer.stop()
        late = bool(self._pending)
        while self._pending:
            self._pending.popleft()()
        if late and self.built is not None:
            self.built()

    def stop(self) -> None:
        """Build nothing more (the window is closing: its report is about to close)."""
        self._timer.stop()
        self._pending.clear()

    def _slice(self) -> None:
        if self._grows is not None:  # the blocks built from now on grow it downwards: repaint only what is new
            self._grows.setAttribute(Qt.WA_StaticContents)
            self._grows = None
        deadline = time.perf_counter() + SLICE_S
        while self._pending and time.perf_counter() < deadline:
            self._pending.popleft()()
        if self._pending:
            self._timer.start()
        elif self.built is not None:  # the page is whole
            self.built()


class KeepInView(QObject):
    """Scrolls `page` to an editor again each time the page is laid out anew, until the user scrolls or the
    focus leaves that editor."""

    def __init__(self, page: QScrollArea):
        super().__init__(page)
        self.page = page
        self.target: QWidget | None = None
        page.verticalScrollBar().actionTriggered.connect(self.stop)  # the user scrolls (wheel, bar, keys)

    def follow(self, editor: QWidget) -> None:
        if self.target is None:
            self.page.widget().installEventFilter(self)
        self.target = editor
        self._show()

    def stop(self, *_args) -> None:
        if self.target is not None:
            self.target = None
            self.page.widget().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Resize:
            QTimer.singleShot(0, self, self._show)  # after the scroll area has set its new range
        return False

    def _show(self) -> None:
        target = self.target
        if target is None:
            return
        focus = QApplication.focusWidget()
        if focus is not target and not target.isAncestorOf(focus):
            self.stop()
            return
        self.page.ensureWidgetVisible(target)
