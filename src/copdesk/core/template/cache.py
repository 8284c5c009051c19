"""A JSON cache of parsed template files, so start-up needs neither the YAML parser nor its import.

The key covers the template file and every correction file (names, sizes, modification times), so an
edit to any of them is seen at once. The cache holds data only (JSON, never pickle) and is rebuilt from
the YAML whenever it is missing, stale or unreadable.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from copdesk import paths


def _folder() -> Path:
    return paths.user_data_dir() / "cache" / "forms"


def _key(path: Path, user_dir: Path | None, with_corrections: bool) -> str:
    """Everything the parsed template depends on, as one string (stored in the cache file and compared)."""
    parts = [str(path.resolve()), str(with_corrections)]
    folder = user_dir if user_dir is not None else paths.user_forms_dir()
    files = [path] + (sorted(folder.glob("*.yaml")) if with_corrections and folder.is_dir() else [])
    for f in files:
        st = f.stat()
        parts.append(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}")
    return "\n".join(parts)


def _file(key: str) -> Path:
    # A short name from the key; the key itself is inside the file, so a clash of names is a miss, never a
    # wrong template. (zlib, not hashlib: hashlib loads OpenSSL, which costs start-up time.)
    return _folder() / f"{zlib.crc32(key.encode()):08x}-{len(key)}.json"


def get(path: Path, user_dir: Path | None, with_corrections: bool) -> dict[str, Any] | None:
    key = _key(path, user_dir, with_corrections)
    try:
        stored = json.loads(_file(key).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return stored.get("value") if isinstance(stored, dict) and stored.get("key") == key else None


def put(path: Path, user_dir: Path | None, with_corrections: bool, value: dict[str, Any]) -> None:
    """Best effort: a read-only or full disk only costs the next start-up a YAML parse."""
    from copdesk.core.safety.atomic import write_file
    from copdesk.core.errors import StoreError
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        key = _key(path, user_dir, with_corrections)
        write_file(_file(key), json.dumps({"key": key, "value": value}, ensure_ascii=False, default=str))
    except (OSError, StoreError):
        pass
