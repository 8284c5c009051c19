"""Steps in template order, their status, progress and 'next incomplete'."""

from __future__ import annotations

from copdesk.core.rules import wizard


def test_steps_follow_the_template_and_subscriptions(new_report):
    r = new_report(measures=["13.1", "12.3", "39"])
    r.add_crisis_section("Elections 2025")
    keys = [s.key for s in wizard.steps(r.template, r.snapshot())]
    assert keys == ["header", "Chapter III", "Commitment 12", "Measure 12.3", "Commitment 13", "Measure 13.1",
                    "Chapter X", "Commitment 39", "crisis", "Crisis 1"]


def test_statuses(new_report):
    r = new_report(measures=["12.1", "39"])
    st = wizard.statuses(r.template, r.snapshot())
    assert st["Measure 12.1"] == wizard.EMPTY and st["Commitment 12"] == wizard.EMPTY
    r.set_text("Commitment 12 Q1", "No")
    assert wizard.statuses(r.template, r.snapshot())["Commitment 12"] == wizard.IN_PROGRESS
    r.set_text("Commitment 12 Q3", "No")
    r.set_text("QRE 12.1.1", "done")
    st = wizard.statuses(r.template, r.snapshot())
    assert st["Commitment 12"] == wizard.COMPLETE and st["Measure 12.1"] == wizard.COMPLETE
    assert st["Chapter III"] == wizard.COMPLETE and st["Chapter X"] == wizard.EMPTY
    r.set_text("QRE 12.1.1", "old text", status="carried")
    st = wizard.statuses(r.template, r.snapshot())
    assert st["Measure 12.1"] == wizard.CARRIED and st["Chapter III"] == wizard.CARRIED


def test_progress_and_next_incomplete(new_report):
    r = new_report(measures=["12.1", "39"])
    for code in ("Commitment 12 Q1", "Commitment 12 Q3"):
        r.set_text(code, "No")
    data = r.snapshot()
    assert wizard.progress(r.template, data)["Chapter III"] == (1, 2)
    assert wizard.next_incomplete(r.template, data, "header") == "Measure 12.1"
    assert wizard.next_incomplete(r.template, data, "Measure 12.1") == "Commitment 39"
    assert wizard.next_incomplete(r.template, data, "Commitment 39") == "header"


def test_step_of():
    assert wizard.step_of("QRE 12.1.1") == "Measure 12.1"
    assert wizard.step_of("Commitment 12 Q3") == "Commitment 12"
    assert wizard.step_of("header.title") == "header"
    assert wizard.step_of("Crisis 2/SLI 16.1.1") == "Crisis 2"
