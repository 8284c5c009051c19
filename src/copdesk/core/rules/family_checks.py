"""The checks of a report family (core/rules/services.py): each service's, and what is still missing in any service.

Each service is checked as its own report (validate on its view). The "missing in any service" list puts
together what one or more services still lack, once per answer, naming the services: a shared answer left
blank is one line for all of them, a service's own blank answer a line for it alone.
"""

from __future__ import annotations

from copdesk.core.rules import services
from copdesk.core.records import record
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
from copdesk.core.rules.validate import BLOCKING, Issue, validate


@record
class FamilyIssue:
    issue: Issue  # as the first service that has it words it
    services: tuple[str, ...]  # the services that have it, in the family's order
    shared: bool  # the answer is (or would be) the shared one: writing it once fixes every service listed


def issues_by_service(t: Template, data: ReportData, names: list[str]) -> dict[str, list[Issue]]:
    order = list(t.index)
    return {name: validate(t, services.view(data, name, order)) for name in names}


def missing_anywhere(t: Template, data: ReportData, names: list[str],
                     found: dict[str, list[Issue]] | None = None) -> list[FamilyIssue]:
    """Missing and invalid answers of any service, one entry per answer and message, in the order the first
    service lists them."""
    found = issues_by_service(t, data, names) if found is None else found
    entries: dict[tuple, list] = {}
    for name in names:
        for issue in found[name]:
            if issue.severity not in BLOCKING:
                continue
            own = services.qualify(issue.code, name)
            mine = own in data.answers or bool(data.tables.get(own))
            key = (issue.severity, issue.code, issue.message, name if mine else "")
            entries.setdefault(key, [issue, []])[1].append(name)
    return [FamilyIssue(issue, tuple(who), not key[3]) for key, (issue, who) in entries.items()]
