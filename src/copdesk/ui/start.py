"""The start screen: new report, open, recent files, start from an earlier report, open the sample."""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from copdesk import __version__
from copdesk.core.report import peek
from copdesk.ui import settings
from copdesk.ui.style import mark


def changed_on(summary: peek.Summary) -> str:
    """The last change, as a date and time in the interface's language and the computer's time zone."""
    from datetime import datetime
    from PySide6.QtCore import QDateTime, QLocale
    try:
        when = datetime.fromisoformat(summary.changed.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ""
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def recent_text(summary: peek.Summary) -> str:
    """Two lines: who and which report; the file, when it last changed and its folder."""
    translate = QCoreApplication.translate
    p = summary.path
    if summary.state == "missing":
        return translate("StartView", "{name} (missing)\n{folder}").format(name=p.name, folder=p.parent)
    if summary.state != "ok":
        return translate("StartView", "{name} (cannot be read)\n{folder}").format(name=p.name, folder=p.parent)
    title = " — ".join(x for x in (summary.signatory, summary.title) if x) or p.stem
    if summary.services:  # a family: one draft, a report per service
        title += " · " + translate("StartView", "services: {names}").format(names=", ".join(summary.services))
    return translate("StartView", "{title}\n{name} · changed {when} · {folder}").format(
        title=title, name=p.name, when=changed_on(summary), folder=p.parent)


class StartView(QWidget):
    learn_requested = Signal()
    new_requested = Signal()
    open_requested = Signal(str)  # "" asks for a file dialog
    import_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("copdesk")
        self.resize(820, 520)
        title = QLabel("copdesk")
        mark(title, "h1")
        intro = QLabel(self.tr("Draft, review and export your report under the Code of Conduct on Disinformation. "
                               "Everything you type is saved to the report file as you go."))
        intro.setWordWrap(True)
        buttons = QVBoxLayout()
        for text, signal, tip in [
            (self.tr("&New report…"), self.new_requested, self.tr("Create a report for a new period")),
            (self.tr("&Open report…"), lambda: self.open_requested.emit(""), self.tr("Open a .copdesk file")),
            (self.tr("Start from an &earlier report…"), self.import_requested,
             self.tr("Import last period's Word report or Transparency Centre JSON")),
            (self.tr("Open the &sample report"), self.sample_requested,
             self.tr("A fictional platform's report, to look around")),
        ]:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _checked=False, s=signal: s.emit() if hasattr(s, "emit") else s())
            buttons.addWidget(button)
        buttons.addSpacing(12)
        from copdesk.ui.learn_dialog import where_from
        where = QLabel(where_from())
        where.setWordWrap(True)
        self.learn_button = QPushButton(self.tr("&Load official wording from a published report…"))
        self.learn_button.setToolTip(self.tr("A Transparency Centre JSON download, a filed Word report or a copdesk "
                                             "JSON export"))
        self.learn_button.setMinimumHeight(36)
        self.learn_button.clicked.connect(lambda _checked=False: self.learn_requested.emit())
        buttons.addWidget(where)
        buttons.addWidget(self.learn_button)
        buttons.addStretch(1)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent reports"))
        self.recent.setWordWrap(True)
        self.recent.itemActivated.connect(lambda item: self.open_requested.emit(item.data(Qt.UserRole)))
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("<b>Recent reports</b> (double-click or Enter to open)")))
        right.addWidget(self.recent)
        row = QHBoxLayout()
        row.addLayout(buttons, 1)
        row.addLayout(right, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addSpacing(12)
        lay.addLayout(row, 1)
        lay.addWidget(QLabel(f"copdesk {__version__}"))
        self.refresh()
        from copdesk.ui import focus_ring
        focus_ring.install(self)

    def refresh(self) -> None:
        self.recent.clear()
        for path in settings.recent_files():
            summary = peek.summary(path)
            item = QListWidgetItem(recent_text(summary))
            item.setData(Qt.UserRole, path)
            item.setToolTip(path)
            if summary.state == "missing":
                item.setFlags(item.flags() & ~Qt.ItemIsEnabled)
            self.recent.addItem(item)
        if self.recent.count() == 0:
            placeholder = QListWidgetItem(self.tr("No recent reports yet."))
            placeholder.setFlags(Qt.NoItemFlags)
            self.recent.addItem(placeholder)
