"""The window's checks and statuses after an edit (core/rules/live.py): re-checking only what an edit touches
gives exactly what checking the whole report again gives, and says which steps and checks changed."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk.core.rules import follow_ups, wizard
from copdesk.core.template.forms import load_template
from copdesk.core.imports.copdesk_json import from_dict, read_json_file
from copdesk.core.rules.live import LiveReport, group
from copdesk.core.model import Answer
from copdesk.core.rules.validate import validate

T = load_template()


def sample():
    from copdesk import paths
    return from_dict(read_json_file(paths.resources_dir() / "sample" / "kestrel-video-2026-03.json"))


DATA = sample()
CODES = sorted({c for s in wizard.steps(T, DATA) for c in s.codes} | {"header.period_start", "header.period_end",
                                                                     "QRE 99.9.9"})
TEXTS = ["", "Yes", "No", "yes.", "Some prose", "2025-01-01", "2024-13-40", "bell\x07", "   ", "N/A"]
GRIDS = [None, [["Member State", "n"], ["Austria", "12"]], [["Member State", "n"], ["Atlantis", "x"]],
         [["Member State", "n"], ["Austria", "1"], ["Total EU", "5"]]]


FOLLOW_UPS = sorted(c for c in CODES if c.startswith("Commitment ") and c.endswith((" Q2", " Q4")))


@st.composite
def edits(draw):
    out = []
    kept: set[str] = set()
    for _ in range(draw(st.integers(1, 12))):
        code = draw(st.sampled_from(CODES))
        if code.split("/")[-1].startswith("SLI ") and draw(st.booleans()):
            out.append(({}, {code: draw(st.sampled_from(GRIDS))}, None))
        elif FOLLOW_UPS and draw(st.integers(0, 5)) == 0:  # keep (or stop keeping) an "If yes" text after a No
            code = draw(st.sampled_from(FOLLOW_UPS))
            kept ^= {code}
            meta = {**DATA.meta, follow_ups.META_KEY: json.dumps(sorted(kept))}
            out.append(({code: DATA.answers.get(code)}, {}, meta))
        else:
            text = draw(st.sampled_from(TEXTS))
            status = draw(st.sampled_from(["", "", "carried"]))
            out.append(({code: Answer(code, text, status=status) if text else None}, {}, None))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_one_change_at_a_time_gives_what_the_whole_report_gives(changes):
    live = LiveReport(T, DATA)
    for answers, tables, meta in changes:
        statuses, progress = dict(live.statuses), dict(live.progress)
        issues = {c: list(i) for c, i in live.issues.items()}
        if answers and next(iter(answers)) in FOLLOW_UPS and meta is not None:
            answers = {c: live.data.answers.get(c) for c in answers}  # the text stays as it is now
        delta = live.apply(answers, tables, meta)
        fresh = LiveReport(T, live.data)
        assert live.statuses == fresh.statuses and live.progress == fresh.progress
        assert live.issues == group(validate(T, live.data))
        assert [(s.key, s.label) for s in live.steps] == [(s.key, s.label) for s in fresh.steps]
        moved = {k for k in fresh.statuses if fresh.statuses[k] != statuses.get(k)} | \
                {k for k in fresh.progress if fresh.progress[k] != progress.get(k)}
        assert moved <= set(delta.steps)
        assert {c for c in set(issues) | set(live.issues) if issues.get(c, []) != live.issues.get(c, [])} == \
            set(delta.checks)


def test_a_sub_section_title_is_its_steps_label():
    live = LiveReport(T, DATA)
    key = next(s.key for s in live.steps if s.kind == "crisis_section")
    code = f"{key}/title"
    delta = live.apply({code: Answer(code, "Elections 2027")}, {})
    assert key in delta.steps and live.by_key[key].label == "Elections 2027"
