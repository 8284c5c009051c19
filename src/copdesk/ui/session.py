"""Where the window's writes reach the file: a Report behind a short debounce, with explicit 'dirty' state.

The window writes only through ui/operations.py (each write an undo command, or the undo history cleared
with a message); its commands call this session. Typed answers and tables are queued and written within
SAVE_DELAY_MS (well under a second), all pending edits in one transaction; every other write (`write`)
goes in at once, after the pending edits, in one transaction of its own; navigation and closing flush.
When a write fails (disk full, file gone, read-only),
the edits stay queued in memory, `save_failed` says why, and the next flush tries again: nothing typed is
lost while the window is open. The delay counts from the first unsaved edit, not the last: steady typing
is saved every SAVE_DELAY_MS, never held back until the typist pauses (the crash run found that).

A report deleted or moved while open is noticed before each write (the open connection would go on
writing to the vanished file): the file is written again at its path from the open connection, then the
pending edits go in. A read-only session (the report is open in another copdesk) keeps nothing: each
edit is refused with a message and the editor shows the file again.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from copdesk.core.safety import faults
from copdesk.core.errors import InputError
from copdesk.core.model import Grid, ReportData
from copdesk.core.report.open_file import Report

SAVE_DELAY_MS = 400


class DraftSession(QObject):
    answer_changed = Signal(str)  # code: its value changed (typed, undone, redone)
    written = Signal(list)  # codes whose answers or tables are now in the file (after a save or a write)
    structure_changed = Signal()  # subscriptions or crisis sub-sections changed
    saved = Signal(str)  # time of the save, HH:MM:SS
    save_failed = Signal(str)  # message: what went wrong; edits are kept
    comments_changed = Signal()  # a comment was added, answered, resolved or reopened
    review_changed = Signal()  # a review status, the freeze or the final approval changed
    rescued = Signal(str)  # message: the file vanished while open and was written again
    reveal = Signal(str)  # a step key or answer code to bring into view (an undo or redo changed it)
    notice = Signal(str)  # a message for the status bar (the undo history was cleared, and why)

    def __init__(self, report: Report, parent: QObject | None = None):
        super().__init__(parent)
        self.report = report
        self.template = report.template
        self._texts: dict[str, str] = {}
        self._tables: dict[str, Grid] = {}
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.last_error = ""
        self.readonly = False
        self.readonly_reason = ""  # why, when it is not the default (another copdesk has the report)
        self._deferred: list = []  # editors' conversions waiting for the next flush (see defer)
        self._opened = faults.identity(report.path)
        # In a report family (core/rules/services.py), the service the window shows; None for a report without
        # services. Pages read and write its own answers where it has them (ui/family.py).
        self.service: str | None = None

    @property
    def dirty(self) -> bool:
        return bool(self._texts or self._tables or self._deferred)

    # -- reading: pending edits win over the file ------------------------------------------------
    def text(self, code: str) -> str:
        return self._texts[code] if code in self._texts else self.report.text(code)

    def table(self, code: str) -> Grid:
        return self._tables[code] if code in self._tables else self.report.table(code)

    def has(self, code: str) -> bool:
        """Is there an answer under `code` (pending or in the file), blank or not?"""
        return code in self._texts or self.report.get(code) is not None

    def status(self, code: str) -> str:
        answer = self.report.get(code)
        return answer.status if answer and code not in self._texts else ""

    def snapshot(self, light: bool = False) -> ReportData:
        """Everything in the file, pending edits written first; `light`: see Report.snapshot."""
        self.flush()
        return self.report.snapshot(light=light)

    # -- writing ------------------------------------------------------------------------------------
    def set_text(self, code: str, text: str) -> None:
        if text == self.text(code) and self.status(code) != "carried":
            return
        if self._refuse(code):
            return
        self._texts[code] = text
        self._schedule()
        self.answer_changed.emit(code)

    def set_table(self, code: str, grid: Grid) -> None:
        if grid == self.table(code):
            return
        if self._refuse(code):
            return
        self._tables[code] = [list(row) for row in grid]
        self._schedule()
        self.answer_changed.emit(code)

    def _schedule(self) -> None:
        """Save SAVE_DELAY_MS after the first unsaved edit (a later keystroke does not push it back)."""
        if not self._timer.isActive():
            self._timer.start(SAVE_DELAY_MS)

    def _refuse(self, code: str) -> bool:
        """In a read-only session: say so, and put the file's value back in the editor."""
        if not self.readonly:
            return False
        self.save_failed.emit(self.readonly_reason or self.tr("Read-only: this report is open in another copdesk. "
                                                              "Nothing you type here is kept."))
        self.answer_changed.emit(code)
        return True

    def defer(self, convert) -> None:
        """An editor holding a very large answer hands over its conversion to text: it runs at the next
        flush (within SAVE_DELAY_MS, or on navigation and close), not on every keystroke."""
        if convert not in self._deferred:
            self._deferred.append(convert)
        self._schedule()

    def flush(self) -> bool:
        """Write every pending edit now. Returns False (edits kept) when the file cannot be written."""
        deferred, self._deferred = self._deferred, []
        for convert in deferred:
            convert()  # pushes the editor's text through the undo stack into set_text
        self._timer.stop()
        if not self.dirty:
            return True
        texts, tables = dict(self._texts), dict(self._tables)
        try:
            self._check_file()
            with self.report.atomic():
                for code, text in texts.items():
                    self.report.set_text(code, text)
                for code, grid in tables.items():
                    self.report.set_table(code, grid)
        except Exception as exc:  # noqa: BLE001 - any failure keeps the edits
            self.last_error = faults.write_error(exc, self.report.path).message
            self.save_failed.emit(self.tr("Not saved: {error} Your edits are kept and copdesk will try again.").format(
                error=self.last_error))
            self._timer.start(2000)
            return False
        for code in texts:
            if self._texts.get(code) == texts[code]:
                del self._texts[code]
        for code in tables:
            if self._tables.get(code) == tables[code]:
                del self._tables[code]
        self.last_error = ""
        self.written.emit(list(dict.fromkeys(list(texts) + list(tables))))
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        return True

    def _check_file(self) -> None:
        """Before writing: is the path still the file we opened? If not, write it there again first."""
        state = faults.where_is(self.report.path, self._opened)
        if state == "ok":
            return
        path = self.report.write_again()  # the Report goes on in the rewritten file
        what = self.tr("deleted or moved away") if state == "gone" else self.tr("replaced by another file")
        self._opened = faults.identity(path)
        self.rescued.emit(self.tr("The report file was {what} while open. copdesk wrote it again, with everything "
                                  "saved so far, at {path}.").format(what=what, path=path))

    def write(self, change, *, codes: tuple[str, ...] | list[str] = (), structure: bool = False,
              comments: bool = False, review: bool = False):
        """Run `change(report)` now, after the pending edits, in one transaction; then say what changed:
        `codes` (answers and tables), the structure (subscriptions, sub-sections), comments, review state.
        Returns what `change` returned. Raises (nothing written) when the file cannot be written or the
        report is read-only here; ui/operations.py says so and pushes no undo command."""
        if self.readonly:
            raise InputError(self.readonly_reason or self.tr("Read-only: this report is open in another copdesk. "
                                                             "Nothing can be changed here."))
        if not self.flush():
            raise InputError(self.tr("Not saved: {error}").format(error=self.last_error))
        self._check_file()
        with self.report.atomic():
            result = change(self.report)
        for code in codes:
            self.answer_changed.emit(code)
        if codes:
            self.written.emit(list(codes))
        if structure:
            self.structure_changed.emit()
        if comments:
            self.comments_changed.emit()
        if review:
            self.review_changed.emit()
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        return result

    def close(self) -> bool:
        ok = self.flush()
        if ok:
            self.report.close()
        return ok
