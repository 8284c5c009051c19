"""`copdesk forms learn FILE`: the official wording of a published report, stored as the user's template
corrections in one step, without creating a report.

A Transparency Centre JSON download (every report on the Transparency Centre has one), a filed Word report or
a copdesk JSON export is read by the importers that `copdesk import` uses (imports/tc_json.py, filed_parser.py through
imports/word.py, imports/copdesk_json.py); what they find is compared with the template in use:

- official wording and labels copdesk lacks are stored (an item shown with its wording is verified);
- items the template lacks, where its structure expects one, are added;
- wording that disagrees with the wording copdesk has is a conflict: reported with both texts, never
  overwritten (unless `replace`);
- items that fit nowhere, or that the user took out of the template, are refused, and said so.

    result = plan(path)            # read and compare; nothing written
    result = learn_file(path)      # the same, then the changes appended to copdesk's correction file
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from copdesk.core.template.forms import load_template
from copdesk.core.imports.result import ImportResult, corrections_doc
from copdesk.core.imports.filed_labels import key
from copdesk.core.template.template import Template


@dataclass
class Conflict:
    code: str
    have: str  # the wording copdesk has
    have_source: str
    found: str  # the wording the report carries


@dataclass
class LearnResult:
    source: str  # the file's name
    kind: str  # "tc-json", "docx" or "copdesk-json"
    edition: str
    changes: list[dict] = field(default_factory=list)  # the corrections to store (or stored)
    wordings: list[str] = field(default_factory=list)  # codes whose official wording is new
    labels: list[str] = field(default_factory=list)  # codes whose label is new
    new_items: list[str] = field(default_factory=list)  # "QRE 14.2.9 under Measure 14.2"
    known: int = 0  # wordings found that copdesk has already
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    file: Path | None = None  # where the changes were written

    def counts_line(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"
        return (f"{n(len(self.wordings), 'wording')}, {n(len(self.new_items), 'new item')}, "
                f"{n(len(self.conflicts), 'conflict')}")

    def summary_lines(self, settle: str = "learn again with --replace to take the report's") -> list[str]:
        head = f"Learned from {self.source}: {self.counts_line()}"
        extra = [f"{len(self.labels)} label{'s' if len(self.labels) != 1 else ''}"] if self.labels else []
        extra += [f"{self.known} wording{'s' if self.known != 1 else ''} copdesk had already"] if self.known else []
        lines = [head + (f" ({', '.join(extra)})" if extra else "") + "."]
        if self.file is not None and self.changes:
            lines.append(f"Stored as template corrections in {self.file}; they apply to every report on {self.edition}.")
        elif not self.changes:
            lines.append("Nothing new to store.")
        lines += [f"new item: {x}" for x in self.new_items]
        for c in self.conflicts:
            lines.append(f"conflict, {c.code}: copdesk has “{_short(c.have)}” ({c.have_source or 'bundled'}); "
                         f"the report has “{_short(c.found)}”. Kept copdesk's; {settle}.")
        lines += [f"refused: {r}" for r in self.refused]
        return lines


def _short(text: str, n: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def read_source(path: Path, t: Template) -> tuple[str, ImportResult]:
    """Read a published report with the importers' own parsers; nothing is written."""
    from copdesk.core.imports.importers import detect
    kind = detect(path)
    if kind == "docx":
        from copdesk.core.imports.word import read_docx
        return kind, read_docx(path, t)
    if kind == "tc-json":
        from copdesk.core.imports.tc_json import read_tc_file
        return kind, read_tc_file(path, t)
    return kind, _read_copdesk_json(path, t)


def _read_copdesk_json(path: Path, t: Template) -> ImportResult:
    """A copdesk export carries the wording its report came with (extras.wording, see core/report/wording.py)."""
    from copdesk.core.imports.copdesk_json import from_dict, read_json_file
    data = from_dict(read_json_file(path), str(path))
    result = ImportResult(data, path.name, {})
    for row in data.extras.get("wording", []):
        code = str(row.get("code", ""))
        if code not in t.index:
            result.refused.append(f"{code}: not in the template")
            continue
        if row.get("wording"):
            result.wording[code] = str(row["wording"])
        if row.get("label"):
            result.labels[code] = str(row["label"])
    return result


def plan(path: Path | str, template: Template | None = None, replace: bool = False) -> LearnResult:
    """What learning from `path` would store, and what it would report; nothing is written."""
    path = Path(path)
    t = template or load_template()
    kind, found = read_source(path, t)
    result = LearnResult(path.name, kind, t.edition, refused=list(found.refused))
    for code in sorted(found.wording, key=_order(t)):
        item, text = t.index.get(code), found.wording[code]
        if code in t.hidden:
            result.refused.append(f"{code}: you took it out of your template (Template › Hidden items)")
        elif item is None:
            continue  # a new item: counted below
        elif not item.wording or key(item.wording) != key(text) and replace:
            result.wordings.append(code)
        elif key(item.wording) == key(text):
            result.known += 1
        else:
            result.conflicts.append(Conflict(code, item.wording, item.wording_source, text))
    result.labels = [c for c, label in found.labels.items() if c in t.index and label != t.index[c].label
                     and (replace or not t.index[c].label)]
    for n in found.new_items:
        if n.code in t.hidden:
            if not any(r.startswith(n.code + ":") for r in result.refused):
                result.refused.append(f"{n.code}: you took it out of your template (Template › Hidden items)")
        elif n.code not in t.index:
            result.new_items.append(f"{n.code} under {n.under}")
    doc = corrections_doc(t, found, replace=replace)
    result.changes = doc["changes"] if doc else []
    return result


def learn_file(path: Path | str, template: Template | None = None, replace: bool = False,
               folder: Path | None = None) -> LearnResult:
    """Learn from `path` and store the changes in copdesk's correction file for the template's edition."""
    from copdesk.core.template import user_corrections
    result = plan(path, template, replace)
    if result.changes:
        result.file = user_corrections.append(result.edition, result.changes, folder)
    return result


def _order(t: Template):
    positions = {code: i for i, code in enumerate(t.index)}
    return lambda code: positions.get(code, len(positions))
