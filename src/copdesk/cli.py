"""The copdesk command line. It uses the core only (no Qt is imported unless the window is asked for).

Exit status: 0 ok, 1 incomplete (validate), 2 error, 3 merge choices (or review suggestions) pending.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from copdesk import __version__
from copdesk.core.errors import CopdeskError, InputError

OK, INCOMPLETE, ERROR, PENDING = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="copdesk", usage="%(prog)s [-h] [--version] [FILE.copdesk | COMMAND ...]",
        description="Draft, check and export Code of Conduct on Disinformation reports. With nothing after it, "
                    "copdesk opens its window on the start screen; with a report file (copdesk FILE.copdesk) it "
                    "opens that report in the window. The commands below work without a screen.")
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
    new.add_argument("--services", default="", help='a family: the services this draft reports for, e.g. '
                     '"Facebook,Instagram" (each signs the measures given, and gets its own document)')

    ans = sub.add_parser("answer", help="set one answer of a report")
    ans.add_argument("file", type=Path)
    ans.add_argument("code", help='answer code, e.g. "QRE 12.1.1", "Commitment 12 Q1", header.description')
    src = ans.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", help="the answer text (Markdown: paragraphs, - bullets, **bold**, *italic*, links)")
    src.add_argument("--file", dest="from_file", type=Path, help="read the answer text from a file (- for stdin)")
    src.add_argument("--table", type=Path, help="set an SLI table from a CSV file (- for stdin)")
    src.add_argument("--clear", action="store_true", help="remove the answer (with --service: that service's "
                     "own, so the shared answer shows again)")
    ans.add_argument("--service", help="in a family: write this service's own answer or table instead of the "
                     "shared one")

    for name, doing in (("subscribe", "sign"), ("unsubscribe", "stop signing")):
        sp = sub.add_parser(name, help=f"{doing} measures (in a family: for one service, or for all)")
        sp.add_argument("file", type=Path)
        sp.add_argument("--measures", required=True, help="comma-separated measures (and bare commitment "
                        "numbers), e.g. 21.1,21.2")
        sp.add_argument("--service", help="in a family: for this service only (default: every service)")

    val = sub.add_parser("validate", help="list missing and invalid answers (exit 0 complete, 1 not)")
    val.add_argument("file", type=Path)
    val.add_argument("--json", action="store_true", help="print the issues as JSON")
    val.add_argument("--service", help="in a family: check this service's report only (default: every service)")

    exp = sub.add_parser("export", help="export a report: copdesk JSON, Word, PDF, Transparency Centre JSON, CSV",
                         description="The format follows the output's extension (.json copdesk JSON, .docx Word, "
                         ".pdf PDF through LibreOffice) unless --format says otherwise.")
    exp.add_argument("file", type=Path)
    exp.add_argument("-o", "--output", type=Path, required=True,
                     help="the output file (a folder for --format csv and for --each-service)")
    which = exp.add_mutually_exclusive_group()
    which.add_argument("--service", help="in a family: export this service's report")
    which.add_argument("--each-service", action="store_true", help="in a family: one document per service in the "
                       "folder -o names, each named after its service (--format docx, pdf, tc-json or csv)")
    exp.add_argument("--format", choices=EXPORT_FORMATS, help="json (copdesk, lossless), docx, pdf, tc-json "
                     "(Transparency Centre shape) or csv (one file per SLI table)")
    exp.add_argument("--hide-empty", action="store_true",
                     help="Word/PDF: leave out QREs and SLIs nobody answered (a draft shows them empty)")
    exp.add_argument("--comments", choices=["open", "all", "none"], default="open",
                     help="Word/PDF: which review comments become Word comments (default: the open ones)")
    exp.add_argument("--status-table", action="store_true",
                     help="Word/PDF: a table of the review status of each section after the status line")
    exp.add_argument("--summaries", action="store_true", help="Word/PDF: where no official wording is known, "
                     "print copdesk's own summary, marked as not official")

    imp = sub.add_parser("import", help="create a report file from an earlier report: Word (.docx), "
                         "Transparency Centre JSON or copdesk JSON")
    imp.add_argument("input", type=Path, nargs="+", help="the report; for a family, one report per service")
    imp.add_argument("-o", "--output", type=Path, required=True)
    imp.add_argument("--services", help='a family from one report per service, named in the order of the files, '
                     'e.g. "Facebook,Instagram": identical text is shared, the rest kept per service')
    imp.add_argument("--signatory", help="a family's own signatory (default: the words the services' covers "
                     "start with)")
    imp.add_argument("--save-corrections", "--save-wording", dest="save_corrections", action="store_true",
                     help="store the official wording and the items the template lacks, found in the report, as "
                     "template corrections in your forms folder (without this, copdesk asks when run in a terminal)")

    carry = sub.add_parser("carry", help="start the next period's report from this one")
    carry.add_argument("file", type=Path)
    carry.add_argument("-o", "--output", type=Path, required=True)
    carry.add_argument("--title", required=True, help='the new report\'s title, e.g. "Report September 2026"')

    diff = sub.add_parser("diff", help="list the fields that differ between two reports, versions or periods")
    diff.add_argument("old", type=Path, help="a report (the older state, or the report whose version or "
                      "previous period you compare with)")
    diff.add_argument("new", type=Path, nargs="?", help="the newer copy of the report")
    which = diff.add_mutually_exclusive_group()
    which.add_argument("--version", help="compare this named version of OLD with OLD as it is now")
    which.add_argument("--baseline", action="store_true", help="compare the previous period (carried from) "
                       "with OLD as it is now")
    diff.add_argument("--docx", type=Path, help="also write the comparison as a Word document with the "
                      "insertions and deletions marked")
    diff.add_argument("--service", help="in a family: compare the report as this service sees it (default: the "
                      "shared answers and every service's own, each named)")

    mrg = sub.add_parser("merge", help="merge a reviewer's copy into yours (exit 3 when choices are pending)")
    mrg.add_argument("mine", type=Path)
    mrg.add_argument("theirs", type=Path)
    mrg.add_argument("-o", "--output", type=Path, required=True)
    mrg.add_argument("--prefer", choices=["mine", "theirs"], help="settle every two-sided change this way "
                     "instead of leaving it for you to choose")

    rev = sub.add_parser("review-import", help="bring a Word export reviewed in Word or LibreOffice back: comments, "
                         "suggested changes (exit 3 when suggestions or choices wait)",
                         description="Comments become copdesk comments; tracked and untracked edits inside answers "
                         "become suggestions (the whole answer as the reviewer left it); an answer you changed "
                         "since the export that the reviewer changed too is a choice, as in 'copdesk merge'; edits "
                         "outside answers are listed, not applied.")
    rev.add_argument("file", type=Path, help="the report the document was exported from")
    rev.add_argument("reviewed", type=Path, help="the reviewed .docx")
    settle = rev.add_mutually_exclusive_group()
    settle.add_argument("--accept-all", action="store_true", help="accept every suggestion of the document")
    settle.add_argument("--reject-all", action="store_true", help="reject every suggestion of the document")
    rev.add_argument("--prefer", choices=["mine", "theirs"], help="settle every answer changed on both sides "
                     "this way instead of leaving it for you to choose")

    bak = sub.add_parser("backups", help="list a report's backups, or restore one to a new file",
                         description="copdesk keeps the last few versions of each report (made when it opens "
                         "in the window and every few minutes of editing) in your data folder.")
    bak.add_argument("file", type=Path)
    bak.add_argument("--restore", type=int, metavar="N", help="restore backup N of the list (1 = newest)")
    bak.add_argument("-o", "--output", type=Path, help="the new file to restore into (never an existing file)")

    forms = sub.add_parser("forms", help="template editions")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    check = forms_sub.add_parser("check", help="check a template file, a correction file or the installed template")
    check.add_argument("path", nargs="?", type=Path)
    listing = forms_sub.add_parser("list", help="list every item of the template in use (your corrections applied)")
    listing.add_argument("--json", action="store_true", help="print a JSON list of items")
    listing.add_argument("--edition", help="template edition (default: the newest)")
    learn = forms_sub.add_parser("learn", help="store the official wording of a published report as your "
                                 "template corrections (Transparency Centre JSON, Word report or copdesk JSON)",
                                 description="Reads a published report and stores every official wording and "
                                 "every item the template lacks as corrections in your forms folder, without "
                                 "creating a report. Wording that disagrees with what copdesk has is reported, "
                                 "never overwritten (unless --replace).")
    learn.add_argument("file", type=Path)
    learn.add_argument("--replace", action="store_true",
                       help="where the report's wording disagrees with the wording copdesk has, take the report's")
    return p


def _read_input(path: Path) -> str:
    """A file or standard input ("-"), read with a size cap: a device or an endless pipe is refused."""
    from copdesk.core.safety.inputs import read_text
    return read_text(path)


def _output(out: Path, *inputs: Path | None, doing: str, kind: str = "file") -> Path:
    """The output-path rule (core.safety.outputs), before any work: never an input, never a copdesk report."""
    from copdesk.core.safety.outputs import check_output
    return check_output(out, inputs, doing, kind)


def cmd_new(a) -> int:
    from copdesk.core.template.forms import load_template
    from copdesk.core.report.open_file import Report
    _output(a.file, doing="creating a new report", kind="new")
    t = load_template(a.edition)
    items = ([m.code for m in t.measures()] + [c.code for c in t.commitments()] if a.all
             else [x.strip() for x in a.measures.split(",") if x.strip()])
    with Report.create(a.file, t, signatory=a.signatory, kind=a.kind, title=a.title, subscriptions=items,
                       services=a.services) as r:
        names = r.services()
        subs = r.service_subscriptions(names[0]) if names else r.subscriptions()
        n_c, n_m = sum(c.startswith("Commitment") for c in subs), sum(c.startswith("Measure") for c in subs)
    family = f" for each of {len(names)} services ({', '.join(names)})" if names else ""
    print(f"Created {a.file}: {n_c} commitments and {n_m} measures subscribed{family}, template {t.edition}.")
    return OK


def cmd_answer(a) -> int:
    from copdesk.core.report.open_file import open_report
    from copdesk.core.rules.tables import read_csv
    from copdesk.core.text import bad_chars
    from copdesk.cli_family import qualified
    with open_report(a.file) as r:
        code = qualified(r, a.code, a.service)
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
        from copdesk.cli_family import note_overrides
        note_overrides(r, code)
    if a.clear and a.service:  # a service's own answer removed: say what its report shows now
        from copdesk.core.rules.services import split
        print(f"{'Cleared' if changed else 'Unchanged'}: {code}; {split(code)[1]}'s report shows the shared answer.")
    else:
        print(f"{'Stored' if changed else 'Unchanged'}: {code}.")
    return OK


def _warn_unsubscribed(r, code: str) -> None:
    from copdesk.core.rules.services import split
    code, service = split(code)
    base = code.split("/")[-1] if "/" not in code or code.split("/")[-1] in r.template.index else ""
    measure = base if base.startswith("Measure ") else r.template.parents.get(base, "")
    target = base.rsplit(" Q", 1)[0] if base.startswith("Commitment ") else measure
    names = [service] if service else r.services()
    if not names and target and "/" not in code and target not in r.subscriptions():
        print(f"note: {target} is not subscribed in this report, so this answer will not be exported.",
              file=sys.stderr)
    unsigned = [s for s in names if target and "/" not in code and target not in r.service_subscriptions(s)]
    if unsigned:
        print(f"note: {target} is not subscribed for {', '.join(unsigned)}, so this answer will not be exported "
              "there.", file=sys.stderr)


def cmd_validate(a) -> int:
    from copdesk.cli_family import cmd_validate as validate_family  # a report, a family, or one service
    return validate_family(a)


def cmd_subscribe(a) -> int:
    from copdesk.cli_family import cmd_subscribe
    return cmd_subscribe(a, subscribe=True)


def cmd_unsubscribe(a) -> int:
    from copdesk.cli_family import cmd_subscribe
    return cmd_subscribe(a, subscribe=False)


EXPORT_FORMATS = ("json", "docx", "pdf", "tc-json", "csv")


def _export_format(a) -> str:
    if a.format:
        return a.format
    suffix = a.output.suffix.lower()
    if suffix in (".json", ".docx", ".pdf"):
        return suffix[1:]
    raise InputError(f"Cannot export to '{suffix or a.output.name}'.",
                     "Use -o OUT.json, OUT.docx or OUT.pdf, or --format tc-json / --format csv.")


def cmd_export(a) -> int:
    from copdesk.core.report.open_file import open_report
    from copdesk.core.safety.export_target import file_target
    from copdesk.cli_family import data_for, export_each
    if a.each_service:
        return export_each(a, lambda r, service, out: _export_service(r, service, out, a))
    _output(a.output, a.file, doing=f"exporting {a.file}", kind="folder" if a.format == "csv" else "file")
    fmt = _export_format(a)
    if fmt != "csv":  # csv writes into a folder
        file_target(a.output, ".json" if fmt == "tc-json" else f".{fmt}")
    if fmt == "json" and a.service:
        raise InputError("copdesk JSON holds the whole family; a service's report is exported as a document.",
                         "Use -o OUT.docx or .pdf, or --format tc-json or csv, with --service.")
    with open_report(a.file, readonly=True) as r:
        if fmt == "json":
            from copdesk.core.exports.copdesk_json import export_json
            export_json(r.snapshot(with_history=True), a.output)
            warnings, note = [], ""
        else:
            from copdesk.core.exports.docx_comments import review_export
            data = data_for(r, a.service, "export")
            a.review = review_export(r, a.comments, a.status_table, data) if fmt in ("docx", "pdf") else None
            warnings, note = _export_other(fmt, r.template, data, a)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Exported {a.file} to {a.output}{note}.")
    return OK


def _export_service(r, service: str, out: Path, a) -> list[str]:
    """One service's document of `export --each-service`."""
    from copdesk.core.exports.docx_comments import review_export
    fmt, data = a.format or "docx", r.service_snapshot(service)
    a.output, a.review = out, review_export(r, a.comments, a.status_table, data) if fmt in ("docx", "pdf") else None
    return _export_other(fmt, r.template, data, a)[0]


