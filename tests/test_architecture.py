"""Architecture rules, enforced: the core/UI line (no module of copdesk.core, nor the CLI, may load Qt), one
Markdown dialect, one write path to an open report."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

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


# -- one Markdown dialect ------------------------------------------------------------------------------
SRC = Path(copdesk.__file__).parent
DIALECT = SRC / "core" / "markdown.py"
QT_MARKDOWN = ("setMarkdown", "toMarkdown", "insertMarkdown", "MarkdownFeature", "MarkdownDialect")


def _markdown_syntax(source: str) -> list[str]:
    """String literals that spell Markdown: bold marks, a link's "](", an escaped mark. Docstrings, and text
    that describes the dialect to a user (it names it: "Markdown: ..."), are not code that writes it."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                and "Markdown" not in node.value:
            if "**" in node.value or "](" in node.value or re.search(r"\\[*_\[\]]", node.value):
                found.append(node.value)
    return found


def test_only_the_dialect_module_reads_or_writes_markdown():
    """core/markdown.py is the one reader and writer of answers' Markdown: no other module spells Markdown
    markup, and Qt's own Markdown reader and writer (another dialect) are never used."""
    offenders = {}
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path != DIALECT:
            found = _markdown_syntax(text)
            if found:
                offenders[str(path.relative_to(SRC))] = found
        used = [name for name in QT_MARKDOWN if name in text]
        if used:
            offenders[str(path.relative_to(SRC))] = used
    assert offenders == {}
    assert _markdown_syntax('x = f"**{title}**"') and _markdown_syntax('y = "[a](" + url + ")"')  # the rule bites
