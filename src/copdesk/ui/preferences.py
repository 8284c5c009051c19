"""Preferences: your name and initials (recorded with every change and with comments), the interface
language and the spell-checking dictionary."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from copdesk.ui import i18n, settings, spell


class PreferencesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.name = QLineEdit(settings.user_name())
        self.name.setAccessibleName(self.tr("Your name"))
        self.initials = QLineEdit(settings.user_initials())
        self.initials.setAccessibleName(self.tr("Your initials"))
        self.initials.setMaxLength(6)
        note = QLabel(self.tr("Your name is recorded with every change you make, so reviewers know who wrote "
                              "what."))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("Your &initials:"), self.initials)
        form.addRow(self.tr("&Language:"), self._language_box())
        form.addRow(self.tr("&Spell checking:"), self._spell_box())
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.name.textEdited.connect(self._suggest_initials)

    def _language_box(self) -> QComboBox:
        """System, then each catalogue in its own language; the change applies at the next start."""
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.setToolTip(self.tr("Applies the next time copdesk starts. Reports and the template "
                                         "wording are never translated."))
        self.language.addItem(self.tr("System"), "")
        for code in i18n.available():
            self.language.addItem(i18n.NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        return self.language

    def _spell_box(self) -> QComboBox:
        self.spell_language = QComboBox()
        self.spell_language.setAccessibleName(self.tr("Spell-checking dictionary"))
        self.spell_language.setToolTip(self.tr("Applies to the pages opened from now on."))
        self.spell_language.addItem(self.tr("Off"), "")
        for code in spell.dictionaries():
            self.spell_language.addItem(spell.language_name(code), code)
        self.spell_language.setCurrentIndex(max(0, self.spell_language.findData(settings.spell_language())))
        return self.spell_language

    def _suggest_initials(self, name: str) -> None:
        if not settings.user_initials():
            self.initials.setText("".join(part[0].upper() for part in name.split() if part)[:4])

    def accept(self) -> None:
        settings.set_user(self.name.text(), self.initials.text())
        settings.set_language(self.language.currentData())
        settings.set_spell_language(self.spell_language.currentData())
        super().accept()
