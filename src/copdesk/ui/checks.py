"""Panels beside the page: the checks (missing and invalid items) and find across the report."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from copdesk.core.report import ReportData
from copdesk.core.template import Template

CODE = Qt.UserRole
# Marked for lupdate here, translated where shown (a translator is installed after this module loads).
MARK = {"missing": QT_TRANSLATE_NOOP("ChecksPanel", "○ missing"), "invalid": QT_TRANSLATE_NOOP("ChecksPanel", "✖ invalid"),
        "warning": QT_TRANSLATE_NOOP("ChecksPanel", "⚠ warning")}


class ChecksPanel(QWidget):
    """Every issue of the report, by item in report order; activating one jumps to its field.

    Filled whole once (`show_all`, from checks worked out off the interface thread), then after each save
    only the rows of the answers the save touched are replaced (`show_codes`)."""

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
        self._rows: dict[str, list[QListWidgetItem]] = {}  # answer code -> its rows, in list order

    def refresh(self, t: Template, data: ReportData) -> None:
        """Check the whole report now and show it (the window does this off its interface thread instead)."""
        from copdesk.core.live import LiveReport
        self.show_all(LiveReport(t, data))

    def show_all(self, live) -> None:
        """Show every issue of `live` (a core.live.LiveReport)."""
        self.list.clear()
        self._rows.clear()
        for issue in live.issue_list():
            self._rows.setdefault(issue.code, []).append(self._item(issue))
            self.list.addItem(self._rows[issue.code][-1])
        self._summary(live)

    def show_codes(self, codes, live) -> None:
        """Replace the rows of `codes` only (what a save touched); the other rows stay as they are."""
        order = {c: i for i, c in enumerate(c for s in live.steps for c in s.codes)}
        key = lambda c: (order.get(c, len(order)), c)  # noqa: E731 - as live.issue_list orders them
        for code in codes:
            for item in self._rows.pop(code, []):
                self.list.takeItem(self.list.row(item))
            issues = live.issues.get(code, [])
            if not issues:
                continue
            after = [c for c in self._rows if key(c) > key(code)]
            row = min((self.list.row(self._rows[c][0]) for c in after), default=self.list.count())
            items = [self._item(i) for i in issues]
            for k, item in enumerate(items):
                self.list.insertItem(row + k, item)
            self._rows[code] = items
        self._summary(live)

    def _item(self, issue) -> QListWidgetItem:
        item = QListWidgetItem(f"{self.tr(MARK[issue.severity])} — {issue.code}: {issue.message}")
        item.setData(CODE, issue.code)
        return item

    def _summary(self, live) -> None:
        counts = {s: sum(i.severity == s for issues in live.issues.values() for i in issues) for s in MARK}
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
