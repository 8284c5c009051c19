"""What a report still lacks and what it holds that will not do. Plain data in, a list of issues out.

Severity:
- "missing": a required answer of a subscribed item is blank;
- "invalid": a value that cannot go into the filed report as it is (bad date, characters Word cannot hold);
- "warning": worth a look, but the report can be filed (prose where Yes/No was expected, a table cell
  that is not a number, a total that does not add up, an answer to an item no longer in the template).
A report is complete when it has no "missing" and no "invalid" issue. "N/A" counts as an answer.
"""

from __future__ import annotations

import re
from datetime import date

from copdesk.core import codes, follow_ups, tables
from copdesk.core.records import record
from copdesk.core.report import ReportData
from copdesk.core.template import Template
from copdesk.core.text import bad_chars, is_blank

BLOCKING = ("missing", "invalid")
YES_NO = r"^\s*(yes|no|n/?a|not applicable)\b[\s.!]*$"  # case-insensitive; compiled at first use


@record
class Issue:
    severity: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"severity": self.severity, "code": self.code, "message": self.message}


def required_codes(t: Template, data: ReportData) -> list[str]:
    """Every answer code the report must fill, in template order."""
    out = [f.code for f in t.header if f.required]
    for commitment in t.commitments():
        if commitment.code not in data.subscriptions:
            continue
        for q in t.questions:
            if not q.follows or _is_yes(data.text(f"{commitment.code} {q.follows}")):
                out.append(f"{commitment.code} {q.key}")
        for measure in commitment.measures:
            if measure.code in data.subscriptions:
                out += [e.code for e in t.elements_for(measure)] or [measure.code]
    for section in data.crisis:
        out += [f"Crisis {section.id}/{part}" for part in codes.CRISIS_PARTS]
    return list(dict.fromkeys(out))  # a QRE that covers two signed measures is answered once


def _is_yes(text: str) -> bool:
    return text.strip().lower().rstrip(".!") == "yes"


def _answered(data: ReportData, code: str) -> bool:
    return not is_blank(data.text(code)) or bool(data.tables.get(code))


def _missing(t: Template, data: ReportData) -> list[Issue]:
    out = []
    for code in required_codes(t, data):
        if not _answered(data, code):
            # an unconfirmed item is not said so here, line after line: the window marks it once, calmly
            out.append(Issue("missing", code, f"{_label(t, code)} has no answer"))
    return out


def _label(t: Template, code: str) -> str:
    if code.startswith("header."):
        field = t.header_field(code[7:])
        return field.label if field else code
    m = re.match(r"^Commitment \d+ (Q\d)$", code)
    question = t.question(m.group(1)) if m else None
    if question:
        text = question.text if len(question.text) < 60 else question.text[:57].rsplit(" ", 1)[0] + "…"
        return f'{code} ("{text}")'
    return code


def _values(t: Template, data: ReportData) -> list[Issue]:
    out = []
    for code, answer in data.answers.items():
        if not codes.is_answer_code(t, code):
            if not hidden(t, code):  # an item the user took out: its answers wait in Template › Hidden items
                out.append(Issue("warning", code, "answer to an item this template does not have (kept, not exported)"))
            continue
        bad = bad_chars(answer.text)
        if bad:
            out.append(Issue("invalid", code, f"holds characters Word cannot hold ({', '.join(bad)}); "
                                              "they will be removed on export"))
        out += _typed_value(t, code, answer.text)
    for code, grid in data.tables.items():
        if hidden(t, code):
            continue
        out += _table_issues(t, code, grid)
    return out


_TABLES: dict[tuple, list[Issue]] = {}  # (template, code, cells) -> issues: the window checks after every save


def _table_issues(t: Template, code: str, grid) -> list[Issue]:
    """The issues of one table, remembered for the same cells (checking 88 member-state tables again after
    each save was most of a platform report's checks)."""
    key = (id(t), code, tuple(map(tuple, grid)))
    found = _TABLES.get(key)
    if found is None:
        found = []
        bad = sorted({b for row in grid for cell in row if cell for b in bad_chars(cell)})
        if bad:
            found.append(Issue("invalid", code, f"table holds characters Word cannot hold ({', '.join(bad)})"))
        for cell in tables.check_table(t, grid):
            found.append(Issue("warning", code, f"row {cell.row + 1}, column {cell.col + 1}: {cell.message}"))
        if len(_TABLES) > 2000:
            _TABLES.clear()
        _TABLES[key] = found
    return list(found)


def hidden(t: Template, code: str) -> bool:
    """Is answer `code` under an item a user correction took out of the template ("Not in my template")?"""
    base = code.split("/")[-1]
    base = re.sub(r" Q\d$", "", base) if base.startswith("Commitment ") else base
    return base in t.hidden


def _typed_value(t: Template, code: str, text: str) -> list[Issue]:
    if is_blank(text):
        return []
    m = re.match(r"^Commitment \d+ (Q\d)$", code)
    if m and t.question(m.group(1)) and t.question(m.group(1)).kind == "yes_no" and not re.match(YES_NO, text, re.I):
        return [Issue("warning", code, "expected Yes or No; the answer is prose")]
    field = t.header_field(code[7:]) if code.startswith("header.") else None
    if field and field.kind == "date":
        try:
            date.fromisoformat(text.strip())
        except ValueError:
            return [Issue("invalid", code, f"'{text}' is not a date (write it as YYYY-MM-DD)")]
    if field and field.kind == "choice" and text not in dict(field.choices):
        return [Issue("invalid", code, f"'{text}' is not one of: {', '.join(dict(field.choices))}")]
    return []


def _period(data: ReportData) -> list[Issue]:
    start, end = data.text("header.period_start").strip(), data.text("header.period_end").strip()
    try:
        if start and end and date.fromisoformat(start) > date.fromisoformat(end):
            return [Issue("invalid", "header.period_end", "the reporting period ends before it starts")]
    except ValueError:
        pass
    return []


def _follow_ups(t: Template, data: ReportData) -> list[Issue]:
    """An "If yes" answer with text after a No, that nobody decided to keep (core.follow_ups)."""
    held = set(follow_ups.withheld(t, data))
    return [Issue("warning", code, f"holds text, but question {question[-1]} is answered “No”: keep the text or "
                                   "clear it (the export leaves it out until you decide)")
            for question, code in follow_ups.contradicted(t, data) if code in held]


def validate(t: Template, data: ReportData) -> list[Issue]:
    """All issues of a report, in template order for missing items."""
    return _missing(t, data) + _values(t, data) + _period(data) + _follow_ups(t, data)


def is_complete(issues: list[Issue]) -> bool:
    return not any(i.severity in BLOCKING for i in issues)
