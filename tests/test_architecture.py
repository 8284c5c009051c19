"""Architecture rules, enforced: the core/UI line (no module of copdesk.core, nor the CLI, may load Qt), one
DOCX writer, one atomic file write, one Markdown dialect, one write path to an open report, one transaction
helper, and core/'s packages (issue 18): imports point down a declared layer order, exports, rules and the
Markdown dialect never load the open report, SQL only in the report package, the window touches no private name
and no connection of the core, and the main window is extended one way (parts it makes itself, which use no
private name of it). Every rule is
checked over all of src/copdesk, subpackages included, by its syntax tree, and each is shown to fail on a broken
source."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import copdesk.core


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(copdesk.core.__path__, "copdesk.core."))


def test_core_has_modules():
    assert "copdesk.core.report.open_file" in _core_modules()
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
    for path in Path(copdesk.core.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text and "from copdesk.ui" not in text, path.name


def test_one_docx_writer_exports_comments_markers_and_tracked_changes_without_python_docx(tmp_path):
    """The Word export writes its comments, review markers and status table itself, and the comparison export
    its tracked changes, with the export's own lxml writer: python-docx is never loaded to write a document."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from copdesk.core.template.forms import load_template\n"
        "from copdesk.core.report.open_file import Report\n"
        "from copdesk.core.review import comments as review, versions\n"
        "from copdesk.core.exports.word import DocxOptions, export_docx\n"
        "from copdesk.core.exports.docx_comments import review_export\n"
        "from copdesk.core.review.diff import changes\n"
        "from copdesk.core.review.comparison_docx import export_comparison\n"
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


FAKE_SOFFICE = """#!/bin/sh
# stands in for LibreOffice (a process of its own, not copdesk's): writes a PDF into --outdir
while [ $# -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done
printf '%%PDF-1.4\\n%%%%EOF\\n' > "$out/$(basename "$1" .docx).pdf"
"""

# Runs CLI commands one after the other in one process and says, after each, its exit status and which
# python-docx modules the process has loaded by then.
CLI_MODULES = """
import json, sys
from copdesk import cli
seen = []
for argv in json.loads(sys.argv[1]):
    rc = cli.main(argv)
    seen.append([" ".join(argv[:1] + argv[2:]), rc, sorted(m for m in sys.modules if m.split(".")[0] == "docx")])
print(json.dumps(seen))
"""


