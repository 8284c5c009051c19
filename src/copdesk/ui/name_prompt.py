"""Asks your name the first time a comment or a review status needs it, without taking a sentence with it.

The prompt used to be the Preferences dialog, opened at once with the cursor in its name field: someone
typing an answer who pressed Space on a button by mistake saw the rest of their sentence become their name.
This prompt swallows the keys that arrive while the typing goes on: for GUARD_MS after it opens, and for
as long as keys keep coming within GUARD_MS of each other (the idea of Firefox's delay on its security
prompts). Once the keyboard has been quiet that long, the name field takes what is typed. Keys it
swallowed are said, so nobody wonders where they went.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from copdesk.ui import settings

GUARD_MS = 800
_KEYS = (QEvent.KeyPress, QEvent.KeyRelease, QEvent.ShortcutOverride)


class NamePrompt(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name for comments and reviews"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)  # a wrapped label in a form row took too little height: its lines were cut
        form = QFormLayout()
        intro = QLabel(self.tr("Comments and review statuses are signed with your name, so colleagues know who "
                               "wrote them. copdesk asks once; Edit › Preferences changes it."))
        intro.setWordWrap(True)
        self.name = QLineEdit(settings.user_name())
        self.name.setAccessibleName(self.tr("Your name"))
        self.initials = QLineEdit(settings.user_initials())
        self.initials.setAccessibleName(self.tr("Your initials"))
        self.initials.setMaxLength(6)
        self.swallowed = QLabel()
        self.swallowed.setWordWrap(True)
        self.swallowed.hide()
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("Your &initials:"), self.initials)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for part in (intro, form, self.swallowed, self.buttons):
            lay.addLayout(part) if isinstance(part, QFormLayout) else lay.addWidget(part)
        self.name.textChanged.connect(lambda text: self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(text.strip())))
        self.name.textEdited.connect(self._suggest_initials)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.name.text().strip()))
        self._guard_until = 0.0
        self._count = 0
        for widget in [self, self.name, self.initials, *self.buttons.buttons()]:
            widget.installEventFilter(self)
        from copdesk.ui import focus_ring
        focus_ring.install(self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._guard_until = time.monotonic() + GUARD_MS / 1000
        QTimer.singleShot(0, self.name.setFocus)

    def guarding(self) -> bool:
        return time.monotonic() < self._guard_until

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() in _KEYS and self.guarding():
            if event.type() == QEvent.KeyPress:
                self._guard_until = time.monotonic() + GUARD_MS / 1000  # still typing: wait for a pause
                self._count += 1
                self.swallowed.setText(self.tr("%n key(s) typed as this box opened were not used. Type your name "
                                               "now.", "", self._count))
                self.swallowed.show()
            return True
        return False

    def _suggest_initials(self, name: str) -> None:
        if not settings.user_initials():
            self.initials.setText("".join(part[0].upper() for part in name.split() if part)[:4])

    def accept(self) -> None:
        if not self.name.text().strip():
            return
        settings.set_user(self.name.text(), self.initials.text())
        super().accept()


def ask_name(parent) -> str:
    """The reviewer's name; asked once (this prompt) when it is not set yet."""
    if not settings.user_name():
        NamePrompt(parent).exec()
    return settings.user_name()
