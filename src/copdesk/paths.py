"""Where copdesk finds its bundled template editions and resources, and the user's own folders.

The same code runs from a source checkout, from an installed wheel (files under <prefix>/share/copdesk)
and from a PyInstaller bundle (files under sys._MEIPASS).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "copdesk"


def _candidates(name: str) -> list[Path]:
    here = Path(__file__).resolve()
    roots = [here.parents[2]]  # a checkout: <root>/src/copdesk/paths.py
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.insert(0, Path(bundle))
    roots.append(Path(sys.prefix) / "share" / APP_NAME)
    return [root / name for root in roots]


def _find(name: str) -> Path:
    for path in _candidates(name):
        if path.is_dir():
            return path
    tried = ", ".join(str(p) for p in _candidates(name))
    raise FileNotFoundError(f"copdesk cannot find its {name}/ folder (looked in {tried}); reinstall copdesk.")


def forms_dir() -> Path:
    """The bundled template editions."""
    return _find("forms")


def resources_dir() -> Path:
    """Bundled resources: the base .docx, the sample report, icons."""
    return _find("resources")


def user_data_dir() -> Path:
    """The platform's per-user data folder for copdesk (nothing is created here)."""
    override = os.environ.get("COPDESK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def user_forms_dir() -> Path:
    """Where a user's corrections to the bundled template live (see README, "Correcting the template")."""
    return user_data_dir() / "forms"
