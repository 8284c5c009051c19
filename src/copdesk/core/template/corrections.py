"""User corrections to a bundled template edition, without a new release.

A correction file lives in the user forms folder (paths.user_forms_dir()) and looks like:

    format: copdesk-corrections
    corrects: coc-2025-03
    changes:
      - code: Measure 12.1                 # change fields of an existing item
        set: {wording: "...", wording_source: "Code of Conduct PDF, 2025", status: verified}
      - code: QRE 1.3.1                    # the id turned out to be different
        rename: QRE 1.3.2
      - add: {code: QRE 1.3.3, status: verified, title: "..."}
        under: Measure 1.3
      - remove: Measure 42.1

Files apply in name order; each changed item records the file in its `origin`.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from copdesk import paths
from copdesk.core.template import yamlfile
from copdesk.core.errors import FormError
from copdesk.core.records import record

SETTABLE = {"title", "status", "wording", "wording_source", "note", "guidance", "label"}
CHILD_LISTS = {"Chapter": "commitments", "Commitment": "measures", "Measure": None}


@record
class Corrections:
    file: str
    text: str
    edition: str
    changes: tuple[dict, ...]


def read_corrections(user_dir: Path | None = None) -> list[Corrections]:
    folder = user_dir if user_dir is not None else paths.user_forms_dir()
    out = []
    if not folder.is_dir():
        return out
    for f in sorted(folder.glob("*.yaml")):
        data, text = yamlfile.read(f)
        if isinstance(data, dict) and data.get("format") == "copdesk-corrections":
            out.append(_parse(f, data, text))
    return out


def _parse(f: Path, data: dict, text: str) -> Corrections:
    if not data.get("corrects"):
        raise FormError(str(f), "corrects", "missing: name the edition this file corrects",
                        yamlfile.line_of(text, ()))
    changes = data.get("changes") or []
    if not isinstance(changes, list):
        raise FormError(str(f), "changes", "must be a list", yamlfile.line_of(text, ("changes",)))
    return Corrections(str(f), text, str(data["corrects"]), tuple(changes))


def _walk(data: dict):
    """Yield (item, parent_list) for every item dict in raw template data."""
    for chapter in data.get("chapters") or []:
        yield chapter, data["chapters"]
        yield from _walk_item(chapter)


def _codes_under(item: dict) -> list[str]:
    """An item's code and the codes of everything under it."""
    out = [str(item.get("code"))]
    for key in ("commitments", "measures", "qres", "slis"):
        for child in item.get(key) or []:
            out += _codes_under(child)
    return out


def _walk_item(item: dict):
    """(child, its list) for every item below `item`."""
    for key in ("commitments", "measures", "qres", "slis"):
        children = item.get(key)
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    yield child, children
                    yield from _walk_item(child)


class _Index:
    """code -> (item, the list holding it), built once and kept up to date by each change: looking every
    code up by walking the template made 50,000 corrections take minutes."""

    def __init__(self, data: dict):
        self.data = data
        self.items: dict[str, tuple[dict, list]] = {}
        for item, parent in _walk(data):
            self.items.setdefault(str(item.get("code")), (item, parent))  # the first of a code, as before

    def find(self, code: str) -> tuple[dict, list] | None:
        return self.items.get(code)

    def added(self, item: dict, parent: list) -> None:
        self.items.setdefault(str(item.get("code")), (item, parent))
        for child, children in _walk_item(item):
            self.items.setdefault(str(child.get("code")), (child, children))

    def removed(self, item: dict) -> None:
        for gone in [item] + [child for child, _ in _walk_item(item)]:
            if self.items.get(str(gone.get("code")), (None,))[0] is gone:
                del self.items[str(gone.get("code"))]


def _child_list(item: dict, child_code: str) -> list:
    kind = item["code"].split(" ")[0]
    if kind == "Measure":
        key = "qres" if child_code.startswith("QRE ") else "slis"
    else:
        key = CHILD_LISTS.get(kind) or ""
    if not key:
        raise ValueError(f"nothing can be added under {item['code']}")
    return item.setdefault(key, [])


def _apply_one(index: _Index, change: Any, origin: str) -> None:
    if not isinstance(change, dict):
        raise ValueError("each change must be a mapping")
    if "remove" in change:
        found = index.find(str(change["remove"]))
        if not found:
            raise ValueError(f"cannot remove '{change['remove']}': no such code")
        found[1].remove(found[0])
        index.data.setdefault("removed", []).append({"code": found[0]["code"], "title": found[0].get("title", ""),
                                                     "origin": origin, "codes": _codes_under(found[0])})
        index.removed(found[0])
        return
    if "add" in change:
        item = dict(change["add"])
        parent = index.find(str(change.get("under", "")))
        if not parent:
            raise ValueError(f"'under: {change.get('under')}' names no item of the template")
        if index.find(str(item.get("code"))):
            raise ValueError(f"cannot add '{item.get('code')}': it exists already (use 'code:' and 'set:')")
        siblings = _child_list(parent[0], str(item.get("code")))
        siblings.append({**item, "origin": origin})
        index.added(siblings[-1], siblings)
        return
    found = index.find(str(change.get("code")))
    if not found:
        raise ValueError(f"no item with code '{change.get('code')}' in this edition")
    item = found[0]
    unknown = set(change) - {"code", "set", "rename"}
    if unknown:
        raise ValueError(f"unknown key(s) {', '.join(sorted(unknown))}: use set, rename, add/under or remove")
    for key, value in (change.get("set") or {}).items():
        if key not in SETTABLE:
            raise ValueError(f"'{key}' cannot be set (settable: {', '.join(sorted(SETTABLE))})")
        item[key] = value
    if "rename" in change:
        if index.find(str(change["rename"])):
            raise ValueError(f"cannot rename to '{change['rename']}': that code exists already")
        index.removed(item)
        item["code"] = str(change["rename"])
        index.added(item, found[1])
    item["origin"] = origin


def apply_corrections(data: dict, corrections: list[Corrections]) -> tuple[dict, tuple[str, ...]]:
    """A corrected copy of raw template data, and the files applied. Raises FormError on a bad change."""
    data = copy.deepcopy(data)
    index = _Index(data)
    for c in corrections:
        origin = Path(c.file).name
        for i, change in enumerate(c.changes):
            try:
                _apply_one(index, change, origin)
            except (ValueError, TypeError, AttributeError) as exc:
                raise FormError(c.file, f"change #{i + 1}", str(exc), yamlfile.line_of(c.text, ("changes", i))) from None
    return data, tuple(c.file for c in corrections)
