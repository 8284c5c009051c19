"""Panels beside the page: the checks, a to-do list to work through, and find across the report.

Checks are grouped by chapter and item, in report order, each entry in words (core.rules.checklist), with
missing, invalid and warnings told apart by a word and a shape (never colour alone) and a filter. The
headline is counted from the same list, so it never says "complete" above a list of problems. The list is
filled whole from checks worked out off the interface thread (`show_all`, from ui/live_view.py), then after
each save only the chapters holding what the save touched are listed again (`show_codes`): typing never
waits for the whole report. Find searches as you type, in report order, shows plain text, and follows the
report as saved (core.rules.find). In both, a click or Enter jumps to the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTreeWidgetItem, QVBoxLayout, QWidget

from copdesk.core.rules import checklist, find
from copdesk.core.model import ReportData
from copdesk.core.template.template import Template
from copdesk.core.rules.validate import Issue
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
        self.sections: list[checklist.Section] = []
        self._made: dict = {}  # (section, filter) -> its rows, kept while the section does not change
        self._live = None  # the core.rules.live.LiveReport shown
        self._order: dict[str, int] = {}  # answer code -> its place in the report
        self._section_of: dict[str, str] = {}  # answer code -> the section its checks are listed in
        self._family = None  # in a report family: what is missing in any service (core.rules.family_checks)
        self._service, self._count = "", 0  # the service the window shows, of how many

    @property
    def issues(self) -> list[Issue]:
        """Every issue listed, in report order."""
        return self._live.issue_list() if self._live is not None else []

    def refresh(self, t: Template, data: ReportData) -> None:
        """Check the whole report now and list it (the window has it checked off its interface thread)."""
        from copdesk.core.rules.live import LiveReport
        self.show_all(LiveReport(t, data))

    def show_all(self, live) -> None:
        """List every issue of `live` (a core.rules.live.LiveReport)."""
        self.template, self._live = live.t, live
        self._order = {c: i for i, c in enumerate(c for s in live.steps for c in s.codes)}
        self._section_of = {}
        self._show(checklist.checklist(live.t, live.data, live.issue_list(), live.steps))

    def show_codes(self, codes, live) -> None:
        """The checks of `codes` changed (a save touched them): list again only the sections holding them;
        the others keep their rows."""
        if live is not self._live or live.t is not self.template:
            self.show_all(live)
            return
        touched = {self._section(c) for c in codes}
        listed = sorted((c for c in live.issues if self._section(c) in touched),
                        key=lambda c: (self._order.get(c, len(self._order)), c))  # as live.issue_list orders them
        fresh = checklist.checklist(live.t, live.data, [i for c in listed for i in live.issues[c]], live.steps)
        sections = [s for s in self.sections if s.key not in touched] + fresh
        self._show(sorted(sections, key=self._rank))

    def _section(self, code: str) -> str:
        found = self._section_of.get(code)
        if found is None:
            found = self._section_of[code] = checklist.section_of(self.template, code)
        return found

    def _rank(self, section: checklist.Section) -> tuple[int, int]:
        """Sections in the order core.rules.checklist lists them: the header, the chapters, the crisis section, then
        what the template does not have."""
        if section.key in ("header", "crisis", ""):
            return ({"header": 0, "crisis": 2, "": 3}[section.key], 0)
        return (1, next((i for i, ch in enumerate(self.template.chapters) if ch.code == section.key), 0))

    def set_family(self, found, service: str, count: int) -> None:
        """A report family of `count` services: the list of what any service still lacks
        (core.rules.family_checks.FamilyIssue), offered as the filter "Missing in any service"; the other filters list
        the service shown."""
        self._family, self._service, self._count = list(found), service, count
        self._show(self.sections, again=True)

    def _show(self, sections: list[checklist.Section], again: bool = False) -> None:
        if sections == self.sections and self.tree.topLevelItemCount() and not again:
            return  # nothing changed: the list stays where the reader is
        self.sections = sections
        counts = {s: sum(e.severity == s for sec in sections for g in sec.groups for e in g.entries)
                  for s in checklist.SEVERITIES}
        self._headline(counts)
        texts = [(self.tr("Everything (%n)", "", sum(counts.values())), ""),
                 (self.tr("Missing (%n)", "", counts["missing"]), "missing"),
                 (self.tr("Invalid (%n)", "", counts["invalid"]), "invalid"),
                 (self.tr("Warnings (%n)", "", counts["warning"]), "warning")]
        if self._family is not None:
            texts.append((self.tr("Missing in any service (%n)", "", len(self._family)), "family"))
        self.show_only.blockSignals(True)
        if self.show_only.count() != len(texts):
            self.show_only.clear()
            for text, severity in texts:
                self.show_only.addItem(text, severity)
        else:  # the same filters: only their counts change (the chosen one stays chosen)
            for i, (text, _severity) in enumerate(texts):
                if self.show_only.itemText(i) != text:
                    self.show_only.setItemText(i, text)
        self.show_only.blockSignals(False)
        self._fill()

    def _headline(self, counts: dict[str, int]) -> None:
        """One line counted from the list below it: it cannot say "complete" above a list of problems."""
        missing, invalid, warnings = counts["missing"], counts["invalid"], counts["warning"]
        todo = [self.tr("%n missing", "", missing)] * bool(missing) + [self.tr("%n invalid", "", invalid)] * bool(invalid)
        if self._family is not None:  # a family: the service shown, then what any service lacks
            text = (self.tr("To do for {service}: {items}.").format(service=self._service, items=", ".join(todo))
                    if todo else self.tr("✔ {service}: nothing missing, nothing invalid.").format(
                        service=self._service))
        else:
            text = (self.tr("To do: {items}.").format(items=", ".join(todo)) if todo
                    else self.tr("✔ Nothing missing, nothing invalid."))
        if warnings:
            text += " " + self.tr("%n warning(s) worth a look.", "", warnings)
        if self._family is not None:
            if self._family:
                text += " " + self.tr("Missing in any service: %n (Show › Missing in any service).", "",
                                      len(self._family))
        if self.summary.text() != text:
            self.summary.setText(text)

    def _fill(self) -> None:
        """The tree for the chosen filter. A chapter whose entries did not change keeps its rows, in place (the
        list follows every save: rebuilding or even re-adding hundreds of rows each time cost typing 20 ms),
        and the entry that was selected stays selected."""
        selected = self.tree.currentItem().data(0, TARGET) if self.tree.currentItem() else None
        only = self.show_only.currentData() or ""
        if only == "family":
            self._fill_family()
            return
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
        self._made = dict(tops)
        wanted = [item for _, item in tops]
        shown = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        if len(wanted) == len(shown) and all(a is b for a, b in zip(wanted, shown)):
            return
        scroll = self.tree.verticalScrollBar().value()
        self.tree.setUpdatesEnabled(False)
        keep = {id(item) for item in wanted}
        for i in reversed(range(len(shown))):  # taken out, not deleted: a chapter filtered again comes back
            if id(shown[i]) not in keep:
                self.tree.takeTopLevelItem(i)
        for i, item in enumerate(wanted):
            if self.tree.topLevelItem(i) is item:
                continue
            if item.treeWidget() is self.tree:
                self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
            self.tree.insertTopLevelItem(i, item)
            _expand(item)
        self.tree.fit_rows(made if len(made) < len(wanted) else None)
        current = self.tree.currentItem()
        if selected is not None and (current is None or current.data(0, TARGET) != selected):
            found = next((i for top in made for i in _rows(top) if i.data(0, TARGET) == selected), None)
            if found is not None:
                self.tree.setCurrentItem(found)
        self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)

    def _fill_family(self) -> None:
        """What any service still lacks, grouped by the services that lack it; a jump goes to the first of them
        (the service shown when it is one)."""
        from copdesk.core.rules.services import qualify
        self.tree.setUpdatesEnabled(False)
        while self.tree.topLevelItemCount():  # taken out, not deleted: the other filters keep their rows
            self.tree.takeTopLevelItem(0)
        self._made = {}
        groups: dict[tuple[str, ...], QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for entry in self._family or []:
            who = entry.services
            top = groups.get(who)
            if top is None:
                title = (self.tr("All {n} services").format(n=len(who)) if len(who) == self._count > 1
                         else ", ".join(who))
                top = groups[who] = QTreeWidgetItem([title])
                top.setFont(0, bold)
                self.tree.addTopLevelItem(top)
            whose = self.tr("shared answer") if entry.shared else self.tr("its own answer")
            item = QTreeWidgetItem(top, [f"{self.tr(MARK[entry.issue.severity])}: {entry.issue.message} ({whose})"])
            item.setData(0, TARGET, entry.issue.code if self._service in who else qualify(entry.issue.code, who[0]))
            item.setToolTip(0, item.text(0))
        for top in groups.values():
            top.setExpanded(True)
        self.tree.fit_rows(None)
        self.tree.setUpdatesEnabled(True)

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


def _rows(item: QTreeWidgetItem):
    """`item` and every row under it."""
    yield item
    for i in range(item.childCount()):
        yield from _rows(item.child(i))


def _expand(item: QTreeWidgetItem) -> None:
    """Show every row under `item` (it is in the tree: an item outside one does not keep being expanded)."""
    for row in _rows(item):
        if row.childCount():
            row.setExpanded(True)


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
        self._data: tuple[Template, ReportData, list | None] | None = None
        self.hits: list[find.Hit] = []
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._first)

    def set_source(self, t: Template, data: ReportData, steps: list | None = None) -> None:
        """The report as saved now (`steps`: its wizard.steps, when known): results follow edits (searched
        again when there is a query)."""
        self._data = (t, data, steps)
        if self.query.text().strip():
            self._timer.start()

    def search(self) -> int:
        self._timer.stop()
        query = self.query.text().strip()
        self.hits = find.search(*self._data[:2], query, self._data[2]) if self._data is not None and query else []
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
