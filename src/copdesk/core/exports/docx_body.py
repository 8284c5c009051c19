"""The body of the exported document: headings with bookmarks, answers, tables, sections and the contents.

The exporter (docx_export) says *what* comes next; this class knows *how* it looks in WordprocessingML.
Every text passes through `Cleaner` (core.exports.cleaner), which removes characters XML cannot hold and remembers which field
held them, so the export never fails on them and the user is told where they were.

Page orientation is settled once the whole body is written (`finish`): a table too wide for an upright page
goes in a landscape section that holds the table alone, with a caption naming its SLI (the SLI's label, wording
and answer stay in the upright text before it, so no landscape page is left nearly empty above a table that
did not fit under them). A short stretch of upright text between two landscape tables stays landscape too,
rather than become a nearly empty upright page of its own (docx_layout estimates the heights).

The contents list is a list of linked entries whose page numbers are PAGEREF fields, not a TOC field: Word,
LibreOffice and the PDF export all compute a PAGEREF from their own layout (LibreOffice shows the cached text
of a TOC field as it is, so its page numbers were missing), and nothing asks Word to update fields on open
(README, "Word export").
"""

from __future__ import annotations

import copy

from lxml import etree

from copdesk.core.exports import docx_layout, docx_tables
from copdesk.core.markdown import dialect as markdown
from copdesk.core.exports.cleaner import Cleaner
from copdesk.core.exports.docx_xml import (
    BIDI, P, PPR, R, SUB, STYLES, Links, Numbering, RichWriter, add_text, is_rtl, paragraph, ppr, w)

TOC_LEVELS = 2  # chapters and commitments (and crisis sub-sections) in the table of contents


