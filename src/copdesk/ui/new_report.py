"""The new-report wizard: edition, signatory, kind, title and period, subscriptions, where to save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
                               QWizard, QWizardPage)

from copdesk.core.errors import CopdeskError
from copdesk.core.forms import load_templates
from copdesk.core.template import Template
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
    text = f"{item.code} — {item.title}" if item.title else item.code
    return text + (translate("SubscriptionsPage", " (unconfirmed id)") if item.unconfirmed else "")


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
        form.addRow(self.tr("Template &edition:"), self.edition)
        form.addRow(self.tr("&Signatory or service name:"), self.signatory)
        form.addRow(self.tr("Kind:"), kinds)
        form.addRow(self.tr("Services &covered:"), self.services)
        self.registerField("signatory*", self.signatory)
        self.kind_group.buttonClicked.connect(lambda _b: self.completeChanged.emit())

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())


class PeriodPage(QWizardPage):
    def __init__(self, today: date):
        super().__init__()
        self.today = today
        self.setTitle(self.tr("Report title and period"))
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


class SubscriptionsPage(QWizardPage):
    """A checkable tree: chapter and commitment boxes select everything under them; a filter narrows it."""

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
        self.tree.setAccessibleName(self.tr("Commitments and measures"))
        self.count = QLabel()
        lay.addWidget(self.filter)
        lay.addWidget(self.tree)
        lay.addWidget(self.count)
        self.filter.textChanged.connect(self._filter)
        self.tree.itemChanged.connect(lambda *_: self._count())
        self._built_for = None

    def initializePage(self) -> None:  # noqa: N802
        t = self.wizard().template()
        if self._built_for == t.edition:
            return
        self._built_for = t.edition
        self.tree.clear()
        for chapter in t.chapters:
            top = self._item(self.tree, chapter.title, chapter.code)
            for c in chapter.commitments:
                ci = self._item(top, _label(c), c.code)
                for m in c.measures:
                    self._item(ci, _label(m), m.code)
        self._count()

    @staticmethod
    def _item(parent, text: str, code: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
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
        out = []
        it = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while it:
            item = it.pop(0)
            code = item.data(0, CODE)
            leaf_commitment = code.startswith("Commitment ") and item.childCount() == 0
            if item.checkState(0) == Qt.Checked and (code.startswith("Measure ") or leaf_commitment):
                out.append(code)
            it += [item.child(i) for i in range(item.childCount())]
        return out

    def check(self, codes: list[str]) -> None:
        it = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while it:
            item = it.pop(0)
            if item.data(0, CODE) in codes:
                item.setCheckState(0, Qt.Checked)
            it += [item.child(i) for i in range(item.childCount())]

    def _count(self) -> None:
        chosen = self.selected()
        self.count.setText(self.tr("%n measure(s) selected", "", sum(c.startswith("Measure") for c in chosen)))
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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as"), self.path.text(),
                                              self.tr("copdesk reports (*.copdesk)"))
        if path:
            self.path.setText(path if path.endswith(".copdesk") else path + ".copdesk")

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

    def template(self) -> Template:
        return self.templates[self.profile.edition.currentData()]

    def create_report(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        from copdesk.ui import operations
        operations.create_report(path, self.template(), signatory=self.profile.signatory.text().strip(),
                                 kind=self.profile.kind(), title=self.period.title.text().strip(),
                                 subscriptions=self.subscriptions.selected(), who=self.who, header={
                                     "header.period_start": self.period.start.text().strip(),
                                     "header.period_end": self.period.end.text().strip(),
                                     "header.services": self.profile.services.text().strip()})
        self.created = path
