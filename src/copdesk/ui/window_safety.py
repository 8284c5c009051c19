"""What a report window adds to keep a draft safe: banners, rolling backups, Restore from backup….

A part of the window: MainWindow makes it from the open plan the controller hands it (`window.safety`,
None for a window opened without one, as tests and the smoke run do), so the main window stays about
drafting. Backups run off the UI thread on their own read-only connection: the worker gets a path, never
the window's connection.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from copdesk.ui.opening import OpenPlan

translate = QCoreApplication.translate
BANNER_STYLE = "QFrame#safetyBanner { background: #fff3d6; border: 1px solid #d8a23a; }"


def readonly_mark() -> str:
    """What the window's title adds for a report opened read-only."""
    return translate("WindowSafety", " (read-only)")


def banner(text: str, buttons: dict[str, object] | None = None) -> QFrame:
    """A yellow strip with a message and buttons; the last button is always 'Dismiss'."""
    frame = QFrame()
    frame.setObjectName("safetyBanner")
    frame.setStyleSheet(BANNER_STYLE)
    row = QHBoxLayout(frame)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(translate("WindowSafety", "Notice"))
    row.addWidget(label, 1)
    for name, slot in {**(buttons or {}), translate("WindowSafety", "Dismiss"): frame.hide}.items():
        button = QPushButton(name)
        button.clicked.connect(lambda _c=False, s=slot: s())
        row.addWidget(button)
    frame.message = label  # type: ignore[attr-defined]
    return frame


class WindowSafety:
    """Per window: the open plan (lock, read-only), the recovery notice, the backup schedule."""

    def __init__(self, window, plan: OpenPlan):
        self.window, self.plan = window, plan
        self.session = window.session
        self.last_backup = 0.0
        self.backup_running = False
        self.banners: list[QFrame] = []
        self._tasks: list = []  # backups running (kept until they report)
        self.session.readonly, self.session.readonly_reason = plan.readonly, plan.readonly_reason
        window.update_title()  # " (read-only)" when it is
        for note in plan.notes:
            self.show_banner(note)
        self.recovery_notice = self._recovery()  # what the banner says after a crash ("" when nothing crashed)
        self.session.rescued.connect(self._rescued)
        self.session.saved.connect(lambda _at: self.maybe_backup())
        self._menu()
        if not plan.readonly:
            # The backup of the file as opened starts once the window is on screen: its thread would take
            # turns at the interpreter with the start-up's own work (there is nothing to type into before).
            window.when_shown(self.backup_now)

    def show_banner(self, text: str, buttons: dict | None = None) -> QFrame:
        frame = banner(text, buttons)
        self.window.centralWidget().layout().insertWidget(0, frame)
        frame.show()  # now, not at the next turn of the event loop (a layout shows new children queued)
        self.banners.append(frame)
        return frame

    def _recovery(self) -> str:
        stale = self.plan.lock.stale if self.plan.lock is not None else None
        if stale is None:
            return ""
        from copdesk.core.report import recovery  # only after a crash: not imported at every start
        text = recovery.recovered(self.session.report, stale).message()
        from copdesk import crash_log
        log = crash_log.crashed(stale.pid)
        if log is not None:  # copdesk itself crashed: where its stack was written, to send to support
            text += " " + translate("WindowSafety", "copdesk stopped on an error; what it was doing is in {path} "
                                                    "(please send that file to whoever supports copdesk for you).").format(
                path=log)
        self.show_banner(text, {translate("WindowSafety", "Restore from backup…"): self.restore})
        return text

    def _rescued(self, message: str) -> None:
        self.show_banner(message)
        self.window.statusBar().showMessage(message, 20000)

    def _menu(self) -> None:
        from PySide6.QtGui import QAction
        action = QAction(self.window)  # not QAction(text, parent): see MainWindow._action
        action.setText(translate("WindowSafety", "Restore from &backup…"))
        action.triggered.connect(lambda _c=False: self.restore())
        export = getattr(self.window, "export_action", None)
        menu = self.window.menuBar().actions()[0].menu()
        menu.insertAction(export, action) if export is not None else menu.addAction(action)
        self.restore_action = action

    def restore(self) -> None:
        from copdesk.ui.backups_dialog import restore_from_backup
        restore_from_backup(self.window, self.session.report.path, self.window.controller)

    # -- backups ----------------------------------------------------------------------------------
    def maybe_backup(self) -> None:
        """After a save: a new backup when the last one is BACKUP_EVERY_S old."""
        from copdesk.core.report import backups
        if time.monotonic() - self.last_backup >= backups.BACKUP_EVERY_S:
            self.backup_now()

    def backup_now(self):
        if self.backup_running or self.plan.readonly:
            return None
        path, report_id = self.session.report.path, self.session.report.meta.get("report_id", "")
        if not report_id:
            return None
        self.backup_running = True
        self.last_backup = time.monotonic()

        def done(_result) -> None:
            self.backup_running = False

        def failed(exc) -> None:
            self.backup_running = False
            self.window.statusBar().showMessage(translate("WindowSafety", "Backup not made: {error}").format(
                error=getattr(exc, 'message', exc)), 10000)

        from copdesk.core.report import backups  # the first backup starts after the first paint (see __init__)
        from copdesk.ui.tasks import run_task
        task = run_task(lambda: backups.make_backup(path, report_id), done, failed)
        self._tasks.append(task)
        return task

    def close(self) -> None:
        self.plan.release()


def detach(window: QWidget) -> None:
    """The window is closed cleanly: its lock goes, so the next open knows nothing crashed."""
    if window.safety is not None:
        window.safety.close()
