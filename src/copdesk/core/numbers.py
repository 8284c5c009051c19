"""Whole numbers read from text someone else wrote: Word attributes, HTML, labels, codes.

`str.isdigit()` accepts "²" and "①", which int() refuses, and Python's int() refuses more than 4,300
digits: both raised ValueError deep inside an import (tracebacks found by a hostile-input probe). Here a
number is ASCII digits only, of bounded length, clamped to the range the caller can use.
"""

from __future__ import annotations

MAX_DIGITS = 18  # anything longer is no list level, span, indent or item number copdesk can use


def to_int(text: object, default: int | None = 0, lo: int | None = None, hi: int | None = None,
           signed: bool = False) -> int | None:
    """`text` as an int (ASCII digits, at most MAX_DIGITS, a leading "-" when `signed`), clamped to
    [lo, hi]; `default` when it is not such a number (or is too long to be one)."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        return default
    if isinstance(text, int):
        value = text
    else:
        s = text.strip()
        digits = s[1:] if signed and s[:1] in "-+" and len(s) > 1 else s
        if not digits or len(digits) > MAX_DIGITS or not (digits.isascii() and digits.isdigit()):
            return default
        value = -int(digits) if s[:1] == "-" and signed else int(digits)
    if lo is not None and value < lo:
        value = lo
    if hi is not None and value > hi:
        value = hi
    return value


def is_number(text: object) -> bool:
    """True for ASCII digits of a usable length (what to_int reads)."""
    return to_int(text, default=None) is not None
