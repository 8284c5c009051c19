"""Removing characters exports cannot hold, and telling the user which fields held them.

XML 1.0 (so Word, and the HTML the Transparency Centre takes) cannot hold most control characters. An
answer pasted from a PDF or a spreadsheet sometimes carries one; the export must not fail on it, and
must not drop it silently either: each export returns a warning naming the field.
"""

from __future__ import annotations

from copdesk.core.text import bad_chars, strip_bad_chars


class Cleaner:
    """Call it with (field, text) to get the text without bad characters; `warnings()` lists the fields."""

    def __init__(self):
        self.removed: dict[str, set[str]] = {}

    def __call__(self, field: str, text: str) -> str:
        found = bad_chars(text)
        if not found:
            return text
        self.removed.setdefault(field, set()).update(found)
        return strip_bad_chars(text)

    def warnings(self) -> list[str]:
        return [f"{field}: removed {', '.join(sorted(chars))} (characters Word cannot hold)"
                for field, chars in self.removed.items()]