def _export_other(fmt: str, template, data, a) -> tuple[list[str], str]:
    """Word, PDF, Transparency Centre JSON or CSV: (warnings, a note for the summary line)."""
    if fmt == "csv":
        from copdesk.core.exports.csv_table import export_csv
        files = export_csv(template, data, a.output)
        return [], f" ({len(files)} SLI table{'s' if len(files) != 1 else ''} as CSV)"
    if fmt == "tc-json":
        from copdesk.core.exports.tc_json import export_tc_json
        return export_tc_json(template, data, a.output), " (Transparency Centre JSON)"
    from copdesk.core.exports.word import DocxOptions
    options = DocxOptions(empty_slots=not a.hide_empty, summaries=a.summaries, review=a.review)
    if fmt == "pdf":
        from copdesk.core.exports.pdf import export_pdf
        return export_pdf(template, data, a.output, options), ""
    from copdesk.core.exports.word import export_docx
    return export_docx(template, data, a.output, options), ""


def cmd_import(a) -> int:
    from copdesk.core.imports.importers import import_report
    _output(a.output, *a.input, doing=f"importing {', '.join(str(p) for p in a.input)}", kind="new")
    if a.services or len(a.input) > 1:
        return _import_family(a)
    a.input = a.input[0]
    report, result = import_report(a.input, a.output)
    with report:
        n, template = len(report.answers()), report.base_template  # corrections: against the edition itself
    print(f"Imported {a.input} into {a.output}: {n} answers.")
    if result is not None:
        print("\n".join(result.summary_lines()))
        _offer_corrections(template, result, a.save_corrections)
    return OK


