"""A fictional platform's report in the Transparency Centre's published JSON shape (`/reports/{slug}/5/json`),
written for copdesk's tests: it signed everything, and every description is invented here ("Fictional
official text of ..."), never the Code's.

The shape follows shared/reference/structure-evidence.md ("TC JSON shape"): a top-level report object
(`id`, `name`, `published`, `publish_date`, `type`, `chapters`); chapters and commitments either as lists or
as objects keyed by their position in the full template (PHP's json_encode once unsigned ones are dropped);
commitments with `code` as a string, `field_type` "0", `order`, `sig_value` and `specialMeasures` (the
signed list first, `field_type` "measures_list", then the four questions); measures with `qres` and `slis`,
an SLI with `field_type` "table" and its table as a JSON string in `table_value`; answers as HTML in
`sig_value`.
"""

from __future__ import annotations

import json

TC_CHAPTER_NAMES = {"Chapter II": "Advertising", "Chapter III": "Political Advertising",
                    "Chapter IV": "Integrity of Services", "Chapter V": "Empowering Users",
                    "Chapter VI": "Empowering Researchers", "Chapter VII": "Empowering fact-checkers",
                    "Chapter VIII": "Transparency Centre", "Chapter IX": "Permanent Task-force",
                    "Chapter X": "Monitoring of the Code"}
NEW_QRE = "QRE 30.1.2"  # a QRE this fictional report shows and the bundled template lacks
SLI_LABEL = "SLI 30.1.1 - agreements in place"
TABLE = [["Country", "Agreements", "Languages"], ["Austria", "2", "1"], ["Belgium", "-", ""], ["Total EU", "2", "N/A"]]


def wording(code: str) -> str:
    return f"Fictional official text of {code}, as the published report prints it (test fixture)."


def _stamp(i: int) -> dict:
    return {"report_id": 5, "created_at": f"2025-03-0{1 + i % 9}T10:00:00.000000Z",
            "updated_at": "2025-03-20T10:00:00.000000Z"}


def _element(e, n: int, kind: str) -> dict:
    node = {"id": 9000 + n, "name": e.code, "code": e.number, "description": f"<p>{wording(e.code)}</p>",
            "sig_value": f"<p>Our answer to {e.code}.</p>"}
    if kind == "sli":
        node.update(field_type="table", table_value=json.dumps(TABLE))
        if e.code == "SLI 30.1.1":
            node["name"] = SLI_LABEL
    return node


def _measure(t, m, n: int) -> dict:
    qres = [_element(e, n * 10 + i, "qre") for i, e in enumerate(m.qres)]
    if m.code == "Measure 30.1":
        qres.append({"id": 99999, "name": NEW_QRE, "code": "30.1.2", "description": f"<p>{wording(NEW_QRE)}</p>",
                     "sig_value": "<p>An element the template lacks.</p>"})
    return {"id": 5000 + n, "name": m.code, "code": m.number, "description": f"<p>{wording(m.code)}</p>",
            "sig_value": f"<p>Our answer to {m.code}.</p>", "qres": qres,
            "slis": [_element(e, n * 10 + i, "sli") for i, e in enumerate(m.slis)]}


def _commitment(t, c, chapter_id: int) -> dict:
    n = c.n
    special = [{"id": 1000 + n, "name": "Signed Measures", "code": f"sm{n}.1", "description": t.signed_measures_label,
                "report_id": 5, "commitment_id": 200 + n, "field_type": "measures_list", "order": 1,
                "sig_value": " ".join(m.code for m in c.measures), "type_id": 3786}]
    for i, q in enumerate(t.questions, start=2):
        special.append({"id": 1000 + n * 10 + i, "name": q.key, "code": f"sm{n}.{i}", "description": q.text,
                        "report_id": 5, "commitment_id": 200 + n, "field_type": "yes_no" if q.kind == "yes_no" else "text",
                        "order": i, "sig_value": "<p>No</p>", "type_id": 3786})
    return {"id": 200 + n, "name": c.code, "code": str(n), "description": f"<p>{wording(c.code)}</p>",
            **_stamp(n), "field_type": "0", "order": n, "chapter_id": chapter_id, "sig_value": "",
            "type_id": 96, "specialMeasures": special,
            "measures": [_measure(t, m, int(m.number.replace(".", ""))) for m in c.measures]}


def published_report(t, as_objects: bool = True, only: tuple[str, ...] | None = None) -> dict:
    """The whole report; `only` keeps those commitments (their chapters keep their full-template positions)."""
    chapters = {}
    for pos, chapter in enumerate(t.chapters):
        kept = {str(i): _commitment(t, c, 41 + pos) for i, c in enumerate(chapter.commitments)
                if only is None or c.code in only}
        if not kept:
            continue
        commitments = kept if as_objects else list(kept.values())
        chapters[str(pos)] = {"id": 41 + pos, "name": TC_CHAPTER_NAMES[chapter.code], **_stamp(pos),
                              "commitments": commitments}
    return {"id": 5, "name": "March 2025", "published": 1, "publish_date": "2025-03-25T12:00:00.000000Z",
            "created_at": "2025-01-10T09:00:00.000000Z", "updated_at": "2025-03-25T12:00:00.000000Z", "type": 1,
            "chapters": chapters if as_objects else list(chapters.values())}


def write(path, t, **kwargs):
    path.write_text(json.dumps(published_report(t, **kwargs), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
