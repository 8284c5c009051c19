"""User settings in QSettings: recent files, the user's name and initials (used by review), language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

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
