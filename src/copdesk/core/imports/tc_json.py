"""Import a report published on the Transparency Centre (`/reports/{slug}/{wave}/json`), or exported by copdesk
in that shape (tc_export), and offer its `description` texts as official wording.

The published JSON is not stable: chapters, commitments and measures come as lists or as dicts keyed by
id, lists may be JSON strings, answers are HTML in `sig_value`, SLI tables a JSON string in `table_value`.
Items are recognised by `name` ("Measure 14.1") or `code` ("14.1", "sm14.1") and questions by their text,
so unknown extra fields do no harm. Whatever holds an answer but cannot be placed is listed as unplaced.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from copdesk.core.markdown import html as html_md
from copdesk.core.errors import InputError
from copdesk.core.template.forms import load_template
from copdesk.core.imports.result import Collected, ImportResult, NewItem, Unplaced, build_data, count
from copdesk.core.safety.inputs import JsonLimitError, parse_json
from copdesk.core.report.create import create_from_data
from copdesk.core.report.open_file import Report
from copdesk.core.imports.filed_labels import Labels, item_label, key, measure_refs
from copdesk.core.template.template import Template

MAX_JSON = 64 * 1024 * 1024
_CODE = re.compile(r"^(?:c|m|qre|sli)?\s*(\d{1,9}(?:\.\d{1,9}){0,2})$", re.I)  # int() of 5,000 digits fails


def is_tc_json(doc: Any) -> bool:
    """True for a Transparency Centre report (top-level or under "report"), False for anything else."""
    body = doc.get("report", doc) if isinstance(doc, dict) else None
    return isinstance(body, dict) and "chapters" in body and doc.get("format") != "copdesk-report-json"


def _items(value: Any) -> list[dict]:
    """A list of dicts from a list, a dict keyed by id, or a JSON string of either."""
    if isinstance(value, str):
        try:
            value = parse_json(value, "A list of the report stored as text") if value.strip()[:1] in ("[", "{") else []
        except JsonLimitError:
            raise
        except InputError:
            return []
    if isinstance(value, dict):
        value = list(value.values())
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


class _TcReader:
    def __init__(self, t: Template, source: str):
        self.t, self.labels, self.source = t, Labels(t), source
        self.got = Collected()
        self.unplaced: list[Unplaced] = []
        self.new_items: list[NewItem] = []
        self.new_codes: set[str] = set()  # of new_items: a lookup per item kept imports linear
        self.wording: dict[str, str] = {}  # every description seen, by code
        self.item_labels: dict[str, str] = {}  # names that are more than the code ("SLI 17.2.1 - actions ...")
        self.notes: list[str] = []
        self.refused: list[str] = []

    def report(self, body: dict) -> None:
        for field, code in (("name", "header.title"), ("title", "header.title"), ("signatory", "header.signatory")):
            if _text(body.get(field)).strip() and code not in self.got.answers:
                self.got.answers[code] = _text(body[field]).strip()  # plain one-line fields, as exported
        desc = body.get("description")
        if isinstance(desc, dict):
            self.answer("header.description", desc.get("sig_value"))
        elif isinstance(desc, str):
            self.answer("header.description", desc)
        for chapter in _items(body.get("chapters")):
            where = f"chapter {_text(chapter.get('name')) or '?'}"
            for commitment in _items(chapter.get("commitments")):
                self.commitment(commitment, where)
        for i, section in enumerate(_items(body.get("crisis")), start=1):
            self.crisis(i, section)

    def answer(self, code: str, html: Any) -> str:
        md = html_md.to_markdown(_text(html))
        if md.strip():
            self.got.answers[code] = md
        return md

    def code_of(self, node: dict, kind: str) -> str | None:
        """ "Measure 14.1" from name "Measure 14.1" or code "14.1" / "m14.1"; a name that says more than the
        code ("SLI 17.2.1 - actions enforcing policies above") is kept as the item's label."""
        name = _text(node.get("name")).strip()
        label = item_label(name, True)
        if label and label.code.startswith(kind):
            if label.rest:
                self.item_labels[label.code] = " ".join(name.split())
            return label.code
        m = _CODE.match(_text(node.get("code")).strip())
        depth = {"Commitment": 0, "Measure": 1, "QRE": 2, "SLI": 2}[kind]
        if m and m.group(1).count(".") == depth:
            return f"{kind} {int(m.group(1)) if depth == 0 else m.group(1)}"
        return None

    def offer_wording(self, code: str, node: dict) -> None:
        wording = html_md.to_text(_text(node.get("description")))
        if wording and key(wording) != key(self.item_labels.get(code, code)):
            self.wording[code] = wording  # import_result.corrections_doc compares it with the template's

    def commitment(self, node: dict, where: str) -> None:
        code = self.code_of(node, "Commitment")
        if not code or code not in self.t.index:
            self.lost(node, where, f"{code or 'a commitment'} is not in the template")
            return
        self.got.subscriptions.add(code)
        self.offer_wording(code, node)
        for special in _items(node.get("specialMeasures")):
            self.special(code, special, f"{where} / {code}")
        for measure in _items(node.get("measures")):
            self.measure(code, measure, f"{where} / {code}")

    def special(self, commitment: str, node: dict, where: str) -> None:
        """The signed measures list and the four questions, told apart by field type and text."""
        if node.get("field_type") == "measures_list" or key(_text(node.get("description"))) == self.labels.signed:
            self.got.subscriptions.update(self.signed_refs(node))
            return
        q = self.labels.question(html_md.to_text(_text(node.get("description")))) or \
            next(((x.key, "") for x in self.t.questions if _text(node.get("name")).strip() == x.key), None)
        if q:
            self.answer(f"{commitment} {q[0]}", node.get("sig_value"))
        else:
            self.lost(node, where, "a commitment field copdesk does not know")

    def signed_refs(self, node: dict) -> list[str]:
        """Measures of a signed-measures field: its value lists them ("Measure 25.1 Measure 25.2", a JSON
        list, "25.1, 25.2"), or it is one ticked measure named "Specific Measures 25.1"."""
        value = node.get("sig_value")
        text = " ".join(_text(v) for v in value) if isinstance(value, list) else html_md.to_text(_text(value))
        refs = measure_refs(text)
        if refs is None and (value is True or text.strip().lower() in ("1", "yes", "true", "on", "checked")):
            refs = measure_refs(re.sub(r"^\D*", "", _text(node.get("name"))))
        return refs or []

    def measure(self, commitment: str, node: dict, where: str, prefix: str = "") -> None:
        code = self.code_of(node, "Measure")
        if not code or (code not in self.t.index and not code.split(" ")[1].startswith(commitment.split(" ")[1] + ".")):
            self.lost(node, where, f"{code or 'a measure'} is not where the template expects it")
            return
        self.item(code, commitment, node, where, prefix)
        for kind, field in (("QRE", "qres"), ("SLI", "slis")):
            for element in _items(node.get(field)):
                ecode = self.code_of(element, kind)
                if not ecode or not ecode.split(" ")[1].startswith(code.split(" ")[1] + "."):
                    self.lost(element, f"{where} / {code}", f"{ecode or 'an element'} does not belong under {code}")
                    continue
                self.item(ecode, code, element, f"{where} / {code}", prefix)
                if kind == "SLI":
                    self.table(prefix + ecode, element)

    def item(self, code: str, under: str, node: dict, where: str, prefix: str) -> None:
        if code not in self.t.index:
            if prefix:
                self.lost(node, where, f"{code} in a crisis sub-section is not in the template")
                return
            if code not in self.new_codes:
                self.new_codes.add(code)
                self.new_items.append(NewItem(code, under, where))
        self.offer_wording(code, node)
        written = self.answer(prefix + code, node.get("sig_value")).strip()
        if code.startswith("Measure ") and not prefix and (written or any(
                _items(node.get(f)) for f in ("qres", "slis"))):
            self.got.subscriptions.add(code)  # written about; a blank measure counts only when signed
        if prefix:
            self.got.add_crisis_item(int(prefix.split(" ")[1].rstrip("/")), code)

    def table(self, code: str, node: dict) -> None:
        raw = node.get("table_value")
        if not raw:
            return
        try:
            rows = parse_json(raw, "its table_value") if isinstance(raw, str) else raw
        except InputError as exc:
            self.unplaced.append(Unplaced(code, _text(raw)[:200], exc.message.rstrip(".")))
            return
        if isinstance(rows, list) and rows and all(isinstance(r, list) for r in rows):
            self.got.tables[code] = [[None if c is None or c == "" else _text(c) for c in r] for r in rows]

    def crisis(self, sid: int, node: dict) -> None:
        prefix = f"Crisis {sid}/"
        self.got.crisis.setdefault(sid, [])
        self.got.answers[prefix + "title"] = _text(node.get("name")).strip()
        for part in ("threats", "mitigations"):
            value = node.get(part)
            self.answer(prefix + part, value.get("sig_value") if isinstance(value, dict) else value)
        for chapter in _items(node.get("chapters")):
            code = self.labels.chapter(_text(chapter.get("name")))
            if not code:
                self.lost(chapter, f"crisis {sid}", "a chapter the template does not know")
                continue
            self.got.add_crisis_item(sid, code)
            self.answer(prefix + code, chapter.get("sig_value"))
            for measure in _items(chapter.get("measures")):
                self.measure(self.t.parents.get(self.code_of(measure, "Measure") or "", "Commitment 0"), measure,
                             f"crisis {sid} / {chapter.get('name')}", prefix)

    def lost(self, node: dict, where: str, reason: str) -> None:
        self.refused.append(f"{where} / {_text(node.get('name')) or '?'}: {reason}")
        text = html_md.to_text(_text(node.get("sig_value")))
        if text or node.get("table_value"):
            self.unplaced.append(Unplaced(f"{where} / {_text(node.get('name')) or '?'}", text or "(a table)", reason))


