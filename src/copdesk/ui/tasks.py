"""Slow work off the UI thread. Workers get plain data (a ReportData snapshot), never the SQLite connection.

A task reports through one relay object that lives as long as the application, in the UI thread, and the
callbacks wait in `_waiting` until they are called: nothing a worker touches can be freed by its caller.
(Each task used to carry its own QObject for its signals. A caller that let go of a running task, as the live
check does when a service switch starts a new one, freed that object in the worker thread just after it had
queued its result, and the UI thread then delivered the result through freed memory: copdesk vanished without
a word, once in a few thousand such tasks. tests/ui/test_tasks.py runs that pattern.)
"""

from __future__ import annotations

import itertools
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    reported = Signal(int, bool, object)  # task number, succeeded, result or exception


_relay: _Relay | None = None
_numbers = itertools.count(1)
_waiting: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None], "Task"]] = {}


def _deliver(number: int, ok: bool, payload: object) -> None:
    """In the UI thread: the task's callback, once; the task is let go only now."""
    entry = _waiting.pop(number, None)
    if entry is not None:
        on_done, on_error, _task = entry
        (on_done if ok else on_error)(payload)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:  # made by the first run_task, in the UI thread (its results are delivered there)
        _relay = _Relay()
        _relay.reported.connect(_deliver)
    return _relay


def waiting() -> int:
    """How many tasks have not reported yet (tests, and a window closing)."""
    return len(_waiting)


class Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], number: int, relay: _Relay):
        super().__init__()
        self.fn, self.number, self.relay = fn, number, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread as is
            exc.details = traceback.format_exc()  # type: ignore[attr-defined]
            self._report(False, exc)
        else:
            self._report(True, result)

    def _report(self, ok: bool, value: Any) -> None:
        try:
            self.relay.reported.emit(self.number, ok, value)
        except RuntimeError:  # the application is gone (it quit while this ran): no one is left to tell
            pass


def run_task(fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Task:
    """Run `fn` on the thread pool; `on_done(result)` or `on_error(exception)` follows in the UI thread, whether
    or not the caller keeps the returned task (a caller that no longer wants the result ignores it)."""
    number = next(_numbers)
    task = Task(fn, number, _the_relay())
    _waiting[number] = (on_done, on_error, task)
    QThreadPool.globalInstance().start(task)
    return task
