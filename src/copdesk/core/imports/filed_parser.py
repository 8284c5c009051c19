"""Place the blocks of an earlier report under the template's codes, recognising the template by its text.

The report is read as the Transparency Centre lays it out: header, chapters, "Commitment N", the signed
measures list, the four questions, "Measure N.M", "QRE N.M.K", "SLI N.M.K" (a table after an SLI label is
its table), then the Crisis and Elections Response sub-sections. Heading styles help but are not needed.
Text that repeats an item's known official wording is skipped as wording; everything else lands under
the nearest label before it, or in the unplaced list with its position.

Wording the report carries is collected too (the report keeps it, `copdesk forms learn` stores it): a
commitment's text before its signed-measures label, known wording found again, and, for a measure, QRE or
SLI copdesk has no wording for, a first paragraph that reads like the Code's own text (it names "Relevant
Signatories" near its start, or begins with "Signatories"): the Code's measures are written that way, an
answer almost never.
"""

from __future__ import annotations

import re

from copdesk.core.markdown import dialect as markdown
from copdesk.core.markdown.dialect import Block, Run
from copdesk.core.imports.docx_reader import Paragraph, Table
from copdesk.core.imports.result import Collected, NewItem, Unplaced
from copdesk.core.imports.filed_crisis import CrisisPart
from copdesk.core.imports.filed_labels import Labels, WordingMatch, cut_index, item_label, key, measure_refs, period
from copdesk.core.template.template import Template

_TITLE = re.compile(r"^report\b.*\b(19|20)\d\d$", re.I)
_CODE_TEXT = r"^(?:signatories\b|.{0,80}\brelevant signatories\b)"  # compiled at first use
NOT_ANSWER_STYLES = re.compile(r"^(report status|copdesk summary|copdesk table note)$", re.I)  # not answers
_STATUSES = {"submitted", "draft", "final", "published"}
# docx_export prints the first before copdesk's own guidance (earlier versions the second, before summaries)
SUMMARY_MARKS = ("copdesk guidance, not official wording: ", "copdesk summary, not official wording: ")


