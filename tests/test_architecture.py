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


def _calls_and_strings(path):
    """(dotted call names, string constants) in a module, by its syntax tree."""
    import ast
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls, strings = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            calls.add(f"{node.func.value.id}.{node.func.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.add(node.value)
        elif isinstance(node, ast.JoinedStr):
            strings.update(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return calls, strings


def test_one_atomic_file_write():
    """Files are put in place only by core/atomic.py: no other module renames, links or moves files into place,
    makes temporary files by hand, or names them ".part" (issue 13: a predictable temporary name let a
    planted link redirect a restore; each writer had its own half-safe copy of the steps)."""
    from pathlib import Path
    import copdesk
    root = Path(copdesk.__file__).parent
    placing = {"os.replace", "os.rename", "os.renames", "os.link", "shutil.move", "tempfile.mkstemp",
               "tempfile.NamedTemporaryFile"}
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path == root / "core" / "atomic.py":
            continue
        calls, strings = _calls_and_strings(path)
        offenders += [f"{path.relative_to(root)}: {c}" for c in sorted(calls & placing)]
        offenders += [f"{path.relative_to(root)}: a '.part' name" for s in strings if s.endswith(".part")]
    assert offenders == []
