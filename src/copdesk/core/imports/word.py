"""Import an earlier report from Word (.docx): place every paragraph under its code, then write once.

    result = read_docx(path, template)            # no file written: what the window previews
    report, result = import_docx(path, out, template)   # the new .copdesk file, or nothing on failure

The Word file is opened defensively (docx_guard), read into blocks (docx_reader) and placed by the
template's text (filed_parser). The new report is written by report/create.py: a temporary file
renamed into place, so a failed import leaves no output file.
"""

from __future__ import annotations

import re
from pathlib import Path

from copdesk.core.safety.docx_guard import open_docx
from copdesk.core.imports.docx_reader import read_body
from copdesk.core.template.forms import load_template
from copdesk.core.imports.result import ImportResult, build_data, count
from copdesk.core.report.create import create_from_data
from copdesk.core.report.open_file import Report
from copdesk.core.imports.filed_parser import Placer
from copdesk.core.template.template import Template

_PERIOD = re.compile(r"reporting period (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})")


def read_docx(path: Path | str, template: Template | None = None) -> ImportResult:
    """Read and place a Word report without writing anything."""
    path = Path(path)
    t = template or load_template()
    pkg = open_docx(path)
    body = read_body(pkg)
    placer = Placer(t)
    placer.run(body.blocks)
    _period(placer, pkg.properties.get("subject", ""))
    data = build_data(t, placer.got, str(path))
    result = ImportResult(data, path.name, count(data, len(placer.unplaced)), placer.unplaced,
                          placer.new_items, placer.wording, placer.notes, placer.status, placer.item_labels,
                          placer.refused)
    _media_notes(result, body)
    if "header.kind" not in data.answers:
        result.notes.append("the signatory kind is not in the document: set it with "
                            "'copdesk answer FILE header.kind --text platform' (or other)")
    return result


def _period(placer: Placer, subject: str) -> None:
    """The reporting period, from the document's subject as copdesk's Word export writes it."""
    m = _PERIOD.search(subject)
    if m and not any(c in placer.got.answers for c in ("header.period_start", "header.period_end")):
        placer.got.answers["header.period_start"], placer.got.answers["header.period_end"] = m.group(1), m.group(2)


def _media_notes(result: ImportResult, body) -> None:
    """Images, embedded objects and footnotes are not imported: say so, with where they were."""
    for what, where in (("image", body.images), ("embedded object", body.objects), ("footnote", body.footnotes)):
        if where:
            places = ", ".join(str(i) for i in sorted(set(where))[:10]) + (", ..." if len(set(where)) > 10 else "")
            plural = "s" if len(where) > 1 else ""
            result.notes.append(f"{len(where)} {what}{plural} not imported (at paragraph {places}): copdesk "
                                "answers hold text and tables only")


def import_docx(path: Path | str, out: Path | str, template: Template | None = None) -> tuple[Report, ImportResult]:
    """Create report `out` from a Word report. Nothing is written unless the whole import succeeds."""
    t = template or load_template()
    result = read_docx(path, t)
    return create_from_data(Path(out), t, result.stored_data()), result
