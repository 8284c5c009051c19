"""File › Save a copy as…, and the sample report saying what it is.

The sample report opens as a fresh copy in a temporary folder, every time: changes made to it are not kept
anywhere a person would look. The window says so in a banner with "Save a copy as…"; saving the copy opens
it in place of the sample, so the work goes on in a file of one's own. For any other report, Save a copy
as… writes a consistent copy (SQLite's backup, synced) and offers to open it; the report stays open, as
LibreOffice's "Save a Copy" does. copdesk never writes over an existing file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def sample_banner(window):
    """The banner of a sample window: what the sample is, and the way to keep one's changes."""
    from copdesk.ui.window_safety import banner
    frame = banner(translate("Copies", "This is the sample report of a fictional platform, to look around in. It is "
                                       "a throwaway copy in a temporary folder: it is not in your recent reports, "
                                       "and the sample opens fresh next time. To keep your changes, save a copy."),
                   {translate("Copies", "Save a &copy as…"): lambda: save_copy(window)})
    frame.setObjectName("sampleBanner")
    window.centralWidget().layout().insertWidget(0, frame)
    frame.show()
    return frame


def save_copy(window, out: str | Path | None = None, open_copy: bool | None = None):
    """Write a copy of the window's report; for the sample, open the copy instead of it. Returns the path."""
    from PySide6.QtWidgets import QMessageBox
    from copdesk.core.report import backups
    from copdesk.core.errors import CopdeskError
    from copdesk.ui.messages import show_error
    report = window.session.report
    if out is None:
        folder = Path.home() / "Documents" if window.is_sample() else report.path.parent
        suggested = folder / (report.path.stem + ("" if window.is_sample() else "-copy") + ".copdesk")
        from copdesk.ui.ask import new_report_path
        out = new_report_path(window, translate("Copies", "Save a copy of the report as"), suggested)
        if out is None:
            return None
    out = Path(out if str(out).endswith(".copdesk") else f"{out}.copdesk")
    if out.exists():
        show_error(window, CopdeskError(translate("Copies", "{path} exists already.").format(path=out),
                                        translate("Copies", "Choose a new name: copdesk never writes over a "
                                                            "report.")))
        return None
    window.session.flush()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        backups.copy_report(report.path, out)
    except (CopdeskError, OSError) as exc:
        show_error(window, exc)
        return None
    window.statusBar().showMessage(translate("Copies", "Saved a copy at {path}").format(path=out), 10000)
    if window.is_sample():
        if window.controller is not None:
            window.controller.open_path(out)
            window.close()
        return out
    if open_copy is None and window.controller is not None:
        open_copy = QMessageBox.question(window, translate("Copies", "Copy saved"),
                                         translate("Copies", "Saved a copy at {path}. Open the copy?").format(path=out)
                                         ) == QMessageBox.Yes
    if open_copy and window.controller is not None:
        window.controller.open_path(out)
    return out