def _import_family(a) -> int:
    from copdesk.core.imports.family import import_family
    if not a.services:
        raise InputError(f"{len(a.input)} reports given: name the service of each, in the same order.",
                         'Add --services "Facebook,Instagram,..." to make one family of them.')
    report, result = import_family(a.input, a.services, a.output, signatory=a.signatory)
    with report:
        template = report.base_template
    print(f"Imported {len(a.input)} reports into {a.output}, a family of {len(result.services)} services "
          f"({', '.join(result.services)}).")
    print("\n".join(result.summary_lines()))
    _offer_corrections(template, result.combined(), a.save_corrections)
    return OK


def _offer_corrections(template, result, save: bool) -> None:
    """Template corrections found in the report are stored only when the user says so."""
    from copdesk import paths
    from copdesk.core.imports.result import corrections_doc, save_corrections
    doc = corrections_doc(template, result)
    if doc is None:
        return
    n = len(doc["changes"])
    what = f"{n} template correction{'s' if n != 1 else ''} (official wording and labels, items the template lacks)"
    if not save and sys.stdin.isatty():
        answer = input(f"Save {what} in {paths.user_forms_dir()}? [y/N] ")
        save = answer.strip().lower() in ("y", "yes")
    if save:
        print(f"Saved {what} to {save_corrections(template, result)}.")
    else:
        print(f"note: {what} offered, not saved; import again with --save-corrections to keep them.")


