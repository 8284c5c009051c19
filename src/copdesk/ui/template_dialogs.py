"""Small dialogs for template corrections: a new code for an item, a QRE or SLI to add under a measure."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton,
                               QVBoxLayout, QWidget)

from copdesk.ui.style import mark


class CodeDialog(QDialog):
    """One code to type, checked as it is typed; OK only when it is good."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, code: str, problem: Callable[[str], str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problem_of = problem
        lay = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.edit = QLineEdit(code)
        self.edit.setAccessibleName(title)
        label.setBuddy(self.edit)
        self.problem = QLabel()
        mark(self.problem, "fieldProblem")
        self.problem.setWordWrap(True)
        self.extra = QVBoxLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (label,):
            lay.addWidget(widget)
        lay.addLayout(self.extra)
        lay.addWidget(self.edit)
        lay.addWidget(self.problem)
        lay.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()
        self.edit.selectAll()
        self.edit.setFocus()
        self.resize(460, self.sizeHint().height())

    def code(self) -> str:
        return " ".join(self.edit.text().split())

    def _check(self) -> None:
        problem = self.problem_of(self.code())
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not problem)


class AddElementDialog(CodeDialog):
    """Add a QRE or SLI under a measure: the kind, and its code (the next free one is offered)."""

    def __init__(self, parent: QWidget | None, t, measure: str):
        from copdesk.ui.template_actions import add_problem, next_free
        self.t, self.measure, self._next = t, measure, next_free
        super().__init__(parent, self.tr("Add a QRE or SLI here"),
                         self.tr("A QRE or SLI of {measure} that your official template has and copdesk lacks. "
                                 "Its code:").format(measure=measure),
                         next_free(t, measure, "QRE"), lambda text: add_problem(t, measure, text))
        row = QHBoxLayout()
        self.kinds = QButtonGroup(self)
        self.kind_buttons = {}
        for kind, text in (("QRE", self.tr("QRE (described in words)")), ("SLI", self.tr("SLI (figures, a table)"))):
            button = QRadioButton(text)
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            row.addWidget(button)
        self.kind_buttons["QRE"].setChecked(True)
        self.extra.addLayout(row)
        self.kinds.buttonClicked.connect(self._kind_changed)

    def _kind_changed(self, _button) -> None:
        kind = next(k for k, b in self.kind_buttons.items() if b.isChecked())
        self.edit.setText(self._next(self.t, self.measure, kind))
