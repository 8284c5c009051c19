"""Take the README's screenshots offscreen: python tools/screenshots.py [OUT_DIR].

They show the sample report (a throwaway copy), with a few changes made for the pictures: some answers
cleared and a figure that is not a number (so the checks have something to list), a "No" left with its
"If yes" text, and a member-state table of eight long-named columns (a wide table).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COPDESK_DATA_DIR", tempfile.mkdtemp())

WIDE_COLUMNS = ["Fake accounts removed", "Views before removal", "Appeals lodged by users", "Restored after appeal",
                "Accounts labelled", "Reach of labelled content", "Reports from trusted flaggers",
                "Median time to action (hours)"]


def _for_the_pictures(window) -> None:
    """Changes to the sample copy (not saved anywhere that lasts)."""
    session, t = window.session, window.session.template
    for code in ("QRE 14.1.1", "Commitment 17 Q3", "header.period_end"):
        session.set_text(code, "")
    session.set_text("Commitment 18 Q2", "Prompts before resharing a post a fact-checker rated false.")
    session.set_text("Commitment 18 Q1", "No")  # a No left with its "If yes" text: flagged, kept or cleared
    grid = [[t.country_column] + WIDE_COLUMNS]
    for i, state in enumerate(t.member_states):
        grid.append([state] + [f"{(i + 3) * (c + 7) * 1_237:,}" for c in range(len(WIDE_COLUMNS))])
    grid.append(["Total EU"] + [f"{sum((i + 3) * (c + 7) * 1_237 for i in range(t.eu_states)):,}"
                                for c in range(len(WIDE_COLUMNS))])
    grid[5][3] = "about 400"  # not a figure: the checks say so, and so does the cell
    session.set_table("SLI 14.2.1", grid)
    session.flush()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
    from copdesk.app import make_app
    app = make_app()
    from copdesk.ui import settings
    from copdesk.ui.controller import Controller, sample_report_path
    from copdesk.ui.new_report import NewReportWizard

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def checked(window) -> None:
        """The statuses and checks up to date (the whole report is checked on a worker thread: ui/live_view.py)."""
        import time
        window.session.flush()
        deadline = time.monotonic() + 30
        while window.live_view.live is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    controller = Controller()
    window = controller.open_path(sample_report_path())
    window.resize(1280, 820)
    _for_the_pictures(window)
    checked(window)
    settle()
    shot(window, "main-header")
    window.show_step("Commitment 14")
    shot(window, "commitment")
    window.show_step("Measure 14.2")
    settle()  # laid out first: a new page has no scroll range yet
    window.page.blocks.finish()
    settle()
    table = window.page.editors["SLI 14.2.1 table"]
    window.page.verticalScrollBar().setValue(table.mapTo(window.page.widget(), table.rect().topLeft()).y() - 220)
    shot(window, "wide-table")
    checked(window)
    window.show_panel(window.checks)
    window.show_step("Commitment 18")
    shot(window, "checks")
    window.focus_find()
    window.find.query.setText("task-force")
    window.find.search()
    window.find.jump.emit(window.find.hits[0].target)  # as a click on the first result
    shot(window, "find")
    window.show_step("Crisis 1")
    shot(window, "crisis-section")
    kept = Path(tempfile.mkdtemp()) / "Kestrel-Video-Report-March-2026.copdesk"
    window.save_copy(str(kept))  # the sample's way to keep one's changes: the copy opens in its place
    settle()
    settings.add_recent(kept)
    for w in list(controller.windows):
        w.close()
    controller.show_start()
    shot(controller.start, "start")
    wizard = NewReportWizard(folder=Path(tempfile.mkdtemp()), today=date(2026, 11, 29))
    wizard.show()
    wizard.profile.signatory.setText("Example Video")
    wizard.profile.kind_buttons["platform"].click()
    wizard.next()
    wizard.next()
    wizard.subscriptions.check(["Commitment 14", "Measure 17.2", "Commitment 39"])
    wizard.subscriptions.tree.expandAll()
    shot(wizard, "new-report-wizard")


if __name__ == "__main__":
    main()
