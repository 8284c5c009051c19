"""`copdesk forms list [--json]`: every item of the template in use (user corrections applied), one per line.

Each item says its code, kind (chapter, commitment, measure, qre, sli), parent, status, whether official
wording is loaded and where it came from ("bundled" for the file copdesk ships, else the correction file
that brought it and the report it was learned from).
"""

from __future__ import annotations

from copdesk.core.template.template import Item, Template


def kind_of(code: str) -> str:
    return code.split(" ", 1)[0].lower()


def rows(t: Template) -> list[dict]:
    """One dict per item, in template order."""
    out = []
    for code, item in t.index.items():
        row = {"code": code, "kind": kind_of(code), "parent": t.parents.get(code, ""), "status": item.status,
               "has_wording": bool(item.wording), "wording_source": item.wording_source if item.wording else "",
               "origin": item.origin, "title": item.title, "label": item.label}
        covers = getattr(item, "covers", ())
        if covers:
            row["covers"] = list(covers)
        out.append(row)
    return out


def _where(item: Item) -> str:
    if not item.wording:
        return "no official wording"
    source = item.wording_source or "unknown source"
    return f"wording from {source}" + ("" if item.origin == "bundled" else f" ({item.origin})")


def lines(t: Template) -> list[str]:
    """A readable listing: aligned columns, then a count."""
    body = []
    for code, item in t.index.items():
        parent = t.parents.get(code, "")
        body.append((code, kind_of(code), parent or "-", item.status, _where(item)))
    widths = [max(len(r[i]) for r in body) for i in range(4)]
    out = [f"{'code':{widths[0]}}  {'kind':{widths[1]}}  {'parent':{widths[2]}}  {'status':{widths[3]}}  wording"]
    out += [f"{r[0]:{widths[0]}}  {r[1]:{widths[1]}}  {r[2]:{widths[2]}}  {r[3]:{widths[3]}}  {r[4]}" for r in body]
    worded = sum(1 for i in t.index.values() if i.wording)
    out.append(f"{len(body)} items ({t.summary_line()}); {worded} with official wording")
    for r in t.removed:
        out.append(f"hidden by {r.origin}: {r.code}" + (f" and {len(r.codes) - 1} items under it" if len(r.codes) > 1 else ""))
    return out