def read_tc(doc: Any, template: Template, source: str) -> ImportResult:
    """Place a Transparency Centre report (already parsed JSON) without writing anything."""
    if not is_tc_json(doc):
        raise InputError(f"{source} is not a Transparency Centre report (it has no 'chapters').")
    reader = _TcReader(template, source)
    try:
        reader.report(doc.get("report", doc))
    except JsonLimitError as exc:
        raise InputError(f"{Path(source).name}: {exc.message}", "It is not a report copdesk can read.") from None
    for m in [c for c in reader.got.subscriptions if c.startswith("Measure ")]:
        reader.got.subscriptions.add(template.parents.get(m) or f"Commitment {m.split(' ')[1].split('.')[0]}")
    data = build_data(template, reader.got, source)
    return ImportResult(data, Path(source).name, count(data, len(reader.unplaced)), reader.unplaced,
                        reader.new_items, reader.wording, reader.notes, labels=reader.item_labels,
                        refused=reader.refused)


def read_json(path: Path) -> Any:
    """A JSON file of bounded size and depth, or an InputError (never a crash on hostile JSON)."""
    from copdesk.core.imports.copdesk_json import read_json_file
    return read_json_file(path, MAX_JSON)


def read_tc_file(path: Path | str, template: Template | None = None) -> ImportResult:
    path = Path(path)
    return read_tc(read_json(path), template or load_template(), str(path))


def import_tc(path: Path | str, out: Path | str, template: Template | None = None) -> tuple[Report, ImportResult]:
    """Create report `out` from Transparency Centre JSON; nothing is written unless it all succeeds."""
    t = template or load_template()
    result = read_tc_file(path, t)
    return create_from_data(Path(out), t, result.stored_data()), result
