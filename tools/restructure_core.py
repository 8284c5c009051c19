#!/usr/bin/env python3
"""Move src/copdesk/core/ (flat modules) into packages that show the architecture (issue 18), re-runnably.

    python3 tools/restructure_core.py --check   # print the plan and what is missing from the table; change nothing
    python3 tools/restructure_core.py           # do it: git mv, package __init__ files, every import rewritten

Run it from anywhere inside the repository, on a clean working tree (it refuses otherwise, and refuses a tree
where it has already run). It stages its result and commits nothing: look at `git diff --cached --stat`, then
`git commit -m "Move core into packages (tools/restructure_core.py)"`.

What it does:
1. Every module of src/copdesk/core/ must be in the table below (PACKAGES, SPLITS) or stay in core/ (ROOT);
   a module in none of them stops the script before it changes anything, with the list. Table entries whose
   file does not exist (a branch not merged yet) are skipped.
2. `git mv` of each module to its package (under a new name where the old prefix misled), and one
   `__init__.py` per package: a docstring only, so importing one module of a package loads nothing else.
3. A module in SPLITS is cut by its top-level names into several modules (the first keeps its git history);
   each part keeps the imports it uses and imports what it needs from the other parts.
4. Every reference is rewritten in src/, tests/, benchmarks/, tools/, resources/, packaging/, docs/,
   pyproject.toml, README.md and .ci/: import statements (absolute, relative, `from copdesk.core import x`,
   nested in functions, parenthesised over several lines) by their syntax tree, and in any text (strings such
   as code run in a subprocess, mock.patch targets, importlib.import_module names, PyInstaller hidden imports,
   docstrings) the dotted names `copdesk.core.x[.name]`, `core.x.name`, the paths `core/x.py` and the
   statements `from copdesk.core import x, y`. Imports become one uniform, absolute form:
   `from copdesk.core.<package>.<module> import name` and `from copdesk.core.<package> import <module> [as old]`
   (the old name kept as an alias where call sites say `old.function()`).
   A name a module only re-imports from another core module (report.ReportData, from model) is imported from
   where it is defined, so a module low in the layers does not load the open report to get a data class.
5. Checks: compiles src/, tests/, benchmarks/ and imports every copdesk.core module in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import textwrap
import tokenize
from pathlib import Path

CORE_PKG = "copdesk" + ".core"  # spelled apart so the script's own text never looks like a reference

# Modules that stay directly in core/: the few concepts every package uses.
ROOT = {"__init__", "errors", "records", "numbers", "text", "model"}

# Packages, bottom layer first (tests/test_architecture.py holds the same order): a module may import from
# core/ itself, from its own package and from packages listed before its own.
PACKAGES: dict[str, tuple[str, dict[str, str]]] = {
    "markdown": ("The one Markdown dialect of answers: reading, writing, HTML in and out. No I/O.", {
        "markdown": "dialect", "html_md": "html"}),
    "safety": ("Files put in place whole, write errors in words, locks, unsafe places, bounded and hostile "
               "input. No SQL, no report.", {
        "atomic": "atomic", "outputs": "outputs", "faults": "faults", "inputs": "inputs",
        "export_target": "export_target", "lockfile": "lockfile", "placement": "placement",
        "docx_guard": "docx_guard"}),
    "template": ("The reporting template as data: forms, official wording and its corrections, codes, the "
                 "form cache.", {
        "template": "template", "forms": "forms", "corrections": "corrections",
        "user_corrections": "user_corrections", "form_cache": "cache", "codes": "codes", "forms_check": "check",
        "forms_list": "listing", "yamlfile": "yamlfile"}),
    "rules": ("What a report's data means: checks, wizard, tables, outline, checklist, follow-ups, live checks, "
              "find, services of a family. Data in, no I/O.", {
        "validate": "validate", "wizard": "wizard", "tables": "tables", "outline": "outline",
        "checklist": "checklist", "follow_ups": "follow_ups", "live": "live", "find": "find",
        "services": "services", "family_checks": "family_checks"}),
    "exports": ("Report data out: Word (one writer), Transparency Centre JSON, CSV, PDF, copdesk JSON. They "
                "take report data, never an open report.", {
        "docx_export": "word", "docx_body": "docx_body", "docx_layout": "docx_layout",
        "docx_markers": "docx_markers", "docx_parts": "docx_parts", "docx_tables": "docx_tables",
        "docx_xml": "docx_xml", "docx_review": "docx_comments", "tc_export": "tc_json",
        "csv_export": "csv_table", "pdf_export": "pdf", "cleaner": "cleaner"}),
    "report": ("The report file: the open report, its store, migrations, checks, creation, backups, recovery "
               "and rescue. The only package with SQL on a report.", {
        "report": "open_file", "store": "store", "migrations": "migrations", "report_check": "check",
        "report_codes": "code_moves", "report_review": "review_rows", "report_sections": "crisis_sections",
        "report_wording": "wording", "report_services": "services", "transaction": "transaction",
        "backups": "backups", "peek": "peek", "recovery": "recovery", "rescue": "rescue"}),
    "imports": ("Reports in: Word, Transparency Centre JSON, copdesk JSON, the filed-report parser, a family "
                "from per-service reports, official wording learnt from a filed report.", {
        "docx_import": "word", "docx_reader": "docx_reader", "docx_styles": "docx_styles",
        "import_result": "result", "importers": "importers", "report_parser": "filed_parser",
        "report_labels": "filed_labels", "report_crisis": "filed_crisis", "tc_import": "tc_json",
        "learn": "learn", "family_import": "family"}),
    "review": ("Review: comments and statuses, versions, diff, merge, carry, suggestions, the Word comparison, "
               "a reviewed Word document read back.", {
        "review": "comments", "versions": "versions", "merge": "merge", "carry": "carry", "diff": "diff",
        "suggestions": "suggestions", "review_import": "word_import", "review_read": "word_read",
        "diff_docx": "comparison_docx"}),
}

# Modules cut in parts by their top-level names: {module: (default part, {part: (docstring, names)})}. The
# default part keeps the module's docstring, its git history and every name not listed.
SPLITS: dict[str, tuple[str, dict[str, tuple[str, list[str]]]]] = {
    "jsonio": ("imports.copdesk_json", {
        "exports.copdesk_json": (
            "The copdesk JSON format written: a whole report as one JSON file, without loss (the format: "
            "imports/copdesk_json.py).", ["FORMAT", "VERSION", "to_dict", "export_json"]),
        "report.create": (
            "A new report file holding exactly the data given, written whole or not at all: imports, carry "
            "and merge create their files here.", ["create_from_data", "_check_extras", "_insert"]),
    }),
}

SCOPE_DIRS = ("src", "tests", "benchmarks", "tools", "resources", "packaging", "docs", ".ci")
SCOPE_FILES = ("pyproject.toml", "README.md")
TEXT_SUFFIXES = {".py", ".spec", ".toml", ".md", ".txt", ".cfg", ".ini", ".sh", ".yaml", ".yml", ".json", ""}
SELF = Path("tools/restructure_core.py")
LINE = 118  # imports it writes are folded to this width
LIMIT = 130  # the line length ruff checks (pyproject.toml); longer lines the rewrite makes are listed


class Refused(SystemExit):
    pass


def git(*args: str, root: Path) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


# -- the plan ------------------------------------------------------------------------------------------------
class Plan:
    def __init__(self, root: Path):
        self.root = root
        self.core = root / "src" / "copdesk" / "core"
        present = {p.stem for p in self.core.glob("*.py")}
        self.module_map: dict[str, str] = {}  # old module -> "package.module" (only those present)
        self.skipped: list[str] = []
        for package, (_, modules) in PACKAGES.items():
            for old, new in modules.items():
                if old in present:
                    self.module_map[old] = f"{package}.{new}"
                else:
                    self.skipped.append(old)
        self.splits = {m: s for m, s in SPLITS.items() if m in present}
        self.skipped += [m for m in SPLITS if m not in present]
        known = ROOT | set(self.module_map) | set(self.splits)
        self.unknown = sorted(present - known)
        # a split module's default target, and its names that go elsewhere
        self.name_map: dict[str, dict[str, str]] = {}  # (old module, name) -> where the name is defined now
        self.split_names: dict[str, dict[str, str]] = {}  # the names a split moved to another part
        for old, (default, parts) in self.splits.items():
            self.module_map[old] = default
            self.split_names[old] = {name: part for part, (_, names) in parts.items() for name in names}
            self.name_map[old] = dict(self.split_names[old])
        # names a module only re-imports from another core module: import them from where they are defined
        for old in list(self.module_map):
            path = self.core / f"{old}.py"
            if not path.exists():
                continue
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                        and node.module.startswith(CORE_PKG + ".") and node.module.count(".") == 2:
                    origin = node.module.split(".")[2]
                    for alias in node.names:
                        name = alias.asname or alias.name
                        self.name_map.setdefault(old, {}).setdefault(name, self.target(origin, alias.name))

    def target(self, old: str, name: str | None = None) -> str:
        """Where `old` (a core module) — or its top-level `name` — now lives, as a dotted name under core."""
        if name is not None and name in self.name_map.get(old, {}):
            return self.name_map[old][name]
        return self.module_map.get(old, old)

    def moved(self, old: str) -> bool:
        return old in self.module_map

    def new_path(self, old: str) -> Path:
        return self.core.joinpath(*self.module_map[old].split(".")).with_suffix(".py")


# -- rewriting import statements -----------------------------------------------------------------------------
def _alias(name: str, asname: str | None) -> str:
    return f"{name} as {asname}" if asname and asname != name else name


def _from(module: str, names: list[str], indent: str) -> str:
    line = f"from {module} import {', '.join(names)}"
    if len(indent) + len(line) <= LINE:
        return line
    body = textwrap.fill(", ".join(names), width=LINE - len(indent) - 4, break_on_hyphens=False,
                         break_long_words=False)
    return f"from {module} import (\n" + textwrap.indent(body, indent + "    ") + ")"


class Rewriter:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.errors: list[str] = []

    # statements ------------------------------------------------------------------------------------------
    def from_core(self, aliases: list[tuple[str, str | None]], text: str, where: str) -> list[tuple[str, list[str]]]:
        """`from copdesk.core import a, b as c`, as (module, names) statements in the new layout."""
        out: dict[str, list[str]] = {}
        for name, asname in aliases:
            local = asname or name
            if name in self.plan.splits:
                used = set(re.findall(rf"\b{re.escape(local)}\.(\w+)", text))
                parts = {self.plan.target(name, attr) for attr in used} or {self.plan.target(name)}
                if len(parts) > 1:
                    self.errors.append(f"{where}: `{local}` (split module {name}) is used for names now in "
                                       f"{sorted(parts)}: import them by name")
                    continue
                dotted = parts.pop()
            elif name in self.plan.module_map:
                dotted = self.plan.module_map[name]
            else:
                out.setdefault(CORE_PKG, []).append(_alias(name, asname))
                continue
            package, _, module = dotted.rpartition(".")
            source = f"{CORE_PKG}.{package}" if package else CORE_PKG
            out.setdefault(source, []).append(_alias(module, local))
        return list(out.items())

    def from_module(self, old: str, rest: list[str],
                    aliases: list[tuple[str, str | None]]) -> list[tuple[str, list[str]]]:
        if rest:  # a dotted path below a core module: only a package can have one, none did
            return [(".".join([CORE_PKG, self.plan.target(old), *rest]), [_alias(n, a) for n, a in aliases])]
        out: dict[str, list[str]] = {}
        for name, asname in aliases:
            out.setdefault(f"{CORE_PKG}.{self.plan.target(old, name)}", []).append(_alias(name, asname))
        return list(out.items())

    def statement(self, node: ast.stmt, package: str, text: str, where: str) -> list[str] | None:
        """New source lines (without indentation) for an import statement, or None when it stays."""
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([module] if module else []))
            aliases = [(a.name, a.asname) for a in node.names]
            if any(n == "*" for n, _ in aliases) and module.startswith(CORE_PKG):
                self.errors.append(f"{where}:{node.lineno}: a star import from {module}: import by name first")
                return None
            if module == CORE_PKG:
                if not node.level and not any(self.plan.moved(n) for n, _ in aliases):
                    return None
                groups = self.from_core(aliases, text, f"{where}:{node.lineno}")
            elif module.startswith(CORE_PKG + "."):
                old, *rest = module.split(".")[2:]
                if not node.level and not self.plan.moved(old):
                    return None
                groups = self.from_module(old, rest, aliases) if self.plan.moved(old) \
                    else [(module, [_alias(n, a) for n, a in aliases])]
            elif node.level:
                groups = [(module, [_alias(n, a) for n, a in aliases])]  # relative, outside the core: absolute
            else:
                return None
            return [(module_, names) for module_, names in groups]  # type: ignore[return-value]
        if isinstance(node, ast.Import):
            changed, names = False, []
            for a in node.names:
                parts = a.name.split(".")
                if parts[:2] == CORE_PKG.split(".") and len(parts) > 2 and self.plan.moved(parts[2]):
                    names.append(_alias(".".join([CORE_PKG, self.plan.target(parts[2]), *parts[3:]]), a.asname))
                    changed = True
                else:
                    names.append(_alias(a.name, a.asname))
            return [("import", names)] if changed else None  # type: ignore[list-item]
        return None

    # a file ------------------------------------------------------------------------------------------------
    def rewrite(self, path: Path, text: str, package: str | None) -> str:
        edits: list[tuple[int, int, str]] = []
        if path.suffix == ".py" and package is not None:
            try:
                tree = ast.parse(text)
            except SyntaxError as exc:
                print(f"  note: {path}: not Python ({exc.msg}); its text is rewritten as text only")
                tree = None
            if tree is not None:
                offsets = _line_offsets(text)
                for node in ast.walk(tree):
                    if not isinstance(node, (ast.Import, ast.ImportFrom)):
                        continue
                    groups = self.statement(node, package, text, str(path))
                    if groups is None:
                        continue
                    start = offsets[node.lineno - 1] + node.col_offset
                    end = offsets[node.end_lineno - 1] + node.end_col_offset
                    line_start = offsets[node.lineno - 1]
                    indent = text[line_start:start]
                    alone = indent.strip() == ""
                    stmts = [f"import {', '.join(names)}" if module == "import" else _from(module, names, indent)
                             for module, names in groups]
                    comments = _comments(text[start:end])
                    if comments:
                        first, *others = stmts[0].split("\n", 1)
                        stmts[0] = "\n".join([f"{first}  {comments}", *others])
                    joiner = "\n" + indent if alone else "; "
                    edits.append((start, end, joiner.join(stmts)))
        edits.sort()
        out, last = [], 0
        for start, end, new in edits:
            out.append(self.text(text[last:start]))
            out.append(new)
            last = end
        out.append(self.text(text[last:]))
        return "".join(out)

    # any text ------------------------------------------------------------------------------------------------
    def text(self, text: str) -> str:
        """Dotted names, paths and `from copdesk.core import x` statements in any text, in one pass (so
        nothing rewritten is rewritten again). A dotted `module.name` follows a name only where the name
        itself moved (a split), never to where a module re-imported it from: a mock.patch target patches
        the name where it is looked up."""
        plan = self.plan
        core_re = re.escape(CORE_PKG)
        pattern = re.compile(
            rf"(?P<stmt>\bfrom {core_re} import (?P<names>\w+(?: as \w+)?(?:, *\w+(?: as \w+)?)*))"
            rf"|(?P<dotted>\b{core_re}\.(?P<d_old>\w+)(?:\.(?P<d_name>\w+))?)"
            r"|(?P<short>(?<![\w.])core\.(?P<s_old>\w+)(?:\.(?P<s_name>\w+))?)"
            r"|(?P<path>(?<!tests/)(?<![\w.-])core/(?P<p_old>\w+)\.py\b)")

        def moved_name(prefix: str, old: str, name: str | None) -> str:
            if name is not None and name in plan.split_names.get(old, {}):
                return f"{prefix}.{plan.split_names[old][name]}.{name}"
            return f"{prefix}.{plan.target(old)}" + (f".{name}" if name is not None else "")

        def one(m: re.Match) -> str:
            if m.group("stmt"):
                aliases = []
                for part in m.group("names").split(","):
                    bits = part.split()
                    aliases.append((bits[0], bits[2] if len(bits) == 3 else None))
                if not any(plan.moved(n) for n, _ in aliases):
                    return m.group(0)
                groups = self.from_core(aliases, text, "text")
                return "; ".join(f"from {module} import {', '.join(names)}" for module, names in groups)
            if m.group("dotted"):
                old = m.group("d_old")
                return moved_name(CORE_PKG, old, m.group("d_name")) if plan.moved(old) else m.group(0)
            if m.group("short"):
                old = m.group("s_old")
                return moved_name("core", old, m.group("s_name")) if plan.moved(old) else m.group(0)
            old = m.group("p_old")
            return "core/" + plan.target(old).replace(".", "/") + ".py" if plan.moved(old) else m.group(0)

        return pattern.sub(one, text)


def _line_offsets(text: str) -> list[int]:
    offsets, total = [], 0
    for line in text.splitlines(keepends=True):
        offsets.append(total)
        total += len(line)
    offsets.append(total)
    return offsets


def _comments(source: str) -> str:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return ""
    return "  ".join(t.string for t in tokens if t.type == tokenize.COMMENT)


# -- splitting a module ---------------------------------------------------------------------------------------
def _defined(node: ast.stmt) -> set[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name}
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return set()


def _used(nodes: list[ast.stmt]) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name)}


def split(plan: Plan, old: str, path: Path) -> list[Path]:
    """Cut `path` (module `old`, already moved to its default part) into its parts; the new files."""
    default, parts = plan.splits[old]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    tree = ast.parse(text)
    body = list(tree.body)
    docstring = None
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        docstring = "".join(lines[:body[0].end_lineno]).rstrip("\n")
        body = body[1:]
    imports = [n for n in body if isinstance(n, (ast.Import, ast.ImportFrom))]
    future = [n for n in imports if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
    imports = [n for n in imports if n not in future]
    defs = [n for n in body if not isinstance(n, (ast.Import, ast.ImportFrom))]
    where = {}
    for node in defs:
        owners = {plan.split_names[old].get(name, default) for name in _defined(node)} or {default}
        if len(owners) > 1:
            raise Refused(f"{path}: one statement defines names for several parts: {ast.unparse(node)[:80]}")
        where[id(node)] = owners.pop()
    defined_in = {name: where[id(n)] for n in defs for name in _defined(n)}

    def source(node: ast.stmt) -> str:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]) - 1
        while first > 0 and lines[first - 1].lstrip().startswith("#"):
            first -= 1
        return "".join(lines[first:node.end_lineno]).rstrip("\n")

    written = []
    for part in [default, *parts]:
        mine = [n for n in defs if where[id(n)] == part]
        used = _used(mine)
        head = [docstring if part == default else '"""' + textwrap.fill(parts[part][0], LINE - 4) + '\n"""']
        head += [ast.unparse(n) for n in future]
        kept, others_first = [], []  # copdesk's own imports after the standard library's and the others'
        for node in imports:
            names = [a for a in node.names if (a.asname or a.name.split(".")[0]) in used]
            if names:
                node = ast.ImportFrom(node.module, names, node.level) if isinstance(node, ast.ImportFrom) \
                    else ast.Import(names)
                ours = (getattr(node, "module", None) or node.names[0].name).startswith("copdesk")
                (kept if ours else others_first).append(ast.unparse(node))
        others: dict[str, list[str]] = {}
        for name in sorted(used):
            if name in defined_in and defined_in[name] != part:
                others.setdefault(defined_in[name], []).append(name)
        kept += [f"from {CORE_PKG}.{old} import {', '.join(names)}" for names in others.values()]
        chunks = []
        for node in mine:
            gap = "\n\n\n" if chunks and (isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                                          or chunks[-1][1]) else "\n"
            chunks.append((gap + source(node) if chunks else source(node),
                           isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))))
        blocks = ["\n\n".join(h for h in head if h), "\n".join(others_first), "\n".join(kept)]
        new = "\n\n".join(b for b in blocks if b) + "\n\n\n" + "".join(c for c, _ in chunks) + "\n"
        target = plan.core.joinpath(*part.split(".")).with_suffix(".py")
        target.parent.mkdir(exist_ok=True)
        target.write_text(new, encoding="utf-8")
        written.append(target)
        if not mine:
            print(f"  note: part {part} of {old} holds no definition")
    return written


# -- the run ----------------------------------------------------------------------------------------------------
def files_in_scope(root: Path) -> list[Path]:
    listed = git("ls-files", "-co", "--exclude-standard", *SCOPE_DIRS, *SCOPE_FILES, root=root).split("\n")
    out = []
    for name in listed:
        path = root / name
        if name and path.is_file() and Path(name) != SELF and path.suffix in TEXT_SUFFIXES \
                and ".venv" not in Path(name).parts:
            out.append(path)
    return out


def package_of(path: Path, root: Path, old_module: dict[Path, str]) -> str | None:
    """The package a Python file's relative imports are relative to (the old one for a moved module)."""
    if path in old_module:
        return CORE_PKG
    rel = path.relative_to(root)
    if rel.parts[:1] == ("src",):
        return ".".join(rel.parts[1:-1])
    return ".".join(rel.parts[:-1]) or None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="print the plan, change nothing")
    ap.add_argument("--allow-dirty", action="store_true", help="run on a working tree with changes")
    args = ap.parse_args(argv)
    root = Path(git("rev-parse", "--show-toplevel", root=Path.cwd()).strip())
    core = root / "src" / "copdesk" / "core"
    done = [p for p in PACKAGES if (core / p / "__init__.py").exists()]
    if done:
        raise Refused(f"Refused: core/ already has the packages {done}: the script has run on this tree.")
    plan = Plan(root)
    if plan.unknown:
        raise Refused("Refused: these modules of src/copdesk/core/ are in no package of the table "
                      "(tools/restructure_core.py: PACKAGES, SPLITS or ROOT); add them and run again:\n  "
                      + "\n  ".join(f"{m}.py" for m in plan.unknown))
    moves = {old: new for old, new in plan.module_map.items()}
    print(f"{len(moves)} modules into {len(PACKAGES)} packages; {len(ROOT) - 1} stay in core/.")
    if plan.skipped:
        print("Not in this tree, skipped: " + ", ".join(plan.skipped))
    if args.check:
        for old, new in sorted(moves.items(), key=lambda kv: kv[1]):
            print(f"  core/{old}.py -> core/{new.replace('.', '/')}.py")
        for old, (default, parts) in plan.splits.items():
            for part, (_, names) in parts.items():
                print(f"  core/{old}.py: {', '.join(names)} -> core/{part.replace('.', '/')}.py")
        return 0
    if not args.allow_dirty and git("status", "--porcelain", "--untracked-files=no", root=root).strip():
        raise Refused("Refused: the working tree has changes; commit or stash them first (or --allow-dirty).")

    # 1. git mv, package __init__ files
    old_module: dict[Path, str] = {}
    for package, (doc, _) in PACKAGES.items():
        folder = core / package
        folder.mkdir(exist_ok=True)
        init = folder / "__init__.py"
        doc = textwrap.fill(doc, LINE - 4) + "\n\nEmpty on purpose: importing one module of the package loads no other."
        init.write_text(f'"""{doc}\n"""\n', encoding="utf-8")
        git("add", str(init), root=root)
    for old in moves:
        target = plan.new_path(old)
        git("mv", str(core / f"{old}.py"), str(target), root=root)
        old_module[target] = old
    # 2. splits
    for old in plan.splits:
        for path in split(plan, old, plan.new_path(old)):
            old_module[path] = old
            git("add", str(path), root=root)
    # 3. every reference
    rewriter = Rewriter(plan)
    changed: list[Path] = []
    too_long: list[str] = []
    for path in files_in_scope(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        package = package_of(path, root, old_module) if path.suffix == ".py" else None
        new = rewriter.rewrite(path, text, package if path.suffix == ".py" else None)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
            before = sum(len(line) > LIMIT for line in text.splitlines())
            after = [n for n, line in enumerate(new.splitlines(), 1) if len(line) > LIMIT]
            if len(after) > before:
                too_long += [f"{path.relative_to(root)}:{n}" for n in after]
    if rewriter.errors:
        print("Left for a person (the rest is done and staged):\n  " + "\n  ".join(rewriter.errors))
    git("add", "-A", "--", *[str(p) for p in changed], str(core), root=root)
    print(f"Rewrote references in {len(changed)} files.")
    if too_long:  # longer names in a string or a docstring: folding them is a person's call
        print(f"Lines now over {LIMIT} characters (ruff's line length), to fold by hand:\n  " + "\n  ".join(too_long))

    # 4. checks
    compiled = subprocess.run([sys.executable, "-m", "compileall", "-q", "src", "tests", "benchmarks"], cwd=root)
    ok = compiled.returncode == 0
    probe = ("import importlib, pkgutil, sys; sys.path.insert(0, 'src'); import copdesk.core as c; bad = []\n"
             "for m in pkgutil.walk_packages(c.__path__, c.__name__ + '.'):\n"
             "    try: importlib.import_module(m.name)\n"
             "    except ModuleNotFoundError as e:\n"
             "        if (e.name or '').startswith('copdesk'): bad.append(f'{m.name}: {e}')\n"
             "    except Exception as e: bad.append(f'{m.name}: {type(e).__name__}: {e}')\n"
             "print('\\n'.join(bad)); sys.exit(1 if bad else 0)")
    venv = root / ".venv" / "bin" / "python"  # the project's interpreter has its dependencies
    python = str(venv) if venv.exists() else sys.executable
    result = subprocess.run([python, "-c", probe], cwd=root, capture_output=True, text=True)
    if result.returncode or not ok:
        print("Does not import yet:\n" + result.stdout + result.stderr)
        return 1
    print("Every core module compiles and imports. Staged; commit with:\n"
          '  git commit -m "Move core into packages (tools/restructure_core.py)"')
    return 1 if rewriter.errors else 0


if __name__ == "__main__":
    sys.exit(main())
