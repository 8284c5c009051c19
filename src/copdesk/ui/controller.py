"""Opens windows: the start screen, report windows, the new-report wizard, imports. Holds them alive."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from copdesk import paths
from copdesk.core.errors import CopdeskError
from copdesk.core.report.open_file import Report
from copdesk.ui import settings
from copdesk.ui.messages import show_error


def sample_report_path() -> Path:
    """A fresh copy of the bundled sample report, made from its JSON in a temporary folder."""
    from copdesk.core.imports.copdesk_json import import_json
    out = Path(tempfile.mkdtemp(prefix="copdesk-sample-")) / "kestrel-video-2026-03.copdesk"
    import_json(paths.resources_dir() / "sample" / "kestrel-video-2026-03.json", out).close()
    return out


class Controller(QObject):
    def __init__(self):
        super().__init__()
        self.windows: list[QWidget] = []
        self.start = None

    def show_start(self) -> None:
        from copdesk.ui.start import StartView
        from copdesk.ui.style import set_app_icon
        set_app_icon()
        if self.start is None:
            self.start = StartView()
            self.start.new_requested.connect(self.new_report)
            self.start.open_requested.connect(lambda p: self.open_path(p) if p else self.ask_open())
            self.start.sample_requested.connect(lambda: self.open_path(sample_report_path()))
            self.start.import_requested.connect(self.import_report)
            self.start.learn_requested.connect(self.learn_wording)
        self.start.refresh()
        self.start.show()
        self.start.raise_()

    def _parent(self) -> QWidget | None:
        return self.windows[-1] if self.windows else self.start

    def open_path(self, path: Path | str):
        """Open a report in a new window; a CopdeskError is shown and None returned.

        Before opening, ui.opening asks about unsafe places and reports open elsewhere, and takes the lock;
        after, ui.window_safety announces a crash's recovery and keeps backups (see README, "What copdesk
        promises about your data").
        """
        from copdesk.ui import opening
        from copdesk.ui.main_window import MainWindow
        path = Path(path)
        for w in self.windows:
            if w.session.report.path.resolve() == path.resolve():
                w.raise_()
                w.activateWindow()
                return w
        try:
            plan = opening.prepare(self._parent(), path)
        except CopdeskError as exc:
            show_error(self._parent(), exc)
            return None
        if plan is None:
            return None
        try:
            report = Report.open(plan.path, who=settings.user_name() or None, readonly=plan.readonly)
        except CopdeskError as exc:
            plan.release()
            opening.open_error(self._parent(), exc, plan.path, self)
            return None
        path = plan.path
        window = MainWindow(report, controller=self, plan=plan)  # with its safety part and, for the sample, its banner
        if not window.is_sample():
            # once the window is on screen: writing the settings file is no reason to wait for the report
            window.when_shown(lambda: settings.add_recent(path))
        window.destroyed.connect(lambda *_: None)
        self.windows.append(window)
        window.show()
        if self.start is not None:
            self.start.hide()
        return window

    def forget(self, window: QWidget) -> None:
        from copdesk.ui.window_safety import detach
        detach(window)  # a clean close: the lock goes, so the next open knows nothing crashed
        if window in self.windows:
            self.windows.remove(window)
        if not self.windows:
            self.show_start()

    def ask_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(self._parent(), self.tr("Open report"), str(Path.home()),
                                              self.tr("copdesk reports (*.copdesk);;All files (*)"))
        if path:
            self.open_path(path)

    def new_report(self):
        from copdesk.ui.new_report import NewReportWizard
        wizard = NewReportWizard(self._parent(), who=settings.user_name() or None)
        if wizard.exec() and wizard.created:
            return self.open_path(wizard.created)
        return None

    def learn_wording(self, path: str | None = None):
        """Load official wording from a published report (the start screen's offer; no report is created)."""
        from copdesk.ui.learn_dialog import run_learn
        return run_learn(self._parent(), path=path)

    def import_report(self) -> None:
        """Start from an earlier report (Word or Transparency Centre JSON) through the core importer."""
        from copdesk.ui.import_dialog import run_import
        created = run_import(self._parent())
        if created:
            self.open_path(created)
