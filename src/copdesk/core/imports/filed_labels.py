"""Recognise the template's fixed text in a filed report: labels, chapter titles, questions, wording.

Filed reports are compared by a loose key (letters and digits only, lower case), so curly quotes, dashes,
double spaces, a missing "?" or an upper-case sub-heading never hide a label. Labels may carry trailing
text after a separator ("SLI 17.2.1 - actions enforcing policies above"); without a separator, a
paragraph that starts with "Measure 12.1 was ..." is prose, unless Word styled it as a heading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from copdesk.core.records import record
from copdesk.core.template.template import Template

_ROMAN_PREFIX = re.compile(r"^\s*(?:chapter\s+)?[ivxlc]+\s*[.:)\-–—]?\s+(?=\S)", re.I)
# Numbers of at most 9 digits: a "Commitment" with 5,000 digits is no label (and int() would refuse it).
_LABEL = re.compile(r"^\s*(commitment|measure|qre|sli)\s*(\d{1,9}(?:\.\d{1,9}){0,2})(?![\d.]*\d)\s*(.*)$",
                    re.I | re.S)
_SEPARATOR = re.compile(r"^[-–—:.|)]\s*")
_REFS = re.compile(r"^(?:(?:measures?\s*)?\d+\.\d+\s*(?:[,;/&]|and)?\s*)+$", re.I)
_REF = re.compile(r"(\d+)\.(\d+)")
_DEPTH = {"commitment": 0, "measure": 1, "qre": 2, "sli": 2}
_NONE = {"", "none", "na", "n/a", "-", "not applicable"}


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The loose comparison key of a text: lower-case letters and digits only (cached: a paragraph is
    compared with several labels)."""
    return re.sub(r"[\W_]+", "", text.lower())


def cut_after(text: str, n: int) -> str:
    """What follows the first `n` key characters of `text` (the answer after an inline question)."""
    return text[cut_index(text, n):]


def cut_index(text: str, n: int) -> int:
    """Where the text after the first `n` key characters of `text` starts (separators skipped)."""
    seen = 0
    for i, ch in enumerate(text):
        if seen == n:
            return len(text) - len(text[i:].lstrip(" \t:?.)-–—"))
        if re.match(r"[^\W_]", ch):
            seen += 1
    return len(text)


@record
class Label:
    code: str  # "Commitment 12", "Measure 12.1", "QRE 12.1.1", "SLI 16.1.1"
    rest: str  # trailing text after the separator


def item_label(text: str, heading: bool) -> Label | None:
    """The item label a paragraph is, or None ("Measure 12.1", "SLI 17.2.1 - actions ...")."""
    m = _LABEL.match(text)
    if not m:
        return None
    word, number, rest = m.group(1).lower(), m.group(2), m.group(3).strip()
    if number.count(".") != _DEPTH[word]:
        return None
    if rest and not heading and not _SEPARATOR.match(rest):
        return None
    code = {"commitment": "Commitment", "measure": "Measure", "qre": "QRE", "sli": "SLI"}[word]
    number = str(int(number)) if word == "commitment" else number
    return Label(f"{code} {number}", _SEPARATOR.sub("", rest))


def measure_refs(text: str) -> list[str] | None:
    """The measures a signed-measures list paragraph names ("Measure 12.1 Measure 12.3", "12.1, 12.3")."""
    if text.strip().lower() in _NONE:
        return []
    if not _REFS.match(text.strip()):
        return None
    return [f"Measure {a}.{b}" for a, b in _REF.findall(text)]


