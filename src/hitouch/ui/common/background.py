"""Long work off the GUI thread: progress and the result come back as signals; Cancel is a flag
the work checks between steps. Tests swap in `InlineRunner` to run the same work at once."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from hitouch.services.errors import JournalError, UserError
from hitouch.ui.common.formatting import tr
from hitouch.ui.shell.unexpected_error import log_unexpected

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]  # work(progress, cancelled) -> result


class Task(QObject):
    """One piece of work: `work(progress, cancelled)` runs on a pool thread."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return not self._done.is_set()

    def wait(self, seconds: float) -> bool:
        """Block until the work has ended (when the window closes); False on time-out."""
        return self._done.wait(seconds)

    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self.is_cancelled)
        except Exception as exc:
            self._done.set()
            self.failed.emit(exc)
        else:
            self._done.set()
            self.succeeded.emit(result)


class ThreadedRunner:
    """Runs tasks on Qt's global thread pool; their signals arrive queued on the GUI thread."""

    def start(self, task: Task) -> None:
        # Garbage waiting to be collected may hold Qt widgets (a closed dialog caught in a cycle
        # with a lambda): collected on the pool's thread, where long work allocates, they would be
        # destroyed off the GUI thread and crash. Collect them here, on the GUI thread, first.
        gc.collect()
        QThreadPool.globalInstance().start(QRunnable.create(task.run))


class InlineRunner:
    """Runs tasks at once, on the calling thread (tests: deterministic, and Cancel from a
    progress handler takes effect at the very next check)."""

    def start(self, task: Task) -> None:
        task.run()


Runner = ThreadedRunner | InlineRunner


def message_for(error: BaseException) -> str:
    """A sentence for the person: the services' own errors as they are; anything else is a bug,
    logged with its stack (never its message, which may quote a note) and named briefly."""
    if isinstance(error, (UserError, JournalError)):
        return str(error)
    log_unexpected(error)
    return tr("Something went wrong ({error}). Please try again.").format(error=type(error).__name__)
