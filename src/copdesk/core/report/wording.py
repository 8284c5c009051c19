"""The official wording a report came with: kept in the report file (table `wording`), laid over the template.

A report imported from a filed report (Word, Transparency Centre JSON) stores every official wording and
every label ("SLI 17.2.1 - actions enforcing policies above") that report carried. When the report opens,
they are laid over its template edition, so the window and every export show the report's own wording,
whether or not the user also saved it as a template correction. Items the report has no wording for show
the template's (bundled, or learned with `copdesk forms learn`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from copdesk.core.template.template import Item, Template

FIELDS = ("wording", "label")


def read(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """code -> {"wording", "label", "source"} from a report file ({} for files older than the table)."""
    try:
        rows = conn.execute("SELECT code, wording, label, source FROM wording").fetchall()
    except sqlite3.OperationalError:  # a file of an older schema opened read-only
        return {}
    return {code: {"wording": w or "", "label": lab or "", "source": src or ""} for code, w, lab, src in rows}


def rows(wording: dict[str, str], labels: dict[str, str], source: str) -> list[dict[str, str]]:
    """Table rows for what an import found: every wording and label, by code."""
    codes = sorted(set(wording) | set(labels))
    return [{"code": c, "wording": wording.get(c, ""), "label": labels.get(c, ""), "source": source} for c in codes]


def overlay(t: Template, found: dict[str, dict[str, str]]) -> Template:
    """`t` with the report's own wording and labels in place of the template's (items it lacks: ignored)."""
    changes: dict[str, dict[str, str]] = {}
    for code, row in found.items():
        item = t.index.get(code)
        if item is None:
            continue
        fields: dict[str, str] = {}
        if row.get("wording") and row["wording"] != item.wording:
            fields.update(wording=row["wording"], wording_source=row.get("source") or "this report")
        if row.get("label") and row["label"] != item.label:
            fields["label"] = row["label"]
        if fields:
            changes[code] = fields
    return with_fields(t, changes)


def with_fields(t: Template, changes: dict[str, dict[str, str]]) -> Template:
    """A copy of `t` whose items named in `changes` have those fields replaced; only their branches are
    rebuilt (a few hundred items: well under a millisecond for a report's handful of changes)."""
    if not changes:
        return t
    touched = set()
    for code in changes:
        while code:
            touched.add(code)
            code = t.parents.get(code, "")

    def fix(item: Item, **children) -> Item:
        fields = {**changes.get(item.code, {}), **children}
        return replace(item, **fields) if fields else item

    chapters = []
    for ch in t.chapters:
        if ch.code not in touched:
            chapters.append(ch)
            continue
        commitments = []
        for c in ch.commitments:
            if c.code not in touched:
                commitments.append(c)
                continue
            measures = tuple(m if m.code not in touched else
                             fix(m, elements=tuple(fix(e) for e in m.elements)) for m in c.measures)
            commitments.append(fix(c, measures=measures))
        chapters.append(fix(ch, commitments=tuple(commitments)))
    return replace(t, chapters=tuple(chapters))
