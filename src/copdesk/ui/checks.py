"""Panels beside the page: the checks, a to-do list to work through, and find across the report.

Checks are grouped by chapter and item, in report order, each entry in words (core.checklist), with
missing, invalid and warnings told apart by a word and a shape (never colour alone) and a filter. The
headline is counted from the same list, so it never says "complete" above a list of problems. Find
searches as you type, in report order, shows plain text, and is refreshed after each save (core.find).
In both, a click or Enter jumps to the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTreeWidgetItem, QVBoxLayout, QWidget

from copdesk.core import checklist, find
from copdesk.core.report import ReportData
from copdesk.core.template import Template
from copdesk.core.validate import Issue, validate
from copdesk.ui import uncertain
from copdesk.ui.style import mark
from copdesk.ui.wrap_tree import WrapTree

TARGET = Qt.UserRole
SEARCH_DELAY_MS = 200  # search as you type, once typing pauses this long
# Marked for lupdate here, translated where shown (a translator is installed after this module loads).
MARK = {"missing": QT_TRANSLATE_NOOP("ChecksPanel", "○ Missing"), "invalid": QT_TRANSLATE_NOOP("ChecksPanel", "✖ Invalid"),
        "warning": QT_TRANSLATE_NOOP("ChecksPanel", "⚠ Warning")}


def _tree(name: str) -> WrapTree:
    """A one-column tree whose rows wrap to the panel's width (no sideways scrolling)."""
    tree = WrapTree()
    tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    tree.setAccessibleName(name)
    return tree


class ChecksPanel(QWidget):
    """What the report still lacks, grouped by chapter and item; a click or Enter jumps to the answer."""

    jump = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        mark(self.summary, "checksHeadline")
        self.show_only = QComboBox()
        self.show_only.setAccessibleName(self.tr("Show checks"))
        self.tree = _tree(self.tr("Checks: what the report still lacks"))
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.show_only.currentIndexChanged.connect(lambda _i: self._fill())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.show_only, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.summary)
        lay.addLayout(filters)
        lay.addWidget(self.tree)
        self.issues: list[Issue] = []
        self.sections: list[checklist.Section] = []
        self._made: dict = {}  # (section, filter) -> its rows, kept while the section does not change

    def refresh(self, t: Template, data: ReportData) -> None:
        self.template = t
        issues = validate(t, data)
        sections = checklist.checklist(t, data, issues)
        if sections == self.sections and self.tree.topLevelItemCount():
            return  # nothing changed: the list stays where the reader is
        self.issues, self.sections = issues, sections
        counts = checklist.counts(issues)
        self._headline(counts)
        current = self.show_only.currentData()
        self.show_only.blockSignals(True)
        self.show_only.clear()
        self.show_only.addItem(self.tr("Everything (%n)", "", len(issues)), "")
        for severity, text in (("missing", self.tr("Missing (%n)", "", counts["missing"])),
                               ("invalid", self.tr("Invalid (%n)", "", counts["invalid"])),
                               ("warning", self.tr("Warnings (%n)", "", counts["warning"]))):
            self.show_only.addItem(text, severity)
        self.show_only.setCurrentIndex(max(0, self.show_only.findData(current or "")))
        self.show_only.blockSignals(False)
        self._fill()

    def _headline(self, counts: dict[str, int]) -> None:
        """One line counted from the list below it: it cannot say "complete" above a list of problems."""
        missing, invalid, warnings = counts["missing"], counts["invalid"], counts["warning"]
        todo = [self.tr("%n missing", "", missing)] * bool(missing) + [self.tr("%n invalid", "", invalid)] * bool(invalid)
        text = (self.tr("To do: {items}.").format(items=", ".join(todo)) if todo
                else self.tr("✔ Nothing missing, nothing invalid."))
        if warnings:
            text += " " + self.tr("%n warning(s) worth a look.", "", warnings)
        self.summary.setText(text)

    def _fill(self) -> None:
        """The tree for the chosen filter. A chapter whose entries did not change keeps its rows (the list is
        filled again after every save: rebuilding hundreds of rows each time cost typing 20 ms), and the
        entry that was selected stays selected."""
        selected = self.tree.currentItem().data(0, TARGET) if self.tree.currentItem() else None
        only = self.show_only.currentData() or ""
        scroll = self.tree.verticalScrollBar().value()
        self.tree.setUpdatesEnabled(False)
        tops, made = [], []
        for section in self.sections:
            key = (section, only)
            item = self._made.get(key)
            if item is None:
                item = self._section_item(section, only)
                if item is None:
                    continue
                made.append(item)
            tops.append((key, item))
        while self.tree.topLevelItemCount():  # taken out, not deleted: the ones kept go back in
            self.tree.takeTopLevelItem(0)
        self.tree.addTopLevelItems([item for _, item in tops])
        self._made = dict(tops)
        self.tree.expandAll()
        self.tree.fit_rows(made if len(made) < len(tops) else None)
        if selected is not None:
            found = [i for i in self.tree.findItems("", Qt.MatchContains | Qt.MatchRecursive)
                     if i.data(0, TARGET) == selected]
            if found:
                self.tree.setCurrentItem(found[0])
        self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)

    def _section_item(self, section, only: str):
        """A chapter's rows (made apart from the tree), or None when the filter leaves none."""
        groups = [(g, [e for e in g.entries if not only or e.severity == only]) for g in section.groups]
        groups = [(g, entries) for g, entries in groups if entries]
        if not groups:
            return None
        bold = QFont(self.tree.font())
        bold.setBold(True)
        title = self.tr(section.title) if section.key in ("header", "") else section.title  # else the template's
        top = QTreeWidgetItem([title])
        top.setData(0, TARGET, section.key)
        top.setFont(0, bold)
        for group, entries in groups:
            parent = top
            if group.key and group.label != section.title:
                template_item = self.template.index.get(group.key)  # unconfirmed: a marker, and one tooltip
                parent = QTreeWidgetItem(top, [uncertain.marked(group.label, template_item)])
                parent.setToolTip(0, uncertain.tooltip("", template_item))
                parent.setData(0, TARGET, group.key)
                parent.setFont(0, bold)
            for e in entries:
                item = QTreeWidgetItem(parent, [f"{self.tr(MARK[e.severity])}: {e.text}"])
                item.setData(0, TARGET, e.target)
                item.setToolTip(0, e.text)
        return top

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET)
        if target:
            self.jump.emit(target)


