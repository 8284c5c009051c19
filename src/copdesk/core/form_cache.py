"""A JSON cache of parsed template files, so start-up needs neither the YAML parser nor its import.

The key covers the template file and every correction file (names, sizes, modification times), so an
edit to any of them is seen at once. The cache holds data only (JSON, never pickle) and is rebuilt from
the YAML whenever it is missing, stale or unreadable.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from copdesk import paths


def _folder() -> Path:
    return paths.user_data_dir() / "cache" / "forms"


def _key(path: Path, user_dir: Path | None, with_corrections: bool) -> str:
    parts = [str(path.resolve()), str(with_corrections)]
    folder = user_dir if user_dir is not None else paths.user_forms_dir()
    files = [path] + (sorted(folder.glob("*.yaml")) if with_corrections and folder.is_dir() else [])
    for f in files:
        st = f.stat()
        parts.append(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def get(path: Path, user_dir: Path | None, with_corrections: bool) -> dict[str, Any] | None:
    try:
        return json.loads((_folder() / f"{_key(path, user_dir, with_corrections)}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None


def put(path: Path, user_dir: Path | None, with_corrections: bool, value: dict[str, Any]) -> None:
    """Best effort: a read-only or full disk only costs the next start-up a YAML parse."""
    try:
        folder = _folder()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{_key(path, user_dir, with_corrections)}.json"
        tmp = target.with_suffix(f".{os.getpid()}.part")
        tmp.write_text(json.dumps(value, ensure_ascii=False, default=str), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass
