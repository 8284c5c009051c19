"""A report family: one draft for the several services a platform files a report for each period.

A report can name its services (table `services`: Facebook, Instagram, Messenger). Every answer is shared
by all of them unless a service has its own, an override stored under the answer's code followed by " @ "
and the service's name:

    QRE 12.1.1                  the shared answer (every service's document prints it)
    QRE 12.1.1 @ Instagram      Instagram's own answer (Instagram's document prints this one instead)
    SLI 14.2.1 @ Messenger      Messenger's member-state table
    Measure 21.1 @ Facebook     Facebook signs Measure 21.1 (a subscription row)
    header.signatory @ Facebook the name on Facebook's cover (set to the service's name when it is named)

Member-state tables follow the same rule, except that a table a service starts to fill is its own: tables
are per service (a shared table exists only when someone wrote one for all, `copdesk answer --table`
without `--service`). Each service has its own subscriptions. A report without services has none of these
codes and works as it always did.

`view(data, service)` is the report as one service sees it, as plain data with plain codes: validation, the
navigator and every export take it as they take any report, so each service's document reads as its own
report. Nothing here writes: the report's own methods do (Report.resolve takes qualified codes, so
set_text, clear, set_table, set_cell, comments and merge choices work on overrides as on shared answers).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Iterable

from copdesk.core.errors import InputError
from copdesk.core.model import Answer, CrisisSection, Grid, ReportData

SEP = " @ "
MAX_NAME = 80
SIGNATORY = "header.signatory"  # each service's cover line starts as its own name
SERVICES = "header.services"  # in a service's view: that service alone; it has no override


def qualify(code: str, service: str | None) -> str:
    """The code of `service`'s own answer (`code` itself for the shared one, service None)."""
    return f"{code}{SEP}{service}" if service else code


def split(code: str) -> tuple[str, str | None]:
    """(code, service) of a qualified code ("QRE 12.1.1 @ Instagram"); (code, None) for a shared one. Loose
    spellings split too ("qre12.1.1@instagram"): the report then finds the code and the service's name."""
    if "@" not in code:
        return code, None
    base, _, service = code.rpartition("@")
    return base.strip(), " ".join(service.split())


def base(code: str) -> str:
    return split(code)[0]


_CELL = r"^(.*)@(\d+,\d+)$"


def split_target(target: str) -> tuple[str, str]:
    """(code, "row,col") of a jump or comment target "CODE@row,col" (a table cell), (target, "") otherwise. A
    qualified code stays whole: "SLI 14.2.1 @ Messenger@3,1" is Messenger's table, cell 3,1 (a service's name
    holds no comma, so it never reads as a cell)."""
    m = re.match(_CELL, target)
    return (m.group(1), m.group(2)) if m else (target, "")


def check_name(raw: str) -> str:
    """A service's name as it is kept (spaces folded), or an InputError that says what to change."""
    name = " ".join(str(raw).split())
    if not name:
        raise InputError("A service needs a name, for example “Instagram”.")
    if len(name) > MAX_NAME:
        raise InputError(f"The service name “{name[:40]}…” is {len(name)} characters long; copdesk keeps up to "
                         f"{MAX_NAME}.", "Use the name the service files its report under.")
    bad = sorted({ch for ch in name if ch in "@," or unicodedata.category(ch)[0] == "C"})
    if bad:
        shown = ", ".join(repr(ch) for ch in bad)
        raise InputError(f"The service name “{name}” holds {shown}: copdesk uses “@” and “,” to tell services "
                         "apart, and keeps no control characters in names.", "Choose a name without them.")
    return name


