"""The one place that wires core and UI: QApplication, the exception hook, the main window.

`python -m copdesk.app [FILE]` (the README's run command) opens FILE, or a fresh copy of the sample report.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from copdesk import paths


def sample_report_path() -> Path:
    """A fresh copy of the bundled sample report, made from its JSON in a temporary folder."""
    from copdesk.core.jsonio import import_json
    out = Path(tempfile.mkdtemp(prefix="copdesk-sample-")) / "kestrel-video-2026-03.copdesk"
    import_json(paths.resources_dir() / "sample" / "kestrel-video-2026-03.json", out).close()
    return out


def make_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("copdesk")
    app.setApplicationName("copdesk")
    app.setApplicationDisplayName("copdesk")
    from copdesk.ui.style import apply_style
    apply_style(app)
    return app


def open_window(path: Path):
    """Open `path` in a main window; a CopdeskError is shown as a dialog and returns None."""
    from copdesk.core.errors import CopdeskError
    from copdesk.core.report import Report
    from copdesk.ui import settings
    from copdesk.ui.main_window import MainWindow
    from copdesk.ui.messages import show_error
    try:
        report = Report.open(path, who=settings.user_name() or None)
    except CopdeskError as exc:
        show_error(None, exc)
        return None
    settings.add_recent(path)
    return MainWindow(report)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    app = make_app()
    from copdesk.ui.messages import install_excepthook
    path = Path(argv[0]) if argv else sample_report_path()
    window = open_window(path)
    if window is None:
        return 2
    install_excepthook(window.session.flush, lambda: window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
