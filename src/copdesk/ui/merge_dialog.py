"""Merge a reviewer's copy from the window, and choose between the two sides where both changed."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QListWidget, QMessageBox, QPushButton,
                               QTextBrowser, QVBoxLayout)

from copdesk.core.review import merge
from copdesk.core.errors import CopdeskError
from copdesk.ui import settings
from copdesk.ui.messages import show_error

translate = QCoreApplication.translate


def run_merge(window, theirs: str | None = None, out: str | None = None):
    """Merge THEIRS into the open report, written to a new file that then opens; returns its window."""
    mine = window.session.report.path
    if theirs is None:
        theirs, _ = QFileDialog.getOpenFileName(window, translate("Merge", "Merge a reviewer's copy"), str(mine.parent),
                                                translate("Merge", "copdesk reports (*.copdesk)"))
        if not theirs:
            return None
    if out is None:
        suggested = str(mine.with_name(f"{mine.stem}-merged.copdesk"))
        from copdesk.ui.ask import new_report_path
        out = new_report_path(window, translate("Merge", "Save the merged report as"), suggested)
        if out is None:
            return None
    try:
        result = merge.merge(mine, Path(theirs), Path(out), who=settings.user_name() or window.session.report.who)
    except CopdeskError as exc:
        show_error(window, exc)
        return None
    window.statusBar().showMessage(
        translate("Merge", "Merged: {answers} answers from their copy, {comments} comments, {choices} choices "
                           "pending.").format(answers=len(result.from_theirs), comments=result.comments_added,
                                              choices=len(result.conflicts)), 15000)
    target = window.controller.open_path(out) if window.controller is not None else None
    if target is not None and result.conflicts:
        target.review.merge_choices()
    return target


class ConflictsDialog(QDialog):
    """Each answer both sides changed, side by side: keep mine or take theirs."""

    def __init__(self, session, stack, parent=None):
        super().__init__(parent)
        self.session, self.stack = session, stack
        self.setWindowTitle(self.tr("Merge choices"))
        self.resize(1000, 600)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Answers changed on both sides"))
        self.mine, self.theirs = QTextBrowser(), QTextBrowser()
        self.mine.setAccessibleName(self.tr("Your version"))
        self.theirs.setAccessibleName(self.tr("Their version"))
        self.base = QLabel()
        self.base.setWordWrap(True)
        self.keep = QPushButton(self.tr("Keep &mine"))
        self.take = QPushButton(self.tr("Take &theirs"))
        self.keep.clicked.connect(lambda: self.choose("mine"))
        self.take.clicked.connect(lambda: self.choose("theirs"))
        sides = QHBoxLayout()
        for title, view in ((self.tr("Yours"), self.mine), (self.tr("Theirs"), self.theirs)):
            col = QVBoxLayout()
            col.addWidget(QLabel(f"<b>{title}</b>"))
            col.addWidget(view)
            sides.addLayout(col)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep)
        buttons.addWidget(self.take)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Both you and the reviewer changed these answers. Choose which to keep; "
                                     "the other stays in the report's history.")))
        lay.addWidget(self.list)
        lay.addWidget(self.base)
        lay.addLayout(sides, 1)
        lay.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        self.conflicts = merge.pending(self.session.report)
        self.list.clear()
        for c in self.conflicts:
            self.list.addItem(f"{c.code} ({c.kind})")
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self.mine.clear()
            self.theirs.clear()
        self.keep.setEnabled(bool(self.conflicts))
        self.take.setEnabled(bool(self.conflicts))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.conflicts):
            c = self.conflicts[row]
            fmt = (lambda v: "\n".join(" | ".join(x or "" for x in r) for r in json.loads(v))) if c.kind == "table" \
                else (lambda v: v)
            self.mine.setPlainText(fmt(c.mine) if c.mine is not None else self.tr("(removed)"))
            self.theirs.setPlainText(fmt(c.theirs) if c.theirs is not None else self.tr("(removed)"))
            self.base.setText(self.tr("Before either change: {text}").format(text=(c.base or self.tr("(empty)"))[:300])
                              if c.kind == "text" else "")

    def choose(self, side: str) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        code = self.conflicts[row].code
        from copdesk.ui import operations  # one undo step: the choice is pending again after Edit › Undo
        if operations.run(self, operations.choose_merge, self.session, self.stack, code, side) is None:
            return
        self.reload()
        if not self.conflicts:
            QMessageBox.information(self, self.tr("Merge choices"), self.tr("Every choice is made."))
            self.accept()
