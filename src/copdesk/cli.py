"""The copdesk command line. It uses the core only (no Qt is imported unless the window is asked for).

Exit status: 0 ok, 1 incomplete (validate), 2 error, 3 merge choices pending.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from copdesk import __version__
from copdesk.core.errors import CopdeskError, InputError

OK, INCOMPLETE, ERROR, PENDING = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="copdesk", description="Draft, check and export Code of Conduct on "
                                "Disinformation reports. With no command, copdesk prints this help.")
    p.add_argument("--version", action="version", version=f"copdesk {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="create a new report file")
    new.add_argument("file", type=Path)
    new.add_argument("--signatory", required=True, help="signatory or service name")
    new.add_argument("--kind", required=True, choices=["platform", "other"])
    new.add_argument("--title", required=True, help='report title, e.g. "Report March 2026"')
    scope = new.add_mutually_exclusive_group()
    scope.add_argument("--measures", default="", help="comma-separated measures (and bare commitment numbers "
                       "for commitments without measures), e.g. 12.1,12.3,39")
    scope.add_argument("--all", action="store_true", help="subscribe every commitment and measure")
    new.add_argument("--edition", help="template edition (default: the newest)")

    ans = sub.add_parser("answer", help="set one answer of a report")
    ans.add_argument("file", type=Path)
    ans.add_argument("code", help='answer code, e.g. "QRE 12.1.1", "Commitment 12 Q1", header.description')
    src = ans.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="the answer text (Markdown: paragraphs, - bullets, **bold**, *italic*, links)")
    src.add_argument("--file", dest="from_file", type=Path, help="read the answer text from a file (- for stdin)")
    src.add_argument("--table", type=Path, help="set an SLI table from a CSV file (- for stdin)")
    src.add_argument("--clear", action="store_true", help="remove the answer")

    val = sub.add_parser("validate", help="list missing and invalid answers (exit 0 complete, 1 not)")
    val.add_argument("file", type=Path)
    val.add_argument("--json", action="store_true", help="print the issues as JSON")

    exp = sub.add_parser("export", help="export a report (-o OUT.json)")
    exp.add_argument("file", type=Path)
    exp.add_argument("-o", "--output", type=Path, required=True)

    imp = sub.add_parser("import", help="create a report file from an export (IN.json)")
    imp.add_argument("input", type=Path)
    imp.add_argument("-o", "--output", type=Path, required=True)

    forms = sub.add_parser("forms", help="template editions")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    check = forms_sub.add_parser("check", help="check a template file, a correction file or the installed template")
    check.add_argument("path", nargs="?", type=Path)
    return p


def _read_input(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text.", "Save it as UTF-8 (in Excel: 'CSV UTF-8').") from None


def cmd_new(a) -> int:
    from copdesk.core.forms import load_template
    from copdesk.core.report import Report
    t = load_template(a.edition)
    items = ([m.code for m in t.measures()] + [c.code for c in t.commitments()] if a.all
             else [x.strip() for x in a.measures.split(",") if x.strip()])
    with Report.create(a.file, t, signatory=a.signatory, kind=a.kind, title=a.title, subscriptions=items) as r:
        subs = r.subscriptions()
        n_c, n_m = sum(c.startswith("Commitment") for c in subs), sum(c.startswith("Measure") for c in subs)
    print(f"Created {a.file}: {n_c} commitments and {n_m} measures subscribed, template {t.edition}.")
    return OK


def cmd_answer(a) -> int:
    from copdesk.core.report import open_report
    from copdesk.core.tables import read_csv
    from copdesk.core.text import bad_chars
    with open_report(a.file) as r:
        code = r.resolve(a.code)
        if a.clear:
            changed = r.clear(code)
        elif a.table is not None:
            changed = r.set_table(code, read_csv(_read_input(a.table), str(a.table)))
        else:
            text = a.text if a.text is not None else _read_input(a.from_file)
            changed = r.set_text(code, text)
            if bad_chars(text):
                print(f"warning: the text holds characters Word cannot hold ({', '.join(bad_chars(text))}); "
                      "it is stored as given and 'validate' lists it.", file=sys.stderr)
        _warn_unsubscribed(r, code)
    print(f"{'Stored' if changed else 'Unchanged'}: {code}.")
    return OK


def _warn_unsubscribed(r, code: str) -> None:
    base = code.split("/")[-1] if "/" not in code or code.split("/")[-1] in r.template.index else ""
    measure = base if base.startswith("Measure ") else r.template.parents.get(base, "")
    target = base.rsplit(" Q", 1)[0] if base.startswith("Commitment ") else measure
    if target and "/" not in code and target not in r.subscriptions():
        print(f"note: {target} is not subscribed in this report, so this answer will not be exported.",
              file=sys.stderr)


def cmd_validate(a) -> int:
    from copdesk.core.report import open_report
    from copdesk.core.validate import is_complete, validate
    with open_report(a.file, readonly=True) as r:
        issues = validate(r.template, r.snapshot())
    complete = is_complete(issues)
    if a.json:
        print(json.dumps({"complete": complete, "issues": [i.as_dict() for i in issues]}, ensure_ascii=False, indent=1))
    else:
        for i in issues:
            print(f"{i.severity:8} {i.code}: {i.message}")
        counts = {s: sum(i.severity == s for i in issues) for s in ("missing", "invalid", "warning")}
        state = "complete" if complete else "incomplete"
        print(f"{a.file}: {state} ({counts['missing']} missing, {counts['invalid']} invalid, {counts['warning']} warnings)")
    return OK if complete else INCOMPLETE


def cmd_export(a) -> int:
    from copdesk.core.jsonio import export_json
    from copdesk.core.report import open_report
    suffix = a.output.suffix.lower()
    if suffix != ".json":
        raise InputError(f"Cannot export to '{suffix or a.output.name}'.", "Export formats: .json")
    with open_report(a.file, readonly=True) as r:
        export_json(r, a.output)
    print(f"Exported {a.file} to {a.output}.")
    return OK


def cmd_import(a) -> int:
    from copdesk.core.jsonio import import_json
    suffix = a.input.suffix.lower()
    if suffix != ".json":
        raise InputError(f"Cannot import '{suffix or a.input.name}' files.", "Import formats: copdesk .json")
    with import_json(a.input, a.output) as r:
        n = len(r.answers())
    print(f"Imported {a.input} into {a.output}: {n} answers.")
    return OK


def cmd_forms_check(a) -> int:
    from copdesk.core.forms_check import check
    lines, ok = check(a.path)
    print("\n".join(lines))
    return OK if ok else ERROR


COMMANDS = {"new": cmd_new, "answer": cmd_answer, "validate": cmd_validate, "export": cmd_export,
            "import": cmd_import, "forms": cmd_forms_check}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return OK
    try:
        return COMMANDS[args.command](args)
    except CopdeskError as exc:
        print(f"copdesk: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return ERROR
    except KeyboardInterrupt:
        return ERROR
