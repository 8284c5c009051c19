"""Carry a report forward: the next period's report starts from this one, and keeps it as its baseline.

No officer starts from a blank page. The new report copies the profile, the subscriptions and every text
answer, each marked "carried" (carried over, to review) until someone edits it; SLI tables keep their
shape (header row and row labels) but lose last period's figures, so nothing stale is filed by mistake;
the reporting period is cleared. The previous report's answers and cells are stored inside the new file
(tables baseline_answers and baseline_cells, meta baseline_*) for the comparisons that come later.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from copdesk import __version__
from copdesk.core.errors import StoreError
from copdesk.core.report.create import create_from_data
from copdesk.core.model import Answer, Grid, ReportData, default_user, now
from copdesk.core.report.open_file import Report, open_report
from copdesk.core.rules.services import base
from copdesk.core.template.template import Template

PROFILE = ("header.signatory", "header.kind", "header.services")  # facts, not text to review
CLEARED = ("header.title", "header.period_start", "header.period_end")  # new for every period


def carry(src: Path | str, out: Path | str, title: str, who: str | None = None) -> Report:
    """Create `out` for the next period from report `src`. Nothing is written unless it all succeeds."""
    out = Path(out)
    if out.exists():
        raise StoreError(f"{out} exists already.", "Choose another output name, or delete the old file first.")
    with open_report(src, readonly=True) as old:
        t, prev = old.base_template, old.snapshot()
        wording = [{"code": c, **row} for c, row in old.own_wording().items()]
        family = [{"name": name, "position": i} for i, name in enumerate(old.services(), start=1)]
    data = carried_data(t, prev, title, default_user() if who is None else who)
    if wording:  # the next period keeps the official wording this report came with
        data = replace(data, extras={"wording": wording})
    if family:  # and its services, with their own answers, tables and subscriptions (core/rules/services.py)
        data = replace(data, extras={**data.extras, "services": family})
    return create_from_data(out, t, with_baseline(data, prev))


def carried_data(t: Template, prev: ReportData, title: str, who: str) -> ReportData:
    stamp = now()
    answers = {code: Answer(code, a.text, a.format, "" if base(code) in PROFILE else "carried", stamp, who)
               for code, a in prev.answers.items() if base(code) not in CLEARED}  # a service's own too
    answers["header.title"] = Answer("header.title", title, "markdown", "", stamp, who)
    meta = {"report_id": str(uuid.uuid4()), "created_at": stamp, "created_by_app": f"copdesk {__version__}",
            "template_edition": prev.meta.get("template_edition", t.edition), "template_hash": t.content_hash,
            "carried_from": prev.meta.get("report_id", "")}
    return ReportData(meta=meta, answers=answers, tables={c: empty_shape(g) for c, g in prev.tables.items()},
                      subscriptions=prev.subscriptions, crisis=prev.crisis)


def empty_shape(grid: Grid) -> Grid:
    """The header row and the row labels of a table, without its figures."""
    return [list(row) if r == 0 else [row[0] if row else None] + [None] * (len(row) - 1)
            for r, row in enumerate(grid)]


def with_baseline(data: ReportData, prev: ReportData) -> ReportData:
    """`data` holding `prev` as its baseline (tables baseline_answers and baseline_cells, three meta keys):
    the new report is made with it in one go (core.report.create.create_from_data), so nothing is left on failure."""
    extras = {**data.extras,
              "baseline_answers": [{"code": c, "text": a.text} for c, a in prev.answers.items()],
              "baseline_cells": [{"code": c, "row": r, "col": k, "value": v} for c, g in prev.tables.items()
                                 for r, row in enumerate(g) for k, v in enumerate(row) if v is not None]}
    meta = {**data.meta, "baseline_report_id": prev.meta.get("report_id", ""),
            "baseline_title": prev.text("header.title"), "baseline_created_at": prev.meta.get("created_at", "")}
    return replace(data, meta=meta, extras=extras)


def baseline(report: Report) -> ReportData | None:
    """The previous period's report kept in `report`, or None when it was not carried forward."""
    meta = report.meta
    if "baseline_report_id" not in meta:
        return None
    texts, cells = report.baseline_rows()
    answers = {c: Answer(c, text) for c, text in texts.items()}
    tables: dict[str, Grid] = {}
    for code, r, c, v in cells:
        grid = tables.setdefault(code, [])
        while len(grid) <= r:
            grid.append([])
        grid[r] += [None] * (c + 1 - len(grid[r]))
        grid[r][c] = v
    return ReportData(meta={"report_id": meta["baseline_report_id"], "title": meta.get("baseline_title", ""),
                            "created_at": meta.get("baseline_created_at", "")},
                      answers=answers, tables=tables, subscriptions=frozenset(), crisis=())
