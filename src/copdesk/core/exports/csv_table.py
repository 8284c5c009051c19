"""Export every SLI table of a report as CSV, one file per table, for analysts to reuse the figures.

Files are named after the SLI ("SLI_14.2.1.csv"; a crisis sub-section's "Crisis_1_SLI_14.2.1.csv"),
written as UTF-8 with a byte-order mark and comma separators so Excel opens them right; cells exactly
as typed, a cell nobody typed (and the missing end of a short row) empty. Only the tables the Word
export shows are written: SLIs of signed measures and of crisis sub-sections.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from copdesk.core.rules import outline
from copdesk.core.errors import StoreError
from copdesk.core.safety.atomic import new_folder, write_new
from copdesk.core.safety.outputs import is_report
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template


def shown_tables(t: Template, data: ReportData) -> list[str]:
    """Codes of the tables the report shows, in document order."""
    codes = list(dict.fromkeys(e.code for view in outline.chapters(t, data) for cv in view.commitments
                               for m in cv.measures for e in t.elements_for(m) if e.kind == "sli"))
    for section in data.crisis:
        prefix = f"Crisis {section.id}/"
        codes += [prefix + e.code for cc in outline.crisis_chapters(t, section) for cm in cc.measures
                  for e in cm.elements if e.kind == "sli"]
    return [code for code in codes if data.tables.get(code)]


def file_name(code: str) -> str:
    return code.replace("/", "_").replace(" ", "_") + ".csv"


def to_csv(grid) -> str:
    width = max((len(row) for row in grid), default=0)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in grid:
        writer.writerow([("" if c is None else c) for c in row] + [""] * (width - len(row)))
    return "\ufeff" + buffer.getvalue()


def export_csv(template: Template, data: ReportData, folder: Path | str) -> list[Path]:
    """Write one CSV per shown SLI table into `folder`, all or nothing: the files are written in a new
    folder beside it, which then takes its place whole (core.safety.atomic.new_folder). The old folder may hold
    only CSV files (an earlier export's); returns the files."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"Cannot write CSV files into {folder}: it is a file.",
                         "CSV export writes one file per table: give a folder with -o.")
    names = [(code, file_name(code)) for code in shown_tables(template, data)]
    with new_folder(folder, _only_tables) as new:
        for code, name in names:
            write_new(new / name, to_csv(data.tables[code]).encode("utf-8"))
    return [folder / name for _, name in names]


_OURS = r"^(Crisis_\d+_)?SLI_\d+(\.\d+)*\.csv$"  # the names file_name() gives


def _only_tables(folder: Path) -> None:
    """The old folder is replaced whole, so it may hold only what a CSV export writes."""
    import re
    others = sorted(p.name for p in folder.iterdir()
                    if p.is_symlink() or not p.is_file() or not re.match(_OURS, p.name) or is_report(p))
    if others:
        shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        raise StoreError(f"Cannot write CSV files into {folder}: it holds other files than the tables of a CSV "
                         f"export ({shown}).",
                         "The CSV export replaces its folder whole, so that no table of an older export stays "
                         f"behind. Give a new folder, for example -o {folder / 'sli-tables'}.")
