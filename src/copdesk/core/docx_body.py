"""The body of the exported document: headings with bookmarks, answers, tables, sections and the TOC.

The exporter (docx_export) says *what* comes next; this class knows *how* it looks in WordprocessingML.
Every text passes through `Cleaner` (core.cleaner), which removes characters XML cannot hold and remembers which field
held them, so the export never fails on them and the user is told where they were.
"""

from __future__ import annotations

import copy

from lxml import etree

from copdesk.core import docx_tables, markdown
from copdesk.core.cleaner import Cleaner
from copdesk.core.docx_xml import (
    BIDI, P, R, SUB, STYLES, Links, Numbering, RichWriter, add_text, is_rtl, paragraph, ppr, w)

TOC_LEVELS = 2  # chapters and commitments (and crisis sub-sections) in the table of contents


class Body:
    def __init__(self, document: etree._Element):
        self.body = document.find(w("body"))
        self.sect = self.body[-1]  # the base document's section properties: A4 portrait
        self.body.remove(self.sect)
        self.links, self.numbering, self.clean = Links(), Numbering(), Cleaner()
        self.rich = RichWriter(self.links, self.numbering)
        self.landscape = False
        self.sections = 0  # sections closed so far
        self.toc: list[tuple[int, str, str]] = []  # (level, text, bookmark)
        self.toc_at = -1

    # -- paragraphs ----------------------------------------------------------------------------------
    def heading(self, level: int, text: str, field: str = "", wide: bool = False, page_break: bool = False):
        """A heading (Word's navigation pane shows it); the first two levels go in the contents."""
        self.orient(wide)
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

    def table(self, field: str, grid) -> None:
        joined = "\n".join(c for row in grid for c in row if c)
        if self.clean(field, joined) != joined:  # one check per table; cells only when something was found
            grid = [[None if c is None else self.clean(field, c) for c in row] for row in grid]
        last = self.body[-1]
        keep = ppr(last) if last.tag == P else None
        if keep is not None and keep.find(w("keepNext")) is None:  # the text before a table stays with it
            keep.insert(1 if len(keep) and keep[0].tag == w("pStyle") else 0, etree.Element(w("keepNext")))
        docx_tables.add_table(self.body, grid, self._text_width())
        paragraph(self.body, STYLES["gap"])  # room after the table; a section can end on it

    # -- sections ------------------------------------------------------------------------------------
    def orient(self, wide: bool) -> None:
        """Start a landscape section for a wide table, or go back to portrait after it."""
        if wide == self.landscape:
            return
        self._end_section(self._section(self.landscape))
        self.landscape = wide

    def _end_section(self, sect: etree._Element) -> None:
        last = self.body[-1] if len(self.body) else None
        if last is None or last.tag != P or ppr(last).find(w("sectPr")) is not None:
            last = paragraph(self.body, STYLES["gap"])
        ppr(last).append(sect)
        self.sections += 1

    def _section(self, landscape: bool) -> etree._Element:
        """Section properties: the base's page, turned for landscape. Only the first section keeps the
        base's titlePg (a cover page without header and footer); later ones show them on every page."""
        sect = copy.deepcopy(self.sect)
        if self.sections:
            for el in sect.findall(w("titlePg")):
                sect.remove(el)
        if landscape:
            size = sect.find(w("pgSz"))
            width, height = size.get(w("w")), size.get(w("h"))
            size.set(w("w"), height)
            size.set(w("h"), width)
            size.set(w("orient"), "landscape")
        return sect

    def _text_width(self, landscape: bool | None = None) -> int:
        landscape = self.landscape if landscape is None else landscape
        size, margins = self.sect.find(w("pgSz")), self.sect.find(w("pgMar"))
        page = int(size.get(w("h" if landscape else "w")))
        return page - int(margins.get(w("left"))) - int(margins.get(w("right")))

    def is_wide(self, grid) -> bool:
        """True when `grid` needs a landscape page (see docx_tables.is_wide)."""
        return bool(grid) and docx_tables.is_wide(grid, self._text_width(landscape=False))

    def finish(self) -> None:
        """Close the last section and put the table of contents where it was asked for."""
        self.body.append(self._section(self.landscape))
        if self.toc_at >= 0:
            for i, el in enumerate(self._toc_elements()):
                self.body.insert(self.toc_at + i, el)

    # -- table of contents ---------------------------------------------------------------------------
    def mark_toc(self) -> None:
        self.toc_at = len(self.body)

    def _toc_elements(self) -> list[etree._Element]:
        """A TOC field Word refreshes on open (dirty + updateFields), pre-filled with linked entries
        so the contents read right before any refresh (LibreOffice, previews, PDF)."""
        holder = etree.Element(w("body"))
        head = paragraph(holder, STYLES["toc_heading"])
        add_text(head, "Contents")
        entries = self.toc or [(1, "Update this table to see the contents.", "")]
        for i, (level, text, mark) in enumerate(entries):
            p = paragraph(holder, STYLES[f"toc{min(level, 2)}"])
            if i == 0:
                _field_start(p, f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u', dirty=True)
            target = SUB(p, w("hyperlink"), {w("anchor"): mark, w("history"): "1"}) if mark else p
            add_text(target, text)  # page numbers come when Word refreshes the field
        _field_end(paragraph(holder, STYLES["toc2"]))  # the field ends in a paragraph of its own
        return list(holder)


def _field_start(parent, instr: str, dirty: bool = False) -> None:
    attrs = {w("fldCharType"): "begin", **({w("dirty"): "true"} if dirty else {})}
    SUB(SUB(parent, R), w("fldChar"), attrs)
    SUB(SUB(parent, R), w("instrText"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = \
        f" {instr} "
    SUB(SUB(parent, R), w("fldChar"), {w("fldCharType"): "separate"})


def _field_end(parent) -> None:
    SUB(SUB(parent, R), w("fldChar"), {w("fldCharType"): "end"})

