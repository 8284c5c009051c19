"""The window's side of a report family (core/rules/services.py): the report as the chosen service sees it.

The session knows which service the window shows (`session.service`; None for a report without services).
Pages build every editor on the code its answer is stored under for that service (`storage`): the service's
own answer where it has one, else the shared one; a member-state table is the service's own unless only a
shared one exists. The navigator, the checks and Find take the service's view (`view`), and a save of any
code is turned into what it changes in that view (`seen`). Reading only: writes go through ui/operations.py.
"""

from __future__ import annotations

from copdesk.core.rules import services
from copdesk.core.model import Answer, Grid, ReportData
from copdesk.ui.service_marks import OWN, OWN_TABLE_ONLY, SHARED


def is_table(code: str) -> bool:
    return services.base(code).split("/")[-1].startswith("SLI ")


class Facts:
    """What the pages of a family ask of every answer, read once per page (a family's page asks it of each of
    its answers, for each service): each service's subscriptions, the services' own answers and the tables
    that have cells. A page is built again after every change of owner, so it never outlives them."""

    def __init__(self, session):
        report = session.report
        subs = report.subscriptions()
        self.signed = {name: services.project_subscriptions(subs, name) for name in report.services()}
        self.own, self.tables = report.family_codes()

    def has(self, code: str, table: bool) -> bool:
        return code in (self.tables if table else self.own)


def storage(session, code: str, table: bool = False, facts: Facts | None = None) -> str:
    """The code an editor of `code` reads and writes in the service shown (`code` itself in a plain report)."""
    service = session.service
    if not service or code == services.SERVICES:
        return code
    own = services.qualify(code, service)
    if facts is not None:
        if table:
            return code if facts.has(code, True) and not facts.has(own, True) else own
        return own if facts.has(own, False) else code
    if table:
        return code if session.table(code) and not session.table(own) else own
    return own if session.has(own) else code


def state(session, code: str, table: bool = False, facts: Facts | None = None) -> str:
    """Whose the answer shown is: SHARED, OWN, or OWN_TABLE_ONLY (a service's table with no shared one)."""
    stored = storage(session, code, table, facts)
    if stored == code:
        return SHARED
    shared_table = facts.has(code, True) if facts is not None else bool(session.table(code))
    return OWN_TABLE_ONLY if table and not shared_table else OWN


def sharing(session, code: str, table: bool = False, facts: Facts | None = None) -> tuple[list[str], list[str]]:
    """(the services whose report shows the shared answer to `code`, those that show their own), among the
    services whose report has the item at all (a measure one service does not sign is not in its report)."""
    from copdesk.core.rules.wizard import step_of
    facts = facts or Facts(session)
    step = step_of(code)
    anyone = set().union(*facts.signed.values()) if facts.signed else set()
    shared, own = [], []
    for name, signs in facts.signed.items():
        if step in anyone and step not in signs:
            continue
        (own if facts.has(services.qualify(code, name), table) else shared).append(name)
    return shared, own


def view(session, data: ReportData) -> ReportData:
    """`data` (a snapshot of the whole file) as the service shown sees it."""
    if not session.service:
        return data
    return services.view(data, session.service, session.template.index)


def snapshot(session, light: bool = False, flush: bool = True) -> ReportData:
    """The report as the service shown sees it; pending edits written first unless `flush` is False."""
    data = session.snapshot(light=light) if flush else session.report.snapshot(light=light)
    return view(session, data)


def subscriptions(session) -> set[str]:
    """What the report (or the service shown) signs, as plain codes."""
    subs = session.report.subscriptions()
    return set(services.project_subscriptions(subs, session.service)) if session.service else subs


def crisis_items(session, sid: int) -> tuple[str, ...]:
    section = next((s for s in session.report.crisis_sections() if s.id == sid), None)
    if section is None:
        return ()
    if not session.service:
        return section.items
    order = {code: i for i, code in enumerate(session.template.index)}
    items = dict.fromkeys(p for p, s in map(services.split, section.items) if s in (None, session.service))
    return tuple(sorted(items, key=lambda c: order.get(c, len(order))))


def seen(session, codes) -> list[str]:
    """The plain codes whose value in the service shown a save of `codes` may have changed."""
    if not session.service:
        return list(codes)
    out = []
    for code in codes:
        plain, svc = services.split(code)
        if svc in (None, session.service) and plain != services.SERVICES:
            out.append(plain)
    return list(dict.fromkeys(out))


def values(session, codes) -> tuple[dict[str, Answer | None], dict[str, Grid | None]]:
    """What the file holds for plain `codes` as the service shown sees it (core.rules.live.apply takes these)."""
    report, service = session.report, session.service
    answers, tables = {}, {}
    for code in codes:
        own = services.qualify(code, service) if service else code
        answer = report.get(own) if service else None
        answer = answer if answer is not None else report.get(code)
        answers[code] = Answer(code, answer.text, answer.format, answer.status, answer.updated_at,
                               answer.updated_by) if answer is not None and answer.code != code else answer
        if is_table(code):
            grid = (report.table(own) if service else []) or report.table(code)
            tables[code] = grid or None
    return answers, tables
