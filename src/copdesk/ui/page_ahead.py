"""The next page, built while the person reads this one: Next (and Ctrl+PgDown) then only shows it.

A page switch builds the new page's first screen (about 6 ms of Python: editors, labels, their text laid
out), then Qt lays it out and paints it. Someone working through the report reads a page for seconds before
Next; once the window has been idle for AHEAD_AFTER_MS, the page after the current one is built, hidden, exactly
as a switch would build it (its first screen; the rest after its first paint, as always). Next takes it when it
is still what the file says:

- nothing was written since, except answers it does not show (SQLite's count of changes, Report.changes(),
  catches any write nobody announced);
- no change of structure, comments, review state or wording, the same service of a family, the same step (a
  sub-section's title) and the same template;
- a page that sums up other pages (a chapter, the crisis overview) is thrown away at any edit.

Otherwise it is thrown away and the page is built as before. A rebuild of the page shown (show_step of the
current key) also throws it away: whatever made the window rebuild may have changed it too. One page at most
is kept, so memory stays what it was.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

AHEAD_AFTER_MS = 250  # idle time before the next page is built: a person reads longer than this
SUMMARIES = ("chapter", "crisis")  # pages that show other pages' statuses


class PageAhead(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.session = window, window.session
        self.page = None  # the page built ahead (hidden, no parent), or None
        self._stamp: tuple = ()  # what it was built from: (report changes, service)
        self._template = None  # and from which template (compared by identity: a reload makes a new one)
        self._timer = QTimer(self, singleShot=True, interval=AHEAD_AFTER_MS)
        self._timer.timeout.connect(self._build)
        session = self.session
        session.answer_changed.connect(self._answer_changed)
        session.written.connect(self._written)
        for changed in (session.structure_changed, session.comments_changed, session.review_changed,
                        session.rescued):
            changed.connect(self.drop)

    @property
    def key(self) -> str:
        return self.page.step.key if self.page is not None else ""

    def soon(self) -> None:
        """The window has just changed (a page shown, an edit): build ahead once it has been idle a while."""
        self._timer.start()

    def take(self, step):
        """The page built ahead for `step` when it still shows what the file holds (None otherwise: the caller
        builds it). Whatever was built ahead goes either way."""
        page, self.page = self.page, None
        if page is None:
            return None
        if page.step != step or not self._holds():
            _discard(page)
            return None
        return page

    def drop(self, *_args) -> None:
        """Something the page built ahead may show has changed: it goes (and is built again when idle)."""
        self._timer.stop()
        page, self.page = self.page, None
        if page is not None:
            _discard(page)
        if not self.window.closed:
            self.soon()

    def stop(self) -> None:
        """The window closes: nothing more is built, and what was built goes."""
        self._timer.stop()
        page, self.page = self.page, None
        if page is not None:
            _discard(page)

    def _now(self) -> tuple:
        return self.session.report.changes(), self.session.service

    def _holds(self) -> bool:
        """Is what the page was built from still what the window shows?"""
        return self._stamp == self._now() and self._template is self.session.template

    def _answer_changed(self, code: str) -> None:
        if self.page is not None and self._shows(code):
            self.drop()
        else:
            self.soon()

    def _written(self, codes: list) -> None:
        if self.page is None:
            self.soon()
        elif any(self._shows(code) for code in codes):
            self.drop()
        else:  # answers this page does not show: it still holds
            self._stamp = self._now()
            self.soon()

    def _shows(self, code: str) -> bool:
        """Could the page built ahead show (or sum up) answer `code`?"""
        step = self.page.step
        if step.kind in SUMMARIES or self.session.service:  # a family: whose answer it is can change too
            return True
        from copdesk.core.rules import wizard
        from copdesk.core.rules.services import split
        return wizard.step_of(split(code.removesuffix(" table"))[0]) == step.key

    def _build(self) -> None:
        w = self.window
        current = w.page
        if w.closed or current is None:
            return
        if current.blocks.waiting:  # the page shown is still being built: it comes first
            self._timer.start()
            return
        step = w.step_after(current.step.key)
        if step is None or (self.page is not None and self.page.step == step and self._holds()):
            return
        self.stop()
        from copdesk.ui.main_window import page_class
        self._stamp, self._template = self._now(), self.session.template
        self.page = page_class(step.kind)(self.session, w.stack, step)


def _discard(page) -> None:
    page.blocks.stop()
    page.deleteLater()
