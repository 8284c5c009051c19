"""One entry point for `copdesk import`: tell a Word report, Transparency Centre JSON and copdesk JSON apart
by their content (not their name), and import each its own way.
"""

from __future__ import annotations

from pathlib import Path

from copdesk.core.safety.docx_guard import OLE_MAGIC, ZIP_MAGIC
from copdesk.core.errors import InputError
from copdesk.core.template.forms import load_template
from copdesk.core.imports.result import ImportResult
from copdesk.core.report.open_file import Report
from copdesk.core.template.template import Template


def detect(path: Path) -> str:
    """"docx", "copdesk-json" or "tc-json"; an InputError for anything else."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise InputError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a report.") from None
    if head.startswith(ZIP_MAGIC) or head == OLE_MAGIC or Path(path).suffix.lower() in (".docx", ".doc"):
        return "docx"
    if Path(path).suffix.lower() != ".json" and head.lstrip()[:1] not in (b"{", b"[", b"\xef"):
        raise InputError(f"{Path(path).name} is neither a Word document (.docx) nor a JSON report.",
                         "Import a .docx, a Transparency Centre .json or a copdesk .json export.")
    from copdesk.core.imports.tc_json import is_tc_json, read_json
    return "tc-json" if is_tc_json(read_json(Path(path))) else "copdesk-json"


def import_report(path: Path | str, out: Path | str, template: Template | None = None
                  ) -> tuple[Report, ImportResult | None]:
    """Create report `out` from any supported file; the ImportResult is None for lossless copdesk JSON.
    A pipe or a device is read once, up to the largest size an import takes, into a private copy."""
    from copdesk.core.safety.inputs import JSON_LIMIT, regular_file
    with regular_file(path, JSON_LIMIT) as regular:
        return _import(Path(regular), Path(out), template)


def _import(path: Path, out: Path, template: Template | None) -> tuple[Report, ImportResult | None]:
    kind = detect(path)
    if kind == "copdesk-json":
        from copdesk.core.imports.copdesk_json import import_json
        return import_json(path, out, template), None
    if out.exists():
        from copdesk.core.errors import StoreError
        raise StoreError(f"{out} exists already.", "Choose another output name, or delete the old file first.")
    t = template or load_template()
    if kind == "docx":
        from copdesk.core.imports.word import import_docx
        return import_docx(path, out, t)
    from copdesk.core.imports.tc_json import import_tc
    return import_tc(path, out, t)
