"""The core/UI line, enforced: no module of copdesk.core (nor the CLI) may load Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import copdesk.core


def _core_modules() -> list[str]:
    return sorted(f"copdesk.core.{m.name}" for m in pkgutil.iter_modules(copdesk.core.__path__))


def test_core_has_modules():
    assert "copdesk.core.report" in _core_modules()
    assert len(_core_modules()) >= 10


def test_core_and_cli_import_no_qt():
    modules = _core_modules() + ["copdesk.cli"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by the core: {out.stdout.strip()}"


def test_core_sources_do_not_mention_qt():
    from pathlib import Path
    for path in Path(copdesk.core.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "from copdesk.ui" not in text, path.name


def test_template_corrections_are_written_in_one_place_and_the_window_writes_them_undoably():
    """copdesk's correction file is written by core/user_corrections.py only; in the window, a correction is a
    command on the undo stack (ui/template_commands.py). The one exception is loading official wording from
    the start screen or the wizard (ui/learn_dialog.py), where no report, hence no undo stack, is open."""
    import re
    from pathlib import Path
    src = Path(__file__).resolve().parents[1] / "src" / "copdesk"
    writers = {p.relative_to(src).as_posix() for p in src.rglob("*.py")
               if re.search(r"user_corrections\.(append|withdraw|_write)\(", p.read_text(encoding="utf-8"))}
    assert writers == {"core/learn.py", "ui/template_commands.py", "ui/learn_dialog.py"}, writers
