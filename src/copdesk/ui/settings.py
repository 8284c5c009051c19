"""User settings in QSettings: recent files, the user's name and initials (used by review), language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


def settings() -> QSettings:
    """The application's settings (organisation and application names are set in app.make_app)."""
    return QSettings()


def recent_files() -> list[str]:
    value = settings().value("recent", [], type=list)
    return [p for p in value if isinstance(p, str)]


def add_recent(path: Path | str) -> None:
    path = str(Path(path).resolve())
    files = [p for p in recent_files() if p != path]
    settings().setValue("recent", ([path] + files)[:MAX_RECENT])


def user_name() -> str:
    return settings().value("user/name", "", type=str)


def user_initials() -> str:
    return settings().value("user/initials", "", type=str)


def set_user(name: str, initials: str) -> None:
    s = settings()
    s.setValue("user/name", name.strip())
    s.setValue("user/initials", initials.strip())


def language() -> str:
    """The interface language: "" follows the system, otherwise a code such as "en" or "fr"."""
    return settings().value("ui/language", "", type=str)


def set_language(code: str) -> None:
    settings().setValue("ui/language", code)


def spell_language() -> str:
    """The spell-checking dictionary ("en_GB", "fr_FR", ...); "" turns spell checking off."""
    return settings().value("spell/language", "en_GB", type=str)


def set_spell_language(code: str) -> None:
    settings().setValue("spell/language", code)


def personal_words() -> list[str]:
    """Words the user added to the dictionary ("Add to dictionary"), kept for every language."""
    value = settings().value("spell/personal", [], type=list)
    return [w for w in value if isinstance(w, str)]


def add_personal_word(word: str) -> None:
    words = personal_words()
    if word not in words:
        settings().setValue("spell/personal", sorted(words + [word]))


def window_layout() -> tuple[QByteArray | None, QByteArray | None]:
    """The last report window's geometry and the widths of its navigator, page and side panels (None: not
    saved yet, or not something Qt saved)."""
    s = settings()
    found = (s.value("window/geometry"), s.value("window/columns"))
    return tuple(v if isinstance(v, QByteArray) and not v.isEmpty() else None for v in found)  # type: ignore[return-value]


def set_window_layout(geometry: QByteArray, columns: QByteArray) -> None:
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/columns", columns)


MAX_POSITIONS = 30


def last_step(path: Path | str) -> str:
    """The page a report was left on (its step key), "" when not known: it reopens there."""
    key = str(Path(path).resolve())
    for entry in settings().value("positions", [], type=list):
        if isinstance(entry, str) and entry.partition("\t")[0] == key:
            return entry.partition("\t")[2]
    return ""


def set_last_step(path: Path | str, step: str) -> None:
    key = str(Path(path).resolve())
    kept = [e for e in settings().value("positions", [], type=list) if isinstance(e, str) and e.partition("\t")[0] != key]
    settings().setValue("positions", ([f"{key}\t{step}"] + kept)[:MAX_POSITIONS])