# The headings the checks use, for lupdate (the core names them in English).
SECTION_WORDS = (QT_TRANSLATE_NOOP("ChecksPanel", "Report header"),
                 QT_TRANSLATE_NOOP("ChecksPanel", "Not in the template"))


class FindPanel(QWidget):
    """Find text across every answer and table of the report, as you type; a click or Enter jumps to it."""

    jump = Signal(str)
    query_changed = Signal(str)  # the text searched for, for the page to highlight

    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Find in report…"))
        self.query.setAccessibleName(self.tr("Find in report"))
        self.query.setClearButtonEnabled(True)
        self.results = _tree(self.tr("Find results"))
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        self.count = QLabel()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.query)
        lay.addWidget(self.count)
        lay.addWidget(self.results)
        self._data: tuple[Template, ReportData] | None = None
        self.hits: list[find.Hit] = []
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._first)

    def set_source(self, t: Template, data: ReportData) -> None:
        """The report as saved now: results follow edits (searched again when there is a query)."""
        self._data = (t, data)
        if self.query.text().strip():
            self._timer.start()

    def search(self) -> int:
        self._timer.stop()
        query = self.query.text().strip()
        self.hits = find.search(*self._data, query) if self._data is not None and query else []
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        for hit in self.hits:
            more = self.tr(" (%n matches)", "", hit.count) if hit.count > 1 else ""
            item = QTreeWidgetItem(self.results, [f"{hit.where}{more}: {hit.snippet}"])
            item.setData(0, TARGET, hit.target)
            item.setToolTip(0, hit.step)
        self.results.fit_rows()
        self.results.setUpdatesEnabled(True)
        self.count.setText(self.tr("%n result(s)", "", len(self.hits)) if query else "")
        self.query_changed.emit(query)
        return len(self.hits)

    def _first(self) -> None:
        """Enter in the box: search now and go to the first result."""
        self.search()
        if self.results.topLevelItemCount():
            self.results.setCurrentItem(self.results.topLevelItem(0))
            self._activated(self.results.topLevelItem(0))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.jump.emit(item.data(0, TARGET))
