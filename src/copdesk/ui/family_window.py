"""A report family in the window (core/rules/services.py): the service switcher, its menu entries, one document per
service, and the checks of what is still missing in any service.

The switcher shows the draft as one service sees it: the navigator's progress, the checks, Find and the page
are that service's (ui/family.py); every answer says whether it is shared or the service's own, with the button
that changes that (ui/service_marks.py, ui/operations.make_own / make_shared: one undo step each).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from copdesk.core.rules import services
from copdesk.ui.service_marks import OWN_SIGN, SHARED_SIGN
from copdesk.ui.style import mark

FAMILY_CHECKS_DELAY_MS = 1500  # after a save, what is missing in any service is worked out again (off-thread)


class FamilyControls(QObject):
    def __init__(self, window, names: list[str], first: str | None = None):
        super().__init__(window)
        self.window, self.session, self.names = window, window.session, names
        self.session.service = first if first in names else names[0]
        self._tasks: list = []
        self._export_task = None
        self.written: list[Path] = []  # the documents of the last 'Export every service to Word'
        self._generation = 0
        self.family_issues = None  # core.rules.family_checks.FamilyIssue list, once worked out
        self._timer = QTimer(self, singleShot=True, interval=FAMILY_CHECKS_DELAY_MS)
        self._timer.timeout.connect(self.refresh_checks)
        self.session.written.connect(lambda _codes: self._timer.start())
        self.session.structure_changed.connect(self._timer.start)  # a service signs more or less
        self.bar = self._bar()

    # -- the switcher ---------------------------------------------------------------------------
    def _bar(self) -> QWidget:
        bar = QWidget()
        mark(bar, "serviceBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 2)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Service shown"))
        for name in self.names:
            self.combo.addItem(name, name)
        self.combo.setCurrentIndex(self.names.index(self.session.service))
        self.combo.activated.connect(lambda i: self.switch(self.names[i]))
        label = QLabel(self.tr("&Service shown:"))
        label.setBuddy(self.combo)
        hint = QLabel(self.tr("One draft for {n} services. {shared} marks a shared answer (written once, in every "
                              "service's report), {own} one that is this service's own.").format(
            n=len(self.names), shared=SHARED_SIGN, own=OWN_SIGN))
        hint.setWordWrap(True)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addWidget(hint, 1)
        return bar

    def install(self, file_menu, edit_menu, go_menu, before) -> None:
        """Menu entries: Go › Next / Previous service, Edit › the answer's owner, File › every service's document."""
        w = self.window
        go_menu.addSeparator()
        self.next_action = w.add_action(go_menu, self.tr("Next ser&vice"), lambda: self.step(1), "Ctrl+Alt+PgDown")
        self.prev_action = w.add_action(go_menu, self.tr("Previous servi&ce"), lambda: self.step(-1), "Ctrl+Alt+PgUp")
        edit_menu.addSeparator()
        self.own_action = w.add_action(edit_menu, self.tr("Make this answer the service's &own"),
                                    lambda: self.change_focused(True), "Ctrl+Alt+O")
        self.shared_action = w.add_action(edit_menu, self.tr("Use the s&hared answer again"),
                                       lambda: self.change_focused(False), "Ctrl+Alt+H")
        from PySide6.QtGui import QAction
        action = QAction(w)
        action.setText(self.tr("Export every service to Wor&d…"))
        action.triggered.connect(lambda _checked=False: self.export_each())
        actions = file_menu.actions()  # just after Export to Word (what File › Restore from backup goes above)
        after = actions[actions.index(before) + 1] if before in actions[:-1] else None
        file_menu.insertAction(after, action) if after is not None else file_menu.addAction(action)
        self.export_each_action = action

    def step(self, by: int) -> None:
        i = self.names.index(self.session.service)
        self.switch(self.names[(i + by) % len(self.names)])

    def switch(self, name: str, key: str | None = None) -> None:
        """Show the draft as `name` sees it: navigator, checks, Find and the page (`key`, "KEY#CODE" with the
        cursor in an answer, or the item shown now when the service signs it)."""
        w = self.window
        if name == self.session.service or name not in self.names:
            if key is not None:
                w.show_step(key)
            return
        self.session.flush()
        key = key or w.current_key()
        self.session.service = name
        self.combo.setCurrentIndex(self.names.index(name))
        w.update_title()
        w.reload_steps()  # the service's steps (its subscriptions) and statuses
        w.show_step(key if key.partition("#")[0] in w.step_keys() else "header")
        w.statusBar().showMessage(self.tr("Showing {service}'s report.").format(service=name), 5000)
        if w.panels_built and self.family_issues is not None:
            w.checks.set_family(self.family_issues, name, len(self.names))

    def change_focused(self, own: bool) -> bool:
        """Edit › make the answer with the cursor the service's own, or shared again."""
        w = self.window
        page, widget = w.page, w.focusWidget()
        if page is None:
            return False
        for code, editor in page.editors.items():
            if widget is editor or (widget is not None and editor.isAncestorOf(widget)):
                table = code.endswith(" table")
                plain = code.removesuffix(" table")
                from copdesk.ui import family
                state = family.state(self.session, plain, table)
                if (state == "shared") == own:
                    return page.change_owner(plain, own, table)
                w.statusBar().showMessage(self.tr("This answer is {service}'s own already.") if own else
                                          self.tr("This answer is shared already."), 5000)
                return False
        w.statusBar().showMessage(self.tr("Put the cursor in an answer first."), 5000)
        return False

    # -- one document per service ---------------------------------------------------------------
    def export_each(self, folder: str | None = None, ask_open: bool = True) -> None:
        """Every service's Word document in `folder`, each named after its service, written on a worker
        thread (the documents' data and review markers are read first, here); `self.written` lists them."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QFileDialog, QProgressDialog
        from copdesk.core.exports.word import DocxOptions
        from copdesk.core.exports.docx_comments import review_export
        from copdesk.ui import settings
        from copdesk.ui.messages import show_error
        from copdesk.ui.tasks import run_task
        w = self.window
        if folder is None:
            folder = QFileDialog.getExistingDirectory(w, self.tr("Export every service to Word: choose a folder"),
                                                      str(self.session.report.path.parent))
            if not folder:
                return
        self.session.flush()
        report, data, template = self.session.report, self.session.report.snapshot(), self.session.template
        jobs = []
        for name in self.names:
            view = services.view(data, name, template.index)
            jobs.append((Path(folder) / f"{services.file_stem(name)}.docx", view, DocxOptions(
                review=review_export(report, data=view), modified_by=settings.user_name())))
        progress = QProgressDialog(self.tr("Exporting every service to Word…"), "", 0, 0, w)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(300)
        report_path = report.path
        self.written = []

        def work() -> list[Path]:
            from copdesk.core.exports.word import export_docx
            from copdesk.core.safety.outputs import check_output
            for out, view, options in jobs:  # a failure stops here: the documents written so far stay
                check_output(out, [report_path], f"exporting {report_path.name}")
                export_docx(template, view, out, options)
                self.written.append(out)
            return list(self.written)

        def done(written: list[Path]) -> None:
            progress.close()
            w.statusBar().showMessage(self.tr("Exported {n} documents to {folder}").format(
                n=len(written), folder=folder), 10000)
            if ask_open and written:
                w.offer_open(written[0], self.tr("Exported {n} documents to {folder}:").format(
                    n=len(written), folder=folder) + "\n" + "\n".join(p.name for p in written))

        def failed(exc) -> None:
            progress.close()
            show_error(w, exc)

        self._export_task = run_task(work, done, failed)  # kept: the task lives until it reports

    # -- what is missing in any service -----------------------------------------------------------
    def refresh_checks(self) -> None:
        """Work out, off the interface thread, what each service still lacks; the checks panel lists it."""
        from copdesk.core.report.open_file import Report
        from copdesk.ui.tasks import run_task
        self._generation += 1
        generation, path, template, names = self._generation, self.session.report.path, self.session.template, \
            list(self.names)

        def work():
            from copdesk.core.rules.family_checks import missing_anywhere
            with Report.open(path, template=template, readonly=True) as report:
                data = report.snapshot()
            return missing_anywhere(template, data, names)

        def done(found) -> None:
            if generation != self._generation or self.window.closed:
                return
            self.family_issues = found
            if self.window.panels_built:
                self.window.checks.set_family(found, self.session.service, len(self.names))

        self._tasks = [run_task(work, done, lambda _exc: None)]


def install(window, first: str | None = None) -> FamilyControls | None:
    """The family's controls for a report that names services; None for a report without."""
    names = window.session.report.services()
    if not names:
        return None
    controls = FamilyControls(window, names, first)
    window.centralWidget().layout().insertWidget(0, controls.bar)
    return controls

