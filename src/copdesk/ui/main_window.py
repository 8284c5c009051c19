"""The main window: navigator on the left, one page at a time in the middle, checks and find beside it.

Start-up shows the report first: the window paints with the navigator and the first page, then the panels
beside it (checks, find, comments) are filled. Modules a first page does not need (crisis pages, checks,
review, export) are imported when first used, not at start.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSplitter, QVBoxLayout, QWidget

from copdesk.core.rules import wizard
from copdesk.core.report.open_file import Report
from copdesk.ui import settings
from copdesk.ui.messages import show_error
from copdesk.ui.navigator import NavigatorView
from copdesk.ui.pages import ChapterPage, CommitmentPage, HeaderPage, MeasurePage, Page
from copdesk.ui.qt import Qt
from copdesk.ui.review_actions import ReviewActions
from copdesk.ui.session import DraftSession
from copdesk.ui.style import set_app_icon

NAV_WIDTH, PAGE_WIDTH, SIDE_WIDTH = 320, 660, 300  # pixels: the page gets the room, the side panels start narrow
_FROZEN = False  # gc.freeze() done (once per process, after the first window's first paint)


def page_class(kind: str) -> type[Page]:
    """The page for a step kind (the crisis pages are imported when first shown)."""
    if kind in ("crisis", "crisis_section"):
        from copdesk.ui.crisis_pages import CrisisOverviewPage, CrisisSectionPage
        return CrisisOverviewPage if kind == "crisis" else CrisisSectionPage
    return {"header": HeaderPage, "chapter": ChapterPage, "commitment": CommitmentPage, "measure": MeasurePage}[kind]


class MainWindow(QMainWindow):
    """A report's window. Its parts (the Review menu, template corrections, a family's service switcher, the
    draft's safety: banners and backups) are objects it makes here and keeps as attributes it assigns itself
    (`self.review`, `self.template_actions`, `self.family`, `self.safety`); each part gets the window and
    keeps what it makes on itself. No mixins, and no other module sets attributes on the window (a rule in
    tests/test_architecture.py)."""

    def __init__(self, report: Report, controller=None, plan=None):
        """`plan`: how the controller opened the report (ui/opening.OpenPlan: lock, read-only, notes); the
        window's safety part is made from it (None without: tests, the smoke run)."""
        super().__init__()
        self.closed = False  # True once the window has closed (its parts' late work then does nothing)
        self.controller = controller
        self.session = DraftSession(report, self)
        self.stack = QUndoStack(self)
        self.page: Page | None = None
        self._retired: list[Page] = []  # pages replaced by the current one, deleted once it has painted
        self._tasks: list = []
        self.last_export: Path | None = None  # the Word document File › Export to Word wrote last
        self.resize(1280, 860)
        self._build_layout()
        geometry, columns = settings.window_layout()  # as the last report window was left
        if geometry is not None:
            self.restoreGeometry(geometry)
        if columns is not None:
            self.splitter.restoreState(columns)
        self._build_actions()
        self.review = ReviewActions(self)  # the Review menu: comments, statuses, versions, merge
        from copdesk.ui import family_window  # a report family: the service switcher (None for a plain report)
        self.family = family_window.install(self)
        if self.family is not None:
            self.family.install(self.file_menu, self.edit_menu, self.go_menu, self.export_action)
        self.update_title()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))  # the last menu
        self.add_action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, QKeySequence.HelpContents)
        self.add_action(help_menu, self.tr("&About copdesk"), self.about)
        self.saved_label = QLabel(self.tr("Saved"))
        self.saved_label.setAccessibleName(self.tr("Save status"))
        self.statusBar().addPermanentWidget(self.saved_label)
        self.session.saved.connect(self.show_saved)
        self.session.save_failed.connect(self._on_save_failed)
        self.session.answer_changed.connect(lambda _c: self.setWindowModified(True))
        self.session.structure_changed.connect(self.reload_steps)
        self.session.reveal.connect(self.reveal)
        self.session.notice.connect(lambda message: self.statusBar().showMessage(message, 20000))
        from copdesk.ui.live_view import LiveView
        self.live_view = LiveView(self)  # statuses, checks and Find after each save: only what it touched
        self.live_view.relabelled.connect(self._relabel)
        from copdesk.ui.page_ahead import PageAhead
        self.ahead = PageAhead(self)  # the next page, built while this one is read
        self.session.flush()
        from copdesk.ui import family
        data = family.snapshot(self.session, light=True, flush=False)  # which tables are filled, not their cells
        self._steps = wizard.steps(self.session.template, data)
        self.navigator.rebuild(self.session.template, data, self._steps)
        left_on = settings.last_step(report.path)  # a report reopens where it was left
        self.show_step(left_on if any(s.key == left_on for s in self._steps) else "header")
        self._first_paint_pending = True  # checks and comments wait: start-up shows the report first
        self._when_shown: list = []  # more of that kind (when_shown)
        self.sample_banner = self.safety = None
        if self.is_sample() and controller is not None:  # what the sample is, and how to keep one's changes
            from copdesk.ui.copies import sample_banner
            self.sample_banner = sample_banner(self)
        if plan is not None:  # banners, the lock, backups, File › Restore from backup…
            from copdesk.ui.window_safety import WindowSafety
            self.safety = WindowSafety(self, plan)

    # -- layout ---------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        """Navigator | page | side panels (Checks, Find, Comments), side by side in a splitter.

        A splitter rather than dock widgets: placing a dock takes a Qt.DockWidgetArea, and the first use of the
        Qt namespace costs start-up 12 ms (ui/qt.py). The side panels are made after the first paint, in the
        room a blank placeholder keeps for them, so the page does not move when they arrive."""
        self.navigator = NavigatorView()
        self.navigator.step_activated.connect(self.show_step)
        column = QWidget()
        lay = QVBoxLayout(column)
        lay.setContentsMargins(0, 0, 0, 0)
        self.page_host = QVBoxLayout()
        lay.addLayout(self.page_host, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(12, 6, 12, 6)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.incomplete_button = QPushButton(self.tr("Next incomplete"))
        self.position = QLabel()
        for b in (self.prev_button, self.position, self.incomplete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        lay.addLayout(buttons)
        self._side = None  # a QTabWidget, made after the first paint (see side_panels)
        self._checks = self._find = self._comments = None
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        for widget in (self.navigator, column, QWidget()):  # the last one keeps the side panels' room
            self.splitter.addWidget(widget)
        self.splitter.setCollapsible(1, False)  # the page never disappears; the panels beside it may be dragged shut
        self.splitter.setStretchFactor(1, 1)  # a wider window widens the page
        self.splitter.setSizes([NAV_WIDTH, PAGE_WIDTH, SIDE_WIDTH])
        central = QWidget()  # banners (read-only, recovered, ...) go above the splitter, across the window
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def side_panels(self):
        """The tabs beside the page (Checks, Find, Comments), made on first use: after the first paint at the
        latest. Activating an item in any of them jumps to it."""
        if self._side is None:
            from PySide6.QtWidgets import QTabWidget
            from copdesk.ui.checks import ChecksPanel, FindPanel
            from copdesk.ui.review_panel import CommentsPanel
            self._checks, self._find = ChecksPanel(), FindPanel()
            self._comments = CommentsPanel(self.session, self.stack)
            tabs = QTabWidget()
            tabs.setObjectName("sidePanels")
            tabs.setDocumentMode(True)
            for panel, title in ((self._checks, self.tr("Checks")), (self._find, self.tr("Find")),
                                 (self._comments, self.tr("Comments"))):
                panel.jump.connect(self.jump_to)
                tabs.addTab(panel, title)
            self._find.jump.connect(self._went_to_match)  # after jump_to: the match under the cursor
            self._find.query_changed.connect(self._mark_matches)
            sizes = self.splitter.sizes()
            placeholder = self.splitter.replaceWidget(2, tabs)
            if placeholder is not None:
                placeholder.deleteLater()
            self.splitter.setSizes(sizes)  # nothing moves (a column dragged shut stays shut)
            self._side = tabs
        return self._side

    def show_panel(self, panel: QWidget) -> None:
        """Bring a side panel to the front, opening the side column again if it was dragged shut."""
        self.side_panels().setCurrentWidget(panel)
        nav, page, side = self.splitter.sizes()
        if side == 0:
            self.splitter.setSizes([nav, max(page - SIDE_WIDTH, 200), SIDE_WIDTH])

    @property
    def panels_built(self) -> bool:
        """Are the side panels there yet (they are made after the first paint, or when first asked for)?"""
        return self._side is not None

    @property
    def checks(self):
        """The checks panel (missing and invalid items)."""
        self.side_panels()
        return self._checks

    @property
    def find(self):
        """The find-across-the-report panel."""
        self.side_panels()
        return self._find

    @property
    def comments(self):
        """The comments panel (its actions are the Review menu's: `self.review`)."""
        self.side_panels()
        return self._comments

    def add_action(self, menu, text: str, slot, shortcut=None) -> QAction:
        """A menu entry of this window (its parts add theirs with it): `slot` on trigger, `shortcut` optional."""
        action = QAction(self)  # QAction(text, parent) would build QIcon's type (its overloads take icons)
        action.setText(text)
        if shortcut is not None:
            # setShortcuts: setShortcut's overloads would build the Qt namespace at start-up (ui/qt.py)
            action.setShortcuts(shortcut if isinstance(shortcut, QKeySequence.StandardKey) else [QKeySequence(shortcut)])
        action.triggered.connect(lambda _checked=False: slot())  # slots take their own arguments, never `checked`
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file = self.file_menu = bar.addMenu(self.tr("&File"))
        if self.controller is not None:
            c = self.controller
            self.add_action(file, self.tr("&New report…"), c.new_report, QKeySequence.New)
            self.add_action(file, self.tr("&Open…"), c.ask_open, QKeySequence.Open)
            self.recent_menu = file.addMenu(self.tr("Open &recent"))
            self.recent_menu.aboutToShow.connect(self._fill_recent)
            self.add_action(file, self.tr("Start from an &earlier report…"), c.import_report)
            self.add_action(file, self.tr("New report for the next &period from this one…"), self.carry_forward)
            self.add_action(file, self.tr("&Start screen"), c.show_start)
            file.addSeparator()
        self.add_action(file, self.tr("Save a &copy as…"), self.save_copy, QKeySequence.SaveAs)
        self.export_action = self.add_action(file, self.tr("Export to &Word…"), self.export_docx, "Ctrl+E")
        self.add_action(file, self.tr("Export to &PDF…"), self.export_pdf)
        file.addSeparator()
        self.add_action(file, self.tr("&Close"), self.close, QKeySequence.Close)
        # every window closes as Close would (each saves and lets go of its file; one that cannot stops the rest)
        self.quit_action = self.add_action(file, self.tr("&Quit"), QApplication.closeAllWindows, QKeySequence.Quit)
        edit = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence.Redo, QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        from copdesk.ui.edit_actions import add_clipboard_actions
        self.clipboard_actions = add_clipboard_actions(self, edit)
        edit.addSeparator()
        self.add_action(edit, self.tr("&Find in report…"), self.focus_find, QKeySequence.Find)
        edit.addSeparator()
        self.add_action(edit, self.tr("&Preferences…"), self.preferences, QKeySequence.Preferences)
        fmt = bar.addMenu(self.tr("F&ormat"))
        self.add_action(fmt, self.tr("&Bold"), lambda: self._format("toggle_bold"), QKeySequence.Bold)
        self.add_action(fmt, self.tr("&Italic"), lambda: self._format("toggle_italic"), QKeySequence.Italic)
        self.add_action(fmt, self.tr("B&ullet list"), lambda: self._format("toggle_bullets"), "Ctrl+Shift+L")
        self.add_action(fmt, self.tr("&Nest bullet"), lambda: self._format("indent", 1), "Ctrl+]")
        self.add_action(fmt, self.tr("&Un-nest bullet"), lambda: self._format("indent", -1), "Ctrl+[")
        self.add_action(fmt, self.tr("Insert &link…"), self._insert_link, "Ctrl+K")
        go = self.go_menu = bar.addMenu(self.tr("&Go"))
        self.prev_action = self.add_action(go, self.tr("&Previous"), self.go_previous, "Ctrl+PgUp")
        self.next_action = self.add_action(go, self.tr("&Next"), self.go_next, "Ctrl+PgDown")
        self.incomplete_action = self.add_action(go, self.tr("Next &incomplete"), self.go_next_incomplete, "Ctrl+J")
        self.add_action(go, self.tr("&Checks"), lambda: (self.show_panel(self.checks), self.checks.tree.setFocus()),
                        "Ctrl+Shift+C")
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.incomplete_button.clicked.connect(self.go_next_incomplete)
        for button, action in ((self.prev_button, self.prev_action), (self.next_button, self.next_action),
                               (self.incomplete_button, self.incomplete_action)):
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString(QKeySequence.NativeText)})")
        from copdesk.ui.template_actions import TemplateActions  # File › Load official wording…, Template menu
        self.template_actions = TemplateActions(self)
        self.template_actions.install(file, before=self.export_action)

    def _focused_rich(self):
        from copdesk.ui.fields import RichTextField
        widget = self.focusWidget()
        while widget is not None and not isinstance(widget, RichTextField):
            widget = widget.parentWidget()
        return widget

    def _format(self, method: str, *args) -> None:
        editor = self._focused_rich()
        if editor is not None:
            getattr(editor, method)(*args)

    def _insert_link(self) -> None:
        from copdesk.ui import ask
        editor = self._focused_rich()
        if editor is None:
            return
        url, ok = ask.text(self, self.tr("Insert link"), self.tr("Address of the page to link to (https://…):"))
        if ok and url.strip():
            editor.insert_link(url.strip())

    def carry_forward(self, out: str | None = None, title: str | None = None):
        """Start next period's report: text carried (marked to review), numbers cleared, this one the baseline."""
        from copdesk.core.review.carry import carry
        from copdesk.ui import ask
        if title is None:
            title, ok = ask.text(self, self.tr("Next period"), self.tr("Title of the new report:"),
                                 self.session.text("header.title"))
            if not ok or not title.strip():
                return None
        if out is None:
            from copdesk.ui.ask import new_report_path
            suggested = str(self.session.report.path.with_name(title.strip().replace(" ", "-") + ".copdesk"))
            out = new_report_path(self, self.tr("Save the new report as"), suggested)
            if out is None:
                return None
        self.session.flush()
        try:
            carry(self.session.report.path, Path(out), title.strip(), who=settings.user_name() or None).close()
        except Exception as exc:  # noqa: BLE001 - shown to the user; nothing was written
            show_error(self, exc)
            return None
        return self.controller.open_path(out) if self.controller is not None else Path(out)

    def preferences(self) -> None:
        from copdesk.ui.preferences import PreferencesDialog
        if PreferencesDialog(self).exec():
            self.session.report.who = settings.user_name() or self.session.report.who
            self.show_step(self.current_key())  # the page again, with the spell-checking dictionary chosen

    def save_copy(self, out: str | None = None):
        from copdesk.ui.copies import save_copy
        return save_copy(self, out)

    def show_shortcuts(self):
        from copdesk.ui.shortcuts import ShortcutsDialog
        dialog = ShortcutsDialog(self)
        dialog.exec()
        return dialog

    def about(self) -> None:
        from copdesk.ui.about import AboutDialog
        AboutDialog(self).exec()

    def _fill_recent(self) -> None:
        """Each recent report by its signatory and title (and file name), its path and last change in the tip."""
        from copdesk.core.report import peek
        from copdesk.ui.start import recent_text
        self.recent_menu.clear()
        self.recent_menu.setToolTipsVisible(True)
        for path in settings.recent_files():
            summary = peek.summary(path)
            first, _, second = recent_text(summary).partition("\n")
            action = self.recent_menu.addAction(f"{first} ({Path(path).name})" if summary.state == "ok" else first,
                                                lambda p=path: self.controller.open_path(p))
            action.setToolTip(second)
            action.setEnabled(summary.state != "missing")

    def is_sample(self) -> bool:
        """A throwaway copy of the sample report (controller.sample_report_path)."""
        return self.session.report.path.parent.name.startswith("copdesk-sample-")

    # -- navigation -----------------------------------------------------------------------------
    def current_key(self) -> str:
        return self.page.step.key if self.page else ""

    def update_title(self) -> None:
        """The file's name, and in a family the service shown."""
        service = f" — {self.session.service}" if self.session.service else ""
        readonly = ""
        if self.session.readonly:
            from copdesk.ui.window_safety import readonly_mark
            readonly = readonly_mark()
        self.setWindowTitle(f"{self.session.report.path.name}{readonly}[*]{service} — copdesk")

    def show_step(self, key: str) -> None:
        key, _, focus = key.partition("#")
        if focus and self.family is not None:  # "CODE @ SERVICE": that service's answer (core/rules/services.py)
            from copdesk.core.rules.services import split
            plain, service = split(focus)
            if service and service != self.session.service:
                self.family.switch(service, f"{key}#{plain}")
                return
            focus = plain
        steps = {s.key: s for s in self._steps}
        if key not in steps:
            return
        self.session.flush()
        rebuild = self.current_key() == key  # the page again, from the file: nothing built ahead is trusted
        if rebuild:
            self.ahead.drop()
        if self.page is not None:  # hidden now, deleted once the new page is on screen: the person waits for
            self.page_host.removeWidget(self.page)  # the new page, not for hundreds of widgets to go
            self.page.hide()
            self.page.blocks.stop()  # nothing more is built for a page no one sees
            self._drop_retired()  # pages replaced before they could paint (a key held down) go at once
            self._retired.append(self.page)
        ready = None if rebuild else self.ahead.take(steps[key])  # built while the last page was read
        self.page = ready or page_class(steps[key].kind)(self.session, self.stack, steps[key])
        from copdesk.ui.tab_order import after_paint
        after_paint(self.page.widget(), self._drop_retired)
        self.page.navigate.connect(self.show_step)
        self.page.comment_requested.connect(self.review.on_comment_requested)
        self.page.status_requested.connect(self.review.on_status_requested)
        self.page.correction_requested.connect(self.template_actions.request)
        self.page_host.addWidget(self.page)
        self.navigator.select(key)
        keys = list(steps)
        self.position.setText(self.tr("{n} of {total}").format(n=keys.index(key) + 1, total=len(keys)))
        self.prev_button.setEnabled(keys.index(key) > 0)
        self.next_button.setEnabled(keys.index(key) < len(keys) - 1)
        if focus:
            self.page.focus(focus)
        self.ahead.soon()  # the page after this one, once the person reads this one
        self.live_view.busy()

    def step_after(self, key: str) -> wizard.Step | None:
        """The step Next goes to from step `key` (None at the last, or for a key no longer there)."""
        keys = self.step_keys()
        at = keys.index(key) if key in keys else len(keys)
        return self._steps[at + 1] if at + 1 < len(keys) else None

    def _drop_retired(self) -> None:
        """Delete the pages shown before this one (they were hidden when it replaced them)."""
        retired, self._retired = self._retired, []
        for page in retired:
            page.deleteLater()

    def step_keys(self) -> list[str]:
        """The keys of the report's steps (pages), in the navigator's order."""
        return [s.key for s in self._steps]

    def go_next(self) -> None:
        keys = self.step_keys()
        i = keys.index(self.current_key()) if self.current_key() in keys else -1
        if i + 1 < len(keys):
            self.show_step(keys[i + 1])

    def go_previous(self) -> None:
        keys = self.step_keys()
        i = keys.index(self.current_key()) if self.current_key() in keys else 0
        if i > 0:
            self.show_step(keys[i - 1])

    def go_next_incomplete(self) -> None:
        self.session.flush()  # what was just typed counts
        live = self.live_view.live
        from copdesk.ui import family
        key = live.next_incomplete(self.current_key()) if live is not None else \
            wizard.next_incomplete(self.session.template, family.snapshot(self.session), self.current_key())
        if key is None:
            self.statusBar().showMessage(self.tr("Every item is complete."), 5000)
        else:
            self.show_step(key)

    def jump_to(self, target: str) -> None:
        """Show the answer `target` names, the cursor in it: a code, or "CODE@row,col" for a table cell; in a
        family, a service's own ("CODE @ SERVICE") in that service."""
        from copdesk.core.rules.services import split, split_target
        code, cell = split_target(target)
        code, service = split(code)
        if service and self.family is not None and service != self.session.service:
            self.family.switch(service)
        self.show_step(wizard.step_of(code.removesuffix(" table")))
        if self.page is None:
            return
        if cell:
            from copdesk.ui.sli_table import select_cell
            table = code.removesuffix(" table") + " table"
            self.page.focus(table)
            select_cell(self.page.editors.get(table), *map(int, cell.split(",")))
        else:
            self.page.focus(code)

    def _mark_matches(self, query: str) -> None:
        """Find's matches marked on the page shown (and on the next one a result opens)."""
        from copdesk.ui import find_marks
        if self.page is not None:
            find_marks.mark(self.page, query)

    def _went_to_match(self, target: str) -> None:
        from copdesk.ui import find_marks
        query = self.find.query.text().strip()
        from copdesk.core.rules.services import split_target
        if self.page is None or split_target(target)[1]:
            return
        find_marks.mark(self.page, query)
        editor = self.page.editors.get(target)
        if editor is not None:
            find_marks.go_to_first(editor, query)

    def reveal(self, where: str) -> None:
        """Bring a step ("step:KEY") or an answer (its code, "CODE table" for a table) into view: its page,
        then its field. What an undo or redo does, as Word scrolls to the edit it undoes."""
        keys = {s.key for s in self._steps}
        if where.startswith("step:"):
            if where[5:].partition("#")[0] in keys:
                self.show_step(where[5:])  # a structural change: the page is built again from the file
            return
        from copdesk.core.rules.services import split
        table = " table" if where.endswith(" table") else ""
        code, service = split(where.removesuffix(" table"))  # in a family: that service's answer, in it
        if service and self.family is not None and service != self.session.service:
            self.family.switch(service)
            keys = {s.key for s in self._steps}
        step = wizard.step_of(code)
        if step not in keys:
            return
        if self.current_key() != step:
            self.show_step(step)
        if self.page is not None:
            self.page.focus(code + table)  # a table's edit: the cursor back in the table

    def focus_find(self) -> None:
        self.session.flush()  # what was just typed can be found
        live = self.live_view.live
        from copdesk.ui import family
        self.find.set_source(self.session.template, live.data if live is not None else family.snapshot(self.session))
        self.show_panel(self.find)
        self.find.query.setFocus()
        self.find.query.selectAll()

    # -- status ---------------------------------------------------------------------------------
    def show_saved(self, at: str) -> None:
        """"Saved HH:MM:SS" in the status bar (a save of answers, a comment or a status)."""
        self.saved_label.setText(self.tr("Saved {time}").format(time=at))
        self.saved_label.setStyleSheet("")
        self.setWindowModified(self.session.dirty)

    def _on_save_failed(self, message: str) -> None:
        self.saved_label.setText(self.tr("⚠ Not saved — edits kept in memory"))
        self.saved_label.setStyleSheet("color: #a00000; font-weight: bold")
        self.statusBar().showMessage(message, 15000)

    def reload_template(self) -> None:
        """After a template correction: the template again (with this report's own wording), then the navigator,
        the panels and the page (or, when its item went away, the nearest step still there)."""
        old = self.session.template
        self.session.flush()
        self.session.template = self.session.report.reload_template()
        self.reload_steps()
        key = self.current_key()
        keys = {s.key for s in self._steps}
        while key and key not in keys:
            key = old.parents.get(key, "")
        self.show_step(key or wizard.HEADER)

    def reload_steps(self) -> None:
        """Subscriptions or sub-sections changed: the steps and the navigator now (from a light read of the
        file), the statuses and checks once the whole report is checked again on the side (ui/live_view.py)."""
        from copdesk.ui import family  # in a family, the service shown: its subscriptions
        data = family.snapshot(self.session, light=True, flush=False)  # which tables are filled, not their cells
        self._steps = wizard.steps(self.session.template, data)
        self.navigator.rebuild(self.session.template, data, self._steps)
        self.live_view.restart()

    def _relabel(self, steps: list) -> None:
        by_key = {s.key: s for s in steps}
        self._steps = [by_key.get(s.key, s) for s in self._steps]

    # -- export ---------------------------------------------------------------------------------
    def export_docx(self, out: str | None = None, ask_open: bool = True) -> None:
        self._export("docx", out, ask_open)

    def export_pdf(self, out: str | None = None, ask_open: bool = True) -> None:
        """The Word document as PDF, converted by LibreOffice (a message says what to do without it)."""
        self._export("pdf", out, ask_open)

    def _export(self, fmt: str, out: str | None, ask_open: bool) -> None:
        """Export the report shown (in a family, the service shown's document) as Word or PDF, on a worker
        thread behind a progress dialog; then offer to open the document or its folder."""
        from PySide6.QtWidgets import QFileDialog, QProgressDialog  # dialogs load when first used
        title, kinds, busy = {
            "docx": (self.tr("Export to Word"), self.tr("Word documents (*.docx)"), self.tr("Exporting to Word…")),
            "pdf": (self.tr("Export to PDF"), self.tr("PDF documents (*.pdf)"), self.tr("Exporting to PDF…")),
        }[fmt]
        if out is None:
            from copdesk.core.rules.services import file_stem
            path = self.session.report.path  # in a family, the service shown's document
            suggested = str(path.with_name(f"{path.stem} - {file_stem(self.session.service)}.{fmt}")
                            if self.session.service else path.with_suffix(f".{fmt}"))
            out, _ = QFileDialog.getSaveFileName(self, title, suggested, kinds)
            if not out:
                return
        from copdesk.core.exports.word import DocxOptions
        from copdesk.core.exports.docx_comments import review_export
        from copdesk.ui import family
        data, template = family.snapshot(self.session), self.session.template
        options = DocxOptions(review=review_export(self.session.report, data=data), modified_by=settings.user_name())
        progress = QProgressDialog(busy, "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)

        report_path = self.session.report.path

        def work():
            from copdesk.core.safety.outputs import check_output
            check_output(Path(out), [report_path], f"exporting {report_path.name}")
            if fmt == "pdf":
                from copdesk.core.exports.pdf import export_pdf
                return export_pdf(template, data, Path(out), options)
            from copdesk.core.exports.word import export_docx
            return export_docx(template, data, Path(out), options)

        def done(warnings) -> None:
            progress.close()
            self.last_export = Path(out)
            text = self.tr("Exported to {path}.").format(path=out) + (
                "\n\n" + self.tr("%n warning(s):", "", len(warnings)) + "\n" + "\n".join(map(str, warnings[:10]))
                if warnings else "")
            self.statusBar().showMessage(self.tr("Exported to {path}").format(path=out), 10000)
            if ask_open:
                self.offer_open(Path(out), text)

        def failed(exc) -> None:
            progress.close()
            show_error(self, exc)

        from copdesk.ui.tasks import run_task
        self._tasks.append(run_task(work, done, failed))

    def offer_open(self, path: Path, text: str) -> None:
        """Say `text` (what an export wrote) and offer to open the document `path`, or its folder."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Information, self.tr("Export finished"), text, QMessageBox.Close, self)
        open_doc = box.addButton(self.tr("Open document"), QMessageBox.AcceptRole)
        open_dir = box.addButton(self.tr("Open folder"), QMessageBox.ActionRole)
        box.exec()
        if box.clickedButton() is open_doc:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif box.clickedButton() is open_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().paintEvent(event)
        if self._first_paint_pending:
            self._first_paint_pending = False
            QTimer.singleShot(0, self, self._after_first_paint)  # bound to the window: never after it closed

    def when_shown(self, work) -> None:
        """Do `work` once the window has painted its first frame (at once if it has): start-up's chores."""
        if self._first_paint_pending:
            self._when_shown.append(work)
        else:
            work()

    def _after_first_paint(self) -> None:
        """What start-up leaves for after the report is on screen: the panels beside the page, merge news."""
        if self.closed:
            return
        for work in self._when_shown:
            work()
        self._when_shown.clear()
        set_app_icon()
        from copdesk.ui import fields, focus_ring
        focus_ring.install(self)  # focus visible on every control
        fields.fonts_ready(self)
        self.side_panels()
        self.live_view.restart(when_idle=True)  # the whole report is checked on a worker thread: the panels fill
        # when it is done (started once the person is not paging: ui/live_view.py)
        if self.family is not None:
            self.family.refresh_checks()  # what is missing in any service, on the side too
        self._announce_merge_choices()
        global _FROZEN
        gc.enable()  # copdesk.app turned the collector off for start-up
        if not _FROZEN:
            # The template and the other objects made at start-up live as long as the process: moved out of
            # the collector's way, later collections (while pages come and go) do not walk them again.
            gc.freeze()
            _FROZEN = True

    def _announce_merge_choices(self) -> None:
        from copdesk.core.review.merge import pending
        choices = pending(self.session.report)
        if choices:
            self.statusBar().showMessage(self.tr("%n merge choice(s) pending: Review › Merge choices…", "",
                                                 len(choices)), 30000)

    # -- closing --------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self.session.flush():
            from PySide6.QtWidgets import QMessageBox
            answer = QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("copdesk cannot write {path}:\n{error}\n\nClose anyway and lose the edits made since the last "
                        "save?").format(path=self.session.report.path, error=self.session.last_error),
                QMessageBox.Cancel | QMessageBox.Discard)
            if answer != QMessageBox.Discard:
                event.ignore()
                return
        self.closed = True
        settings.set_window_layout(self.saveGeometry(), self.splitter.saveState())
        if not self.is_sample() and self.page is not None:
            settings.set_last_step(self.session.report.path, self.current_key())
        self.session.saved.disconnect(self.show_saved)
        self.ahead.stop()
        if self.page is not None:  # an editor destroyed later empties its text: that is no edit to save
            from PySide6.QtWidgets import QTextEdit
            self.page.blocks.stop()  # and blocks not built yet are not built from a closed report
            for editor in self.page.findChildren(QTextEdit):
                editor.blockSignals(True)
        self._drop_retired()
        self.session.report.close()
        if not self.is_sample():
            settings.add_recent(self.session.report.path)
        event.accept()
        if self.controller is not None:
            self.controller.forget(self)
