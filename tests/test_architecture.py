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


def test_one_docx_writer_exports_comments_markers_and_tracked_changes_without_python_docx(tmp_path):
    """The Word export writes its comments, review markers and status table itself, and the comparison export
    its tracked changes, with the export's own lxml writer: python-docx is never loaded to write a document."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from copdesk.core.forms import load_template\n"
        "from copdesk.core.report import Report\n"
        "from copdesk.core import review, versions\n"
        "from copdesk.core.docx_export import DocxOptions, export_docx\n"
        "from copdesk.core.docx_review import review_export\n"
        "from copdesk.core.diff import changes\n"
        "from copdesk.core.diff_docx import export_comparison\n"
        f"out = Path({str(tmp_path)!r})\n"
        "r = Report.create(out / 'r.copdesk', load_template(), signatory='Org', kind='other', title='T',"
        " subscriptions=['16.1'], who='t')\n"
        "r.set_text('QRE 16.1.1', 'We did.')\n"
        "r.set_table('SLI 16.1.1', [['Member State', 'n'], ['Austria', '1']])\n"
        "review.add_comment(r, 'QRE 16.1.1', 'Why?', 'Ada')\n"
        "review.add_comment(r, 'SLI 16.1.1', 'Source?', 'Ada', cell='1,1')\n"
        "review.set_status(r, 'Commitment 16', 'approved', 'Ada')\n"
        "versions.save_version(r, 'v1', 'Ada')\n"
        "r.set_text('QRE 16.1.1', 'We did more.')\n"
        "export_docx(r.template, r.snapshot(), out / 'r.docx', DocxOptions(review=review_export(r, 'all', True)))\n"
        "export_comparison(r.template, 'v1', changes(versions.version_content(r, 'v1'),"
        " versions.Content.of(r.snapshot())), out / 'c.docx')\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"python-docx loaded to write Word: {out.stdout.strip()[:200]}"
    import zipfile
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        assert "word/comments.xml" in z.namelist() and "customXml/item1.xml" in z.namelist()
    with zipfile.ZipFile(tmp_path / "c.docx") as z:
        assert b"<w:ins " in z.read("word/document.xml")


def test_no_copdesk_module_imports_python_docx():
    """One DOCX writer (lxml, docx_parts/docx_xml), one reader (docx_guard/docx_reader): python-docx is for the
    tests and for building resources/base.docx only."""
    import re
    from pathlib import Path
    pattern = re.compile(r"^\s*(from docx\b|import docx\b)", re.M)
    root = Path(copdesk.core.__file__).parents[1]
    found = [str(p.relative_to(root)) for p in root.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert found == [], f"python-docx imported by {found}"
    assert pattern.search("x = 1\n    from docx import Document\n")  # the rule sees an indented import


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
