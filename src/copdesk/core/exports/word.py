"""Export a report to Word in the order and wording of a filed report (shared/examples shows one).

    warnings = export_docx(template, report.snapshot(), Path("report.docx"))

Order: signatory, report title, status, contents, "Your organisation description" and its answer; then
per chapter with a subscribed commitment: the chapter title; per subscribed commitment: "Commitment N",
its official wording (only when the template has it), the signed-measures label and list, the four
questions each followed by its answer; per signed measure: "Measure N.M", wording, answer, and each QRE
and SLI with wording, answer and table. Then "Crisis and Elections Response" with its sub-sections.

Choices (README, "Word export"): a blank answer stays one empty paragraph and "N/A" is printed as
typed; in a draft every QRE/SLI of a signed measure is printed, answered or not, so the reviewer sees
the empty slot (`empty_slots=False` leaves unanswered ones out); copdesk's own guidance on items is
never printed as wording, and only on request (`summaries=True`), marked as not official. Headings print an
item's official label where it has one ("SLI 17.2.1 - actions enforcing policies above"), else its code.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from copdesk import __version__
from copdesk.core.exports import docx_parts as pkg
from copdesk.core.rules import follow_ups, outline
from copdesk.core.exports.docx_body import Body
from copdesk.core.exports.docx_markers import Marked, package_parts
from copdesk.core.exports.docx_comments import ReviewExport, add_comments, export_status, status_table
from copdesk.core.exports.docx_parts import w3cdtf
from copdesk.core.safety.export_target import file_target
from copdesk.core.safety.atomic import write_file
from copdesk.core.records import record
from copdesk.core.model import ReportData, default_user
from copdesk.core.template.template import Element, Item, Template

SUMMARY_MARK = "copdesk guidance, not official wording: "


@record
class DocxOptions:
    status: str = ""  # the status line under the title; "" = from the report: "Final" after final approval
    review: ReviewExport | None = None  # comments to add as Word comments, the optional status table
    empty_slots: bool = True  # print QREs/SLIs nobody answered yet, as labelled empty blocks
    summaries: bool = False  # print copdesk's own guidance where no official wording is known, marked
    modified_by: str = ""  # "last modified by": the name from Preferences; "" = whoever last edited an answer


def export_docx(template: Template, data: ReportData, out: Path | str, options: DocxOptions = DocxOptions(),
                ) -> list[str]:
    """Write the report as .docx through a temporary file; returns warnings (e.g. removed characters)."""
    out = file_target(out, ".docx")
    blob, warnings = build_docx(template, data, options)
    write_file(out, blob)
    return warnings


def build_docx(template: Template, data: ReportData, options: DocxOptions = DocxOptions()) -> tuple[bytes, list[str]]:
    """The .docx file as bytes, and the warnings."""
    options = replace(options, status=options.status or export_status(data.meta))
    data, held = follow_ups.for_export(template, data)
    parts = pkg.read_base()
    document = pkg.parse_document(parts)
    body = Body(document)
    marked = Marked(body)
    _Walk(template, data, options, marked).run()
    marked.finish()
    comments, exported = None, []
    if options.review is not None:
        comments, exported = add_comments(marked, options.review.comments)
        if options.review.status_table:
            status_table(marked, options.review.statuses, body.text_width())
    review_map = marked.map_xml(data.meta.get("report_id", ""), data.last_change, template.edition,
                                f"copdesk {__version__}", w3cdtf(None), exported, data.meta.get("service", ""))
    base = dict(parts)
    replaced = {
        pkg.DOCUMENT: pkg.serialise(document),
        pkg.RELS: pkg.with_links(base[pkg.RELS], body.links.ids),
        pkg.NUMBERING: pkg.with_numbering(base[pkg.NUMBERING], body.numbering.xml_elements()),
        pkg.HEADER: pkg.header_xml(base[pkg.HEADER], _header_text(data, options, body)),
        pkg.CORE: pkg.core_xml(_properties(template, data, options, body)),
    }
    warnings = body.clean.warnings() + body.notes + held
    warnings += [f"{code}: not in the template any more, left out of the export"
                 for code in outline.unknown_crisis_items(template, data)]
    new = ([comments] if comments else []) + package_parts(review_map)
    return pkg.build_zip(pkg.add_parts(parts, replaced, new), {}), warnings


def _header_text(data: ReportData, options: DocxOptions, body: Body) -> str:
    parts = [body.clean("header.signatory", data.text("header.signatory")),
             body.clean("header.title", data.text("header.title")), options.status]
    return "  \u00b7  ".join(p.strip() for p in parts if p.strip())


def _properties(t: Template, data: ReportData, options: DocxOptions, body: Body) -> dict[str, str]:
    signatory = body.clean("header.signatory", data.text("header.signatory")).strip()
    title = body.clean("header.title", data.text("header.title")).strip()
    start, end = data.text("header.period_start").strip(), data.text("header.period_end").strip()
    period = f", reporting period {start} to {end}" if start and end else ""
    return {"title": " \u2013 ".join(x for x in (signatory, title) if x),
            "subject": f"Code of Conduct on Disinformation report{period}",
            "creator": signatory, "keywords": f"Code of Conduct on Disinformation; {t.edition}",
            "description": f"Exported by copdesk {__version__}", "lastModifiedBy": _modified_by(data, options),
            "revision": "1", "contentStatus": options.status, "category": options.status,
            "created": data.meta.get("created_at", ""), "modified": datetime.now(timezone.utc).isoformat()}


def _modified_by(data: ReportData, options: DocxOptions) -> str:
    """The person the document says last modified it: the name given (Preferences), else the one recorded
    with the latest answer (the window records the Preferences name with every edit), else the account."""
    if options.modified_by.strip():
        return options.modified_by.strip()
    latest = max(data.answers.values(), key=lambda a: a.updated_at, default=None)
    return latest.updated_by if latest is not None and latest.updated_by else default_user()


class _Walk:
    """Walks the template in report order and tells the body what comes next."""

    def __init__(self, t: Template, data: ReportData, options: DocxOptions, body: Marked):
        self.t, self.data, self.opt, self.body = t, data, options, body
        self.printed: set[str] = set()  # a QRE covering two signed measures is printed under the first

    def run(self) -> None:
        self.header()
        for view in outline.chapters(self.t, self.data):
            self.body.heading(1, view.chapter.title, view.chapter.code)
            for cv in view.commitments:
                self.commitment(cv)
        if self.data.crisis:
            self.crisis()

    def header(self) -> None:
        b, d = self.body, self.data
        b.line("title", d.text("header.signatory"), "header.signatory", answer="header.signatory")
        b.line("subtitle", d.text("header.title"), "header.title", answer="header.title")
        b.line("status", self.opt.status)
        b.mark_toc()
        label = self.t.header_field("description").label
        b.heading(1, label, "header.description", page_break=True)
        b.answer("header.description", d.text("header.description"))

    def commitment(self, cv: outline.CommitmentView) -> None:
        c, b = cv.commitment, self.body
        b.heading(2, c.heading, c.code)
        self.wording(c)
        b.line("question", self.t.signed_measures_label)
        b.line("normal", " ".join(m.code for m in cv.measures))
        for q in self.t.questions:
            b.line("question", q.text)
            b.answer(f"{c.code} {q.key}", self.data.text(f"{c.code} {q.key}"))
        for m in cv.measures:
            b.heading(3, m.heading, m.code)
            self.wording(m)
            b.answer(m.code, self.data.text(m.code))
            for e in self.t.elements_for(m):
                if e.code not in self.printed:
                    self.printed.add(e.code)
                    self.element(e, e.code, 4, wording=True)

    def element(self, e: Element, code: str, level: int, wording: bool) -> None:
        """A QRE or SLI block: label, wording, answer, table. `code` may be a crisis code."""
        text, grid = self.data.text(code), self.data.tables.get(code) or []
        if not self.opt.empty_slots and not text.strip() and not grid:
            return
        self.body.heading(level, e.heading, code)
        if wording:
            self.wording(e)
        self.body.answer(code, text)
        if grid:
            self.body.table(code, grid, e.code)

    def wording(self, item: Item) -> None:
        if item.wording:
            for part in item.wording.split("\n\n"):  # wording a filed report set in several paragraphs
                self.body.line("wording", part, item.code)
        elif self.opt.summaries and (item.guidance or item.title):
            self.body.line("summary", SUMMARY_MARK + (item.guidance or item.title), item.code)

    def crisis(self) -> None:
        b, spec = self.body, self.t.crisis
        b.heading(1, spec.title)
        for section in self.data.crisis:
            prefix = f"Crisis {section.id}/"
            b.heading(2, outline.crisis_title(self.data, section), prefix + "title", answer=prefix + "title")
            b.line("note", spec.note)
            for label, part in ((spec.threats_label, "threats"), (spec.mitigations_label, "mitigations")):
                b.line("question", label)
                b.answer(prefix + part, self.data.text(prefix + part))
            for cc in outline.crisis_chapters(self.t, section):
                self.crisis_chapter(prefix, cc)

    def crisis_chapter(self, prefix: str, cc: outline.CrisisChapter) -> None:
        b = self.body
        b.heading(3, cc.chapter.title, cc.chapter.code)
        b.line("question", self.t.crisis.outline_prompt)
        b.answer(prefix + cc.chapter.code, self.data.text(prefix + cc.chapter.code))
        for cm in cc.measures:
            b.heading(4, cm.measure.heading, prefix + cm.measure.code)
            b.answer(prefix + cm.measure.code, self.data.text(prefix + cm.measure.code))
            for e in cm.elements:
                self.element(e, prefix + e.code, 5, wording=False)
