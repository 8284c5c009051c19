"""What an import found: the report data, counts, what could not be placed, and what the template lacks.

Shared by the Word and the Transparency Centre importers, so both print the same summary and offer the
same template corrections. Nothing is dropped silently: every paragraph that is neither template text nor
placed under a code is listed in `unplaced` with its position.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from copdesk import __version__, paths
from copdesk.core.safety.atomic import write_file
from copdesk.core.records import record
from copdesk.core.model import Answer, CrisisSection, Grid, ReportData, default_user, now
from copdesk.core.template.template import Template


@record
class Unplaced:
    position: str  # "paragraph 17", "table 3", "chapter Advertising / commitment 1"
    text: str
    reason: str


@record
class NewItem:
    """A measure, QRE or SLI the report has where the template's structure expects one, but unknown."""

    code: str
    under: str
    position: str


@dataclass
class ImportResult:
    data: ReportData
    source: str
    counts: dict[str, int]
    unplaced: list[Unplaced] = field(default_factory=list)
    new_items: list[NewItem] = field(default_factory=list)
    wording: dict[str, str] = field(default_factory=dict)  # code -> every official wording seen in the source
    notes: list[str] = field(default_factory=list)
    status: str = ""  # the report's status line as filed ("Submitted"), for an export that keeps it
    labels: dict[str, str] = field(default_factory=dict)  # code -> its heading when more than the code
    refused: list[str] = field(default_factory=list)  # items seen that fit nowhere in the template, and why

    def stored_data(self) -> ReportData:
        """The report to write: its data, and the wording and labels it came with (kept in the file)."""
        from dataclasses import replace
        from copdesk.core.report.wording import rows
        found = rows(self.wording, self.labels, self.source)
        return replace(self.data, extras={**self.data.extras, "wording": found}) if found else self.data

    def summary_lines(self) -> list[str]:
        c = self.counts
        crisis = (f"; {c['crisis']} crisis sub-section{'s' if c['crisis'] != 1 else ''} "
                  f"({c['crisis_answers']} answers)" if c["crisis"] else "")
        lines = [f"{c['commitments']} commitments, {c['measures']} measures, {c['qres']} QREs, {c['slis']} SLIs, "
                 f"{c['tables']} tables placed{crisis}; {c['unplaced']} paragraphs unplaced."]
        for u in self.unplaced:
            lines.append(f"unplaced, {u.position} ({u.reason}): {_short(u.text)}")
        for n in self.new_items:
            lines.append(f"not in the template: {n.code} under {n.under} ({n.position}); kept as that item")
        lines += [f"note: {n}" for n in self.notes]
        return lines


def _short(text: str, n: int = 90) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


@dataclass
class Collected:
    """What a parser gathered before it becomes a ReportData."""

    answers: dict[str, str] = field(default_factory=dict)
    tables: dict[str, Grid] = field(default_factory=dict)
    subscriptions: set[str] = field(default_factory=set)
    crisis: dict[int, list[str]] = field(default_factory=dict)  # section id -> item codes

    def add_crisis_item(self, sid: int, code: str) -> None:
        items = self.crisis.setdefault(sid, [])
        if code not in items and code not in ("title", "threats", "mitigations"):
            items.append(code)


def build_data(t: Template, got: Collected, source: str) -> ReportData:
    """A new report's data: a fresh id, every answer stamped now, by the current user."""
    stamp, who = now(), default_user()
    meta = {"report_id": str(uuid.uuid4()), "created_at": stamp, "created_by_app": f"copdesk {__version__}",
            "template_edition": t.edition, "template_hash": t.content_hash, "imported_from": Path(source).name}
    answers = {code: Answer(code, text, "markdown", "", stamp, who)
               for code, text in got.answers.items() if text.strip()}
    order = {code: i for i, code in enumerate(t.index)}
    crisis = tuple(CrisisSection(sid, pos, got.answers.get(f"Crisis {sid}/title", ""),
                                 tuple(sorted(items, key=lambda c: order.get(c, len(order)))))
                   for pos, (sid, items) in enumerate(sorted(got.crisis.items()), start=1))
    return ReportData(meta=meta, answers=answers, tables=dict(got.tables), subscriptions=frozenset(got.subscriptions),
                      crisis=crisis)


def count(data: ReportData, unplaced: int) -> dict[str, int]:
    """The summary counts: items recognised and answers placed (crisis sub-sections counted apart)."""
    main = [c for c in list(data.answers) + list(data.tables) if not c.startswith("Crisis ")]
    subs = data.subscriptions
    return {
        "commitments": len({c for c in subs if c.startswith("Commitment ")}),
        "measures": len({c for c in subs if c.startswith("Measure ")} | {c for c in main if c.startswith("Measure ")}),
        "qres": len({c for c in main if c.startswith("QRE ")}),
        "slis": len({c for c in main if c.startswith("SLI ")}),
        "tables": len(data.tables),
        "crisis": len(data.crisis),
        "crisis_answers": len({c for c in list(data.answers) + list(data.tables) if c.startswith("Crisis ")}),
        "unplaced": unplaced,
    }


def corrections_doc(t: Template, result: ImportResult, replace: bool = True) -> dict | None:
    """A copdesk-corrections document adding the new items and setting the official wording and labels seen.

    Wording that differs from the template's only in punctuation or case is the same wording. An item the
    report shows with its wording is verified. With `replace=False`, wording the template already has (a
    different text: a conflict) is left as it is (core/imports/learn.py reports it)."""
    from copdesk.core.imports.filed_labels import key
    changes: list[dict] = []
    for n in result.new_items:
        if n.code in t.hidden or n.code in t.index:
            continue  # taken out by the user, or known by now
        add = {"code": n.code, "status": "verified" if result.wording.get(n.code) else "unconfirmed",
               "note": f"seen in {result.source} ({n.position})"}
        if result.wording.get(n.code):
            add.update(wording=result.wording[n.code], wording_source=result.source)
        if result.labels.get(n.code):
            add["label"] = result.labels[n.code]
        changes.append({"add": add, "under": n.under})
    for code in sorted(set(result.wording) | set(result.labels)):
        item = t.index.get(code)
        if item is None:
            continue
        text, label = result.wording.get(code, ""), result.labels.get(code, "")
        fields: dict[str, str] = {}
        if text and key(text) != key(item.wording) and (replace or not item.wording):
            fields.update(wording=text, wording_source=result.source)
            if item.unconfirmed:
                fields["status"] = "verified"
        if label and label != item.label and (replace or not item.label):
            fields["label"] = label
        if fields:
            changes.append({"code": code, "set": fields})
    if not changes:
        return None
    return {"format": "copdesk-corrections", "corrects": t.edition, "changes": changes}


def save_corrections(t: Template, result: ImportResult, folder: Path | None = None) -> Path | None:
    """Write the offered corrections into the user forms folder (call only after the user agreed)."""
    doc = corrections_doc(t, result)
    if doc is None:
        return None
    folder = folder or paths.user_forms_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = "".join(ch if ch.isalnum() else "-" for ch in Path(result.source).stem)[:40].strip("-") or "import"
    out = folder / f"{datetime.now():%Y%m%d-%H%M%S}-{stem}.yaml"
    header = f"# Corrections offered by 'copdesk import {Path(result.source).name}', saved after the user agreed.\n"
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: 100,000 corrections in seconds, not a minute
    write_file(out, header + yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120))
    return out
