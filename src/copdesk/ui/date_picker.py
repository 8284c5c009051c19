"""A calendar beside a date typed as YYYY-MM-DD: a button in the field, or Alt+Down, opens it.

The field stays a line of text (a date may be blank, or imported in another form, and is shown as it is);
the calendar only writes a date into it, as LibreOffice's and Thunderbird's date fields do. Picking a day
(click, or Enter on it) writes it, Esc closes the calendar and leaves the field as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRectF
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidgetAction

from copdesk.ui.qt import Qt

_ICON: QIcon | None = None
translate = QCoreApplication.translate


def calendar_icon() -> QIcon:
    """A small calendar drawn in the palette's text colour (no image file to ship), made once."""
    global _ICON
    if _ICON is None:
        from PySide6.QtWidgets import QApplication
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.Antialiasing)
        colour = QApplication.palette().text().color()
        pen = painter.pen()
        pen.setColor(colour)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.drawRoundedRect(QRectF(4, 6, 24, 22), 3, 3)
        painter.fillRect(QRectF(4, 6, 24, 6), colour)
        for row in range(2):
            for col in range(3):
                painter.fillRect(QRectF(8 + col * 7, 15 + row * 6, 4, 3), colour)
        painter.end()
        pixmap.setDevicePixelRatio(2)
        _ICON = QIcon(pixmap)
    return _ICON


def attach_calendar(field: QLineEdit, picked: Callable[[str], None] | None = None) -> QAction:
    """Put a calendar button in `field`; a picked day is written as YYYY-MM-DD, then `picked(text)` runs."""
    action = field.addAction(calendar_icon(), QLineEdit.TrailingPosition)
    action.setText(translate("DatePicker", "Choose a date"))
    action.setToolTip(translate("DatePicker", "Choose a date (Alt+Down)"))
    action.triggered.connect(lambda _checked=False: open_calendar(field, picked))
    shortcut = QAction(field)
    shortcut.setShortcuts([QKeySequence("Alt+Down")])
    shortcut.setShortcutContext(Qt.WidgetShortcut)
    shortcut.triggered.connect(lambda _checked=False: open_calendar(field, picked))
    field.addAction(shortcut)
    return action


def open_calendar(field: QLineEdit, picked: Callable[[str], None] | None = None) -> QMenu:
    """The calendar under `field`, on the field's date (today when it holds none)."""
    menu = QMenu(field)
    calendar = QCalendarWidget()
    calendar.setGridVisible(True)
    calendar.setAccessibleName(translate("DatePicker", "Calendar for {field}").format(field=field.accessibleName()))
    try:
        current = date.fromisoformat(field.text().strip())
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
    except ValueError:
        calendar.setSelectedDate(QDate.currentDate())
    holder = QWidgetAction(menu)
    holder.setDefaultWidget(calendar)
    menu.addAction(holder)

    def choose(day: QDate) -> None:
        text = day.toString("yyyy-MM-dd")
        menu.close()
        if text != field.text():
            field.setText(text)
            if picked is not None:
                picked(text)

    calendar.clicked.connect(choose)
    calendar.activated.connect(choose)
    menu.aboutToShow.connect(calendar.setFocus)
    menu.popup(field.mapToGlobal(field.rect().bottomLeft()))
    field.calendar = calendar  # for tests and accessibility tools: the calendar shown
    return menu
