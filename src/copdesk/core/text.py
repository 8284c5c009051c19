"""Plain-text helpers shared by validation and the exporters."""

from __future__ import annotations

import re

# Characters XML 1.0 (and so Word) cannot hold: C0 controls except tab, newline, carriage return;
# lone surrogates; U+FFFE and U+FFFF.
_BAD = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"  # compiled (cached by re) at first use


def bad_chars(text: str) -> list[str]:
    """The characters in `text` that Word cannot hold, as U+XXXX names, each once."""
    return sorted({f"U+{ord(c):04X}" for c in re.findall(_BAD, text)})


def strip_bad_chars(text: str) -> str:
    return re.sub(_BAD, "", text)


def is_blank(text: str | None) -> bool:
    return text is None or not text.strip()
