"""GUI fixtures: a real main window on a fresh report file, settings in a throwaway folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, qapp):
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder))
    qapp.setOrganizationName("copdesk")
    qapp.setApplicationName("copdesk")
    yield


@pytest.fixture
def open_window(qtbot):
    """open_window(report) -> a shown MainWindow; closed (and the file flushed) at the end."""
    from copdesk.ui.main_window import MainWindow
    windows = []

    def make(report):
        w = MainWindow(report)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
        windows.append(w)
        return w

    yield make
    for w in windows:
        if w.isVisible():
            w.close()


def reopen(path):
    """The report file as another program would read it: a fresh read-only connection."""
    from copdesk.core.report.open_file import Report
    return Report.open(path, readonly=True)


def checked(qtbot, w, again: bool = False, timeout: int = 5000):
    """Wait until the window's statuses and checks are up to date: the whole report is checked on a worker
    thread after the first paint (ui/live_view.py), then kept up to date one save at a time. `again`: check
    the whole report again first (after writing to the file behind the window's back, as a test may)."""
    qtbot.waitUntil(lambda: w._side is not None, timeout=timeout)
    w.session.flush()
    if again:
        w.live_view.restart()
    qtbot.waitUntil(lambda: w.live_view.live is not None, timeout=timeout)
