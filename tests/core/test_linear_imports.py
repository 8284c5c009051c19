"""Imports grow linearly with what they import (issue 13, point 6), and the HTML fast path that makes them
fast reads exactly what the HTML parser reads.

A Transparency Centre JSON with 100,000 measures the template does not know took 277 s (each new item
was looked for among all the earlier ones), and applying 50,000 saved corrections took minutes (each
change walked the whole template). These are scaling checks, not speed targets (those are printed by
benchmarks/import_unknown_items.py): eight times the items may take about eight times as long (twice
that is allowed for noise), never sixty-four. Both sizes run in the same process one after the other, so
a busy machine slows both alike.
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from copdesk.core.template import yamlfile
from copdesk.core.template.corrections import Corrections, apply_corrections
from copdesk.core.template.forms import load_template, template_files
from copdesk.core.imports.tc_json import read_tc

SMALL, LARGE = 2_000, 16_000  # LARGE / SMALL = 8: linear takes ~8x, quadratic ~64x
LIMIT = 16


def _unknown_measures(n: int) -> dict:
    measures = [{"name": f"Measure 14.{1000 + i}", "code": f"14.{1000 + i}", "description": f"Wording {i}",
                 "sig_value": f"<p>Answer {i}</p>"} for i in range(n)]
    return {"report": {"name": "R", "signatory": "S", "chapters": [{"name": "Integrity of Services", "commitments": [
        {"name": "Commitment 14", "code": "14", "measures": measures}]}]}}


def _seconds(fn, *args) -> float:
    best = float("inf")
    for _ in range(2):  # the better of two: a pause of the machine is not the algorithm
        started = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - started)
    return best


def test_unknown_items_import_in_linear_time():
    t = load_template()
    small, large = _unknown_measures(SMALL), _unknown_measures(LARGE)
    result = read_tc(large, t, "large.json")
    assert len(result.new_items) == LARGE
    ratio = _seconds(read_tc, large, t, "large.json") / _seconds(read_tc, small, t, "small.json")
    print(f"{LARGE} / {SMALL} unknown items: {ratio:.1f} times as long")
    assert ratio < LIMIT, f"{LARGE} items took {ratio:.1f} times as long as {SMALL}"


def _corrections(n: int) -> list[Corrections]:
    changes = tuple({"add": {"code": f"Measure 14.{1000 + i}", "status": "unconfirmed"}, "under": "Commitment 14"}
                    for i in range(n))
    renames = tuple({"code": f"Measure 14.{1000 + i}", "rename": f"Measure 14.{900_000 + i}"} for i in range(0, n, 2))
    return [Corrections("big.yaml", "", "coc-2025-03", changes + renames)]


def test_saved_corrections_apply_in_linear_time():
    raw = yamlfile.read(next(f for f in template_files() if f.stem == "coc-2025-03"))[0]
    small, large = _corrections(SMALL // 5), _corrections(LARGE // 5)
    fixed, _ = apply_corrections(raw, large)
    measures = [m["code"] for ch in fixed["chapters"] for c in ch["commitments"] for m in c.get("measures") or []]
    assert f"Measure 14.{900_000 + 2}" in measures and f"Measure 14.{1000 + 3}" in measures
    ratio = _seconds(apply_corrections, raw, large) / _seconds(apply_corrections, raw, small)
    print(f"{LARGE // 5} / {SMALL // 5} corrections: {ratio:.1f} times as long")
    assert ratio < LIMIT, f"{LARGE // 5} corrections took {ratio:.1f} times as long as {SMALL // 5}"

_TEXT = st.lists(st.sampled_from(list("ab *_[]\\-1.\n\t ") + ["é", "\u00a0", "https://x.eu", "1. ", "- "]),
                 max_size=15).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.lists(st.tuples(st.sampled_from(["", " ", "\n"]), _TEXT), min_size=1, max_size=4).map(
    lambda ps: "".join(f"{gap}<p>{t}</p>" for gap, t in ps))))
def test_the_html_fast_path_gives_what_the_parser_gives(html):
    """Plain text and <p> paragraphs of plain text skip the HTML parser (most answers of the online form):
    the Markdown and the plain text must be exactly the parser's."""
    from copdesk.core.markdown import html as html_md, dialect as markdown
    parsed = html_md._parsed(html)
    expected_md = markdown.write(parsed.blocks) if html.strip() else ""
    assert html_md.to_markdown(html) == expected_md
    assert html_md.to_text(html) == html_md._SPACE.sub(" ", " ".join(parsed.plain)).strip()
