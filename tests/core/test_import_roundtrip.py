"""import(export(report)) == report, field for field, for generated reports (Word and Transparency Centre JSON).

Reports are generated in the canonical form the importers write (core.markdown.dialect): Markdown with escapes,
bold, italic, links, soft breaks, nested bullets and numbered lists; rectangular SLI tables with
untyped cells; crisis sub-sections whose chosen measures and chapters have answers of their own.
Not compared: meta, history and timestamps (a new report gets new ones), and header.kind and
header.services, which neither export writes (the Word export prints signatory, title and period only),
and an "If yes" answer after a No that the user did not keep, which the exports leave out (core.rules.follow_ups).
"""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk.core.rules import follow_ups
from copdesk.core.markdown import dialect as markdown
from copdesk.core.markdown.dialect import Block, Run
from copdesk.core.exports.word import build_docx
from copdesk.core.imports.word import read_docx
from copdesk.core.template.forms import load_template
from copdesk.core.imports.result import corrections_doc
from copdesk.core.exports.copdesk_json import to_dict
from copdesk.core.model import Answer, CrisisSection, ReportData
from copdesk.core.exports.tc_json import to_tc
from copdesk.core.imports.tc_json import read_tc

T = load_template()
WORDS = ["alpha", "beta", "gamma", "Kestrel", "1,234", "12.5%", "a*b", "x_y", "[note]", "C:\\path", "<b>", "-",
         "2024.", "é", "N/A", "Total", "(see", "below)", "#tag", "`code`", "1)", "+", "&amp;"]
COMMITMENTS = [c for c in T.commitments() if c.n in (1, 12, 13, 14, 16, 17, 39)]
CRISIS_MEASURES = [m for m in T.measures() if m.code in ("Measure 16.1", "Measure 16.2", "Measure 17.2", "Measure 14.2")]


@st.composite
def words(draw, min_size=1, max_size=4):
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size)))


@st.composite
def paragraph_md(draw):
    segments = []
    for i in range(draw(st.integers(1, 4))):
        if i:
            segments.append(Run(draw(st.sampled_from([" ", " ", " ", "\n"]))))
        kind = draw(st.sampled_from(["plain", "plain", "bold", "italic", "both", "link"]))
        text = draw(words())
        link = f"https://example.org/p{draw(st.integers(1, 9))}" if kind == "link" else ""
        segments.append(Run(text, kind in ("bold", "both"), kind in ("italic", "both"), link))
    return tuple(segments)


@st.composite
def answer_md(draw):
    blocks, level, numbers = [], -1, {}
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["p", "p", "bullet", "number"]))
        if kind == "p":
            blocks.append(Block("p", draw(paragraph_md())))
            level, numbers = -1, {}
            continue
        level = draw(st.integers(0, level + 1)) if level >= 0 else 0
        numbers = {k: v for k, v in numbers.items() if k < level or (k == level and v[0] == kind)}
        n = numbers.get(level, (kind, 0))[1] + 1
        numbers[level] = (kind, n)
        blocks.append(Block(kind, draw(paragraph_md()), level, n))
    return markdown.write(blocks)


@st.composite
def grid(draw):
    cols = draw(st.integers(2, 4))
    header = ["Member State"] + [draw(words(1, 2)) for _ in range(cols - 1)]
    rows = [header]
    for state in draw(st.lists(st.sampled_from(T.member_states + T.total_rows), min_size=1, max_size=4, unique=True)):
        rows.append([state] + [draw(st.one_of(st.none(), st.sampled_from(["1,234", "-", "N/A", "12.5%", "0"])))
                               for _ in range(cols - 1)])
    return rows


