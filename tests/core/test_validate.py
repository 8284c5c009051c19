"""validate() lists exactly the missing items, and flags values that will not do."""

from __future__ import annotations

from copdesk.core.rules.tables import check_table, parse_number
from copdesk.core.rules.validate import is_complete, validate


def _issues(r):
    return validate(r.template, r.snapshot())


def _fill_header(r):
    for code, value in {"header.period_start": "2025-01-01", "header.period_end": "2025-12-31",
                        "header.description": "We are an example."}.items():
        r.set_text(code, value)


def test_new_report_lists_exactly_the_missing_items(new_report):
    r = new_report(measures=["12.1", "12.3", "39"])
    missing = [i.code for i in _issues(r) if i.severity == "missing"]
    assert missing == ["header.period_start", "header.period_end", "header.description",
                       "Commitment 12 Q1", "Commitment 12 Q3", "QRE 12.1.1", "QRE 12.3.1",
                       "Commitment 39 Q1", "Commitment 39 Q3"]


def test_follow_up_is_required_only_after_yes(new_report):
    r = new_report(measures=["39"])
    _fill_header(r)
    r.set_text("Commitment 39 Q1", "Yes")
    r.set_text("Commitment 39 Q3", "No")
    assert [i.code for i in _issues(r) if i.severity == "missing"] == ["Commitment 39 Q2"]
    r.set_text("Commitment 39 Q2", "A new policy.")
    issues = _issues(r)
    assert is_complete(issues) and issues == []


def test_na_counts_as_an_answer_blank_does_not(new_report):
    r = new_report(measures=["13.3"])
    r.set_text("QRE 13.3.1", "N/A")
    r.set_text("Commitment 13 Q1", "   ")
    missing = {i.code for i in _issues(r) if i.severity == "missing"}
    assert "QRE 13.3.1" not in missing and "Commitment 13 Q1" in missing


def test_measure_without_elements_needs_its_own_answer(new_report, template):
    bare = next(m for m in template.measures() if not m.elements)
    r = new_report(measures=[bare.number])
    assert bare.code in {i.code for i in _issues(r) if i.severity == "missing"}


def test_sli_answered_by_table_alone(new_report):
    r = new_report(measures=["16.1"])
    r.set_table("SLI 16.1.1", [["Member State", "n"], ["Austria", "3"]])
    assert "SLI 16.1.1" not in {i.code for i in _issues(r) if i.severity == "missing"}


def test_control_characters_are_flagged_as_invalid(new_report):
    r = new_report()
    r.set_text("QRE 12.1.1", "bell\x07 and form feed\x0c")
    bad = [i for i in _issues(r) if i.code == "QRE 12.1.1"]
    assert bad[0].severity == "invalid" and "U+0007" in bad[0].message and "U+000C" in bad[0].message
    assert r.text("QRE 12.1.1") == "bell\x07 and form feed\x0c"


def test_prose_where_yes_no_expected_is_a_warning(new_report):
    r = new_report(measures=["39"])
    r.set_text("Commitment 39 Q1", "We worked on several projects this year.")
    issue = next(i for i in _issues(r) if i.code == "Commitment 39 Q1")
    assert issue.severity == "warning" and "Yes or No" in issue.message


def test_bad_dates_and_period(new_report):
    r = new_report()
    r.set_text("header.period_start", "1 July 2025")
    assert any(i.code == "header.period_start" and i.severity == "invalid" for i in _issues(r))
    r.set_text("header.period_start", "2025-12-31")
    r.set_text("header.period_end", "2025-07-01")
    assert any(i.code == "header.period_end" and "ends before" in i.message for i in _issues(r))


def test_numbers_as_reports_write_them():
    assert parse_number("1,234") == 1234
    assert parse_number("12.5%") == 12.5
    assert parse_number("1 234 567") == 1234567
    assert parse_number("€ 3.2") == 3.2
    assert parse_number("-") is None and parse_number("N/A") is None and parse_number("about 5") is None


def test_table_checks(template):
    grid = [["Member State", "n"], ["Austria", "1,000"], ["Belgium", "2,000"], ["Atlantis", "5"],
            ["Croatia", "many"], ["Denmark", "-"], ["Total EU", "3,500"]]
    issues = {(i.row, i.col): i.message for i in check_table(template, grid)}
    assert "not a member state" in issues[(3, 0)]
    assert "not a number" in issues[(4, 1)]
    assert "does not match" in issues[(6, 1)]
    grid[-1][1] = "3,000"
    assert (6, 1) not in {(i.row, i.col) for i in check_table(template, grid)}