def test_the_command_line_exports_and_reads_word_without_python_docx(tmp_path):
    """`copdesk export` to Word (comments and status table), PDF, Transparency Centre JSON, CSV and JSON, the
    comparison (`diff --docx`), `review-import` and `import` of a Word file, each run as a user runs it, in
    a process of its own: none loads python-docx (the PDF's LibreOffice is a stand-in here; it runs in a
    process of its own anyway)."""
    import json
    import os
    from copdesk.core.review import comments as review, versions
    from copdesk.core.template.forms import load_template
    from copdesk.core.report.open_file import Report
    path = tmp_path / "r.copdesk"
    with Report.create(path, load_template(), signatory="Org", kind="other", title="T", subscriptions=["16.1"],
                       who="t") as r:
        r.set_text("QRE 16.1.1", "We did.")
        r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "1"]])
        review.add_comment(r, "QRE 16.1.1", "Why?", "Ada")
        review.set_status(r, "Commitment 16", "approved", "Ada")
        versions.save_version(r, "v1", "Ada")
        r.set_text("QRE 16.1.1", "We did more.")
    soffice = tmp_path / "soffice"
    soffice.write_text(FAKE_SOFFICE)
    soffice.chmod(0o755)
    p, t = str(path), str(tmp_path)
    commands = [["export", p, "-o", f"{t}/r.docx", "--comments", "all", "--status-table"],
                ["export", p, "-o", f"{t}/r.pdf", "--comments", "all"],
                ["export", p, "--format", "tc-json", "-o", f"{t}/tc.json"],
                ["export", p, "--format", "csv", "-o", f"{t}/csv"],
                ["export", p, "-o", f"{t}/r.json"],
                ["diff", p, "--version", "v1", "--docx", f"{t}/c.docx"],
                ["import", f"{t}/r.docx", "-o", f"{t}/i.copdesk"],
                ["review-import", p, f"{t}/r.docx"]]
    out = subprocess.run([sys.executable, "-c", CLI_MODULES, json.dumps(commands)], capture_output=True, text=True,
                         check=True, env={**os.environ, "COPDESK_SOFFICE": str(soffice)})
    seen = json.loads(out.stdout.splitlines()[-1])
    assert [(cmd, rc) for cmd, rc, _ in seen] == [(" ".join(c[:1] + c[2:]), 0) for c in commands], out.stderr
    assert [(cmd, mods) for cmd, _, mods in seen if mods] == []
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "i.copdesk").exists()
    assert b"<w:ins " in __import__("zipfile").ZipFile(tmp_path / "c.docx").read("word/document.xml")


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
    """copdesk's correction file is written by core/template/user_corrections.py only; in the window, a correction is a
    command on the undo stack (ui/template_commands.py). The one exception is loading official wording from
    the start screen or the wizard (ui/learn_dialog.py), where no report, hence no undo stack, is open."""
    import re
    from pathlib import Path
    src = Path(__file__).resolve().parents[1] / "src" / "copdesk"
    writers = {p.relative_to(src).as_posix() for p in src.rglob("*.py")
               if re.search(r"user_corrections\.(append|withdraw|_write)\(", p.read_text(encoding="utf-8"))}
    assert writers == {"core/imports/learn.py", "ui/template_commands.py", "ui/learn_dialog.py"}, writers


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
    """Files are put in place only by core/safety/atomic.py: no other module renames, links or moves files into place,
    makes temporary files by hand, or names them ".part" (issue 13: a predictable temporary name let a
    planted link redirect a restore; each writer had its own half-safe copy of the steps)."""
    from pathlib import Path
    import copdesk
    root = Path(copdesk.__file__).parent
    placing = {"os.replace", "os.rename", "os.renames", "os.link", "shutil.move", "tempfile.mkstemp",
               "tempfile.NamedTemporaryFile"}
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path == root / "core/safety/atomic.py":
            continue
        calls, strings = _calls_and_strings(path)
        offenders += [f"{path.relative_to(root)}: {c}" for c in sorted(calls & placing)]
        offenders += [f"{path.relative_to(root)}: a '.part' name" for s in strings if s.endswith(".part")]
    assert offenders == []


# The lock file is the one file created in place: O_CREAT|O_EXCL is what makes it a lock (core/safety/lockfile.py).
# The crash log is appended to in place: faulthandler writes a dying process's stacks to it (crash_log.py).
DIRECT_WRITE_ALLOWED = {"core/safety/atomic.py", "core/safety/lockfile.py", "crash_log.py"}


def direct_writes(sources: dict[str, ast.AST]) -> list[str]:
    """Where a module writes a file's bytes itself instead of through core/safety/atomic.py: Path.write_text or
    write_bytes, open() with a mode that writes, os.open creating a file, a ZipFile written to a path."""
    out = []
    for name, tree in sources.items():
        if name in DIRECT_WRITE_ALLOWED:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = ast.unparse(node.func)
            mode = next((ast.literal_eval(a) for a in [*node.args[1:2], *(k.value for k in node.keywords
                                                                          if k.arg == "mode")]
                         if isinstance(a, ast.Constant)), "")
            if func.endswith((".write_text", ".write_bytes")):
                out.append(f"{name}: {func}()")
            elif (func == "open" or func.endswith(".open")) and isinstance(mode, str) and set(mode) & set("wax+"):
                out.append(f"{name}: {func}(..., {mode!r})")
            elif func == "os.open" and "O_CREAT" in ast.unparse(node):
                out.append(f"{name}: os.open(..., O_CREAT)")
            elif func.endswith("ZipFile") and mode in ("w", "a", "x") and not (
                    node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "buffer"):
                out.append(f"{name}: {func}(..., {mode!r})")
    return out


