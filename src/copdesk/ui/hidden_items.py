"""Template › Hidden items: what "Not in my template" took out, the answers this report keeps for them, and a
way to bring each back (undoable, like taking it out)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QVBoxLayout)

from copdesk.core.rules.validate import hidden
from copdesk.ui.qt import USER_ROLE


class HiddenItemsDialog(QDialog):
    def __init__(self, window, actions):
        super().__init__(window)
        self.window, self.actions = window, actions
        self.setWindowTitle(self.tr("Hidden items"))
        self.resize(640, 460)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Items you took out of your template (“Not in my template”). They are left out of the "
                               "navigator, the checks and the exports; their answers stay in the report file."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Hidden items"))
        self.answers = QPlainTextEdit()
        self.answers.setReadOnly(True)
        self.answers.setAccessibleName(self.tr("Answers kept for the hidden item"))
        row = QHBoxLayout()
        self.bring_back = QPushButton(self.tr("&Bring back"))
        self.bring_back.setToolTip(self.tr("Put the item back in your template (Edit › Undo takes it out again)"))
        self.bring_back.clicked.connect(self._bring_back)
        self.where = QLabel()
        self.where.setWordWrap(True)
        row.addWidget(self.where, 1)
        row.addWidget(self.bring_back)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        for widget in (intro, self.list):
            lay.addWidget(widget)
        lay.addLayout(row)
        lay.addWidget(self.answers)
        lay.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        t = self.window.session.template
        data = self.window.session.snapshot()
        for removed in t.removed:
            kept = self._kept(data, removed.codes)
            text = removed.code + (f" — {removed.title}" if removed.title else "")
            text += " — " + (self.tr("%n answer(s) kept", "", len(kept)) if kept else self.tr("no answers"))
            item = QListWidgetItem(text)
            item.setData(USER_ROLE, removed.code)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(QListWidgetItem(self.tr("Nothing is hidden.")))
            self.bring_back.setEnabled(False)
        self._show()

    def _kept(self, data, codes) -> list[str]:
        t = self.window.session.template
        found = [c for c in list(data.answers) + list(data.tables) if hidden(t, c) and any(
            c.split("/")[-1] == code or c.split("/")[-1].startswith(code + " Q") for code in codes)]
        return sorted(set(found))

    def current_code(self) -> str:
        item = self.list.currentItem()
        return item.data(USER_ROLE) if item is not None and item.data(USER_ROLE) else ""

    def _show(self) -> None:
        code = self.current_code()
        t = self.window.session.template
        removed = t.hidden.get(code)
        if removed is None:
            self.answers.setPlainText("")
            self.where.setText("")
            return
        from copdesk.core.template import user_corrections
        mine = removed.origin == user_corrections.path_for(self.window.session.report.base_template.edition).name
        self.bring_back.setEnabled(mine)
        self.where.setText(self.tr("Taken out in this window.") if mine else
                           self.tr("Taken out by {file} in your forms folder: edit that file to bring it back.").format(
                               file=removed.origin))
        data = self.window.session.snapshot()
        parts = []
        for c in self._kept(data, removed.codes):
            body = data.text(c) or self.tr("(a table of {rows} rows)").format(rows=len(data.tables.get(c) or []))
            parts.append(f"{c}\n{body}")
        self.answers.setPlainText("\n\n".join(parts) or self.tr("This report holds no answer for it."))

    def _bring_back(self) -> None:
        code = self.current_code()
        if code and self.actions.bring_back(code):
            self.fill()
