"""Review in the Word export: comments as real Word comments anchored on their answer (python-docx 1.2
`add_comment`), and an optional table of section statuses after the status line.

The exported document is read back in order and each answer's first paragraph is found by the labels
the export writes ("Commitment 12", its questions, "Measure 12.1", "QRE 12.1.1", the crisis sub-section
titles), so this works on the document exactly as the user gets it. A comment whose answer cannot be
found is anchored on the report title with its code in the text: a comment is never dropped.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from copdesk.core.numbers import to_int
from copdesk.core.records import record
from copdesk.core.report import ReportData
from copdesk.core.template import Template
from copdesk.core.text import strip_bad_chars

SKIP_STYLES = {"Official Wording", "copdesk Summary", "Note", "Table Gap"}
_ELEMENT = re.compile(r"^((?:QRE|SLI) \d+\.\d+\.\d+)\b")
_MEASURE = re.compile(r"^(Measure \d+\.\d+)$")
_COMMITMENT = re.compile(r"^(Commitment \d+)$")


@record
class ReviewExport:
    """What the export adds: comments (rows of the comments table) and section statuses."""

    comments: tuple[dict, ...] = ()
    statuses: tuple[dict, ...] = ()
    status_table: bool = False


@dataclass
class _Anchors:
    paragraphs: dict[str, Paragraph] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    status_line: Paragraph | None = None
    title: Paragraph | None = None


def _blocks(doc):
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, doc)
        elif tag == "tbl":
            yield Table(child, doc)


class _Scanner:
    """Walks the exported document in order, remembering where each answer code starts."""

    def __init__(self, t: Template, data: ReportData):
        self.t, self.anchors = t, _Anchors()
        self.questions = {q.text: q.key for q in t.questions}
        self.crisis_titles = [s.title for s in sorted(data.crisis, key=lambda s: s.position)]
        self.crisis_ids = [s.id for s in sorted(data.crisis, key=lambda s: s.position)]
        self.commitment, self.crisis, self.pending, self.last_element = "", None, "", ""
        self.in_crisis_part = False

    def code(self, inner: str) -> str:
        return f"Crisis {self.crisis}/{inner}" if self.crisis is not None else inner

    def paragraph(self, p: Paragraph) -> None:
        style, text = p.style.name if p.style is not None else "", p.text.strip()
        a = self.anchors
        if style == "Title" and a.title is None:
            a.title = p
        elif style == "Report Status" and a.status_line is None:
            a.status_line = p
        elif style.startswith("Heading") or style.startswith("toc") or style == "TOC Heading":
            self.heading(style, text)
        elif style == "Question":
            self.question(text)
        elif style in SKIP_STYLES:
            pass
        elif self.pending:
            a.paragraphs.setdefault(self.pending, p)
            self.pending = ""

    def heading(self, style: str, text: str) -> None:
        if style.startswith("toc") or style == "TOC Heading":
            return
        if style == "Heading 1":
            self.crisis, self.commitment = None, ""
            self.in_crisis_part = text == self.t.crisis.title
            self.pending = "header.description" if text in {f.label for f in self.t.header} | {
                a for f in self.t.header for a in f.aliases} else ""
            return
        if self.in_crisis_part and style == "Heading 2" and text in self.crisis_titles:
            self.crisis = self.crisis_ids[self.crisis_titles.index(text)]
            self.anchors.paragraphs.setdefault(f"Crisis {self.crisis}/title", None)
            self.pending = ""
            return
        chapter = next((c for c in self.t.chapters if text in (c.title, *c.aliases)), None)
        if self.crisis is not None and chapter is not None:
            self.chapter_code = chapter.code
            return
        for pattern in (_COMMITMENT, _MEASURE, _ELEMENT):
            m = pattern.match(text)
            if m:
                if pattern is _COMMITMENT:
                    self.commitment = m.group(1)
                self.pending = self.code(m.group(1)) if pattern is not _COMMITMENT else ""
                self.last_element = self.code(m.group(1))
                return

    def question(self, text: str) -> None:
        c = self.t.crisis
        if self.crisis is not None:
            part = {c.threats_label: "threats", c.mitigations_label: "mitigations"}.get(text)
            if part:
                self.pending = f"Crisis {self.crisis}/{part}"
            elif text == c.outline_prompt and getattr(self, "chapter_code", ""):
                self.pending = f"Crisis {self.crisis}/{self.chapter_code}"
            return
        key = self.questions.get(text)
        self.pending = f"{self.commitment} {key}" if key and self.commitment else ""

    def table(self, table: Table) -> None:
        if self.last_element and self.last_element.split("/")[-1].startswith("SLI "):
            self.anchors.tables.setdefault(self.last_element, table)


def _scan(doc, t: Template, data: ReportData) -> _Anchors:
    scanner = _Scanner(t, data)
    for block in _blocks(doc):
        if isinstance(block, Paragraph):
            scanner.paragraph(block)
        else:
            scanner.table(block)
    return scanner.anchors


def _runs(p: Paragraph):
    return p.runs or [p.add_run("")]


def _anchor(anchors: _Anchors, comment: dict):
    """(runs to anchor on, prefix for the text): the answer itself, else the report title."""
    code, cell = comment["code"], comment.get("cell", "")
    if cell and code in anchors.tables:
        r, _, c = (to_int(x, -1) for x in cell.partition(","))
        table = anchors.tables[code]
        if 0 <= r < len(table.rows) and 0 <= c < len(table.rows[r].cells):
            return _runs(table.rows[r].cells[c].paragraphs[0]), ""
    p = anchors.paragraphs.get(code)
    if p is not None:
        return _runs(p), ""
    return _runs(anchors.title), f"[{code}{' cell ' + cell if cell else ''}] "


def _add_comments(doc, anchors: _Anchors, comments: tuple[dict, ...]) -> int:
    replies: dict[str, list[dict]] = {}
    for c in comments:
        if c.get("parent"):
            replies.setdefault(c["parent"], []).append(c)
    added = 0
    for c in comments:
        if c.get("parent"):
            continue
        runs, prefix = _anchor(anchors, c)
        state = f" [resolved by {c['resolved_by']}]" if c.get("resolved_at") else ""
        word = doc.add_comment(runs, text=strip_bad_chars(prefix + c["text"] + state), author=c["author"],
                               initials=c.get("initials") or "".join(w[0] for w in c["author"].split())[:3])
        for rep in replies.get(c["id"], []):
            word.add_paragraph(strip_bad_chars(f"{rep['author']} ({rep['at'][:10]}): {rep['text']}"))
        added += 1
    return added


def _status_table(doc, anchors: _Anchors, statuses: tuple[dict, ...]) -> None:
    if anchors.status_line is None or not statuses:
        return
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Section", "Review status", "Set by", "When")):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for s in sorted(statuses, key=lambda s: _order(s["code"])):
        row = table.add_row().cells
        for cell, text in zip(row, (s["code"], s["status"], s["by"], s["at"][:16].replace("T", " "))):
            cell.text = strip_bad_chars(text)
    try:
        table.style = doc.styles["Table Grid"]
    except KeyError:
        pass
    anchors.status_line._p.addnext(table._tbl)


def _order(code: str):
    m = re.search(r"(\d+)", code)
    return (0 if code == "header" else 2 if code.startswith("Crisis") else 1, to_int(m.group(1), 0) if m else 0)


def annotate(blob: bytes, t: Template, data: ReportData, review: ReviewExport) -> bytes:
    """The exported .docx with its review comments and (optionally) the status table."""
    if not review.comments and not (review.status_table and review.statuses):
        return blob
    doc = Document(io.BytesIO(blob))
    anchors = _scan(doc, t, data)
    _add_comments(doc, anchors, review.comments)
    if review.status_table:
        _status_table(doc, anchors, review.statuses)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def review_export(report, comments: str = "open", status_table: bool = False) -> ReviewExport:
    """What to add from an open report: "open", "all" or "none" comments, and the status table."""
    rows = report.rows("comments") if comments != "none" else []
    if comments == "open":
        open_ids = {r["id"] for r in rows if not r["parent"] and not r["resolved_at"]}
        rows = [r for r in rows if (r["parent"] or r["id"]) in open_ids]
    return ReviewExport(tuple(rows), tuple(report.rows("section_status")), status_table)
