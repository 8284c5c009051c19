"""Named versions of a report ("sent to legal"): a snapshot of the answers, tables and subscriptions.

A version is stored inside the report file (table `versions`, data as JSON), so it travels with the file.
"""

from __future__ import annotations

import json

from copdesk.core.errors import InputError
from copdesk.core.records import record
from copdesk.core.model import Grid, ReportData, now
from copdesk.core.report.open_file import Report


@record
class Content:
    """What comparisons look at: answer texts, tables and subscriptions."""

    answers: dict[str, str]
    tables: dict[str, Grid]
    subscriptions: frozenset[str]

    @classmethod
    def of(cls, data: ReportData) -> "Content":
        return cls({c: a.text for c, a in data.answers.items()}, dict(data.tables), frozenset(data.subscriptions))

    def to_json(self) -> str:
        return json.dumps({"answers": self.answers, "tables": self.tables,
                           "subscriptions": sorted(self.subscriptions)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Content":
        d = json.loads(text)
        return cls(d.get("answers", {}), d.get("tables", {}), frozenset(d.get("subscriptions", [])))


@record
class Version:
    id: int
    name: str
    at: str
    by: str


def save_version(report: Report, name: str, who: str) -> Version:
    if not name.strip():
        raise InputError("A version needs a name, for example “sent to legal”.")
    content = Content.of(report.snapshot())
    stamp = now()
    vid = report.add_version_row(name.strip(), stamp, who, content.to_json())
    return Version(vid, name.strip(), stamp, who)


def remove_version(report: Report, version_id: int) -> None:
    """Drop a version again (the undo of saving it)."""
    report.remove_version(version_id)


def versions(report: Report) -> list[Version]:
    return [Version(**row) for row in report.version_rows()]


def version_content(report: Report, ref: str | int) -> Content:
    """A version by id or by name (the newest of that name)."""
    row = report.find_version(ref)
    if row is None:
        names = ", ".join(f"“{v.name}”" for v in versions(report)) or "none yet"
        raise InputError(f"No version “{ref}” in {report.path.name}.", f"Versions: {names}.")
    return Content.from_json(row["data"])


def baseline_content(report: Report) -> Content:
    """The previous period's report kept by carry-forward."""
    from copdesk.core.review.carry import baseline
    data = baseline(report)
    if data is None:
        raise InputError(f"{report.path.name} has no previous period to compare with.",
                         "Only a report started with 'copdesk carry' (or New report for the next period) has one.")
    return Content.of(data)
