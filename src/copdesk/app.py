"""The one place that wires core and UI: QApplication, the exception hook, the first window.

`python -m copdesk.app [FILE]` (the README's run command) opens FILE, or a fresh copy of the sample report.
`copdesk` with no command opens the start screen; `copdesk FILE.copdesk` opens that file.
"""

from __future__ import annotations

import sys
from pathlib import Path


def make_app(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("copdesk")
    app.setApplicationName("copdesk")
    app.setApplicationDisplayName("copdesk")
    from copdesk.ui.style import apply_style
    apply_style(app)
    return app


def run_window(path: Path | None, start_screen: bool = False) -> int:
    """Open `path` (or the start screen, or the sample) and run the event loop."""
    app = make_app()
    from copdesk.ui.controller import Controller, sample_report_path
    from copdesk.ui.messages import install_excepthook
    controller = Controller()

    def save_all() -> None:
        for w in controller.windows:
            w.session.flush()

    install_excepthook(save_all, controller._parent)
    if start_screen:
        controller.show_start()
    elif controller.open_path(path or sample_report_path()) is None:
        controller.show_start()
    app.setQuitOnLastWindowClosed(True)
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run_window(Path(argv[0]) if argv else None)


if __name__ == "__main__":
    raise SystemExit(main())
