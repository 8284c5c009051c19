"""Interface languages: Qt translators for copdesk's own strings and for Qt's dialogs.

Only the interface is translated. The report's text, the template's wording and the core's error messages
stay as written (the core has no Qt, and a report is filed in the language it was drafted in).
Catalogues live in resources/i18n: copdesk_<lang>.ts is the source (pyside6-lupdate), copdesk_<lang>.qm the
compiled file that is committed, so a checkout or a bundle needs no Qt tools at run time; tools/translations.py
updates both. copdesk_en holds only the English plural forms (the source strings say "%n result(s)").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from copdesk import paths
from copdesk.ui import settings

# Shown in Preferences in their own language, so anyone can find theirs whatever the current one is.
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch"}

_installed: list[QTranslator] = []


def available() -> list[str]:
    """Language codes with a compiled catalogue, English (the source language) first."""
    folder = paths.resources_dir() / "i18n"
    found = sorted(p.stem.removeprefix("copdesk_") for p in folder.glob("copdesk_*.qm"))
    return ["en"] + [code for code in found if code != "en"]


def chosen() -> str:
    """The language to use: the setting, or the system's when it is "" and a catalogue exists."""
    code = settings.language()
    if not code:
        code = QLocale.system().name().split("_")[0]
    return code if code in available() else "en"


def install_translators(app: QCoreApplication, code: str | None = None) -> str:
    """Install copdesk's and Qt's translators for `code` (default: chosen()); return the code used.

    Replaces translators installed earlier, so tests and Preferences can switch languages; widgets made
    before the switch keep their text (the switch takes effect at the next start, as Preferences says).
    """
    code = code or chosen()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = QTranslator(app)  # for English: only the plural forms ("1 result", "2 results")
    if ours.load(str(paths.resources_dir() / "i18n" / f"copdesk_{code}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if code == "en":
        return code
    qt = QTranslator(app)  # Qt's own buttons (OK, Cancel, Yes, No) and standard dialogs, when shipped
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return code


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source strings (tests that switched languages)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
