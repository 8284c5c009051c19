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
    from copdesk import __version__
    app.setApplicationVersion(__version__)
    from copdesk.ui.i18n import install_translators
    from copdesk.ui.style import apply_style
    install_translators(app)  # before any widget exists, so every tr() sees the chosen language
    apply_style(app)
    return app  # the window icon is set by the first window shown (style.set_app_icon)


def smoke() -> int:
    """Open the sample report in a window, paint it once and quit: proves a build starts (see packaging/).

    No dialogs: the file is a fresh temporary copy opened directly, not through the controller's checks.
    With COPDESK_T0 (epoch seconds taken just before the process was started) the time to the first paint
    is counted from there, so it includes the interpreter's start and the bundle's loading.
    """
    import os
    import time
    started = time.perf_counter() - (time.time() - float(os.environ["COPDESK_T0"]) if "COPDESK_T0" in os.environ
                                     else 0.0)
    app = make_app()
    from PySide6.QtCore import QTimer
    from copdesk.core.report.open_file import Report
    from copdesk.ui.controller import sample_report_path
    from copdesk.ui.main_window import MainWindow
    window = MainWindow(Report.open(sample_report_path()))
    window.show()
    QTimer.singleShot(0, lambda: (window.repaint(), app.quit()))
    app.exec()
    since = "process start" if "COPDESK_T0" in os.environ else "smoke()"
    print(f"copdesk window painted {time.perf_counter() - started:.2f} s after {since} "
          f"(platform {app.platformName()}, {len(window.findChildren(object))} objects)")
    from copdesk.ui import i18n, spell
    checker = spell.checker()
    if checker is not None:  # the dictionary loads in the background in the app; here we wait for it
        t = time.perf_counter()
        checker.wait()
        print(f"spell checking {checker.code}: dictionary loaded in {time.perf_counter() - t:.2f} s, "
              f"'recieve' -> {checker.suggestions('recieve')[:3]}; interface language {i18n.chosen()}")
    window.close()
    return 0


def templates_load(problem) -> bool:
    """A broken template file (a bad correction, say) found by core_first() is shown with its file, line and
    node, and copdesk stops rather than work on a half-loaded template."""
    if problem is None:
        return True
    from copdesk.ui.messages import show_error
    show_error(None, problem, "copdesk cannot start")
    return False


def core_first():
    """Start-up, part one, before Qt is imported: the core modules a window needs, and the templates.

    Modules imported after PySide6 each pay for PySide's import hook (it reads their source), so the core
    comes first. Returns the FormError of a broken template (shown once the application exists), or None.
    """
    from copdesk.core.report import open_file as report  # noqa: F401 - imported now, on purpose (see above)
    from copdesk.core.rules import wizard  # noqa: F401 - imported now, on purpose (see above)
    from copdesk.core.errors import FormError
    from copdesk.core.template.forms import load_template
    try:
        load_template()  # every edition is read (and checked), and kept for the reports opened next
    except FormError as exc:
        return exc
    return None


def run_window(path: Path | None, start_screen: bool = False) -> int:
    """Open `path` (or the start screen, or the sample) and run the event loop."""
    import gc
    from copdesk import crash_log
    crash_log.enable()  # a crash Python cannot catch leaves its stack in the user's data folder (never silent)
    # Start-up makes many objects and frees few: no collections until the main window's first paint turns
    # the collector on again (or, when no window opens, the timer below does).
    gc.disable()
    problem = core_first()
    app = make_app()
    from PySide6.QtCore import QTimer
    QTimer.singleShot(3000, gc.enable)
    if not templates_load(problem):
        gc.enable()
        return 2
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
    if argv == ["--smoke"]:
        return smoke()
    return run_window(Path(argv[0]) if argv else None)


if __name__ == "__main__":
    raise SystemExit(main())
