"""The new-report wizard: edition, signatory, kind, title and period, subscriptions, where to save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
                               QWizard, QWizardPage)

from copdesk.core.errors import CopdeskError
from copdesk.core.template.forms import load_templates
from copdesk.core.template.template import Template
from copdesk.ui import uncertain
from copdesk.ui.messages import show_error
from copdesk.ui.style import mark

CODE = Qt.UserRole
translate = QCoreApplication.translate


def default_period(kind: str, today: date) -> tuple[str, date, date]:
    """Title and period of the next report: half-years for platforms, the calendar year for others."""
    wave_year = today.year + (1 if today.month > 9 else 0)
    if kind == "platform":
        if today.month > 3 and today.month <= 9:
            return f"Report September {today.year}", date(today.year, 1, 1), date(today.year, 6, 30)
        year = wave_year - 1
        return f"Report March {wave_year}", date(year, 7, 1), date(year, 12, 31)
    year = wave_year - 1 if today.month <= 3 or today.month > 9 else today.year - 1
    return f"Report March {year + 1}", date(year, 1, 1), date(year, 12, 31)


def _label(item) -> str:
    return uncertain.marked(f"{item.code} — {item.title}" if item.title else item.code, item)


class ProfilePage(QWizardPage):
    def __init__(self, templates: dict[str, Template]):
        super().__init__()
        self.setTitle(self.tr("Who is reporting"))
        self.setSubTitle(self.tr("The signatory or service this report is for."))
        form = QFormLayout(self)
        self.edition = QComboBox()
        for edition, t in sorted(templates.items(), reverse=True):
            self.edition.addItem(f"{t.name} ({edition})", edition)
        self.signatory = QLineEdit()
        self.signatory.setPlaceholderText(self.tr("e.g. Example Video or Example Fact-Check"))
        self.services = QLineEdit()
        self.services.setPlaceholderText(self.tr("optional, e.g. Example Video, Example Shorts"))
        self.kind_group = QButtonGroup(self)
        kinds = QHBoxLayout()
        self.kind_buttons = {}
        for value, label in (("platform", self.tr("Platform service")), ("other", self.tr("Other signatory"))):
            button = QRadioButton(label)
            button.setAccessibleName(self.tr("Signatory kind: {kind}").format(kind=label))
            self.kind_group.addButton(button)
            self.kind_buttons[value] = button
            kinds.addWidget(button)
        self.kind_buttons["other"].setChecked(True)
        for widget, name in ((self.edition, self.tr("Template edition")),
                             (self.signatory, self.tr("Signatory or service name")),
                             (self.services, self.tr("Services covered"))):
            widget.setAccessibleName(name)
        if self.edition.count() > 1:
            form.addRow(self.tr("Template &edition:"), self.edition)
        else:  # nothing to choose: said, not offered (the first keystrokes go to the name)
            self.edition.hide()
            only = QLabel(self.edition.currentText())
            only.setWordWrap(True)
            only.setAccessibleName(self.tr("Template edition"))
            form.addRow(self.tr("Template edition:"), only)
        form.addRow(self.tr("&Signatory or service name:"), self.signatory)
        form.addRow(self.tr("Kind:"), kinds)
        form.addRow(self.tr("Services &covered:"), self.services)
        # a report family (core/rules/services.py): one draft, one document per service
        self.family = QCheckBox(self.tr("&One draft, a report for each of these services"))
        self.family.setToolTip(self.tr("For platforms that file one report per service: most answers are written "
                                       "once and shared, a service can have its own answer, its own tables and "
                                       "its own measures, and each service gets its own document."))
        form.addRow("", self.family)
        from copdesk.ui.learn_dialog import where_from  # the one sentence, and the offer
        where = QLabel(where_from())
        where.setWordWrap(True)
        self.learn_button = QPushButton(self.tr("&Load official wording from a published report…"))
        self.learn_button.clicked.connect(lambda _checked=False: self.wizard().learn_wording())
        form.addRow(where)
        form.addRow(self.learn_button)
        self.form = form
        self.registerField("signatory*", self.signatory)
        self.kind_group.buttonClicked.connect(lambda _b: self._kind_changed())
        self._kind_changed()

    def _kind_changed(self) -> None:
        """Services are asked of platforms only (other signatories report as one organisation)."""
        self.form.setRowVisible(self.services, self.kind() == "platform")
        self.form.setRowVisible(self.family, self.kind() == "platform")
        if self.wizard() is not None:  # not before: a page outside a wizard counts as complete, and QWizard
            self.completeChanged.emit()  # would keep that and never enable Next

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.signatory.setFocus()

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def family_names(self) -> list[str]:
        """The services of a family (the box ticked, a platform), checked; [] for one report."""
        if self.kind() != "platform" or not self.family.isChecked():
            return []
        from copdesk.core.errors import InputError
        from copdesk.core.rules.services import parse_names
        names = parse_names(self.services.text())
        if len(names) < 2:
            raise InputError(self.tr("A report for each service needs at least two services."),
                             self.tr("Name them in “Services covered”, separated by commas, or untick the box."))
        return names

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        try:
            self.family_names()
        except CopdeskError as exc:
            show_error(self, exc)
            return False
        return True


class PeriodPage(QWizardPage):
    def __init__(self, today: date):
        super().__init__()
        self.today = today
        self.setTitle(self.tr("Report title and period"))
        self.setSubTitle(self.tr("The period the report covers; the calendar button (or Alt+Down) picks a day."))
        form = QFormLayout(self)
        self.title = QLineEdit()
        self.start = QLineEdit()
        self.end = QLineEdit()
        for widget, name in ((self.title, self.tr("Report title")), (self.start, self.tr("Reporting period start")),
                             (self.end, self.tr("Reporting period end"))):
            widget.setAccessibleName(name)
        self.start.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.end.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.problem = QLabel()
        mark(self.problem, "fieldProblem")
        form.addRow(self.tr("Report &title:"), self.title)
        form.addRow(self.tr("Period &start:"), self.start)
        form.addRow(self.tr("Period &end:"), self.end)
        form.addRow(self.problem)
        for w in (self.title, self.start, self.end):
            w.textChanged.connect(lambda _t: self.completeChanged.emit())
        from copdesk.ui.date_picker import attach_calendar
        for w in (self.start, self.end):
            attach_calendar(w)

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        title, start, end = default_period(self.wizard().profile.kind(), self.today)
        self.title.setText(title)
        self.start.setText(start.isoformat())
        self.end.setText(end.isoformat())

    def isComplete(self) -> bool:  # noqa: N802
        try:
            start, end = date.fromisoformat(self.start.text().strip()), date.fromisoformat(self.end.text().strip())
        except ValueError:
            self.problem.setText(self.tr("⚠ Write both dates as YYYY-MM-DD."))
            return False
        if start > end:
            self.problem.setText(self.tr("⚠ The period ends before it starts."))
            return False
        self.problem.setText("")
        return bool(self.title.text().strip())


def _hidden(item: QTreeWidgetItem) -> bool:
    """True when the filter hides `item` (or a branch above it)."""
    while item is not None:
        if item.isHidden():
            return True
        item = item.parent()
    return False


class SubscriptionsPage(QWizardPage):
    """A checkable tree: chapter and commitment boxes select everything under them; a filter narrows it.

    Built quickly: the items are made detached and added in one go (each box set while no signal can fire),
    and the count is redone once per turn of the event loop however many boxes a tick changes (a chapter
    box changes some forty; recounting the whole tree for each took the tick to a third of a second, and
    building the tree to several seconds). benchmarks/wizard_commitments.py measures both.
    """

    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Commitments and measures you signed up to"))
        self.setSubTitle(self.tr("Tick a chapter or a commitment to take everything under it."))
        lay = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter, e.g. 14 or fact-check"))
        self.filter.setAccessibleName(self.tr("Filter commitments and measures"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Commitments and measures"))
        self.count = QLabel()
        lay.addWidget(self.filter)
        lay.addWidget(self.tree)
        lay.addWidget(self.count)
        self.filter.textChanged.connect(self._filter)
        self._recount = QTimer(self, singleShot=True, interval=0)
        self._recount.timeout.connect(self._count)
        self.tree.itemChanged.connect(lambda *_: self._recount.start())
        self.filter.textChanged.connect(lambda *_: self._recount.start())  # what it hides is counted apart
        self._built_for = None
        self._leaves: list[tuple[str, QTreeWidgetItem]] = []  # (code, item): what selected() reads

    def initializePage(self) -> None:  # noqa: N802
        t = self.wizard().template()
        if self._built_for == t.edition:
            return
        self._built_for = t.edition
        self.tree.clear()
        self._leaves = []
        tops = []
        for chapter in t.chapters:
            top = self._item(chapter.title, chapter.code)
            for c in chapter.commitments:
                ci = self._item(_label(c), c.code)
                ci.setToolTip(0, uncertain.tooltip("", c))
                leaves = [self._item(_label(m), m.code) for m in c.measures]
                for leaf, m in zip(leaves, c.measures):
                    leaf.setToolTip(0, uncertain.tooltip("", m))
                ci.addChildren(leaves)
                self._leaves += [(m.code, ci.child(i)) for i, m in enumerate(c.measures)] or [(c.code, ci)]
                top.addChild(ci)
            tops.append(top)
        self.tree.addTopLevelItems(tops)
        self._count()

    @staticmethod
    def _item(text: str, code: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, CODE, code)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable | Qt.ItemIsAutoTristate)
        item.setCheckState(0, Qt.Unchecked)
        return item

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            self._apply(self.tree.topLevelItem(i), needle)

    def _apply(self, item: QTreeWidgetItem, needle: str) -> bool:
        shown = [self._apply(item.child(i), needle) for i in range(item.childCount())]
        visible = not needle or needle in item.text(0).lower() or any(shown)
        item.setHidden(not visible)
        if needle and any(shown):
            item.setExpanded(True)
        return visible

    def selected(self) -> list[str]:
        """The measures ticked (and commitments without measures), in the template's order."""
        return [code for code, item in self._leaves if item.checkState(0) == Qt.Checked]

    def check(self, codes: list[str]) -> None:
        wanted = set(codes)
        it = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while it:
            item = it.pop()
            if item.data(0, CODE) in wanted:
                item.setCheckState(0, Qt.Checked)
            it += [item.child(i) for i in range(item.childCount())]
        self._count()

    def _count(self) -> None:
        self._recount.stop()
        chosen = self.selected()
        text = self.tr("%n measure(s) selected", "", sum(c.startswith("Measure") for c in chosen))
        hidden = sum(item.checkState(0) == Qt.Checked and _hidden(item) for _code, item in self._leaves)
        if hidden:  # a chapter ticked while the filter shows part of it takes all of it: say so
            text += " " + self.tr("(%n not shown by the filter)", "", hidden)
        self.count.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.selected())


