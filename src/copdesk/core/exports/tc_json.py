"""Export a report in the Transparency Centre's JSON shape, so answers can be pasted into the online form.

Shape (shared/reference/code-structure.md and code-structure.json, "json_api"; the report, chapter,
commitment and specialMeasures fields are verified, the measure/QRE/SLI fields come from a third-party
scraper of the Transparency Centre API):

    {"report": {"name": "Report March 2026", "signatory": ..., "status": "Draft",
                "description": {"name": "Your organisation description", "sig_value": "<p>...</p>"},
                "chapters": [{"name": "Integrity of Services", "commitments": [
                    {"name": "Commitment 14", "code": "14", "description": <official wording or "">,
                     "sig_value": "", "specialMeasures": [
                        {"name": "Signed Measures", "code": "sm14.1", "field_type": "measures_list",
                         "description": "We signed up to ...", "sig_value": "Measure 14.1 Measure 14.2"},
                        {"name": "Q1", "code": "sm14.2", "field_type": "yes_no", "description": <question>,
                         "sig_value": "<p>Yes</p>"}, ...],
                     "measures": [{"name": "Measure 14.1", "code": "14.1", "description": ..., "sig_value": ...,
                                   "qres": [{"name": "QRE 14.1.1", "code": "14.1.1", "description": ..., "sig_value": ...}],
                                   "slis": [{"name": "SLI 14.1.1", "code": "14.1.1", "description": ...,
                                             "field_type": "table" | "text",
                                             "table_value": "[[\"Member State\", ...], ...]", "sig_value": ...}]}]}]}],
                "crisis": [...]}}

`sig_value` is HTML (core.markdown.dialect.to_html). `table_value` is a JSON string of a 2-D array of strings,
cells exactly as typed, short rows padded with "". Inferred, not verified: the codes of the four
question entries (sm14.2 to sm14.5) and the `crisis` list, which is copdesk's own shape for the Crisis
and Elections Response sub-sections (the Transparency Centre's is not known).
"""

from __future__ import annotations

import json
from pathlib import Path

from copdesk.core.rules import follow_ups, outline
from copdesk.core.exports.cleaner import Cleaner
from copdesk.core.safety.export_target import file_target
from copdesk.core.safety.atomic import write_file
from copdesk.core.model import ReportData
from copdesk.core.markdown.dialect import to_html
from copdesk.core.template.template import Element, Measure, Template


def export_tc_json(template: Template, data: ReportData, out: Path | str, status: str = "Draft") -> list[str]:
    """Write the Transparency Centre JSON through a temporary file; returns warnings."""
    out = file_target(out, ".json")
    doc, warnings = to_tc(template, data, status)
    write_file(out, json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    return warnings


def to_tc(t: Template, data: ReportData, status: str = "Draft") -> tuple[dict, list[str]]:
    data, held = follow_ups.for_export(t, data)
    b = _Builder(t, data)
    report = {
        "name": b.clean("header.title", data.text("header.title")),
        "signatory": b.clean("header.signatory", data.text("header.signatory")),
        "status": status,
        "description": {"name": t.header_field("description").label, "sig_value": b.html("header.description")},
        "chapters": [b.chapter(view) for view in outline.chapters(t, data)],
        "crisis": [b.crisis(section) for section in data.crisis],
    }
    return {"report": report}, b.clean.warnings() + held


class _Builder:
    def __init__(self, t: Template, data: ReportData):
        self.t, self.data, self.clean = t, data, Cleaner()
        self.printed: set[str] = set()  # a QRE covering two signed measures goes under the first of them

    def html(self, code: str) -> str:
        return to_html(self.clean(code, self.data.text(code)))

    def chapter(self, view: outline.ChapterView) -> dict:
        return {"name": view.chapter.title, "commitments": [self.commitment(cv) for cv in view.commitments]}

    def commitment(self, cv: outline.CommitmentView) -> dict:
        c = cv.commitment
        n = c.number
        special = [{"name": "Signed Measures", "code": f"sm{n}.1", "field_type": "measures_list",
                    "description": self.t.signed_measures_label,
                    "sig_value": " ".join(m.code for m in cv.measures)}]
        for i, q in enumerate(self.t.questions, start=2):
            special.append({"name": q.key, "code": f"sm{n}.{i}",
                            "field_type": "yes_no" if q.kind == "yes_no" else "text",
                            "description": q.text, "sig_value": self.html(f"{c.code} {q.key}")})
        return {"name": c.heading, "code": n, "description": c.wording, "sig_value": "",
                "specialMeasures": special, "measures": [self.measure(m) for m in cv.measures]}

    def measure(self, m: Measure, prefix: str = "", elements: tuple[Element, ...] | None = None) -> dict:
        if elements is None:
            chosen = tuple(e for e in self.t.elements_for(m) if e.code not in self.printed)
            self.printed.update(e.code for e in chosen)
        else:
            chosen = elements
        return {"name": m.heading, "code": m.number, "description": m.wording, "sig_value": self.html(prefix + m.code),
                "qres": [self.qre(e, prefix) for e in chosen if e.kind == "qre"],
                "slis": [self.sli(e, prefix) for e in chosen if e.kind == "sli"]}

    def qre(self, e: Element, prefix: str) -> dict:
        return {"name": e.heading, "code": e.number, "description": e.wording, "sig_value": self.html(prefix + e.code)}

    def sli(self, e: Element, prefix: str) -> dict:
        code = prefix + e.code
        grid = self.data.tables.get(code) or []
        return {"name": e.heading, "code": e.number, "description": e.wording,
                "field_type": "table" if grid else "text",
                "table_value": json.dumps(self.table(code, grid), ensure_ascii=False) if grid else "",
                "sig_value": self.html(code)}

    def table(self, code: str, grid) -> list[list[str]]:
        width = max((len(row) for row in grid), default=0)
        return [[self.clean(code, c) if c is not None else "" for c in row] + [""] * (width - len(row))
                for row in grid]

    def crisis(self, section) -> dict:
        prefix, spec = f"Crisis {section.id}/", self.t.crisis
        chapters = [{"name": cc.chapter.title, "description": spec.outline_prompt,
                     "sig_value": self.html(prefix + cc.chapter.code),
                     "measures": [self.measure(cm.measure, prefix, cm.elements) for cm in cc.measures]}
                    for cc in outline.crisis_chapters(self.t, section)]
        return {"name": self.clean(prefix + "title", outline.crisis_title(self.data, section)), "note": spec.note,
                "threats": {"description": spec.threats_label, "sig_value": self.html(prefix + "threats")},
                "mitigations": {"description": spec.mitigations_label, "sig_value": self.html(prefix + "mitigations")},
                "chapters": chapters}