def parse_names(names: str | Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Service names from "Facebook, Instagram" (or a list), checked, none twice, none of `known` again."""
    raw = [n for n in names.split(",") if n.strip()] if isinstance(names, str) else list(names)
    had = {k.casefold() for k in known}
    out: list[str] = []
    for item in raw:
        name = check_name(item)
        if name.casefold() in had:
            raise InputError(f"The report has a service “{name}” already.", "Each service has its own name.")
        if name.casefold() in {n.casefold() for n in out}:
            raise InputError(f"The service “{name}” is named twice.", "Each service has its own name.")
        out.append(name)
    return out


def find(known: list[str], raw: str) -> str:
    """The service `raw` names (case and spaces do not matter), or an error listing the known ones."""
    wanted = " ".join(str(raw).split()).casefold()
    for name in known:
        if name.casefold() == wanted:
            return name
    if not known:
        raise InputError(f"This report names no services, so there is no service “{raw}”.",
                         "Leave out --service, or start a family with 'copdesk new FILE ... --services \"A,B\"'.")
    raise InputError(f"“{raw}” is not a service of this report.", "Its services: " + ", ".join(known) + ".")


# -- one service's view ---------------------------------------------------------------------------------
def project_answers(answers: dict[str, object], service: str) -> dict[str, object]:
    """Shared values with `service`'s own in their place, under plain codes (values: any type)."""
    out: dict[str, object] = {}
    own: dict[str, object] = {}
    for code, value in answers.items():
        plain, svc = split(code)
        if svc is None:
            out[code] = value
        elif svc == service:
            own[plain] = value
    out.update(own)
    return out


def project_tables(tables: dict[str, Grid], service: str) -> dict[str, Grid]:
    """Shared tables with `service`'s own (a non-empty one) in their place."""
    out = {code: grid for code, grid in tables.items() if "@" not in code}
    for code, grid in tables.items():
        plain, svc = split(code)
        if svc == service and grid:
            out[plain] = grid
    return out


def project_subscriptions(subscriptions: Iterable[str], service: str) -> frozenset[str]:
    """What `service` signs (a plain row, which a family does not keep, would count for every service)."""
    return frozenset(plain for plain, svc in map(split, subscriptions) if svc in (None, service))


def view(data: ReportData, service: str, order: Iterable[str] | None = None) -> ReportData:
    """The report as `service` sees it: its overrides, tables and subscriptions under plain codes, the
    service alone in header.services, the family's history and other tables left out. `order` (the codes in
    template order, e.g. template.index) sorts the crisis sub-sections' items as the report does."""
    answers = project_answers(data.answers, service)
    answers = {code: (a if a.code == code else replace(a, code=code)) for code, a in answers.items()}
    answers[SERVICES] = Answer(SERVICES, service)
    if not answers.get(SIGNATORY):  # a family always has one; a bare projection still names the service
        answers[SIGNATORY] = Answer(SIGNATORY, service)
    crisis = tuple(_crisis(section, answers, service, order) for section in data.crisis)
    return replace(data, meta={**data.meta, "service": service}, answers=answers,
                   tables=project_tables(data.tables, service),
                   subscriptions=project_subscriptions(data.subscriptions, service), crisis=crisis,
                   history=(), extras={})


def _crisis(section: CrisisSection, answers: dict[str, Answer], service: str,
            order: Iterable[str] | None) -> CrisisSection:
    items = list(dict.fromkeys(plain for plain, svc in map(split, section.items) if svc in (None, service)))
    if order is not None:
        position = {code: i for i, code in enumerate(order)}
        items.sort(key=lambda c: position.get(c, len(position)))
    title = answers.get(f"Crisis {section.id}/title")
    return replace(section, title=title.text if title else "", items=tuple(items))


def specific(data: ReportData, service: str) -> set[str]:
    """The plain codes for which `service` has its own answer or its own (non-empty) table."""
    own = {plain for plain, svc in map(split, data.answers) if svc == service}
    return own | {plain for plain, svc in map(split, data.tables) if svc == service and data.tables[f"{plain}{SEP}{svc}"]}


def of_service(code: str, service: str) -> bool:
    return split(code)[1] == service


def storage_code(data: ReportData, service: str, code: str, table: bool = False) -> str:
    """Where an edit of `code` in `service`'s view is written: its own answer when it has one, else the shared
    one; a table goes to the service's own unless only a shared table exists (tables are per service)."""
    mine = qualify(code, service)
    if table:
        return code if data.tables.get(code) and not data.tables.get(mine) else mine
    return mine if mine in data.answers else code


def review_rows(comments, statuses, service: str) -> tuple[tuple[dict, ...], tuple[dict, ...]]:
    """The comments and section statuses `service`'s document shows: those on shared answers and on its own
    (under plain codes; replies go with their comment), its own status of a section before the shared one."""
    kept = [dict(c, code=split(c["code"])[0]) for c in comments if split(c["code"])[1] in (None, service)]
    ids = {c["id"] for c in kept}
    kept = [c for c in kept if not c.get("parent") or c["parent"] in ids]
    by_section: dict[str, dict] = {}
    for row in statuses:
        plain, svc = split(row["code"])
        if svc == service or (svc is None and plain not in by_section):
            by_section[plain] = dict(row, code=plain)
    return tuple(kept), tuple(by_section.values())


# -- names of files ------------------------------------------------------------------------------------
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_stem(service: str) -> str:
    """A file name for `service`'s document: its name, with what file systems refuse replaced by "-"."""
    stem = _UNSAFE.sub("-", service).strip(" .") or "service"
    return stem[:MAX_NAME]
