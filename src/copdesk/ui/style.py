"""A calm, readable look: clear headings, official wording set apart from summaries, problems in words.

Styles are set on the few widgets that need them, not application-wide: an application style sheet makes
Qt restyle every widget a page creates, which made pages with many tables slow to show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

STYLES = {
    "h1": "font-size: 20px; font-weight: 600; margin: 4px 0 8px 0;",
    "h2": "font-size: 16px; font-weight: 600; margin: 12px 0 4px 0;",
    "wording": "background: #f4f6f9; border-left: 3px solid #5b7aa6; padding: 6px 8px;",
    "summary": "color: #555; font-style: italic; padding: 2px 0;",
    "fieldProblem": "color: #9a1c1c;",
    "tableProblems": "color: #9a1c1c;",
    "carried": "QWidget#carried { background: #fff6d6; border: 1px solid #d8b64a; }",
    "checksHeadline": "font-weight: 600; padding: 2px 0 4px 0;",
}


def mark(widget: QWidget, name: str) -> QWidget:
    """Give `widget` its role name (tests and accessibility tools see it) and the role's look."""
    widget.setObjectName(name)
    if name in STYLES:  # a style sheet costs every paint of the widget: only where a role has a look
        widget.setStyleSheet(STYLES[name])
    return widget


def apply_style(app) -> None:
    """Nothing application-wide on purpose (no style sheet, see the module docstring)."""


def app_icon():
    """copdesk's icon in every size shipped (resources/icons, made by packaging/make_icons.py)."""
    from PySide6.QtGui import QIcon
    from copdesk import paths
    icon = QIcon()
    for png in sorted((paths.resources_dir() / "icons").glob("copdesk-*.png")):
        icon.addFile(str(png))
    return icon


_ICON_SET = False


def set_app_icon() -> None:
    """copdesk's icon for every window, set once: by the start screen, or by a report window after its first
    paint (QIcon's type and the icon files cost start-up ~2 ms; window managers take an icon set later)."""
    global _ICON_SET
    if not _ICON_SET:
        from PySide6.QtWidgets import QApplication
        QApplication.setWindowIcon(app_icon())
        _ICON_SET = True
