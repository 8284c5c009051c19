"""The reporting template as typed, immutable objects.

Template > Chapter > Commitment > Measure > Element (QRE or SLI). Every item has a stable code
("Commitment 12", "Measure 12.1", "QRE 12.1.1", "SLI 16.1.1"), a short `title` and a longer `guidance` in
copdesk's own words (what the item asks for: what to describe, what to count, per member state or not), a
`status` (verified, partially_verified, unconfirmed), `wording`: the official text, or "" when we do not
have it, and `label`: the heading a filed report prints for it when that is more than the bare code ("SLI
17.2.1 - actions enforcing policies above"). Code that prints an item must never print `title` or
`guidance` as if they were the wording.
"""

from __future__ import annotations

from dataclasses import field
from functools import cached_property

from copdesk.core.records import record

STATUSES = ("verified", "partially_verified", "unconfirmed")


@record
class Item:
    code: str
    title: str = ""
    status: str = "verified"
    wording: str = ""
    wording_source: str = ""
    note: str = ""
    origin: str = "bundled"  # "bundled", or the correction file that added or changed it
    guidance: str = ""  # copdesk's plain-language description of what the item asks (never official)
    label: str = ""  # the heading as filed reports print it, when it is more than the code

    @property
    def heading(self) -> str:
        """What an export prints as the item's heading: its official label, else its code."""
        return self.label or self.code

    @property
    def number(self) -> str:
        """"12.1" for "Measure 12.1", "IV" for "Chapter IV"."""
        return self.code.split(" ", 1)[1]

    @property
    def unconfirmed(self) -> bool:
        return self.status == "unconfirmed"


@record
class Element(Item):
    """A QRE (qualitative) or SLI (quantitative) reporting element of a measure.

    `covers` names every measure the element reports on when it is more than the one it is listed under
    (QRE 32.1.1 covers Measures 32.1 and 32.2): it is answered once, and shown with each of them."""

    covers: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.code.split(" ", 1)[0].lower()  # "qre" or "sli"


@record
class Measure(Item):
    elements: tuple[Element, ...] = ()

    @property
    def qres(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.kind == "qre")

    @property
    def slis(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.kind == "sli")


@record
class Commitment(Item):
    measures: tuple[Measure, ...] = ()
    measures_complete: bool = True

    @property
    def n(self) -> int:
        return int(self.number)


@record
class Chapter(Item):
    aliases: tuple[str, ...] = ()
    commitments: tuple[Commitment, ...] = ()


@record
class HeaderField:
    key: str
    label: str
    kind: str  # line, choice, date, rich
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()
    example: str = ""

    @property
    def code(self) -> str:
        return f"header.{self.key}"


@record
class Question:
    key: str  # Q1..Q4
    kind: str  # yes_no or rich
    text: str
    follows: str = ""  # the yes/no question whose "Yes" asks for this one


@record
class CrisisSpec:
    title: str
    note: str
    threats_label: str
    mitigations_label: str
    outline_prompt: str
    examples: tuple[str, ...] = ()


@record
class Removed:
    """An item a user correction took out of the template ("Not in my template"), with what went with it."""

    code: str
    title: str
    origin: str  # the correction file that removed it
    codes: tuple[str, ...]  # its own code and every code under it


@record
class Template:
    edition: str
    name: str
    header: tuple[HeaderField, ...]
    submitted_label: str
    signed_measures_label: str
    questions: tuple[Question, ...]
    member_states: tuple[str, ...]
    eu_states: int
    total_rows: tuple[str, ...]
    country_column: str
    crisis: CrisisSpec
    chapters: tuple[Chapter, ...]
    source: str = ""
    corrections: tuple[str, ...] = ()  # correction files applied, in order
    removed: tuple[Removed, ...] = ()  # items the corrections took out, in the order they did
    content_hash: str = field(default="", compare=False)

    @cached_property
    def index(self) -> dict[str, Item]:
        """Every chapter, commitment, measure and element by code."""
        out: dict[str, Item] = {}
        for chapter in self.chapters:
            out[chapter.code] = chapter
            for commitment in chapter.commitments:
                out[commitment.code] = commitment
                for measure in commitment.measures:
                    out[measure.code] = measure
                    for element in measure.elements:
                        out[element.code] = element
        return out

    @cached_property
    def parents(self) -> dict[str, str]:
        """Code of each item's parent ("QRE 12.1.1" -> "Measure 12.1" -> "Commitment 12" -> "Chapter III")."""
        out: dict[str, str] = {}
        for chapter in self.chapters:
            for commitment in chapter.commitments:
                out[commitment.code] = chapter.code
                for measure in commitment.measures:
                    out[measure.code] = commitment.code
                    for element in measure.elements:
                        out[element.code] = measure.code
        return out

    @cached_property
    def shared(self) -> dict[str, tuple[Element, ...]]:
        """Measure code -> the elements listed under another measure that also cover it."""
        out: dict[str, list[Element]] = {}
        for element in self.elements():
            for code in element.covers:
                if code != self.parents[element.code]:
                    out.setdefault(code, []).append(element)
        return {k: tuple(v) for k, v in out.items()}

    def elements_for(self, measure: Measure) -> tuple[Element, ...]:
        """The QREs and SLIs a measure's answer is made of: its own, then shared ones listed elsewhere."""
        return measure.elements + self.shared.get(measure.code, ())

    @cached_property
    def hidden(self) -> dict[str, Removed]:
        """Every code a correction took out (an item and everything under it) -> the removal."""
        return {code: r for r in self.removed for code in r.codes}

    def commitments(self) -> list[Commitment]:
        return [c for chapter in self.chapters for c in chapter.commitments]

    def measures(self) -> list[Measure]:
        return [m for c in self.commitments() for m in c.measures]

    def elements(self) -> list[Element]:
        return [e for m in self.measures() for e in m.elements]

    def header_field(self, key: str) -> HeaderField | None:
        return next((f for f in self.header if f.key == key), None)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def chapter_of(self, code: str) -> Chapter:
        while not code.startswith("Chapter "):
            code = self.parents[code]
        return self.index[code]  # type: ignore[return-value]

    def counts(self) -> dict[str, int]:
        items = list(self.index.values())
        return {
            "chapters": len(self.chapters),
            "commitments": len(self.commitments()),
            "measures": len(self.measures()),
            "qres": sum(1 for e in self.elements() if e.kind == "qre"),
            "slis": sum(1 for e in self.elements() if e.kind == "sli"),
            "unconfirmed": sum(1 for i in items if i.unconfirmed),
            "with_wording": sum(1 for i in items if i.wording),
        }

    def summary_line(self) -> str:
        c = self.counts()
        return (f"{c['commitments']} commitments, {c['measures']} measures, {c['qres']} QREs, "
                f"{c['slis']} SLIs, {c['unconfirmed']} unconfirmed items")
