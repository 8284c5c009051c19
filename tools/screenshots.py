"""Take the README's screenshots offscreen: python tools/screenshots.py [OUT_DIR]."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COPDESK_DATA_DIR", tempfile.mkdtemp())


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
    from copdesk.app import make_app
    app = make_app()
    from copdesk.ui.controller import Controller, sample_report_path
    from copdesk.ui.new_report import NewReportWizard

    def shot(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    controller = Controller()
    window = controller.open_path(sample_report_path())
    window.resize(1280, 820)
    shot(window, "main-header")
    window.show_step("Commitment 14")
    shot(window, "commitment")
    window.show_step("Measure 14.2")
    for _ in range(5):
        app.processEvents()  # laid out first: a new page has no scroll range yet
    window.page.verticalScrollBar().setValue(330)
    shot(window, "measure-sli-table")
    window.show_step("Crisis 1")
    shot(window, "crisis-section")
    controller.show_start()
    shot(controller.start, "start")
    wizard = NewReportWizard(folder=Path(tempfile.mkdtemp()), today=date(2026, 11, 29))
    wizard.show()
    wizard.profile.signatory.setText("Example Video")
    wizard.profile.kind_buttons["platform"].setChecked(True)
    wizard.next()
    wizard.next()
    wizard.subscriptions.check(["Commitment 14", "Measure 17.2", "Commitment 39"])
    wizard.subscriptions.tree.expandAll()
    shot(wizard, "new-report-wizard")
    for w in list(controller.windows):
        w.close()


if __name__ == "__main__":
    main()
