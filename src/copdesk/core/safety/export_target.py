"""Checks on where an export goes, before any work is done.

core.safety.atomic.write_file already turns a missing folder, a read-only folder and a file locked by another
program into a message; a target that is a folder would otherwise end in an unexplained OS error.
"""

from __future__ import annotations

from pathlib import Path

from copdesk.core.errors import StoreError


def file_target(out: Path | str, suffix: str) -> Path:
    """`out` as a Path, refused with a message when it is a folder."""
    out = Path(out)
    if out.is_dir():
        raise StoreError(f"Cannot write {out}: it is a folder.", f"Give a file name ending in {suffix}.")
    return out
