"""Start from an earlier report: pick a Word report or Transparency Centre JSON, import it off the UI
thread, show what was placed and what was not, and offer the template corrections it carries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit,
                               QProgressDialog, QVBoxLayout, QWidget)

from copdesk.ui.messages import show_error
from copdesk.ui.tasks import run_task

translate = QCoreApplication.translate
FILTER = QT_TRANSLATE_NOOP("Import", "Earlier reports (*.docx *.json);;Word documents (*.docx);;JSON (*.json);;"
                                     "All files (*)")


def _work(src: Path, out: Path):
    """Runs in a worker thread: the Report it creates is closed there (connections belong to their thread)."""
    from copdesk.core.imports.importers import import_report
    report, result = import_report(src, out)
    template = report.base_template  # corrections are offered against the edition, not the report's own wording
    report.close()
    return template, result


def import_with_progress(parent: QWidget | None, src: Path, out: Path):
    """Import off the UI thread with a busy indicator; returns (template, result) or raises the error."""
    progress = QProgressDialog(translate("Import", "Importing {name}…").format(name=src.name), "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModal)
    progress.setMinimumDuration(300)
    loop = QEventLoop()
    box: dict = {}
    task = run_task(lambda: _work(src, out), lambda r: (box.update(ok=r), loop.quit()),
                    lambda e: (box.update(err=e), loop.quit()))
    loop.exec()
    progress.close()
    del task
    if "err" in box:
        raise box["err"]
    return box["ok"]


class ImportSummaryDialog(QDialog):
    """What the import placed, what it could not, and the template corrections it found."""

    def __init__(self, parent, src: Path, result, corrections: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(720, 480)
        lay = QVBoxLayout(self)
        lines = (result.summary_lines() if result is not None  # the core's words: English for now
                 else [self.tr("A copdesk export: every field was restored.")])
        head = QLabel(self.tr("<b>Imported {name}</b>").format(name=src.name) + f"<br>{lines[0]}")
        head.setWordWrap(True)
        lay.addWidget(head)
        details = QPlainTextEdit("\n".join(lines[1:]) or self.tr("Every paragraph found its place."))
        details.setReadOnly(True)
        details.setAccessibleName(self.tr("Import details: unplaced content and items not in the template"))
        lay.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        self.save_corrections = None
        if corrections:
            lay.addWidget(QLabel(self.tr("The report holds %n template correction(s): official wording, or items "
                                         "the template lacks. Keep them in your forms folder?", "", corrections)))
            self.save_corrections = buttons.addButton(self.tr("Keep the corrections"), QDialogButtonBox.ActionRole)
            self.save_corrections.clicked.connect(lambda: self.done(2))
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)


def run_import(parent: QWidget | None, src: str | None = None, out: str | None = None) -> Path | None:
    """The whole flow; returns the new report's path, or None when cancelled or failed."""
    if src is None:
        src, _ = QFileDialog.getOpenFileName(parent, translate("Import", "Start from an earlier report"), str(Path.home()),
                                             translate("Import", FILTER))
        if not src:
            return None
    if out is None:
        suggested = str(Path(src).with_suffix(".copdesk"))
        from copdesk.ui.ask import new_report_path
        out = new_report_path(parent, translate("Import", "Save the new report as"), suggested)
        if out is None:
            return None
    src_path, out_path = Path(src), Path(out)
    try:
        template, result = import_with_progress(parent, src_path, out_path)
    except Exception as exc:  # noqa: BLE001 - CopdeskError or a bug: both shown, nothing written
        show_error(parent, exc)
        return None
    from copdesk.core.imports.result import corrections_doc, save_corrections
    doc = corrections_doc(template, result) if result is not None else None
    dialog = ImportSummaryDialog(parent, src_path, result, len(doc["changes"]) if doc else 0)
    if dialog.exec() == 2:
        saved = save_corrections(template, result)
        QMessageBox.information(parent, translate("Import", "Corrections kept"),
                                translate("Import", "Saved to {path}. They apply from the next start.").format(path=saved))
    return out_path