def cmd_carry(a) -> int:
    from copdesk.core.review.carry import carry
    _output(a.output, a.file, doing=f"carrying {a.file} forward", kind="new")
    with carry(a.file, a.output, a.title) as r:
        n = sum(1 for x in r.answers().values() if x.status == "carried")
        tables = len(r.tables())
    print(f"Created {a.output} from {a.file}: {n} answers carried over (to review), {tables} tables emptied "
          "with their shape kept; the previous report is kept as the baseline.")
    return OK


def cmd_backups(a) -> int:
    from copdesk.core.report import backups
    from copdesk.core.safety.lockfile import local_time
    found = backups.list_backups(a.file)
    if a.restore is None:
        if not found:
            print(f"No backups of {a.file} (they are made when the report is open in the window).")
        for n, b in enumerate(found, 1):
            s = backups.summary(b)
            state = (f"{s['answers']} answers, {s['tables']} tables, last change {local_time(s['last_change'])}"
                     if s["sound"] else "damaged")
            print(f"{n}  {local_time(b.at)}  {state}  {b.path}")
        return OK
    if not 1 <= a.restore <= len(found):
        raise InputError(f"There is no backup {a.restore} of {a.file} ({len(found)} found).",
                         f"Run 'copdesk backups {a.file}' to list them.")
    if a.output is None:
        raise InputError("Say where to restore with -o NEW.copdesk.", "A backup never overwrites a file.")
    _output(a.output, a.file, found[a.restore - 1].path, doing=f"restoring a backup of {a.file}", kind="new")
    backups.restore(found[a.restore - 1], a.output)
    print(f"Restored backup {a.restore} ({local_time(found[a.restore - 1].at)}) of {a.file} to {a.output}.")
    return OK


