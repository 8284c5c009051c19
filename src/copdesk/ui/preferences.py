"""Preferences: your name and initials (recorded with every change and, later, with comments)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from copdesk.ui import settings


class PreferencesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.name = QLineEdit(settings.user_name())
        self.name.setAccessibleName("Your name")
        self.initials = QLineEdit(settings.user_initials())
        self.initials.setAccessibleName("Your initials")
        self.initials.setMaxLength(6)
        note = QLabel("Your name is recorded with every change you make, so reviewers know who wrote what.")
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("Your &name:", self.name)
        form.addRow("Your &initials:", self.initials)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.name.textEdited.connect(self._suggest_initials)

    def _suggest_initials(self, name: str) -> None:
        if not settings.user_initials():
            self.initials.setText("".join(part[0].upper() for part in name.split() if part)[:4])

    def accept(self) -> None:
        settings.set_user(self.name.text(), self.initials.text())
        super().accept()