@st.composite
def reports(draw) -> ReportData:
    answers: dict[str, str] = {"header.signatory": draw(words(1, 3)), "header.title": "Report " + draw(words(1, 2))}
    tables: dict[str, list] = {}
    if draw(st.booleans()):
        answers["header.description"] = draw(answer_md())
    if draw(st.booleans()):
        answers["header.period_start"], answers["header.period_end"] = "2025-07-01", "2025-12-31"
    subs: set[str] = set()
    for c in draw(st.lists(st.sampled_from(COMMITMENTS), min_size=1, max_size=3, unique_by=lambda c: c.code)):
        subs.add(c.code)
        for q in T.questions:
            if draw(st.booleans()):
                answers[f"{c.code} {q.key}"] = draw(st.one_of(st.sampled_from(["Yes", "No"]), answer_md()))
        for m in c.measures:
            if not draw(st.booleans()):
                continue
            subs.add(m.code)
            for code in [m.code] + [e.code for e in m.elements]:
                if draw(st.booleans()):
                    answers[code] = draw(answer_md())
                if code.startswith("SLI ") and draw(st.booleans()):
                    tables[code] = draw(grid())
    crisis = []
    for sid in range(1, draw(st.integers(0, 2)) + 1):
        answers[f"Crisis {sid}/title"] = "Elections " + draw(words(1, 2))
        for part in ("threats", "mitigations"):
            if draw(st.booleans()):
                answers[f"Crisis {sid}/{part}"] = draw(answer_md())
        items: list[str] = []
        for m in draw(st.lists(st.sampled_from(CRISIS_MEASURES), max_size=2, unique_by=lambda m: m.code)):
            chapter = T.chapter_of(m.code).code
            for code in (chapter, m.code):  # a heading that is chosen has an answer of its own
                if code not in items:
                    items.append(code)
                    answers[f"Crisis {sid}/{code}"] = draw(answer_md())
            for e in m.elements:
                if draw(st.booleans()):
                    items.append(e.code)
                    if draw(st.booleans()):
                        answers[f"Crisis {sid}/{e.code}"] = draw(answer_md())
                    if e.kind == "sli" and draw(st.booleans()):
                        tables[f"Crisis {sid}/{e.code}"] = draw(grid())
        order = list(T.index)
        crisis.append(CrisisSection(sid, sid, answers[f"Crisis {sid}/title"], tuple(sorted(items, key=order.index))))
    data = ReportData(meta={}, answers={c: Answer(c, t) for c, t in answers.items() if t.strip()}, tables=tables,
                      subscriptions=frozenset(subs), crisis=tuple(crisis))
    if draw(st.booleans()):  # the user kept every "If yes" text left after a No (else the export leaves them out)
        kept = [code for _, code in follow_ups.contradicted(T, data)]
        data = replace(data, meta={follow_ups.META_KEY: json.dumps(kept)})
    return data


def exported(data: ReportData) -> ReportData:
    """What an export prints of `data`: "If yes" text after a No only when the user kept it."""
    return follow_ups.for_export(T, data)[0]


def comparable(data: ReportData, skip: tuple[str, ...] = ("header.kind", "header.services")) -> dict:
    d = to_dict(data)
    return {"answers": {c: (a["text"], a["status"], a["format"]) for c, a in d["answers"].items() if c not in skip},
            "tables": d["tables"], "subscriptions": d["subscriptions"], "crisis": d["crisis"]}


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(reports())
def test_word_export_then_import_gives_the_report_back(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("rt") / "r.docx"
    path.write_bytes(build_docx(T, data)[0])
    result = read_docx(path, T)
    assert comparable(result.data) == comparable(exported(data))
    assert result.unplaced == [] and result.new_items == []


@PROPERTY
@given(reports())
def test_tc_json_export_then_import_gives_the_report_back(data):
    doc = json.loads(json.dumps(to_tc(T, data)[0]))
    result = read_tc(doc, T, "export.json")
    skip = ("header.kind", "header.services", "header.period_start", "header.period_end")
    assert comparable(result.data, skip) == comparable(exported(data), skip)
    assert result.unplaced == [] and corrections_doc(T, result) is None  # its wording is the template's
    assert all(T.index[code].wording == text for code, text in result.wording.items())


def test_the_sample_report_round_trips_through_word(tmp_path, sample_json):
    from copdesk.core.imports.copdesk_json import from_dict, read_json_file
    data = from_dict(read_json_file(sample_json))
    path = tmp_path / "sample.docx"
    path.write_bytes(build_docx(T, data)[0])
    assert comparable(read_docx(path, T).data) == comparable(data)
