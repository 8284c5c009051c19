"""Under an "If yes…" answer: a note when it holds text after a "No", with Keep and Clear.

The decision is the user's (core.rules.follow_ups): clearing is an ordinary edit, keeping is recorded in the
report; both are steps on the window's undo history (ui/operations.py). Until then the checks list the answer and the
export leaves its text out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from copdesk.core.rules import follow_ups
from copdesk.ui import operations
from copdesk.ui.qt import Qt
from copdesk.ui.style import mark

translate = QCoreApplication.translate


class FollowUpGuard(QWidget):
    """Shown under the follow-up editor while it holds text and the question before it says No."""

    def __init__(self, session, stack, question: str, editor, read_only: bool = False):
        super().__init__(editor.parentWidget())  # a child from the start: hiding or showing it opens no window
        self.session, self.stack, self.question, self.editor = session, stack, question, editor
        self.code = editor.code
        mark(self, "carried")
        self.setAttribute(Qt.WA_StyledBackground)  # the note's tint, as the carried-over banner has
        lay = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        lay.addWidget(self.text)
        row = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("&Keep the text"))
        self.keep_button.setToolTip(self.tr("Print this answer after the “No” in the export"))
        self.clear_button = QPushButton(self.tr("C&lear the text"))
        self.clear_button.setToolTip(self.tr("Remove this answer (Edit › Undo brings it back)"))
        for button in (self.keep_button, self.clear_button):
            button.setEnabled(not read_only)
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        self.keep_button.clicked.connect(self.keep)
        self.clear_button.clicked.connect(self.clear)
        session.answer_changed.connect(self._changed)
        self.refresh()

    def _changed(self, code: str) -> None:
        if code in (self.code, self.question):
            self.refresh()

    def refresh(self) -> None:
        has_text = bool(self.session.text(self.code).strip())
        contradicted = has_text and follow_ups.is_no(self.session.text(self.question))
        kept = self.code in follow_ups.kept(self.session.report.meta)
        self.setVisible(contradicted)
        self.keep_button.setVisible(not kept)
        if kept:
            self.text.setText(self.tr("⚑ Kept after “No”: the export prints this answer."))
        else:
            self.text.setText(self.tr("⚠ The question above is answered “No”, but this answer still holds text. "
                                      "The export leaves it out until you keep it or clear it."))

    def keep(self) -> None:
        operations.run(self, operations.keep_follow_up, self.session, self.stack, self.code, True)

    def clear(self) -> None:
        if self.session.text(self.code):
            operations.edit_text(self.session, self.stack, self.code, "", self.editor.label)


def guard(session, stack, question: str, editor, read_only: bool = False) -> None:
    """Put a FollowUpGuard under `editor` as soon as it has something to say (now, or when the question or
    the answer changes): a page does not build one for every "If yes" answer it shows."""
    connected = [True]

    def forget() -> None:
        if connected[0]:
            connected[0] = False
            try:
                session.answer_changed.disconnect(needed)
            except RuntimeError:  # the window, and its session, went first
                pass

    def needed(code: str = "") -> None:
        if code and code not in (question, editor.code):
            return
        if session.text(editor.code).strip() and follow_ups.is_no(session.text(question)):
            forget()
            editor.parentWidget().layout().addWidget(FollowUpGuard(session, stack, question, editor, read_only))

    session.answer_changed.connect(needed)
    editor.destroyed.connect(lambda *_: forget())
    needed()
