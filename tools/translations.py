"""Update the interface catalogues after changing strings, then compile them:

    .venv/bin/python tools/translations.py

Runs pyside6-lupdate over src/copdesk/ui (every self.tr / translate / QT_TRANSLATE_NOOP string) into
resources/i18n/copdesk_<lang>.ts, keeping existing translations and dropping obsolete ones, then
pyside6-lrelease into the .qm files copdesk loads. New strings arrive as "unfinished": translate them in
Qt Linguist (pyside6-linguist resources/i18n/copdesk_fr.ts) and run this again. copdesk_en holds only
plural forms. tests/ui/test_i18n.py fails while any string is untranslated or a catalogue is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside the running Python (the .venv's)."""
    return str(Path(sys.executable).parent / name)


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "src" / "copdesk" / "ui").glob("*.py"))


def lupdate(ts: Path, plural_only: bool = False) -> None:
    args = [tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none"]
    subprocess.run(args + (["-pluralonly"] if plural_only else []), check=True, capture_output=True)


def main() -> int:
    for code in LANGUAGES:
        lupdate(I18N / f"copdesk_{code}.ts")
    lupdate(I18N / "copdesk_en.ts", plural_only=True)
    for ts in sorted(I18N.glob("copdesk_*.ts")):
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