def test_every_file_is_written_through_the_atomic_write():
    """Every writer hands its bytes to core/safety/atomic.py (write_file, new_file, new_folder): no module writes a
    file in place, where a crash or a full disk would leave it half-written."""
    sources = {str(p.relative_to(SRC)): ast.parse(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")}
    assert direct_writes(sources) == []
    bad = {"core/x.py": ast.parse("out.write_text(doc)\nwith open(p, 'w') as f: pass\nPath(p).open(mode='ab')\n"
                                  "os.open(p, os.O_WRONLY | os.O_CREAT)\nzipfile.ZipFile(out, 'w')\n"
                                  "open(p, 'rb')\nzipfile.ZipFile(buffer, 'w')\n")}
    assert len(direct_writes(bad)) == 5  # the rule bites (reading, and a zip built in memory, are not writes)


# -- one Markdown dialect ------------------------------------------------------------------------------
SRC = Path(copdesk.__file__).parent
DIALECT = SRC / "core/markdown/dialect.py"
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
    """core/markdown/dialect.py is the one reader and writer of answers' Markdown: no other module spells Markdown
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


# -- one write path ----------------------------------------------------------------------------------
# the report's own modules: the open report and its mixins
REPORT_MODULES = {"core/report/open_file.py", "core/report/crisis_sections.py", "core/report/review_rows.py",
                  "core/report/code_moves.py", "core/report/services.py"}
# the rest of the report package makes new files, or checks, copies or reads a file on its own connection
REPORT_PACKAGE = "core/report/"
PRIVATE = {"_log", "_meta", "_db"}
REPORT_WRITES = {"set_text", "clear", "set_table", "set_cell", "subscribe", "unsubscribe", "add_crisis_section",
                 "remove_crisis_section", "restore_crisis_section", "add_crisis_item", "add_comment_row",
                 "remove_comment", "set_comment_state", "set_section_status_row", "set_review_meta", "add_version_row",
                 "remove_version", "settle_merge_choice", "reopen_merge_choice", "add_merge_choices", "put_merge_choice",
                 "add_suggestion_row", "remove_suggestion", "set_suggestion_state", "note_review_import",
                 "set_follow_ups_kept", "move_codes", "add_services", "write_again", "checkpoint", "atomic"}
CORE_WRITES = {"review": {"add_comment", "remove_comment", "set_resolved", "set_status", "freeze", "approve_final"},
               "versions": {"save_version", "remove_version"}, "merge": {"resolve", "reopen", "add_conflicts"},
               "follow_ups": {"set_kept"}, "suggestions": {"accept", "reject", "reopen", "write_value"},
               "report_codes": {"move_codes"}, "review_import": {"review_import"}}
WINDOW_WRITERS = {"ui/operations.py", "ui/session.py", "ui/undo.py"}
SQL_WRITE = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE)\s+(INTO|OR|FROM|\w+\s+SET)\b")


def _sources() -> dict[str, ast.AST]:
    return {str(p.relative_to(SRC)): ast.parse(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")}


def _receiver(node: ast.Attribute) -> str:
    return ast.unparse(node.value)


def write_path_offences(sources: dict[str, ast.AST]) -> list[str]:
    """Where a module other than the report's own touches its SQL, history or meta, or where the window
    writes other than through ui/operations.py (with the session and the undo commands beneath it)."""
    out = []
    for name, tree in sources.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and name not in REPORT_MODULES:
                if node.attr in PRIVATE:
                    out.append(f"{name}: .{node.attr} of {_receiver(node)}")
                elif node.attr in ("conn", "db") and not name.startswith(REPORT_PACKAGE):
                    out.append(f"{name}: .{node.attr} of {_receiver(node)}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_WRITE.search(node.value) \
                    and not name.startswith(REPORT_PACKAGE):
                out.append(f"{name}: SQL that writes: {node.value[:40]!r}")
            if not (name.startswith("ui/") and name not in WINDOW_WRITERS):
                continue
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                attr, receiver = node.func.attr, _receiver(node.func)
                if attr in REPORT_WRITES and (attr not in ("clear", "atomic") or "report" in receiver):
                    out.append(f"{name}: {receiver}.{attr}() outside ui/operations.py")
                if attr == "write" and "session" in receiver:
                    out.append(f"{name}: {receiver}.write() outside ui/operations.py")
                if attr in CORE_WRITES.get(receiver, ()):
                    out.append(f"{name}: {receiver}.{attr}() outside ui/operations.py")
    return out


def test_one_write_path_to_an_open_report():
    """Only the report's own modules touch its SQL, its history (_log) and its meta; the window writes only
    through ui/operations.py."""
    assert write_path_offences(_sources()) == []
    bad = {"core/x.py": ast.parse("report._log('c', 'text', None, 'x')\nreport.conn.execute('UPDATE answers SET x=1')"),
           "ui/pages.py": ast.parse("self.session.report.set_text('c', 'x')\nreview.freeze(r, 'me')\n"
                                    "self.session.write(lambda r: None)")}
    assert len(write_path_offences(bad)) == 6  # the rule bites


def test_every_report_write_is_known_to_the_rule():
    """A new write method of Report (it logs to the history) must be listed above, so the rule covers it."""
    import inspect

    from copdesk.core.report.open_file import Report
    writers = {name for name, fn in inspect.getmembers(Report, inspect.isfunction)
               if not name.startswith("_") and ("self._log(" in inspect.getsource(fn) or "self.atomic()" in
                                                inspect.getsource(fn))}
    assert writers - REPORT_WRITES == set()


# -- one transaction helper --------------------------------------------------------------------------
TRANSACTION_HELPER = "core/report/transaction.py"
SCHEMA_MODULES = {"core/report/store.py", "core/report/migrations.py"}  # sqlite-utils makes and migrates the schema, nothing else
TRANSACTION_SQL = re.compile(r"(^|;)\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b")
# calls that end or open a transaction by themselves: commit, rollback; executescript commits first
TRANSACTION_CALLS = {"commit", "rollback", "executescript"}


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def transaction_offences(sources: dict[str, ast.AST]) -> list[str]:
    """Where a module other than core/report/transaction.py begins, commits or rolls back a transaction: SQL that
    does (BEGIN, COMMIT, SAVEPOINT...), a connection's commit()/rollback()/executescript(), `with conn:` or
    `with sqlite3.connect(...)` (sqlite3 commits at its end), a transaction mode set by hand (isolation_level, autocommit), or
    sqlite-utils (whose writes and atomic() open their own) outside the schema modules, which may not call
    its atomic() either. Report.atomic() is the helper on the report's connection, so it is allowed."""
    out = []
    for name, tree in sources.items():
        if name == TRANSACTION_HELPER:
            continue
        if "sqlite_utils" in _imports(tree) and name not in SCHEMA_MODULES:
            out.append(f"{name}: imports sqlite-utils")
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and TRANSACTION_SQL.search(node.value):
                out.append(f"{name}: SQL that opens or ends a transaction: {node.value[:40]!r}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in TRANSACTION_CALLS or (node.func.attr == "atomic" and name in SCHEMA_MODULES):
                    out.append(f"{name}: {ast.unparse(node.func)}()")
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    target = item.context_expr
                    if isinstance(target, (ast.Name, ast.Attribute)) and re.search(r"conn|db", ast.unparse(target)) \
                            or isinstance(target, ast.Call) and ast.unparse(target.func).endswith("connect"):
                        out.append(f"{name}: with {ast.unparse(target)}: (commits at its end)")
            elif isinstance(node, ast.Attribute) and node.attr in ("isolation_level", "autocommit"):
                out.append(f"{name}: .{node.attr}")
            elif isinstance(node, ast.keyword) and node.arg in ("isolation_level", "autocommit"):
                out.append(f"{name}: {node.arg}=")
    return out


def test_one_transaction_helper():
    """Every write to a report runs in core/report/transaction.py's one helper (Report.atomic() is that helper on the
    report's connection; new files are filled in it): no other module begins, commits or rolls back."""
    assert transaction_offences(_sources()) == []
    bad = {"core/x.py": ast.parse(
        "import sqlite_utils\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "conn.execute(f'SAVEPOINT {name}')\n"
        "self.conn.commit()\n"
        "with report.conn:\n    pass\n"
        "with sqlite3.connect(p) as c:\n    pass\n"
        "c = sqlite3.connect(p, isolation_level=None)\n"),
        "core/report/store.py": ast.parse("with db.atomic():\n    db['meta'].insert_all(rows)\n"),
        "ui/session.py": ast.parse("with self.report.atomic():\n    pass\n")}  # the helper: allowed
    assert sorted(transaction_offences(bad)) == sorted([
        "core/x.py: imports sqlite-utils", "core/x.py: SQL that opens or ends a transaction: 'BEGIN IMMEDIATE'",
        "core/x.py: SQL that opens or ends a transaction: 'SAVEPOINT '", "core/x.py: self.conn.commit()",
        "core/x.py: with report.conn: (commits at its end)", "core/x.py: with sqlite3.connect(p): (commits at its end)",
        "core/x.py: isolation_level=",
        "core/report/store.py: db.atomic()"])  # the rule bites


# -- packages and layers (issue 18) -----------------------------------------------------------------------
# core/'s packages, bottom layer first. A module imports from core/ itself (ROOT), from its own package and
# from packages listed before its own: imports point down, never up or sideways to a later package. Lazy
# imports (inside a function) count as much as the others. README, "Package map", says what each holds.
LAYERS = ("markdown", "safety", "template", "rules", "exports", "report", "imports", "review")
ROOT = {"__init__", "errors", "records", "numbers", "text", "model"}  # directly in core/: what every package uses
OPEN_FILE = "copdesk.core.report.open_file"  # the module that opens a report
NO_OPEN_REPORT = ("markdown", "rules", "exports")  # data in, data out: they never load the open report
ABOVE_CORE = ("copdesk.ui", "copdesk.cli", "copdesk.app", "copdesk.__main__")


def _module_name(rel: str) -> str:
    """'core/report/store.py' -> 'copdesk.core.report.store'; a package's __init__ is the package."""
    parts = ["copdesk", *rel[:-3].split("/")]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package(module: str) -> str | None:
    """A core module's package: '' for core/ itself, None outside the core."""
    parts = module.split(".")
    if parts[:2] != ["copdesk", "core"]:
        return None
    return parts[2] if len(parts) > 3 or (len(parts) == 3 and parts[2] not in ROOT) else ""


def _is_package(rel: str) -> bool:
    return rel.endswith("/__init__.py")


def imported_modules(rel: str, tree: ast.AST, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) for every import in a module, anywhere in it; `from p import m` is module p.m when
    p.m is a module."""
    here = _module_name(rel)
    package = here if _is_package(rel) else here.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            for a in node.names:
                out.append((node.lineno, f"{base}.{a.name}" if f"{base}.{a.name}" in known else base))
    return out


def layer_offences(sources: dict[str, ast.AST]) -> list[str]:
    """Imports of a core module that point up (to a later package, or from core/ itself into a package), to
    a package not in LAYERS, or out of the core to the window or the CLI."""
    known = {_module_name(rel) for rel in sources}
    out = []
    for rel, tree in sources.items():
        importer = _package(_module_name(rel))
        if importer is None:
            continue
        if importer and importer not in LAYERS:
            out.append(f"{rel}: package {importer}/ is in no layer (LAYERS)")
            continue
        for line, target in imported_modules(rel, tree, known):
            if target.startswith(ABOVE_CORE):
                out.append(f"{rel}:{line}: imports {target}, above the core")
                continue
            to = _package(target)
            if to is None or to == "" or to == importer:
                continue
            if to not in LAYERS:
                out.append(f"{rel}:{line}: imports {target}, in no layer")
            elif not importer or LAYERS.index(to) > LAYERS.index(importer):
                out.append(f"{rel}:{line}: imports {target}: {to}/ is above {importer or 'core/'}")
    return out


def open_report_offences(sources: dict[str, ast.AST]) -> list[str]:
    """Modules of exports/, rules/ and markdown/ that load the open report (report/open_file.py), directly
    or through any chain of core imports."""
    known = {_module_name(rel) for rel in sources}
    graph = {_module_name(rel): {t for _, t in imported_modules(rel, tree, known) if t in known}
             for rel, tree in sources.items()}
    out = []
    for rel in sources:
        start = _module_name(rel)
        if _package(start) not in NO_OPEN_REPORT:
            continue
        seen, chain = {start}, {start: [start]}
        todo = [start]
        while todo:
            m = todo.pop()
            for t in sorted(graph.get(m, ())):
                if t not in seen:
                    seen.add(t)
                    chain[t] = chain[m] + [t]
                    todo.append(t)
        if OPEN_FILE in seen:
            out.append(f"{rel}: loads the open report: {' -> '.join(chain[OPEN_FILE])}")
    return out


SQL_TEXT = re.compile(r"^\s*(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|REPLACE\s+INTO|PRAGMA\s|"
                      r"CREATE\s+(TABLE|INDEX|VIEW)|DROP\s+|ALTER\s+TABLE|BEGIN\b|COMMIT\b|SAVEPOINT\s)")
SQL_CALLS = {"execute", "executemany", "executescript"}
CONNECTIONS = {"conn", "db", "_db"}


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def sql_offences(sources: dict[str, ast.AST]) -> list[str]:
    """SQL anywhere in copdesk outside core/report/: a statement in a string, a cursor call, a connection
    opened or reached (`.conn`, `.db`, `._db`)."""
    out = []
    for rel, tree in sources.items():
        if rel.startswith("core/report/"):
            continue
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and SQL_TEXT.match(node.value):
                out.append(f"{rel}:{node.lineno}: SQL {node.value[:40]!r}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and (
                    node.func.attr in SQL_CALLS or ast.unparse(node.func) == "sqlite3.connect"):
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node.func)}()")
            elif isinstance(node, ast.Attribute) and node.attr in CONNECTIONS:
                out.append(f"{rel}:{node.lineno}: .{node.attr} of {ast.unparse(node.value)}")
    return out


def _core_private_names(sources: dict[str, ast.AST]) -> set[str]:
    """The private names the core defines: module-level names, methods and attributes starting with one
    underscore (not dunders)."""
    names = set()
    for rel, tree in sources.items():
        if not rel.startswith("core/"):
            continue
        for node in ast.walk(tree):
            name = None
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = node.name
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                name = node.attr
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                name = node.id
            if name and name.startswith("_") and not name.startswith("__"):
                names.add(name)
    return names


def window_offences(sources: dict[str, ast.AST]) -> list[str]:
    """Where the window (ui/) touches a private name of the core (an attribute or method the core defines
    with a leading underscore, on anything but the window's own `self`; a private name imported from the
    core) or a core object's connection (`.conn`, `.db`, `._db`)."""
    private = _core_private_names(sources)
    out = []
    for rel, tree in sources.items():
        if not rel.startswith("ui/"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and (node.attr in CONNECTIONS or node.attr in private) \
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                out.append(f"{rel}:{node.lineno}: .{node.attr} of {ast.unparse(node.value)}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("copdesk.core"):
                out += [f"{rel}:{node.lineno}: imports {a.name} from {node.module}" for a in node.names
                        if a.name.startswith("_")]
    return out


def test_core_is_packages_in_layers():
    """core/ holds at most ten modules of its own (ROOT) and packages, each in exactly one layer."""
    core = SRC / "core"
    assert {p.stem for p in core.glob("*.py")} == ROOT and len(ROOT) <= 10
    packages = {p.name for p in core.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(LAYERS)
    strays = [str(p.relative_to(SRC)) for p in core.rglob("*.py") if not (p.parent / "__init__.py").exists()]
    assert strays == []  # every folder with modules is a package the rules see
    for package in LAYERS:  # a package's __init__ loads nothing: importing one module loads no other
        init = ast.parse((core / package / "__init__.py").read_text(encoding="utf-8"))
        assert all(isinstance(n, ast.Expr) for n in init.body), package


def test_core_imports_point_down():
    assert layer_offences(_sources()) == []
    bad = {"core/rules/validate.py": ast.parse("from copdesk.core.report.open_file import Report"),
           "core/markdown/dialect.py": ast.parse("def f():\n    from copdesk.core.safety import atomic\n"),
           "core/model.py": ast.parse("from copdesk.core.template.template import Template"),
           "core/safety/atomic.py": ast.parse("from ..report import store\nfrom . import faults"),
           "core/review/merge.py": ast.parse("import copdesk.ui.main_window\nfrom copdesk.core.exports import word"),
           "core/sideways/x.py": ast.parse("x = 1")}
    assert sorted(o.split(":")[0] for o in layer_offences(bad)) == [  # the rule bites, lazy and relative too
        "core/markdown/dialect.py", "core/model.py", "core/review/merge.py", "core/rules/validate.py",
        "core/safety/atomic.py", "core/sideways/x.py"]


def test_exports_rules_and_markdown_never_load_the_open_report():
    """Exports take report data, rules and the Markdown dialect read data: none of them imports, directly or
    through another core module, the module that opens a report."""
    assert open_report_offences(_sources()) == []
    bad = {"core/exports/csv_table.py": ast.parse("from copdesk.core.rules import outline"),
           "core/rules/outline.py": ast.parse("def f():\n    from copdesk.core.report.open_file import Report"),
           "core/report/open_file.py": ast.parse("x = 1")}
    assert len(open_report_offences(bad)) == 2  # the rule bites, through a chain of imports too


def test_sql_only_in_the_report_package():
    """core/report/ is the one package with SQL on a report: no other module of copdesk (core, window or
    CLI) writes a statement, calls a cursor or reaches a connection."""
    assert sql_offences(_sources()) == []
    bad = {"core/review/versions.py": ast.parse("report.query('SELECT data FROM versions')\n"
                                                 "r.conn.execute('PRAGMA user_version')"),
           "ui/compare_dialog.py": ast.parse("rows = self.report.db['answers'].rows"),
           "core/safety/backups.py": ast.parse("import sqlite3\nsqlite3.connect(path)"),
           "core/report/store.py": ast.parse("conn.execute('SELECT 1')")}
    assert len(sql_offences(bad)) == 6  # the rule bites: two statements, a cursor call, .conn, .db, a connect;
    # and it leaves the report package alone


def test_window_touches_no_private_name_or_connection_of_the_core():
    assert window_offences(_sources()) == []
    core = {"core/report/open_file.py": ast.parse("class Report:\n    def _log(self): self._meta = {}")}
    bad = {**core, "ui/session.py": ast.parse("report._meta = {}\nself.report._log()\nr.conn.close()\n"
                                              "from copdesk.core.model import _grid\nself._meta = 1")}
    assert len(window_offences(bad)) == 4  # the rule bites (a window's own self._x is its own business)


# -- one way of extending the main window (issue 18) ----------------------------------------------------
MAIN_WINDOW = "ui/main_window.py"
WINDOW_NAMES = ("window", "self.window")  # how the parts of ui/ name the main window they are given


def _qt_names(tree: ast.AST) -> set[str]:
    """Names a module imports from PySide6."""
    return {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] == "PySide6" for a in node.names}


def window_extension_offences(sources: dict[str, ast.AST]) -> list[str]:
    """The main window is extended one way: parts it makes in MainWindow.__init__ and keeps as attributes it
    assigns itself. So MainWindow's bases are Qt classes only (no mixins), and no module of ui/ but
    ui/main_window.py assigns an attribute on the window: `window.x = ...`, `self.window.x = ...`, the same
    through a local name for it (`w = self.window; w.x = ...`), in a tuple, augmented or annotated, or
    `setattr(window, ...)`. Attributes of the window's objects (`window.session.readonly = ...`) are their
    own business."""
    out = []
    tree = sources.get(MAIN_WINDOW)
    window_class = next((n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == "MainWindow"),
                        None) if tree is not None else None
    if window_class is None:
        out.append(f"{MAIN_WINDOW}: no class MainWindow")
    else:
        qt = _qt_names(tree)
        out += [f"{MAIN_WINDOW}:{window_class.lineno}: MainWindow's base {ast.unparse(base)} is no Qt class"
                for base in window_class.bases if ast.unparse(base).split(".")[0] not in qt]
    for rel, module in sources.items():
        if not rel.startswith("ui/") or rel == MAIN_WINDOW:
            continue
        names = set(WINDOW_NAMES)
        for node in ast.walk(module):  # local names for the window: w = self.window
            if isinstance(node, ast.Assign) and ast.unparse(node.value) in WINDOW_NAMES:
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        for node in ast.walk(module):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                for t in ast.walk(target):
                    if isinstance(t, ast.Attribute) and isinstance(t.ctx, ast.Store) and ast.unparse(t.value) in names:
                        out.append(f"{rel}:{node.lineno}: assigns {ast.unparse(t)} on the main window")
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "setattr" and node.args \
                    and ast.unparse(node.args[0]) in names:
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node)} on the main window")
    return out


def test_the_main_window_is_extended_by_parts_it_makes_itself():
    """README, "Package map": the window's parts (window.review, window.template_actions, window.family,
    window.safety) are made and assigned in MainWindow.__init__; nothing is mixed in or set from outside."""
    assert window_extension_offences(_sources()) == []
    bad = {MAIN_WINDOW: ast.parse("from PySide6.QtWidgets import QMainWindow\n"
                                  "from copdesk.ui.review_actions import ReviewActions\n"
                                  "class MainWindow(ReviewActions, QMainWindow):\n"
                                  "    def __init__(self):\n        self.review = 1\n"),
           "ui/edit_actions.py": ast.parse("def add(window, menu):\n    window.clipboard_actions = []\n"),
           "ui/template_actions.py": ast.parse("class T:\n    def popup(self, menu):\n"
                                               "        self.window._context_menu = menu\n"),
           "ui/family_window.py": ast.parse("def done(self):\n    w = self.window\n    w.last_export = None\n"),
           "ui/window_safety.py": ast.parse("def attach(window, plan):\n    setattr(window, 'safety', plan)\n"
                                            "    window.notice, x = '', 1\n"),
           "ui/allowed.py": ast.parse("self.window = window\nwindow.session.readonly = True\n"
                                      "self.window.statusBar().showMessage('x')\nparent.correction_menu = menu\n")}
    assert sorted(window_extension_offences(bad)) == sorted([  # the rule bites
        "ui/main_window.py:3: MainWindow's base ReviewActions is no Qt class",
        "ui/edit_actions.py:2: assigns window.clipboard_actions on the main window",
        "ui/template_actions.py:3: assigns self.window._context_menu on the main window",
        "ui/family_window.py:3: assigns w.last_export on the main window",
        "ui/window_safety.py:2: setattr(window, 'safety', plan) on the main window",
        "ui/window_safety.py:3: assigns window.notice on the main window"])  # and leaves ui/allowed.py alone
    assert window_extension_offences({"ui/x.py": ast.parse("x = 1")}) == [f"{MAIN_WINDOW}: no class MainWindow"]


def window_private_offences(sources: dict[str, ast.AST]) -> list[str]:
    """The window's parts use what the window offers them, not its insides: no module of ui/ but
    ui/main_window.py reads a private name of the main window (`window._x`, `self.window._x`, or through a
    local name for it, `w = self.window; w._x`). Its own objects' private names are the rule above's."""
    out = []
    for rel, module in sources.items():
        if not rel.startswith("ui/") or rel == MAIN_WINDOW:
            continue
        names = set(WINDOW_NAMES)
        for node in ast.walk(module):
            if isinstance(node, ast.Assign) and ast.unparse(node.value) in WINDOW_NAMES:
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        for node in ast.walk(module):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__") \
                    and ast.unparse(node.value) in names:
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node)} is the main window's own")
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in ("getattr", "hasattr") and len(node.args) > 1 \
                    and ast.unparse(node.args[0]) in names and isinstance(node.args[1], ast.Constant) \
                    and str(node.args[1].value).startswith("_"):
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node)} is the main window's own")
    return out


def test_the_window_parts_use_no_private_name_of_the_main_window():
    assert window_private_offences(_sources()) == []
    bad = {"ui/review_actions.py": ast.parse("def build(self):\n    w = self.window\n    w._action(1)\n"),
           "ui/live_view.py": ast.parse("def f(self):\n    return getattr(self.window, '_closed', False)\n"),
           "ui/family_window.py": ast.parse("def f(window):\n    return window._checks\n"),
           MAIN_WINDOW: ast.parse("def f(self):\n    return self._checks\n"),
           "ui/allowed.py": ast.parse("def f(self):\n    self.window.add_action(1)\n    return self._own, "
                                      "self.window.session\n")}
    assert sorted(window_private_offences(bad)) == sorted([  # the rule bites, and leaves the rest alone
        "ui/review_actions.py:3: w._action is the main window's own",
        "ui/live_view.py:2: getattr(self.window, '_closed', False) is the main window's own",
        "ui/family_window.py:2: window._checks is the main window's own"])
