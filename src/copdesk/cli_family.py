"""The command line of a report family (core/rules/services.py): subscriptions per service, validation per service,
one document per service. cli.py parses the arguments and calls these; they use the core only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from copdesk.core.errors import InputError

OK, INCOMPLETE = 0, 1
EXTENSIONS = {"docx": ".docx", "pdf": ".pdf", "tc-json": ".json", "csv": ""}


def data_for(report, service: str | None, doing: str):
    """The data an export or a check takes: `service`'s view in a family, the report itself otherwise. A
    family without --service is refused with its services named (each service files its own report)."""
    if service:
        return report.service_snapshot(service)
    names = report.services()
    if names:
        raise InputError(f"{report.path.name} is a family of {len(names)} services ({', '.join(names)}); "
                         f"say which one to {doing}.",
                         "Add --service NAME, or --each-service -o FOLDER for one document per service.")
    return report.snapshot()


def qualified(report, code: str, service: str | None) -> str:
    """The code `copdesk answer` writes: the shared answer, or `service`'s own (--service)."""
    return report.resolve_for(code, service) if service else report.resolve(code)


def note_overrides(report, code: str) -> None:
    """After a shared answer is written: the services that show their own instead are named."""
    from copdesk.core.rules import services
    if services.split(code)[1] is not None:
        return
    own = [s for s in report.services() if report.get(services.qualify(code, s)) is not None
           or report.table(services.qualify(code, s))]
    if own:
        print(f"note: {', '.join(own)} {'has' if len(own) == 1 else 'have'} {'its' if len(own) == 1 else 'their'} "
              f"own {code}, which {'its' if len(own) == 1 else 'their'} document shows instead of the shared one "
              "(--clear --service NAME removes it).", file=sys.stderr)


def cmd_subscribe(a, subscribe: bool) -> int:
    from copdesk.core.report.open_file import open_report
    items = [x.strip() for x in a.measures.split(",") if x.strip()]
    if not items:
        raise InputError("Say which measures with --measures, e.g. --measures 21.1,21.2 (a bare number is a "
                         "commitment without measures: 39).")
    with open_report(a.file) as r:
        who = r.service(a.service) if a.service else ("every service" if r.services() else "the report")
        changed = r.subscribe(items, service=a.service) if subscribe else r.unsubscribe(items, service=a.service)
    verb = "Subscribed" if subscribe else "Unsubscribed"
    if changed:
        print(f"{verb} for {who}: {', '.join(changed)}.")
    else:
        print(f"Unchanged: {who} {'signs them already' if subscribe else 'does not sign them'}.")
    return OK


def cmd_validate(a) -> int:
    from copdesk.core.report.open_file import open_report
    from copdesk.core.rules.validate import validate
    with open_report(a.file, readonly=True) as r:
        names = [r.service(a.service)] if a.service else r.services()
        if not names:
            return _print_issues(a, None, [(None, validate(r.template, r.snapshot()))])
        found = [(name, validate(r.template, r.service_snapshot(name))) for name in names]
    return _print_issues(a, names, found)


def _print_issues(a, names, found) -> int:
    from copdesk.core.rules.validate import is_complete
    complete = all(is_complete(issues) for _, issues in found)
    if a.json:
        doc = {"complete": complete, "issues": [dict(i.as_dict(), **({"service": s} if s else {}))
                                                for s, issues in found for i in issues]}
        if names:
            doc["services"] = {s: {"complete": is_complete(issues), "issues": [i.as_dict() for i in issues]}
                               for s, issues in found}
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return OK if complete else INCOMPLETE
    width = max((len(s) for s, _ in found if s), default=0)
    for service, issues in found:
        for i in issues:
            where = f"{service:{width}}  " if names and len(names) > 1 else ""
            print(f"{where}{i.severity:8} {i.code}: {i.message}")
    for service, issues in found:
        counts = {s: sum(i.severity == s for i in issues) for s in ("missing", "invalid", "warning")}
        state = "complete" if is_complete(issues) else "incomplete"
        name = f"{a.file}" + (f" ({service})" if service else "")
        print(f"{name}: {state} ({counts['missing']} missing, {counts['invalid']} invalid, {counts['warning']} "
              "warnings)")
    return OK if complete else INCOMPLETE


def export_each(a, export_one) -> int:
    """`export --each-service -o FOLDER`: one document per service, named after it (Facebook.docx).
    `export_one(report, data, out)` writes one and returns its warnings."""
    from copdesk.core.safety.outputs import check_output
    from copdesk.core.report.open_file import open_report
    fmt = a.format or "docx"
    if fmt == "json":
        raise InputError("--each-service writes each service's document (docx, pdf, tc-json or csv); copdesk JSON "
                         "is the whole family in one file.", "Use --format docx, pdf, tc-json or csv.")
    folder = Path(a.output)
    check_output(folder, [a.file], f"exporting {a.file}", "folder")
    with open_report(a.file, readonly=True) as r:
        names = r.services()
        if not names:
            raise InputError(f"{a.file} names no services, so there is one document to export.",
                             f"Leave out --each-service: copdesk export {a.file} -o OUT{EXTENSIONS[fmt] or ''}.")
        outs = [folder / (_stem(names, n) + EXTENSIONS[fmt]) for n in names]
        for out in outs:
            check_output(out, [a.file], f"exporting {a.file}", "folder" if fmt == "csv" else "file")
        folder.mkdir(parents=True, exist_ok=True)
        for name, out in zip(names, outs):
            for warning in export_one(r, name, out):
                print(f"warning: {name}: {warning}", file=sys.stderr)
            print(f"Exported {name} to {out}.")
    return OK


def _stem(names: list[str], name: str) -> str:
    """The service's file name; two names that give the same file name get their position too."""
    from copdesk.core.rules.services import file_stem
    stems = [file_stem(n).casefold() for n in names]
    stem = file_stem(name)
    return stem if stems.count(stem.casefold()) == 1 else f"{stem}-{names.index(name) + 1}"


def service_contents(a, title: str, old, new):
    """`diff --service NAME`: both sides as that service sees them (its own answers in place of the shared)."""
    from copdesk.core.rules import services
    from copdesk.core.report.open_file import open_report
    from copdesk.core.review.versions import Content
    with open_report(a.old, readonly=True) as r:
        name = r.service(a.service)

    def project(c):
        return Content(services.project_answers(c.answers, name), services.project_tables(c.tables, name),
                       services.project_subscriptions(c.subscriptions, name))
    return f"{title} ({name})", project(old), project(new)
