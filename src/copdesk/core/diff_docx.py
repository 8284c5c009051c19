"""A comparison as a Word document: each changed field with its deletions and insertions as real tracked
changes (w:del / w:ins), so a reviewer can read it, accept or reject in Word or LibreOffice."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from copdesk.core.diff import Change, redline, table_changes
from copdesk.core.docx_parts import base_path
from copdesk.core.atomic import write_file
from copdesk.core.template import Template
from copdesk.core.text import strip_bad_chars

AUTHOR = "copdesk comparison"


def _run(text: str, deleted: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = strip_bad_chars(text)
    r.append(t)
    return r


def _tracked(kind: str, text: str, rid: int, stamp: str):
    wrapper = OxmlElement("w:del" if kind == "-" else "w:ins")
    wrapper.set(qn("w:id"), str(rid))
    wrapper.set(qn("w:author"), AUTHOR)
    wrapper.set(qn("w:date"), stamp)
    wrapper.append(_run(text, deleted=kind == "-"))
    return wrapper


def _redline_paragraphs(doc, old: str, new: str, counter: list[int], stamp: str) -> None:
    """One Word paragraph per line of the newer text, deletions and insertions tracked."""
    p = doc.add_paragraph()
    for op, text in redline(old, new):
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                p = doc.add_paragraph()
            if not piece:
                continue
            if op == "=":
                p._p.append(_run(piece))
            else:
                counter[0] += 1
                p._p.append(_tracked(op, piece, counter[0], stamp))


def comparison_docx(template: Template, title: str, found: list[Change]) -> bytes:
    doc = Document(str(base_path()))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    doc.add_paragraph(f"Comparison: {title}", style="Title")
    doc.add_paragraph(f"{len(found)} changed field{'s' if len(found) != 1 else ''}. Deletions and insertions "
                      "are tracked changes: review them in Word or LibreOffice.")
    counter = [0]
    for change in found:
        doc.add_paragraph(f"{change.code} — {change.kind}" + (f" ({change.field})" if change.field != "text" else ""),
                          style="Heading 3")
        if change.field == "text":
            _redline_paragraphs(doc, change.old, change.new, counter, stamp)
        elif change.field == "table":
            for line in table_changes(change.old, change.new):
                doc.add_paragraph(strip_bad_chars(line))
        else:
            doc.add_paragraph("Subscribed" if change.kind == "added" else "No longer subscribed")
    doc.core_properties.title = f"copdesk comparison: {title}"
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def export_comparison(template: Template, title: str, found: list[Change], out: Path | str) -> None:
    write_file(Path(out), comparison_docx(template, title, found))