def cmd_forms(a) -> int:
    return {"check": cmd_forms_check, "list": cmd_forms_list, "learn": cmd_forms_learn}[a.forms_command](a)


def cmd_forms_check(a) -> int:
    from copdesk.core.template.check import check
    lines, ok = check(a.path)
    print("\n".join(lines))
    return OK if ok else ERROR


def cmd_forms_list(a) -> int:
    from copdesk.core.template import listing as forms_list
    from copdesk.core.template.forms import load_template
    t = load_template(a.edition)
    if a.json:
        print(json.dumps(forms_list.rows(t), ensure_ascii=False, indent=1))
    else:
        print("\n".join(forms_list.lines(t)))
    return OK


def cmd_forms_learn(a) -> int:
    from copdesk.core.imports.learn import learn_file
    result = learn_file(a.file, replace=a.replace)
    print("\n".join(result.summary_lines()))
    return OK


def _comparison(a):
    """(title, old content, new content, template) for `copdesk diff`."""
    from copdesk.core.report.open_file import open_report
    from copdesk.core.review.versions import Content, baseline_content, version_content
    with open_report(a.old, readonly=True) as r:
        current, template = Content.of(r.snapshot()), r.template
        if a.version:
            return f"version “{a.version}” → now", version_content(r, a.version), current, template
        if a.baseline:
            return "previous period → now", baseline_content(r), current, template
    if a.new is None:
        raise InputError("Give a second report to compare with, or --version NAME, or --baseline.")
    with open_report(a.new, readonly=True) as r:
        return f"{a.old.name} → {a.new.name}", current, Content.of(r.snapshot()), template


def cmd_diff(a) -> int:
    from copdesk.core.template.codes import answer_codes
    from copdesk.core.review.diff import as_text, changes
    if a.docx:
        _output(a.docx, a.old, a.new, doing=f"writing the comparison of {a.old}")
    title, old, new, template = _comparison(a)
    if a.service:
        from copdesk.cli_family import service_contents
        title, old, new = service_contents(a, title, old, new)
    found = changes(old, new, answer_codes(template) + [c.code for c in template.commitments()])
    print(f"{title}: {len(found)} changed field{'s' if len(found) != 1 else ''}")
    for change in found:
        print(as_text(change))
    if a.docx:
        from copdesk.core.review.comparison_docx import export_comparison
        export_comparison(template, title, found, a.docx)
        print(f"Wrote the comparison to {a.docx}.")
    return OK


def cmd_merge(a) -> int:
    from copdesk.core.review.merge import merge
    from copdesk.core.model import default_user
    _output(a.output, a.mine, a.theirs, doing=f"merging {a.mine} and {a.theirs}", kind="new")
    result = merge(a.mine, a.theirs, a.output, prefer=a.prefer, who=default_user())
    print(f"Merged {a.theirs} into {a.output}: {len(result.from_theirs)} answers taken from their copy, "
          f"{result.comments_added} comments added, {len(result.conflicts)} choices pending.")
    for c in result.conflicts:
        print(f"choose    {c.code}: mine “{_short(c.mine)}” or theirs “{_short(c.theirs)}”")
    if result.conflicts:
        print("Open the merged report in copdesk to choose, or merge again with --prefer mine|theirs.")
        return PENDING
    return OK


