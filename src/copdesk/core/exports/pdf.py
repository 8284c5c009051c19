"""PDF export: the Word export converted by LibreOffice, when it is installed.

copdesk does not draw PDFs itself: LibreOffice renders the same .docx the user would send, so the PDF
and the Word file agree. LibreOffice runs headless with a private, throw-away profile, so an open
LibreOffice window (or a second export at the same time) does not block it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from copdesk.core.exports.word import DocxOptions, export_docx
from copdesk.core.errors import CopdeskError
from copdesk.core.safety.export_target import file_target
from copdesk.core.safety.atomic import write_file
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template

TIMEOUT = 300  # seconds; a platform report converts in well under a minute
MAX_LINE = 200_000  # characters in one line of an answer or cell: LibreOffice lays out 300,000 in about 5 s,
# 1,000,000 in over 2 minutes, 10,000,000 not within TIMEOUT (this machine, benchmarks in the README)

_KNOWN_PLACES = {
    "win32": [r"C:\Program Files\LibreOffice\program\soffice.exe",
              r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}


def find_soffice() -> str | None:
    """LibreOffice's soffice: $COPDESK_SOFFICE, then the PATH, then its usual install places."""
    override = os.environ.get("COPDESK_SOFFICE")
    if override:
        return override if Path(override).exists() or shutil.which(override) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _KNOWN_PLACES.get(sys.platform, []) if Path(p).exists()), None)


def export_pdf(template: Template, data: ReportData, out: Path | str, options: DocxOptions = DocxOptions()
               ) -> list[str]:
    """Write the report as PDF (through a temporary file); returns the Word export's warnings."""
    out = file_target(out, ".pdf")
    _check_lines(data)
    soffice = find_soffice()
    if not soffice:
        raise CopdeskError("PDF export needs LibreOffice, which was not found on this computer.",
                           "Install LibreOffice (https://www.libreoffice.org), or export to .docx and save it "
                           "as PDF from Word.")
    with tempfile.TemporaryDirectory(prefix="copdesk-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        warnings = export_docx(template, data, source, options)
        pdf = convert(soffice, source, Path(tmp))
        write_file(out, pdf.read_bytes())
    return warnings


def _run(cmd: list[str]) -> subprocess.CompletedProcess:
    """Run LibreOffice in a process group of its own: `soffice` is a script that starts `soffice.bin`, which
    a timeout must stop too (killing only the script left it converting, at full CPU, for good)."""
    posix = os.name == "posix"
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=posix)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except BaseException:
        if posix:
            import signal
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        proc.kill()
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _check_lines(data: ReportData) -> None:
    """Refuse, before minutes of waiting, a line LibreOffice cannot lay out in reasonable time."""
    texts = [(code, a.text) for code, a in data.answers.items()]
    texts += [(code, cell) for code, grid in data.tables.items() for row in grid for cell in row if cell]
    for code, text in texts:
        if len(text) > MAX_LINE:
            longest = max(len(line) for line in text.split("\n"))
            if longest > MAX_LINE:
                raise CopdeskError(f"{code} has a line of {longest:,} characters; LibreOffice takes minutes to lay "
                                   f"out such a line, so the PDF export converts lines of up to {MAX_LINE:,}.",
                                   "Break that answer into paragraphs, or export to Word (.docx), which has no "
                                   "such limit.")


def convert(soffice: str, source: Path, workdir: Path) -> Path:
    profile = (workdir / "lo-profile").resolve().as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(workdir), str(source)]
    try:
        done = _run(cmd)
    except subprocess.TimeoutExpired:
        raise CopdeskError(f"LibreOffice did not finish the PDF within {TIMEOUT} s.",
                           "Export to .docx and convert it by hand.") from None
    except OSError as exc:
        raise CopdeskError(f"LibreOffice could not be started ({exc}).") from None
    pdf = source.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.exists():
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise CopdeskError("LibreOffice could not convert the report to PDF.", " ".join(detail))
    return pdf
