"""Word styles and list numbering, as the importer needs them: heading levels, list kinds, numbers.

A paragraph's look comes from its style chain (basedOn) and from numbering.xml: whether it is a heading
(style name "heading N" or an outline level), a bulleted or numbered list item at some level, and the
number Word shows (start values and restarts per list), so "1." lists come back as numbered Markdown.
"""

from __future__ import annotations

import re

from lxml import etree

from copdesk.core.safety.docx_guard import Package
from copdesk.core.numbers import to_int
from copdesk.core.records import record

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_w = f"{{{W}}}"
MAX_START = 10**9  # a list's first number: any larger is no numbering a report uses
_OFF = ("0", "false", "off", "none")
_HEADING = re.compile(r"^(?:heading|überschrift|titre)\s*(\d)$", re.I)


@record
class Style:
    name: str
    heading: int
    numbered: bool
    level: int
    bold: bool
    italic: bool
    num_id: str = ""


NO_STYLE = Style("", 0, False, 0, False, False)


def on(el: etree._Element | None) -> bool:
    return el is not None and el.get(f"{_w}val", "true").lower() not in _OFF


def styles(pkg: Package) -> dict[str, Style]:
    """Every style by id, with what it inherits through basedOn resolved (cycles stop after 20 steps)."""
    raw = {st.get(f"{_w}styleId", ""): st for st in pkg.styles.iter(f"{_w}style")} if pkg.styles is not None else {}
    out: dict[str, Style] = {}

    def resolve(sid: str, depth: int = 0) -> Style:
        if sid not in out:
            st = raw.get(sid)
            if st is None or depth > 20:
                return Style(sid, 0, False, 0, False, False)
            based = st.find(f"{_w}basedOn")
            parent = resolve(based.get(f"{_w}val", ""), depth + 1) if based is not None else NO_STYLE
            out[sid] = _style(st, sid, parent)
        return out[sid]

    for sid in raw:
        resolve(sid)
    return out


def _val(el: etree._Element | None, path: str, default: str | None = None) -> str | None:
    found = el.find(path) if el is not None else None
    return found.get(f"{_w}val", default) if found is not None else None


def _style(st: etree._Element, sid: str, parent: Style) -> Style:
    name = _val(st, f"{_w}name", sid) or sid
    ppr, rpr = st.find(f"{_w}pPr"), st.find(f"{_w}rPr")
    m, outline = _HEADING.match(name), _val(ppr, f"{_w}outlineLvl", "9")
    heading = int(m.group(1)) if m else to_int(outline, -1, hi=99) + 1
    num_id, ilvl = _val(ppr, f"{_w}numPr/{_w}numId", "0"), _val(ppr, f"{_w}numPr/{_w}ilvl", "0")
    numbered = num_id is not None and num_id != "0"
    bold, italic = (rpr.find(f"{_w}{k}") if rpr is not None else None for k in ("b", "i"))
    return Style(name=name, heading=heading if 0 < heading < 10 else parent.heading,
                 numbered=numbered or (parent.numbered and num_id is None),
                 level=to_int(ilvl, parent.level, 0, 8),
                 bold=on(bold) if bold is not None else parent.bold,
                 italic=on(italic) if italic is not None else parent.italic,
                 num_id=num_id if numbered else parent.num_id)


class Numbering:
    """Word's list definitions: whether a list level is bulleted or numbered, and the number it shows."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[tuple[str, int], tuple[str, int]] = {}  # (numId, ilvl) -> (numFmt, start)
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {a.get(f"{_w}abstractNumId", ""): self._lvls(a) for a in root.iter(f"{_w}abstractNum")}
        for num in root.iter(f"{_w}num"):
            ref = num.find(f"{_w}abstractNumId")
            lvls = dict(abstract.get(ref.get(f"{_w}val", "") if ref is not None else "", {}))
            for ov in num.iter(f"{_w}lvlOverride"):
                ilvl = to_int(ov.get(f"{_w}ilvl"), 0, 0, 8)
                so = ov.find(f"{_w}startOverride")
                lvl = ov.find(f"{_w}lvl")
                fmt, start = self._lvls_one(lvl) if lvl is not None else lvls.get(ilvl, ("bullet", 1))
                if so is not None and to_int(so.get(f"{_w}val"), None) is not None:
                    start = to_int(so.get(f"{_w}val"), 1, 0, MAX_START)
                lvls[ilvl] = (fmt, start)
            for ilvl, spec in lvls.items():
                self.levels[(num.get(f"{_w}numId", ""), ilvl)] = spec

    def _lvls(self, abstract: etree._Element) -> dict[int, tuple[str, int]]:
        return {to_int(lvl.get(f"{_w}ilvl"), 0, 0, 8): self._lvls_one(lvl) for lvl in abstract.findall(f"{_w}lvl")}

    @staticmethod
    def _lvls_one(lvl: etree._Element) -> tuple[str, int]:
        fmt, start = lvl.find(f"{_w}numFmt"), lvl.find(f"{_w}start")
        value = start.get(f"{_w}val", "1") if start is not None else "1"
        return (fmt.get(f"{_w}val", "bullet") if fmt is not None else "bullet", to_int(value, 1, 0, MAX_START))

    def next(self, num_id: str, level: int) -> tuple[str, int]:
        """("bullet", 0) or ("number", N) for the next item of list `num_id` at `level`."""
        fmt, start = self.levels.get((num_id, level), ("bullet", 1))
        if fmt in ("bullet", "none", ""):
            return "bullet", 0
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        return "number", start + counts[level] - 1
