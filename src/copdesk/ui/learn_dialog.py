"""File › Load official wording from a published report…: `copdesk forms learn` in the window.

The report is read off the UI thread (core/imports/learn.py, the importers' parsers); what it brings is stored as
template corrections, as one undoable step when a report window asks (its undo stack), and a summary says
what was learned, what conflicts (with a button to take the report's wording instead) and what was refused.
The start screen and the new-report wizard offer the same, with one sentence on where such a file comes from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QProgressDialog,
                               QVBoxLayout, QWidget)

from copdesk.ui.tasks import run_task

translate = QCoreApplication.translate
FILTER = QT_TRANSLATE_NOOP("Learn", "Published reports (*.json *.docx);;Transparency Centre JSON (*.json);;"
                                    "Word documents (*.docx);;All files (*)")


def where_from() -> str:
    """The one sentence on where a published report comes from (start screen, wizard, the file dialog)."""
    return translate("Learn", "Every report on the Transparency Centre has a JSON download, and any signatory's "
                              "filed report carries the full wording of the items it covers: load one, and copdesk "
                              "shows that official wording in every report and export.")


def _plan_with_progress(parent: QWidget | None, path: Path, replace: bool):
    from copdesk.core.imports.learn import plan
    progress = QProgressDialog(translate("Learn", "Reading {name}…").format(name=path.name), "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModal)
    progress.setMinimumDuration(300)
    loop, box = QEventLoop(), {}
    task = run_task(lambda: plan(path, replace=replace), lambda r: (box.update(ok=r), loop.quit()),
                    lambda e: (box.update(err=e), loop.quit()))
    loop.exec()
    progress.close()
    del task
    if "err" in box:
        raise box["err"]
    return box["ok"]


def run_learn(parent: QWidget | None, path: str | Path | None = None, window=None, replace: bool = False):
    """The whole flow; returns the LearnResult, or None when cancelled or failed. `window`: a report window
    whose undo stack takes the step (and which shows the wording at once)."""
    from copdesk.ui.messages import show_error
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, translate("Learn", "Load official wording from a published report"),
                                              str(Path.home()), translate("Learn", FILTER))
        if not path:
            return None
    path = Path(path)
    try:
        result = _plan_with_progress(parent, path, replace)
    except Exception as exc:  # noqa: BLE001 - not a report, unreadable: said, nothing stored
        show_error(parent, exc)
        return None
    if not _store(parent, result, window):
        return None
    dialog = LearnSummaryDialog(parent, result, undoable=window is not None)
    if dialog.exec() == LearnSummaryDialog.REPLACE:
        return run_learn(parent, path, window, replace=True)
    return result


def _store(parent, result, window) -> bool:
    """Write the changes: through the window's undo stack when there is one, else directly. False (the
    error shown) when the template cannot take them."""
    from copdesk.core.template import user_corrections
    from copdesk.ui.messages import show_error
    if not result.changes:
        return True
    if window is not None:
        from copdesk.ui import template_commands
        text = translate("Learn", "Load official wording from {name}").format(name=result.source)
        if not template_commands.push(window, result.changes, text):
            return False
        result.file = user_corrections.path_for(result.edition)
        return True
    try:
        result.file = user_corrections.append(result.edition, result.changes)
    except Exception as exc:  # noqa: BLE001
        show_error(parent, exc)
        return False
    from copdesk.ui.template_actions import reload_other_windows
    reload_other_windows(None, structural=False)
    return True


class LearnSummaryDialog(QDialog):
    """What was learned, what conflicts and what was refused; conflicts can be settled for the report."""

    REPLACE = 2

    def __init__(self, parent, result, undoable: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Official wording loaded") if result.changes else self.tr("Nothing new"))
        self.resize(720, 460)
        lay = QVBoxLayout(self)
        # the core's words (English for now, as the import summary)
        lines = result.summary_lines(settle="the button below takes the report's")
        head = QLabel(f"<b>{lines[0]}</b>")
        head.setWordWrap(True)
        lay.addWidget(head)
        stored = self.tr("Stored as your template corrections: every report on this template edition shows this "
                         "wording, in the window and in every export.")
        if undoable:
            stored += " " + self.tr("Edit › Undo takes it back.")
        note = QLabel(stored if result.changes and result.file else self.tr("copdesk had all of it already."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.details = QPlainTextEdit("\n".join(lines[1:]))
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("What was learned, conflicts and what was refused"))
        lay.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        self.replace_button = None
        if result.conflicts:
            self.replace_button = buttons.addButton(
                self.tr("Use the report's wording for these %n item(s)", "", len(result.conflicts)),
                QDialogButtonBox.ActionRole)
            self.replace_button.clicked.connect(lambda: self.done(self.REPLACE))
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
