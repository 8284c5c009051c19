"""The checks as a to-do list (grouped, in words) and find across the report (plain text, report order)."""

from __future__ import annotations

from copdesk.core.rules import checklist, find
from copdesk.core.rules.validate import validate

SLI_TABLE = [["Member State", "Items removed"], ["Austria", "10"], ["Belgium", "lots"], ["Total EU", "99"]]


def test_checks_grouped_by_chapter_and_item_in_words(new_report, template):
    r = new_report(measures=["14.1", "10.1", "2.1"])
    r.set_table("SLI 14.1.1", SLI_TABLE)
    r.set_text("header.period_start", "next spring")
    data = r.snapshot()
    sections = checklist.checklist(template, data, validate(template, data))
    assert [s.title for s in sections] == ["Report header", "Advertising", "Political Advertising",
                                           "Integrity of Services"]  # the report's order
    header = sections[0].groups[0]
    texts = [e.text for e in header.entries]
    assert "Organisation description is empty" in texts  # not "header.description"
    assert [e.severity for e in header.entries] == sorted((e.severity for e in header.entries),
                                                          key=checklist.SEVERITIES.index)
    assert any(t.startswith("Reporting period start: 'next spring' is not a date") for t in texts)
    integrity = sections[-1]
    assert [g.label for g in integrity.groups] == ["Commitment 14", "Measure 14.1"]
    questions = [e.text for e in integrity.groups[0].entries]
    assert questions[0].startswith("Question 1 is empty (\u201cIn line with this commitment")
    table = [e for e in integrity.groups[1].entries if "table" in e.text]
    assert {e.target for e in table} == {"SLI 14.1.1@2,1", "SLI 14.1.1@3,1"}
    belgium = next(e for e in table if e.target == "SLI 14.1.1@2,1")
    assert belgium.severity == "warning" and belgium.text.startswith("SLI 14.1.1 table, Belgium / Items removed:")
    for section in sections:  # a code is never printed twice in one entry
        for group in section.groups:
            for e in group.entries:
                code = e.target.split("@")[0]
                assert e.text.count(code) <= 1, e.text


def test_find_in_report_order_as_plain_text(new_report, template):
    r = new_report(measures=["10.1", "2.1"])
    r.set_text("QRE 10.1.1", "Our **policy** on [political ads](https://example.org/ads) changed.")
    r.set_text("QRE 2.1.1", "The policy on demonetisation; policy again.")
    r.set_text("Commitment 2 Q1", "Yes")
    r.set_table("SLI 2.1.1", [["Member State", "Policy strikes"], ["Austria", "3 (policy)"]])
    hits = find.search(template, r.snapshot(), "POLICY")
    assert [h.target for h in hits] == ["QRE 2.1.1", "SLI 2.1.1@0,1", "SLI 2.1.1@1,1", "QRE 10.1.1"]
    assert hits[0].count == 2 and hits[0].step == "Measure 2.1"
    assert hits[3].snippet == "Our policy on political ads changed."  # no ** and no link address
    assert hits[2].where == "SLI 2.1.1 table, Austria / Policy strikes"
    assert find.search(template, r.snapshot(), "political ads")[0].target == "QRE 10.1.1"  # across the markup
    assert find.search(template, r.snapshot(), "  ") == []


def test_a_long_answer_gives_a_short_snippet_on_one_line(new_report, template):
    r = new_report(measures=["10.1"])
    r.set_text("QRE 10.1.1", "word " * 200 + "\n\n- needle in a list\n- more " + "word " * 200)
    hit = find.search(template, r.snapshot(), "needle")[0]
    assert "\n" not in hit.snippet and hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 120 and "needle in a list" in hit.snippet
