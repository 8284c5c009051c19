"""Panels beside the page: the checks (missing and invalid items) and find across the report."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from copdesk.core.report import ReportData
from copdesk.core.template import Template
from copdesk.core.validate import validate
from copdesk.ui import uncertain

CODE = Qt.UserRole
# Marked for lupdate here, translated where shown (a translator is installed after this module loads).
MARK = {"missing": QT_TRANSLATE_NOOP("ChecksPanel", "○ missing"), "invalid": QT_TRANSLATE_NOOP("ChecksPanel", "✖ invalid"),
        "warning": QT_TRANSLATE_NOOP("ChecksPanel", "⚠ warning")}


class ChecksPanel(QWidget):
    """Every issue of the report; activating one jumps to its field."""

    jump = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Checks: missing and invalid items"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda item: self.jump.emit(item.data(CODE)))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.list)

    def refresh(self, t: Template, data: ReportData) -> None:
        issues = validate(t, data)
        self.list.clear()
        for issue in issues:
            template_item = t.index.get(issue.code.split("/")[-1])  # unconfirmed: a marker, and one tooltip
            item = QListWidgetItem(f"{self.tr(MARK[issue.severity])} — {uncertain.marked(issue.code, template_item)}: "
                                   f"{issue.message}")
            item.setToolTip(uncertain.tooltip("", template_item))
            item.setData(CODE, issue.code)
            self.list.addItem(item)
        counts = {s: sum(i.severity == s for i in issues) for s in MARK}
        self.summary.setText(self.tr("Complete: nothing missing.") if not counts["missing"] and not counts["invalid"]
                             else self.tr("{missing} missing, {invalid} invalid, {warnings} warnings").format(
                                 missing=counts["missing"], invalid=counts["invalid"], warnings=counts["warning"]))


class FindPanel(QWidget):
    """Find text across every answer of the report; activating a result jumps to it."""

    jump = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Find in report…"))
        self.query.setAccessibleName(self.tr("Find in report"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Find results"))
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(lambda item: self.jump.emit(item.data(CODE)))
        self.count = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.query)
        lay.addWidget(self.count)
        lay.addWidget(self.results)
        self._data: tuple[Template, ReportData] | None = None
        self.query.returnPressed.connect(self.search)

    def set_source(self, t: Template, data: ReportData) -> None:
        self._data = (t, data)

    def search(self) -> int:
        self.results.clear()
        needle = self.query.text().strip().lower()
        if not needle or self._data is None:
            self.count.setText("")
            return 0
        _, data = self._data
        hits = 0
        for code, answer in data.answers.items():
            text = answer.text
            at = text.lower().find(needle)
            if at >= 0:
                start = max(at - 30, 0)
                item = QListWidgetItem(f"{code}: …{text[start:at + len(needle) + 40].replace(chr(10), ' ')}…")
                item.setData(CODE, code)
                self.results.addItem(item)
                hits += 1
        for code, grid in data.tables.items():
            if any(needle in (cell or "").lower() for row in grid for cell in row):
                item = QListWidgetItem(self.tr("{code}: in the table").format(code=code))
                item.setData(CODE, code + " table")
                self.results.addItem(item)
                hits += 1
        self.count.setText(self.tr("%n result(s)", "", hits))
        return hits
