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

from copdesk.core.template import codes
from copdesk.core.rules import follow_ups, tables
from copdesk.core.records import record
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
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
    return [issue for code in required_codes(t, data) for issue in _missing_one(t, data, code)]


def _missing_one(t: Template, data: ReportData, code: str) -> list[Issue]:
    if _answered(data, code):
        return []
    # an unconfirmed item is not said so here, line after line: the window marks it once, calmly
    return [Issue("missing", code, f"{_label(t, code)} has no answer")]


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
        out += _answer_issues(t, code, answer.text)
    for code, grid in data.tables.items():
        if not hidden(t, code):
            out += _table_issues(t, code, grid)
    return out


def _answer_issues(t: Template, code: str, text: str) -> list[Issue]:
    if not codes.is_answer_code(t, code):
        if hidden(t, code):  # an item the user took out: its answers wait in Template › Hidden items
            return []
        return [Issue("warning", code, "answer to an item this template does not have (kept, not exported)")]
    out = []
    bad = bad_chars(text)
    if bad:
        out.append(Issue("invalid", code, f"holds characters Word cannot hold ({', '.join(bad)}); "
                                          "they will be removed on export"))
    return out + _typed_value(t, code, text)


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
    """An "If yes" answer with text after a No, that nobody decided to keep (core.rules.follow_ups)."""
    held = set(follow_ups.withheld(t, data))
    return [_follow_up_issue(question, code) for question, code in follow_ups.contradicted(t, data) if code in held]


def _follow_up_issue(question: str, code: str) -> Issue:
    return Issue("warning", code, f"holds text, but question {question[-1]} is answered “No”: keep the text or "
                                  "clear it (the export leaves it out until you decide)")


def _follow_up_one(t: Template, data: ReportData, code: str) -> list[Issue]:
    """_follow_ups for the one answer `code`."""
    m = re.match(r"^(Commitment \d+) (Q\d)$", code)
    question = t.question(m.group(2)) if m else None
    if question is None or not question.follows:
        return []
    before = f"{m.group(1)} {question.follows}"
    texts = {code: data.text(code), before: data.text(before)}
    return [_follow_up_issue(before, code)] if follow_ups.withheld_texts(t, texts, follow_ups.kept(data.meta)) else []


def validate(t: Template, data: ReportData) -> list[Issue]:
    """All issues of a report, in template order for missing items."""
    return _missing(t, data) + _values(t, data) + _period(data) + _follow_ups(t, data)


def code_issues(t: Template, data: ReportData, code: str, required: set[str]) -> list[Issue]:
    """What `validate` says about one answer code, in the same order (`required`: set(required_codes(...))).
    The window re-checks only the codes an edit touches (see `touched_by`), not the whole report."""
    out = _missing_one(t, data, code) if code in required else []
    if code in data.answers:
        out += _answer_issues(t, code, data.answers[code].text)
    if code in data.tables and not hidden(t, code):
        out += _table_issues(t, code, data.tables[code])
    if code == "header.period_end":
        out += _period(data)
    return out + _follow_up_one(t, data, code)


def touched_by(t: Template, code: str) -> list[str]:
    """The codes whose issues can change when answer `code` changes: itself, the follow-up of a Yes/No
    question (required only after a Yes, contradicted after a No), and the end of the reporting period
    (checked against its start)."""
    out = [code]
    m = re.match(r"^(Commitment \d+) (Q\d)$", code)
    if m:
        out += [f"{m.group(1)} {q.key}" for q in t.questions if q.follows == m.group(2)]
    if code in ("header.period_start", "header.period_end"):
        out.append("header.period_end")
    return list(dict.fromkeys(out))


def is_complete(issues: list[Issue]) -> bool:
    return not any(i.severity in BLOCKING for i in issues)
