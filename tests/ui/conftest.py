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
    from copdesk.core.report import Report
    return Report.open(path, readonly=True)