class Body:
    def __init__(self, document: etree._Element):
        self.body = document.find(w("body"))
        self.sect = self.body[-1]  # the base document's section properties: A4 portrait
        self.body.remove(self.sect)
        self.links, self.numbering, self.clean = Links(), Numbering(), Cleaner()
        self.rich = RichWriter(self.links, self.numbering)
        self.toc: list[tuple[int, str, str]] = []  # (level, text, bookmark)
        self.toc_at = -1
        self.wide: list[list[etree._Element]] = []  # the elements of each table that needs a landscape page
        self.notes: list[str] = []  # what the export changed about a table (split parts), for the warnings
        self.captions: set[int] = set()  # ids of the captions that only repeat an SLI's label
        self.kept: list[etree._Element] = []  # paragraphs made to keep with the table after them

    # -- paragraphs ----------------------------------------------------------------------------------
    def heading(self, level: int, text: str, field: str = "", page_break: bool = False):
        """A heading (Word's navigation pane shows it); the first two levels go in the contents."""
        text = self.clean(field or text, text)
        p = paragraph(self.body, f"Heading{level}")
        if page_break:
            SUB(ppr(p), w("pageBreakBefore"))
        if level <= TOC_LEVELS:
            mark = f"_Toc_copdesk_{len(self.toc) + 1}"
            bid = str(len(self.toc) + 1)
            SUB(p, w("bookmarkStart"), {w("id"): bid, w("name"): mark})
            add_text(p, text)
            SUB(p, w("bookmarkEnd"), {w("id"): bid})
            self.toc.append((level, text, mark))
        else:
            add_text(p, text)

    def line(self, style: str, text: str, field: str = "", italic: bool = False) -> None:
        """One paragraph of fixed text (a label, the wording, a note) in a style of the base document."""
        p = paragraph(self.body, STYLES.get(style))  # "normal" (or any unknown name): the Normal style
        text = self.clean(field or style, text)
        if text and is_rtl(text):
            SUB(ppr(p), BIDI)
        if text:
            add_text(p, text, italic=italic)

    def answer(self, field: str, text: str) -> None:
        """An answer as typed (Markdown). A blank answer stays one empty paragraph, as in filed reports."""
        blocks = markdown.parse(self.clean(field, text)) if text and text.strip() else []
        if not blocks:
            paragraph(self.body)
            return
        self.rich.blocks(self.body, blocks)

    def table(self, field: str, grid, label: str = "") -> None:
        """An SLI table: upright when it fits, else on a landscape page, else in parts (docx_tables.plan)."""
        joined = "\n".join(c for row in grid for c in row if c)
        if self.clean(field, joined) != joined:  # one check per table; cells only when something was found
            grid = [[None if c is None else self.clean(field, c) for c in row] for row in grid]
        measured = docx_tables.measure(grid)
        parts = docx_tables.plan(measured, self._text_width(False), self._text_width(True))
        if not parts:
            return
        self._keep_with_table()
        if not parts[0].landscape:
            self.body.append(docx_tables.table_element(measured, self._text_width(False), parts[0].columns))
            paragraph(self.body, STYLES["gap"])  # room after the table
            return
        label, columns = label or field, max(len(row) for row in grid)
        group = []
        for i, part in enumerate(parts, 1):
            group.append(self._note(f"{label} (table)" if len(parts) == 1 else
                                    f"{label} (table, part {i} of {len(parts)}: columns {part.columns[1] + 1}"
                                    f"\u2013{part.columns[-1] + 1} of {columns}, after the row labels)"))
            group.append(docx_tables.table_element(measured, self._text_width(True), part.columns))
            self.body.append(group[-1])
            group.append(paragraph(self.body, STYLES["gap"]))
        if len(parts) > 1:
            limit = f", more than Word's {docx_tables.WORD_MAX_COLUMNS}" if columns > docx_tables.WORD_MAX_COLUMNS else ""
            self.notes.append(f"{field}: the table has {columns} columns{limit}; it is printed in {len(parts)} parts "
                              "one after the other, each with the row labels")
        self.wide.append(group)
        if len(parts) == 1:
            self.captions.add(id(group[0]))

    def _note(self, text: str) -> etree._Element:
        """A caption or note about a table (the importer skips its style)."""
        p = paragraph(self.body, STYLES["table_note"])
        add_text(p, text)
        return p

    def _keep_with_table(self) -> None:
        """The paragraph before a table goes to the next page with it (a section break parts them anyway)."""
        last = self.body[-1]
        keep = ppr(last) if last.tag == P else None
        if keep is not None and keep.find(w("keepNext")) is None:
            keep.insert(1 if len(keep) and keep[0].tag == w("pStyle") else 0, etree.Element(w("keepNext")))
            self.kept.append(last)

    # -- sections ------------------------------------------------------------------------------------
    def _section(self, landscape: bool, first: bool) -> etree._Element:
        """Section properties: the base's page, turned for landscape. Only the first section keeps the
        base's titlePg (a cover page without header and footer); later ones show them on every page."""
        sect = copy.deepcopy(self.sect)
        if not first:
            for el in sect.findall(w("titlePg")):
                sect.remove(el)
        if landscape:
            size = sect.find(w("pgSz"))
            width, height = size.get(w("w")), size.get(w("h"))
            size.set(w("w"), height)
            size.set(w("h"), width)
            size.set(w("orient"), "landscape")
        return sect

    def _text_width(self, landscape: bool) -> int:
        size, margins = self.sect.find(w("pgSz")), self.sect.find(w("pgMar"))
        page = int(size.get(w("h" if landscape else "w")))
        return page - int(margins.get(w("left"))) - int(margins.get(w("right")))

    def text_width(self) -> int:
        """The text width of an upright page, in twips."""
        return self._text_width(landscape=False)

    def _page_height(self) -> int:
        """The text height of an upright page, in twips."""
        size, margins = self.sect.find(w("pgSz")), self.sect.find(w("pgMar"))
        return int(size.get(w("h"))) - int(margins.get(w("top"))) - int(margins.get(w("bottom")))

    def finish(self) -> None:
        """Put the contents where they were asked for, then settle each page's orientation."""
        if self.toc_at >= 0:
            for i, el in enumerate(self._toc_elements()):
                self.body.insert(self.toc_at + i, el)
        children = list(self.body)
        sideways = {id(el) for group in self.wide for el in group}
        runs = docx_layout.merge_short(docx_layout.runs([id(el) in sideways for el in children]), children,
                                       self._text_width(False), self._page_height())
        captions = self.captions
        for run in runs:  # a caption repeats the SLI's label where a section break parts it from the table
            for el in children[run.start + 1:run.end]:
                if id(el) in captions:
                    self.body.remove(el)
        kept = {id(p) for p in self.kept}
        for i, run in enumerate(runs[:-1]):
            last = children[run.end - 1]
            if id(last) in kept:  # its table starts the next section, on a new page: keeping with it would
                ppr(last).remove(ppr(last).find(w("keepNext")))  # push the whole paragraph over
            self._end_section(last, self._section(run.landscape, first=i == 0))
        self.body.append(self._section(runs[-1].landscape if runs else False, first=len(runs) <= 1))

    def _end_section(self, last: etree._Element, sect: etree._Element) -> None:
        """End a section after `last` (on it, when it is a paragraph that ends no section yet)."""
        if last.tag != P or ppr(last).find(w("sectPr")) is not None:
            holder = etree.Element(P)
            SUB(holder, PPR).append(etree.Element(w("pStyle"), {w("val"): STYLES["gap"]}))
            last.addnext(holder)
            last = holder
        ppr(last).append(sect)

    # -- contents ------------------------------------------------------------------------------------
    def mark_toc(self) -> None:
        self.toc_at = len(self.body)

    def _toc_elements(self) -> list[etree._Element]:
        """The contents: a linked entry per heading of the first two levels, its page number a PAGEREF to the
        heading's bookmark, which Word, LibreOffice and the PDF export compute from their own layout."""
        holder = etree.Element(w("body"))
        head = paragraph(holder, STYLES["toc_heading"])
        add_text(head, "Contents")
        for level, text, mark in self.toc:
            p = paragraph(holder, STYLES[f"toc{min(level, 2)}"])
            link = SUB(p, w("hyperlink"), {w("anchor"): mark, w("history"): "1"})
            add_text(link, text)
            SUB(SUB(link, R), w("tab"))
            _field(link, f"PAGEREF {mark} \\h")
        return list(holder)


def _field(parent, instr: str) -> None:
    """A field with no result yet: the application computes it when it lays the page out."""
    SUB(SUB(parent, R), w("fldChar"), {w("fldCharType"): "begin"})
    SUB(SUB(parent, R), w("instrText"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = \
        f" {instr} "
    SUB(SUB(parent, R), w("fldChar"), {w("fldCharType"): "separate"})
    SUB(SUB(parent, R), w("fldChar"), {w("fldCharType"): "end"})