class Placer(CrisisPart):
    """A single pass over the blocks; `target` is the answer code that text goes to."""

    def __init__(self, t: Template):
        self.t, self.labels = t, Labels(t)
        self.got = Collected()
        self.blocks: dict[str, list[tuple[str, int, str]]] = {}
        self.unplaced: list[Unplaced] = []
        self.new_items: list[NewItem] = []
        self.wording: dict[str, str] = {}
        self.item_labels: dict[str, str] = {}  # code -> the label as printed, when it says more than the code
        self.refused: list[str] = []
        self.expect_wording: str | None = None  # a measure/QRE/SLI whose first paragraph may be its wording
        self.matching: str | None = None  # the item whose known wording is being matched
        self.notes: list[str] = []
        self.status = ""  # the status line under the title ("Submitted", "Draft")
        self.signed: dict[str, set[str]] = {}  # commitment -> measures in its signed list
        self.commitment = self.measure = self.target = None
        self.mode = "start"  # start, body, signed, crisis
        self.crisis_id = 0
        self.fresh = False  # a crisis sub-section was just opened (its note belongs to it)
        self.match: WordingMatch | None = None
        self.why = "before the first label"

    # -- driver --------------------------------------------------------------------------------------
    def run(self, blocks: list) -> None:
        items = [b for b in blocks if isinstance(b, Table) or b.text.strip()]
        for i, block in enumerate(items):
            if isinstance(block, Table):
                self.release()
                self.table(block)
            else:
                for para in _split_label_line(block):
                    self.paragraph(para, items[i + 1:i + 3])
        self.release()
        self.finish()

    def release(self) -> None:
        """End a wording match; short lines it held were not wording after all: they are answer text."""
        if self.match and self.matching and self.match.started and (not self.match.active or self.match.tail):
            self.wording.setdefault(self.matching, self.t.index[self.matching].wording)  # found again
        held, self.match, self.matching = (self.match.held if self.match else []), None, None
        for p in held:
            self.text(p)

    def paragraph(self, p: Paragraph, ahead: list) -> None:
        text = p.text.strip()
        if self.match and self.match.active and self.match.take(text, p):
            self.expect_wording = None
            return
        if self.match and self.match.tail:  # the wording and the answer share this paragraph
            self.expect_wording = None
            cut = cut_index(p.text, self.match.tail)
            p = Paragraph(p.index, p.text[cut:], markdown.slice_runs(p.runs, cut))
            text = p.text.strip()
        self.release()
        if NOT_ANSWER_STYLES.match(p.style) or text.startswith(SUMMARY_MARKS) or \
                (self.mode == "start" and key(text) in _STATUSES and "header.signatory" in self.blocks):
            self.status = text if not text.startswith(SUMMARY_MARKS) and self.mode == "start" else self.status
            return  # the status line and copdesk's own summaries are not answers
        if self.mode == "signed" and self.signed_list(p):
            return
        if key(text) == self.labels.crisis_title:
            self.mode, self.target, self.why = "crisis", None, "in the crisis section before a sub-section title"
            return
        if self.mode == "crisis" and self.crisis_paragraph(p, ahead):
            return
        if self.structure(p):
            return
        self.text(p)

    # -- structure labels ----------------------------------------------------------------------------
    def structure(self, p: Paragraph) -> bool:
        text, L = p.text.strip(), self.labels  # noqa: N806 (L: the document's labels, kept short)
        label = item_label(text, p.heading > 0)
        if label:
            if label.code.startswith("Commitment ") or self.mode != "crisis":
                self.mode = "body"  # any label ends the header; a commitment also ends the crisis section
            return self.item(label.code, label.rest, p)
        if self.mode == "crisis":
            return False
        chapter = L.chapter(text)
        if chapter:
            self.mode, self.commitment, self.measure, self.target = "body", None, None, None
            self.expect_wording = None
            self.why = f"after the chapter title {text!r}, before a commitment"
            return True
        if key(text) == L.signed and self.commitment:
            self.mode, self.target = "signed", None
            self.signed.setdefault(self.commitment, set())
            return True
        question = L.question(text)
        if question:
            self.expect_wording = None
            return self.question(*question, p)
        header = L.header_label(text) if self.commitment is None else None
        if header:
            self.target = f"header.{header[0]}"
            if header[1]:  # "Report title: ..." holds its value; a one-line field takes nothing more
                self.add(self.target, _plain(header[1]))
                self.target = None if header[0] != "description" else self.target
            return True
        dates = period(text) if self.commitment is None else None
        if dates:
            self.add("header.period_start", _plain(dates[0]))
            self.add("header.period_end", _plain(dates[1]))
            return True
        if self.mode == "start" and key(text) == L.submitted:
            self.status = text
            return True
        return False

    def item(self, code: str, rest: str, p: Paragraph) -> bool:
        known = self.t.index.get(code)
        parent = self.t.parents.get(code, "")
        self.expect_wording = None
        if rest:
            self.item_labels.setdefault(code, " ".join(p.text.split()))
            self.notes.append(f"{code}: the label carries the text {rest!r} (paragraph {p.index}); kept as its label")
        if self.mode == "crisis":
            return self.crisis_item(code, p)
        if code.startswith("Commitment "):
            self.commitment, self.measure = code, None
            if known is None:
                self.target, self.why = None, f"{code} is not in the template"
                return True
            self.got.subscriptions.add(code)
            self.target, self.why = (None, f"text of {code}") if known.wording else (f"wording:{code}", "")
        elif known is not None:
            self.commitment = parent if code.startswith("Measure ") else self.t.parents.get(parent)
            self.measure = code if code.startswith("Measure ") else parent
            self.target = code
        elif self.expects(code):
            under = self.commitment if code.startswith("Measure ") else self.measure
            self.new_items.append(NewItem(code, under, f"paragraph {p.index}"))
            self.measure = code if code.startswith("Measure ") else self.measure
            self.target = code
        else:
            self.target, self.why = None, f"{code} is not in the template and not where the template expects it"
            self.refused.append(f"{code} (paragraph {p.index}): not in the template and not where it expects one")
            return True
        self.match = WordingMatch(known.wording) if known is not None and known.wording else None
        self.matching = code if self.match else None
        # a first paragraph may be the wording only where copdesk has none: text that starts like known wording
        # and then differs is the signatory's answer
        self.expect_wording = code if not code.startswith("Commitment ") and not self.match else None
        return True

    def expects(self, code: str) -> bool:
        """Does an unknown label sit where the template's structure expects one (QRE 1.3.3 under Measure 1.3)?"""
        number = code.split(" ")[1]
        if code.startswith("Measure "):
            return bool(self.commitment) and number.split(".")[0] == self.commitment.split(" ")[1]
        return bool(self.measure) and number.rsplit(".", 1)[0] == self.measure.split(" ")[1]

    def question(self, qkey: str, inline: str, p: Paragraph) -> bool:
        if not self.commitment or self.commitment not in self.t.index:
            self.target, self.why = None, "a commitment question outside a known commitment"
            return True
        self.mode, self.measure = "body", None
        self.target = f"{self.commitment} {qkey}"
        if inline:
            self.add(self.target, _plain(inline))
        return True

    def signed_list(self, p: Paragraph) -> bool:
        refs = measure_refs(p.text)
        mine = self.signed[self.commitment]
        if refs is None or p.heading or (refs and all(r in mine for r in refs)):
            self.mode = "body"
            return False
        mine.update(refs)
        return True

    # -- content -------------------------------------------------------------------------------------
    def text(self, p: Paragraph) -> None:
        expected, self.expect_wording = self.expect_wording, None
        if expected and expected == self.target and p.list_level < 0 and not p.heading and \
                re.match(_CODE_TEXT, p.text.strip(), re.I | re.S):
            self.wording[expected] = " ".join(p.text.split())  # the item's wording, as this report prints it
            return
        if (self.target or "").startswith("wording:"):  # a commitment's text: plain, as the template holds it
            self.add(self.target, _plain(" ".join(p.text.split())))
            return
        before = self.blocks.get(self.target or "")
        block = answer_block(p, before[-1] if before else None)
        if self.target:
            self.add(self.target, block)
        elif self.mode == "start":
            self.start_text(p)
        else:
            self.unplaced.append(Unplaced(f"paragraph {p.index}", p.text, self.why))

    def start_text(self, p: Paragraph) -> None:
        """Before the first label: the signatory's name, then the report title ("Report March 2025")."""
        text, style = p.text.strip(), p.style.lower()
        if style == "subtitle" or ("header.title" not in self.blocks and _TITLE.match(text) and style != "title"):
            code = "header.title"
        elif "header.signatory" not in self.blocks and (style == "title" or len(text) < 120):
            code = "header.signatory"
        elif "header.title" not in self.blocks and len(text) < 120:
            code = "header.title"
        else:
            self.unplaced.append(Unplaced(f"paragraph {p.index}", p.text, self.why))
            return
        if code in self.blocks:
            self.unplaced.append(Unplaced(f"paragraph {p.index}", p.text, self.why))
        else:
            self.add(code, _plain(text))  # one-line header fields are plain text, as the export prints them

    def table(self, tb: Table) -> None:
        cells = [c for row in tb.rows for c in row if c and c.strip()]
        if not cells:
            return  # an empty table holds nothing to place
        if self.mode == "signed" and all(measure_refs(c) is not None for c in cells):
            self.signed[self.commitment].update(r for c in cells for r in measure_refs(c) or [])
            return  # the signed measures, laid out as a table
        if (len(tb.rows) == 1 and len(tb.rows[0]) == 1) or self.is_form(tb):
            self.unroll(tb)  # a one-cell box, or labels and answers laid out in a table: text, not figures
            return
        code = self.target or ""
        if code.split("/")[-1].startswith("SLI ") and code not in self.got.tables:
            self.got.tables[code] = tb.rows
            self.blocks.setdefault(code, [])
            return
        if code in self.got.tables and _continues(self.got.tables[code], tb.rows):
            self.got.tables[code] = [a + b[1:] for a, b in zip(self.got.tables[code], tb.rows)]
            return  # a table too wide for one page, exported in parts that repeat the row labels
        why = f"{code} has a table already" if code in self.got.tables else (
            f"a table under {code}, which is not an SLI" if code else self.why)
        text = " | ".join(c or "" for c in (tb.rows[0] if tb.rows else []))
        self.unplaced.append(Unplaced(f"table at block {tb.index}", text, why))

    def is_form(self, tb: Table) -> bool:
        """A table whose first column holds labels ("QRE 12.1.1", a question) is a form, not an SLI table."""
        L = self.labels  # noqa: N806
        firsts = [row[0].strip() for row in tb.rows if row and row[0] and row[0].strip()]
        return any(item_label(f.split("\n")[0], True) or L.question(f) or key(f) == L.signed or L.header_label(f)
                   for f in firsts)

    def unroll(self, tb: Table) -> None:
        """Read a layout table cell by cell, line by line, as if it were paragraphs (plain text)."""
        for row in tb.rows:
            for cell in row:
                for line in (cell or "").split("\n"):
                    if line.strip():
                        self.paragraph(Paragraph(tb.index, line, (Run(line),)), [])
        self.release()

    def add(self, code: str, block: Block) -> None:
        self.blocks.setdefault(code, []).append(block)

    # -- end -----------------------------------------------------------------------------------------
    def finish(self) -> None:
        for code, blocks in self.blocks.items():
            if code.startswith("wording:"):
                self.wording[code[8:]] = "\n\n".join(b.text for b in blocks)  # plain, as the template holds it
                self.notes.append(f"{code[8:]}: its text in the report is kept as this report's wording and "
                                  "offered as official wording")
            elif blocks and self.one_line(code):  # a line field holds its text as typed, not Markdown
                self.got.answers[code] = "\n".join(b.text for b in blocks)
            elif blocks:
                self.got.answers[code] = markdown.write(blocks)
        self.prune_crisis()
        self.subscribe()

    def one_line(self, code: str) -> bool:
        """Header fields other than the description, and sub-section titles, are lines, not rich text."""
        if code.startswith("header."):
            field = self.t.header_field(code[7:])
            return field is None or field.kind != "rich"
        return code.endswith("/title")

    def subscribe(self) -> None:
        """Signed measures, and measures written about (which a signed list may have missed)."""
        signed = set().union(*self.signed.values()) if self.signed else set()
        written = set()
        for code in list(self.got.answers) + list(self.got.tables):
            kind, _, number = code.partition(" ")
            if kind == "Measure":
                written.add(code)
            elif kind in ("QRE", "SLI"):
                written.add("Measure " + number.rsplit(".", 1)[0])
        self.notes += [f"{m} is signed but not written about" for m in sorted(signed - written, key=_num)]
        for m in sorted(written - signed, key=_num):
            parent = self.t.parents.get(m) or f"Commitment {m.split(' ')[1].split('.')[0]}"
            if parent in self.signed:
                self.notes.append(f"{m} is written about but not in the signed list of {parent}; subscribed")
        for m in signed | written:
            self.got.subscriptions |= {m, self.t.parents.get(m) or f"Commitment {m.split(' ')[1].split('.')[0]}"}


