"""The window's side of a report family (core/services.py): the report as the chosen service sees it.

The session knows which service the window shows (`session.service`; None for a report without services).
Pages build every editor on the code its answer is stored under for that service (`storage`): the service's
own answer where it has one, else the shared one; a member-state table is the service's own unless only a
shared one exists. The navigator, the checks and Find take the service's view (`view`), and a save of any
code is turned into what it changes in that view (`seen`). Reading only: writes go through ui/operations.py.
"""

from __future__ import annotations

from copdesk.core import services
from copdesk.core.model import Answer, Grid, ReportData
from copdesk.ui.service_marks import OWN, OWN_TABLE_ONLY, SHARED


def is_table(code: str) -> bool:
    return services.base(code).split("/")[-1].startswith("SLI ")


def storage(session, code: str, table: bool = False) -> str:
    """The code an editor of `code` reads and writes in the service shown (`code` itself in a plain report)."""
    service = session.service
    if not service or code == services.SERVICES:
        return code
    own = services.qualify(code, service)
    if table:
        return code if session.table(code) and not session.table(own) else own
    return own if session.has(own) else code


def state(session, code: str, table: bool = False) -> str:
    """Whose the answer shown is: SHARED, OWN, or OWN_TABLE_ONLY (a service's table with no shared one)."""
    stored = storage(session, code, table)
    if stored == code:
        return SHARED
    return OWN_TABLE_ONLY if table and not session.table(code) else OWN


def sharing(session, code: str, table: bool = False) -> tuple[list[str], list[str]]:
    """(the services whose report shows the shared answer to `code`, those that show their own), among the
    services whose report has the item at all (a measure one service does not sign is not in its report)."""
    from copdesk.core.wizard import step_of
    step = step_of(code)
    subs = session.report.subscriptions()
    signed = {name: services.project_subscriptions(subs, name) for name in session.report.services()}
    anyone = set().union(*signed.values()) if signed else set()
    shared, own = [], []
    for name, signs in signed.items():
        if step in anyone and step not in signs:
            continue
        mine = services.qualify(code, name)
        (own if (session.table(mine) if table else session.has(mine)) else shared).append(name)
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
    """What the file holds for plain `codes` as the service shown sees it (core.live.apply takes these)."""
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
