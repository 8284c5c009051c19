"""The Review menu of the main window: comments, section statuses, freeze, final approval, versions,
comparison, merge and bringing back a reviewed Word document. A part of the window (`window.review`, made
in MainWindow.__init__), so main_window.py stays about drafting."""

from __future__ import annotations

from PySide6.QtCore import QObject

from copdesk.core.review import comments as review
from copdesk.ui import settings


def ask_name(parent):
    from copdesk.ui.review_panel import ask_name as ask  # the review panel loads when first needed
    return ask(parent)


class ReviewActions(QObject):
    """The window's review actions and the Review menu (uses the window's session, stack, page, menus and
    side panels; the comments panel is the window's, beside Checks and Find: `window.comments`)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        w, session = window, window.session
        menu = w.menuBar().addMenu(self.tr("&Review"))
        self.menu = menu
        w.add_action(menu, self.tr("&Comment on this answer…"), self.comment_on_focused, "Ctrl+Alt+M")
        w.add_action(menu, self.tr("Show c&omments"), lambda: (w.show_panel(w.comments), w.comments.tree.setFocus()),
                  "Ctrl+Shift+M")
        menu.addSeparator()
        self.freeze_action = w.add_action(menu, self.tr("&Freeze for review"), self.toggle_freeze)
        self.freeze_action.setCheckable(True)
        self.freeze_action.setChecked(bool(session.report.frozen()))
        w.add_action(menu, self.tr("&Approve the final report…"), self.approve_final)
        menu.addSeparator()
        w.add_action(menu, self.tr("Save a &version…"), self.save_version, "Ctrl+Alt+S")
        w.add_action(menu, self.tr("Co&mpare…"), self.compare)
        menu.addSeparator()
        w.add_action(menu, self.tr("Merge a &reviewer's copy…"), self.merge_copy)
        w.add_action(menu, self.tr("Bring back a reviewed &Word document…"), self.bring_back_review)
        w.add_action(menu, self.tr("Merge c&hoices…"), self.merge_choices)
        session.comments_changed.connect(self._reload_page)
        session.review_changed.connect(self._reload_page)
        session.review_changed.connect(lambda: self.freeze_action.setChecked(bool(session.report.frozen())))
        session.comments_changed.connect(lambda: self._review_saved(self.tr("Comments saved")))
        session.review_changed.connect(lambda: self._review_saved(self.tr("Review status saved")))

    def _review_saved(self, what: str) -> None:
        """A comment or a status is written at once: the status bar says so, as it does for answers."""
        from datetime import datetime
        at = datetime.now().strftime("%H:%M:%S")
        self.window.show_saved(at)
        self.window.statusBar().showMessage(self.tr("{what} at {time}").format(what=what, time=at), 5000)

    # -- comments ---------------------------------------------------------------------------------
    def on_comment_requested(self, target: str) -> None:
        from copdesk.core.rules.services import split_target
        w = self.window
        code, cell = split_target(target)  # a service's own answer keeps its " @ " (core/rules/services.py)
        if cell or not review.threads(w.session.report, code):
            from copdesk.ui.review_panel import write_comment
            write_comment(w, w.session, w.stack, code, cell=cell)
        w.show_panel(w.comments)
        w.comments.show_code(code)

    def comment_on_focused(self) -> None:
        w = self.window
        widget, page = w.focusWidget(), w.page
        if page is None:
            return
        for code, editor in page.editors.items():
            if widget is editor or (widget is not None and editor.isAncestorOf(widget)):
                self.on_comment_requested(getattr(editor, "code", code.removesuffix(" table")))  # its stored code
                return
        w.statusBar().showMessage(self.tr("Put the cursor in an answer to comment on it."), 5000)

    # -- statuses, freeze, final ------------------------------------------------------------------
    def on_status_requested(self, section: str, status: str) -> None:
        w = self.window
        name = ask_name(w)
        if not name:
            self._reload_page()
            return
        from copdesk.ui import operations
        operations.run(w, operations.set_section_status, w.session, w.stack, section, status, name)

    def toggle_freeze(self, checked: bool | None = None) -> None:
        w = self.window
        frozen = not w.session.report.frozen() if checked is None else checked
        name = ask_name(w)
        if not name:
            self.freeze_action.setChecked(bool(w.session.report.frozen()))
            return
        from copdesk.ui import operations  # one undo step (edits before it are undone after it)
        operations.run(w, operations.set_frozen, w.session, w.stack, name, frozen)
        self.freeze_action.setChecked(bool(w.session.report.frozen()))

    def approve_final(self, confirm: bool = True) -> bool:
        w = self.window
        name = ask_name(w)
        if not name:
            return False
        open_sections = [c for c, s in review.statuses(w.session.report).items() if s.status != "approved"]
        text = self.tr("Record your final approval, {name}? The report is frozen and its export says Final.").format(
            name=name)
        if open_sections:
            text += "\n\n" + self.tr("Not every section is approved yet: {sections}.").format(
                sections=", ".join(open_sections))
        from PySide6.QtWidgets import QMessageBox
        if confirm and QMessageBox.question(w, self.tr("Final approval"), text) != QMessageBox.Yes:
            return False
        from copdesk.ui import operations  # a formal act: it clears the undo history and says so
        if operations.run(w, operations.approve_final, w.session, w.stack, name) is None:
            return False
        self.freeze_action.setChecked(True)
        return True

    # -- versions, comparison, merge ---------------------------------------------------------------
    def save_version(self, name: str | None = None) -> None:
        w = self.window
        if name is None:
            from copdesk.ui import ask
            name, ok = ask.text(w, self.tr("Save a version"), self.tr("Name of this version (e.g. “sent to legal”):"))
            if not ok:
                return
        from copdesk.ui import operations
        v = operations.run(w, operations.save_version, w.session, w.stack, name,
                           settings.user_name() or w.session.report.who)
        if v is not None:
            w.statusBar().showMessage(self.tr("Saved version “{name}”.").format(name=v.name), 8000)

    def compare(self):
        from copdesk.ui.compare_dialog import CompareDialog
        self.window.session.flush()
        dialog = CompareDialog(self.window.session.report, self.window)
        dialog.exec()
        return dialog

    def merge_copy(self, theirs: str | None = None, out: str | None = None):
        from copdesk.ui.merge_dialog import run_merge
        self.window.session.flush()
        return run_merge(self.window, theirs, out)

    def bring_back_review(self, path: str | None = None, show: bool = True):
        """A Word export reviewed in Word or LibreOffice: its comments and suggestions come in (review_import_ops)."""
        from copdesk.ui.review_import_ops import bring_back
        return bring_back(self.window, path, show)

    def merge_choices(self):
        from copdesk.ui.merge_dialog import ConflictsDialog
        w = self.window
        dialog = ConflictsDialog(w.session, w.stack, w)
        if not dialog.conflicts:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.information(w, self.tr("Merge choices"),
                                    self.tr("No merge choices are pending in this report."))
            return None
        dialog.exec()
        return dialog

    def _reload_page(self) -> None:
        """The page again (new comment counts, statuses), where it was: the whole page is built at once and
        the scroll position set back once it is laid out (set before, it fell back to the top). Comments and
        review statuses change no answer: the checks and the navigator's statuses stay as they are."""
        w = self.window
        if w.page is not None:
            key, scroll = w.page.step.key, w.page.verticalScrollBar().value()
            w.show_step(key)
            w.page.blocks.finish()
            _scroll_back(w.page.verticalScrollBar(), scroll)


def _scroll_back(bar, value: int) -> None:
    """Set `bar` to `value` as soon as its range allows (the page is laid out after it is shown), unless the
    user scrolls first."""
    def restore(*_args) -> None:
        if bar.maximum() >= value:
            bar.setValue(value)
            stop()

    def stop(*_args) -> None:
        bar.rangeChanged.disconnect(restore)
        bar.actionTriggered.disconnect(stop)

    bar.rangeChanged.connect(restore)
    bar.actionTriggered.connect(stop)
    restore()
