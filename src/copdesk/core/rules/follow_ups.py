"""An "If yes…" answer left with text after its question was answered "No": kept, flagged, exported only
once the user decides.

Each commitment asks two Yes/No questions, each followed by an "If yes…" question (Q1 then Q2, Q3 then
Q4). Someone who first answered Yes and wrote the follow-up, then changed to No, leaves text that
contradicts the answer. copdesk never drops what was typed: the text stays in the report, the checks and
the page say so, and the export (Word, PDF, Transparency Centre JSON) leaves it out until the user either
clears it or keeps it. "Keep" is a decision about that answer, stored in the report's meta table
(`follow_ups_kept`, a JSON list of answer codes) with a history row, so a kept text is printed after the
"No" and no longer flagged.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
from copdesk.core.text import is_blank

META_KEY = "follow_ups_kept"
_NOT_YES = ("no", "n/a", "na", "not applicable")
_NOTHING = ("none", "nothing", "-", "\u2013", "\u2014", "not relevant")
_QUESTION = r"^(Commitment \d+) (Q\d)$"


def is_no(text: str) -> bool:
    """True for an answer that says no (No, N/A, "not applicable"), whatever its case or full stop."""
    return text.strip().rstrip(".!").strip().lower() in _NOT_YES


def says_nothing(text: str) -> bool:
    """A follow-up that only says there is nothing to say ("No", "N/A", "None", "-"), as filed reports write
    after a No: it agrees with the No, so it is no contradiction."""
    return is_no(text) or text.strip().rstrip(".").strip().lower() in _NOTHING


def kept(meta: dict[str, str]) -> frozenset[str]:
    """Follow-up answers the user chose to keep after a No."""
    try:
        codes = json.loads(meta.get(META_KEY) or "[]")
    except ValueError:
        return frozenset()
    return frozenset(c for c in codes if isinstance(c, str)) if isinstance(codes, list) else frozenset()


def contradicted(t: Template, data: ReportData) -> list[tuple[str, str]]:
    """(question code, follow-up code) for each "If yes…" answer holding text after a No, in report order."""
    return contradicted_texts(t, {code: a.text for code, a in data.answers.items()})


def contradicted_texts(t: Template, answers: dict[str, str]) -> list[tuple[str, str]]:
    """contradicted() over answer texts by code."""
    follows = {q.key: q.follows for q in t.questions if q.follows}
    out = []
    for code, text in answers.items():
        m = re.match(_QUESTION, code)
        if m and m.group(2) in follows and not is_blank(text) and not says_nothing(text):
            question = f"{m.group(1)} {follows[m.group(2)]}"
            if is_no(answers.get(question, "")):
                out.append((question, code))
    return sorted(out, key=lambda pair: (int(pair[1].split()[1]), pair[1]))


def withheld(t: Template, data: ReportData) -> list[str]:
    """Follow-up codes the export leaves out: text after a No that nobody decided to keep."""
    return withheld_texts(t, {code: a.text for code, a in data.answers.items()}, kept(data.meta))


def withheld_texts(t: Template, answers: dict[str, str], keep: frozenset[str]) -> list[str]:
    """withheld() over answer texts by code and the codes the user chose to keep."""
    return [code for _, code in contradicted_texts(t, answers) if code not in keep]


def for_export(t: Template, data: ReportData) -> tuple[ReportData, list[str]]:
    """`data` without the withheld follow-ups, and a warning for each."""
    held = withheld(t, data)
    if not held:
        return data, []
    answers = {c: a for c, a in data.answers.items() if c not in held}
    return replace(data, answers=answers), [
        f"{code}: left out, because the question before it is answered \u201cNo\u201d; keep or clear its text in "
        "copdesk" for code in held]


def set_kept(report, code: str, keep: bool) -> bool:
    """Record (or withdraw) the decision to keep `code`'s text after a No; False when nothing changed.
    One transaction with its history row (Report.set_follow_ups_kept); refused while the report is frozen."""
    current = kept(report.meta)
    if (code in current) == keep:
        return False
    report.set_follow_ups_kept(sorted(current | {code}) if keep else sorted(current - {code}), code, keep)
    return True
