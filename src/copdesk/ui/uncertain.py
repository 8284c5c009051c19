"""Uncertainty said once, calmly: an unconfirmed item carries a small neutral marker, and one tooltip explains it.

The marker is the same everywhere an item is named (navigator, wizard, page, checks); no line repeats a
sentence about it. An item is unconfirmed when copdesk has not seen its id in a published report (the
template's `status`); loading the official wording confirms it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

MARK = "\u25cc"  # ◌ dotted circle: neutral, small, not a warning sign

translate = QCoreApplication.translate


def is_unconfirmed(item) -> bool:
    return bool(item is not None and getattr(item, "unconfirmed", False))


def explanation() -> str:
    """The one sentence that explains the marker (the tooltip of every marked item)."""
    return translate("Uncertain", "◌ Not yet confirmed: copdesk has not seen this id in a published report, so the "
                                  "official template may number it differently or not have it. Loading the official "
                                  "wording (File › Load official wording from a published report…) confirms it; "
                                  "“Not in my template” and “Rename the code” correct it.")


def marked(text: str, item) -> str:
    """`text` with the marker after it when `item` is unconfirmed."""
    return f"{text} {MARK}" if is_unconfirmed(item) else text


def spoken(item) -> str:
    """What a screen reader says after an unconfirmed item's name (the marker is not read out)."""
    return translate("Uncertain", ", not yet confirmed") if is_unconfirmed(item) else ""


def tooltip(text: str, item) -> str:
    """A tooltip that adds the explanation for an unconfirmed item (and is `text` otherwise)."""
    return f"{text}\n{explanation()}" if is_unconfirmed(item) and text else explanation() if is_unconfirmed(item) else text