def cmd_review_import(a) -> int:
    from copdesk.core.report.open_file import open_report
    from copdesk.core.review.word_import import review_import
    settle = "accept" if a.accept_all else "reject" if a.reject_all else None
    with open_report(a.file) as r:
        result = review_import(r, a.reviewed, settle=settle, prefer=a.prefer)
    print(result.summary())
    for line in result.details():
        print(line)
    if result.waiting:
        print("Decide in the window (the Comments panel lists the suggestions; Review › Merge choices… the answers "
              "changed on both sides), or run again with --accept-all or --reject-all (and --prefer mine|theirs).")
        return PENDING
    return OK


def _short(text: str | None, n: int = 60) -> str:
    text = " ".join((text or "(none)").split())
    return text if len(text) <= n else text[: n - 1] + "…"


COMMANDS = {"new": cmd_new, "answer": cmd_answer, "subscribe": cmd_subscribe, "unsubscribe": cmd_unsubscribe,
            "validate": cmd_validate, "export": cmd_export,
            "import": cmd_import, "carry": cmd_carry, "diff": cmd_diff, "merge": cmd_merge,
            "review-import": cmd_review_import, "backups": cmd_backups, "forms": cmd_forms}


def _wants_window(argv: list[str]) -> bool:
    """`copdesk` alone, or `copdesk FILE.copdesk` (as a file manager calls it), opens the window."""
    if not argv:
        return True
    return len(argv) == 1 and argv[0] not in COMMANDS and (argv[0].lower().endswith(".copdesk")
                                                          or Path(argv[0]).is_file())


def _check_text_arguments(args: argparse.Namespace) -> None:
    """A byte that is not UTF-8 in a text argument (a terminal in another encoding) is refused by name;
    file names may hold any bytes, as the system allows."""
    for name, value in vars(args).items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputError(f"The {name.replace('_', '-')} given holds a byte that is not UTF-8 text "
                                 f"({value[exc.start].encode('utf-8', 'surrogateescape')!r}).",
                                 "Set the terminal to UTF-8, or give the text in a UTF-8 file (--file).") from None


def _tolerant_output() -> None:
    """Printing a file name with bytes that are not UTF-8 must not end the command with a traceback."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def _run(args: argparse.Namespace) -> int:
    """The command; errors of SQLite and the interpreter that are not bugs become messages."""
    where = getattr(args, "file", None) or getattr(args, "output", None) or Path("the report")
    try:
        _check_text_arguments(args)
        return COMMANDS[args.command](args)
    except sqlite3.DatabaseError as exc:
        from copdesk.core.report import store
        if isinstance(exc, sqlite3.OperationalError) and "decode" not in str(exc).lower():
            from copdesk.core.safety.faults import write_error  # disk full, read-only, I/O error in a write
            raise write_error(exc, where, retrying=False) from None
        raise store.unreadable(exc, where) from None  # a report damaged after it was opened
    except MemoryError:
        raise CopdeskError("copdesk ran out of memory on this input.", "Nothing was written. Check the input: "
                           "no report needs that much.") from None
    except RecursionError:
        raise CopdeskError("The input is nested too deeply to be a report.", "Nothing was written.") from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if _wants_window(argv):
        from copdesk.app import run_window  # Qt is loaded only here
        return run_window(Path(argv[0]) if argv else None, start_screen=not argv)
    _tolerant_output()
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except CopdeskError as exc:
        print(f"copdesk: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return ERROR
    except KeyboardInterrupt:
        return ERROR
    except BrokenPipeError:  # the reader of our output stopped early (`copdesk validate F | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ERROR
    except Exception as exc:  # noqa: BLE001 (a bug: still exit 2 ("error"), never 1, which means "incomplete")
        print(f"copdesk: an unexpected error stopped the command ({type(exc).__name__}: {str(exc)[:300]}).\n"
              "This is a bug in copdesk; please report it with the command you ran. "
              "Set COPDESK_DEBUG=1 to see where it happened.", file=sys.stderr)
        if os.environ.get("COPDESK_DEBUG"):
            import traceback
            traceback.print_exc()
        return ERROR