def answer_block(p: Paragraph, before: Block | None) -> Block:
    """A paragraph of an answer as a block of the document model (core.markdown.dialect); `before` is the answer's
    block before it. An indented paragraph right after a list item continues that item (at most one level
    deeper); a heading inside an answer is a bold line."""
    runs = markdown.embolden(p.runs) if p.heading else p.runs
    if p.list_level >= 0:
        return Block("bullet" if p.list_kind != "number" else "number", runs, p.list_level, p.number)
    indent = 0
    if p.indent and before is not None and before.level + (0 if before.kind == "p" else 1) >= p.indent:
        indent = p.indent if before.kind != "p" or before.level else 0
    return Block("p", runs, indent)


def _num(code: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", code))


def _split_label_line(p: Paragraph) -> list[Paragraph]:
    """"Measure 16.1<soft break>Our text..." or "QRE 16.1.1<tab>Our text": a label and a paragraph."""
    cut = min((i for i in (p.text.find("\n"), p.text.find("\t")) if i > 0), default=-1)
    if cut < 0:
        return [p]
    first, rest = p.text[:cut], p.text[cut + 1:]
    if not item_label(first.strip(), True) or not rest.strip():
        return [p]
    return [Paragraph(p.index, first, (Run(first),), p.style, p.heading, -1),
            Paragraph(p.index, rest, markdown.slice_runs(p.runs, cut + 1), "", 0, p.list_level, p.list_kind, p.number)]


def _continues(grid: list[list], part: list[list]) -> bool:
    """True when `part` is the next part of a split table: the same rows, labelled the same."""
    return len(part) == len(grid) and all(len(row) > 1 for row in part) and \
        [row[0] for row in part] == [row[0] for row in grid]


def _plain(text: str) -> Block:
    return Block("p", (Run(text),))