class SavePage(QWizardPage):
    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder
        self.setTitle(self.tr("Where to save the report"))
        self.setSubTitle(self.tr("copdesk saves every change to this file as you type."))
        row = QHBoxLayout(self)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Report file"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.setButtonText(QWizard.FinishButton, self.tr("&Create report"))

    def initializePage(self) -> None:  # noqa: N802
        w = self.wizard()
        name = f"{w.profile.signatory.text().strip()} {w.period.title.text().strip()}".strip()
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip().replace(" ", "-")
        self.path.setText(str(self.folder / f"{safe or 'report'}.copdesk"))

    def _browse(self) -> None:
        from copdesk.ui.ask import new_report_path
        path = new_report_path(self, self.tr("Save report as"), self.path.text())
        if path is not None:
            self.path.setText(str(path))

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        try:
            self.wizard().create_report(Path(self.path.text().strip()))
        except CopdeskError as exc:
            show_error(self, exc)
            return False
        return True


class NewReportWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None, today: date | None = None,
                 who: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New report"))
        self.templates = load_templates()
        self.who = who
        self.created: Path | None = None
        self.profile = ProfilePage(self.templates)
        self.period = PeriodPage(today or date.today())
        self.subscriptions = SubscriptionsPage()
        self.save = SavePage(folder or Path.home() / "Documents")
        for page in (self.profile, self.period, self.subscriptions, self.save):
            self.addPage(page)
        self.resize(760, 620)
        from copdesk.ui import focus_ring
        focus_ring.install(self)

    def learn_wording(self, path: str | None = None):
        """Load official wording, then read the templates again (the tree shows the corrected ids)."""
        from copdesk.ui.learn_dialog import run_learn
        result = run_learn(self, path=path)
        if result is not None and result.changes:
            self.templates = load_templates()
            self.subscriptions._built_for = None
        return result

    def template(self) -> Template:
        return self.templates[self.profile.edition.currentData()]

    def create_report(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        family = self.profile.family_names()
        services = self.profile.services.text().strip() if self.profile.kind() == "platform" and not family else ""
        from copdesk.ui import operations
        operations.create_report(path, self.template(), signatory=self.profile.signatory.text().strip(),
                                 kind=self.profile.kind(), title=self.period.title.text().strip(),
                                 subscriptions=self.subscriptions.selected(), who=self.who, services=family, header={
                                     "header.period_start": self.period.start.text().strip(),
                                     "header.period_end": self.period.end.text().strip(),
                                     "header.services": services})
        self.created = path
