"""A comparison as a Word document: each changed field with its deletions and insertions as real tracked
changes (w:del / w:ins), so a reviewer can read it, accept or reject in Word or LibreOffice.

Written by the export's writer (docx_parts, docx_xml: the base document's parts and styles, lxml), not
python-docx.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from copdesk import __version__
from copdesk.core.exports import docx_parts as pkg
from copdesk.core.review.diff import Change, redline, table_changes
from copdesk.core.exports.docx_xml import R, XML_SPACE, add_text, paragraph, w
from copdesk.core.safety.atomic import write_file
from copdesk.core.template.template import Template
from copdesk.core.text import strip_bad_chars

AUTHOR = "copdesk comparison"


def _run(parent, text: str, deleted: bool = False) -> None:
    r = etree.SubElement(parent, R)
    etree.SubElement(r, w("delText" if deleted else "t"), {XML_SPACE: "preserve"}).text = strip_bad_chars(text)


class _Tracked:
    def __init__(self, body):
        self.body, self.count = body, 0
        self.stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def paragraphs(self, old: str, new: str) -> None:
        """One Word paragraph per line of the newer text, deletions and insertions tracked."""
        p = paragraph(self.body)
        for op, text in redline(old, new):
            for i, piece in enumerate(text.split("\n")):
                if i:
                    p = paragraph(self.body)
                if not piece:
                    continue
                if op == "=":
                    _run(p, piece)
                    continue
                self.count += 1
                change = etree.SubElement(p, w("del" if op == "-" else "ins"),
                                          {w("id"): str(self.count), w("author"): AUTHOR, w("date"): self.stamp})
                _run(change, piece, deleted=op == "-")


def comparison_docx(template: Template, title: str, found: list[Change]) -> bytes:
    parts = pkg.read_base()
    document = pkg.parse_document(parts)
    body = document.find(w("body"))
    sect = body[-1]
    body.remove(sect)

    def line(text: str, style: str | None = None) -> None:
        add_text(paragraph(body, style), strip_bad_chars(text))

    line(f"Comparison: {title}", "Title")
    line(f"{len(found)} changed field{'s' if len(found) != 1 else ''}. Deletions and insertions are tracked "
         "changes: review them in Word or LibreOffice.")
    tracked = _Tracked(body)
    for change in found:
        line(f"{change.code} — {change.kind}" + (f" ({change.field})" if change.field != "text" else ""), "Heading3")
        if change.field == "text":
            tracked.paragraphs(change.old, change.new)
        elif change.field == "table":
            for text in table_changes(change.old, change.new):
                line(text)
        else:
            line("Subscribed" if change.kind == "added" else "No longer subscribed")
    body.append(sect)
    base = dict(parts)
    replaced = {
        pkg.DOCUMENT: pkg.serialise(document),
        pkg.HEADER: pkg.header_xml(base[pkg.HEADER], strip_bad_chars(f"Comparison: {title}")),
        pkg.CORE: pkg.core_xml({"title": strip_bad_chars(f"copdesk comparison: {title}"),
                                "description": f"Exported by copdesk {__version__}",
                                "modified": datetime.now(timezone.utc).isoformat()}),
    }
    return pkg.build_zip(parts, replaced)


def export_comparison(template: Template, title: str, found: list[Change], out: Path | str) -> None:
    write_file(Path(out), comparison_docx(template, title, found))
