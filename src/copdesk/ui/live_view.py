"""The navigator's statuses, the checks and Find, kept in step with the file one save at a time.

Typing never waits for the whole report. After a save only what the save wrote is checked again (the
answer, what depends on it, the statuses of its step and of the chapters above: core.rules.live), and only those
rows of the navigator and the checks are repainted. The whole report is read and checked once after the
window has painted, and again after a change of structure (subscriptions, sub-sections), on a worker thread
with its own read-only connection; what is saved meanwhile is applied to the result when it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from copdesk.core.rules.live import LiveReport
from copdesk.core.report.open_file import Report


START_WHEN_IDLE_MS = 150  # after start-up, the whole report is checked once no page was shown for this long


class LiveView(QObject):
    relabelled = Signal(list)  # steps (core.rules.wizard.Step) whose label changed: a sub-section's new title

    def __init__(self, window):
        super().__init__(window)
        self.window, self.session = window, window.session
        self.live: LiveReport | None = None
        self._pending: set[str] = set()  # codes written while the whole report is being checked
        self._generation = 0
        self._tasks: list = []
        self.session.written.connect(self.written)
        from PySide6.QtCore import QTimer
        self._idle = QTimer(self, singleShot=True, interval=START_WHEN_IDLE_MS)
        self._idle.timeout.connect(self.start)

    def busy(self) -> None:
        """A page is being shown: a whole-report check not started yet waits until the person pauses. Started
        on a worker thread while someone pages on, it took the interpreter from the page being shown (a switch
        in the first second after start-up took 90 ms instead of 20)."""
        if self._idle.isActive():
            self._idle.start()

    # -- the whole report, off the interface thread -----------------------------------------------
    def start(self) -> None:
        """Read and check the whole report on a worker thread; the panels are filled when it is done."""
        from copdesk.ui.tasks import run_task
        self._generation += 1
        generation, path, template = self._generation, self.session.report.path, self.session.template
        service = self.session.service  # in a family, the report as that service sees it (ui/family.py)

        def work() -> LiveReport:
            with Report.open(path, template=template, readonly=True) as report:  # its own connection
                data = report.snapshot()
            if service:
                from copdesk.core.rules.services import view
                data = view(data, service, template.index)
            return LiveReport(template, data)

        self._tasks = [run_task(work, lambda live: self._arrived(generation, live),
                                lambda _exc: self._arrived(generation, None))]

    def _arrived(self, generation: int, live: LiveReport | None) -> None:
        if generation != self._generation or self.window.closed:
            return  # a newer check is on its way, or the window is gone
        if live is None:  # the file could not be read on the side (moved, say): from the open connection
            from copdesk.ui import family
            live = LiveReport(self.session.template, family.snapshot(self.session, flush=False))
        self.live = live
        if self._pending:
            live.apply(*self._values(self._pending))
            self._pending.clear()
        w = self.window
        w.navigator.show_steps(live.t, live.steps, live.statuses, live.progress)
        w.checks.show_all(live)
        w.find.set_source(live.t, live.data, live.steps)

    def restart(self, when_idle: bool = False) -> None:
        """The structure changed (subscriptions, sub-sections): check the whole report again, on the side, at
        once or (`when_idle`: after start-up) once the person has stopped paging for a moment (see busy)."""
        self.live = None
        if when_idle:
            self._idle.start()
        else:
            self._idle.stop()
            self.start()

    # -- one save at a time ---------------------------------------------------------------------------
    def written(self, codes: list[str]) -> None:
        """A save wrote these codes: check them (and what depends on them) again, repaint what changed."""
        from copdesk.ui import family
        codes = family.seen(self.session, codes)  # in a family: what they change in the service shown
        if not codes:
            return
        if self.live is None:
            self._pending.update(codes)
            return
        live = self.live
        delta = live.apply(*self._values(codes))
        w = self.window
        steps = [live.by_key[k] for k in delta.steps if k in live.by_key]
        w.navigator.show_steps(live.t, steps, live.statuses, live.progress)
        relabelled = [s for s in steps if s.kind == "crisis_section"]
        if relabelled:
            self.relabelled.emit(relabelled)
        if delta.checks and w.panels_built:
            w.checks.show_codes(delta.checks, live)
        if w.panels_built:
            w.find.set_source(live.t, live.data, live.steps)

    def _values(self, codes) -> tuple[dict, dict, dict]:
        """What the file holds for `codes` now (a few small reads on the open connection), and its meta (a
        follow-up kept after a No is recorded there)."""
        from copdesk.ui import family
        answers, tables = family.values(self.session, codes)
        return answers, tables, self.session.report.meta