class Labels:
    """The fixed text of one template, keyed for loose comparison."""

    def __init__(self, t: Template):
        self.t = t
        self.chapters = {}
        for ch in t.chapters:
            for name in (ch.title, *ch.aliases, ch.code):
                self.chapters[key(name)] = ch.code
        self.questions = [(key(q.text), q.key) for q in t.questions]
        self.header = {}
        for f in t.header:
            for name in (f.label, *f.aliases):
                self.header[key(name)] = f.key
        self.signed = key(t.signed_measures_label)
        self.crisis_title = key(t.crisis.title)
        self.crisis_note = key(t.crisis.note)
        self.threats, self.mitigations = key(t.crisis.threats_label), key(t.crisis.mitigations_label)
        self.outline = key(t.crisis.outline_prompt)
        self.submitted = key(t.submitted_label)

    def chapter(self, text: str) -> str | None:
        k = key(text)
        if k in self.chapters:
            return self.chapters[k]
        stripped = _ROMAN_PREFIX.sub("", text, count=1)
        return self.chapters.get(key(stripped)) if stripped != text else None

    def question(self, text: str) -> tuple[str, str] | None:
        """(Q key, inline answer) when the paragraph is one of the four questions."""
        k = key(text)
        for qk, q in self.questions:
            if k == qk:
                return q, ""
            if k.startswith(qk) and len(qk) > 20:
                return q, cut_after(text, len(qk))
        return None

    def header_label(self, text: str) -> tuple[str, str] | None:
        """(field key, inline value) for "Your organisation description" or "Report title: ..."."""
        k = key(text)
        if k in self.header:
            return self.header[k], ""
        head, sep, value = text.partition(":")
        if sep and key(head) in self.header and value.strip():
            field = self.t.header_field(self.header[key(head)])
            return field.key, self.header_value(field, value.strip())
        return None

    @staticmethod
    def header_value(field, value: str) -> str:
        """A header value as copdesk stores it: a choice's key ("Platform service" -> platform), ISO dates."""
        if field.kind == "choice":
            return next((k for k, label in field.choices if key(value) in (key(k), key(label))), value)
        return as_date(value) if field.kind == "date" else value

    def is_note(self, text: str) -> bool:
        k = key(text)
        return len(k) > 30 and (self.crisis_note.startswith(k) or k.startswith(self.crisis_note[:60]))


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d/%m/%Y", "%d.%m.%Y")
_PERIOD = re.compile(r"^(?:reporting\s+)?period\s*(?:covered)?\s*[:\-–—]?\s*(?:from\s+)?(.+?)\s+(?:–|—|-|to|until)\s+(.+?)\.?$",
                     re.I)


def as_date(text: str) -> str:
    """"1 July 2025" -> "2025-07-01"; text that is not a date is returned as given."""
    from datetime import datetime
    clean = " ".join(text.replace(",", ", ").split()).replace(" ,", ",").strip(" .")
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(clean, fmt).date().isoformat()
        except ValueError:
            continue
    return text.strip()


def period(text: str) -> tuple[str, str] | None:
    """The two dates of "Reporting period: 1 July 2025 - 31 December 2025", when both are dates."""
    m = _PERIOD.match(text.strip())
    if not m:
        return None
    start, end = as_date(m.group(1)), as_date(m.group(2))
    return (start, end) if re.fullmatch(r"\d{4}-\d\d-\d\d", start) and re.fullmatch(r"\d{4}-\d\d-\d\d", end) else None


class WordingMatch:
    """Consumes the paragraphs after a label that repeat the item's known official wording.

    A short first line ("SCOPE", an upper-case sub-heading) is only held: it is wording when the next
    paragraph continues the wording, else the parser takes it back as answer text (`held`). A paragraph
    that ends the wording and goes on with the answer is split: `tail` is the number of key characters
    that were wording.
    """

    def __init__(self, wording: str):
        self.rest, self.started = key(wording), False
        self.held: list = []
        self.tail = 0

    def take(self, text: str, block=None) -> bool:
        """True when `text` continues the wording (consumed or held)."""
        k = key(text)
        if k and len(self.rest) >= 30 and k.startswith(self.rest) and k != self.rest:
            self.tail, self.rest, self.held = len(self.rest), "", []
            return False
        if not k or not self.rest.startswith(k):
            self.rest = ""
            return False
        self.rest = self.rest[len(k):]
        if not self.started and len(k) < 30 and self.rest:
            self.held.append(block)
            return True
        self.started, self.held = True, []
        return True

    @property
    def active(self) -> bool:
        return bool(self.rest)
