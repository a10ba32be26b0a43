"""Work off the GUI thread: a task runs on Qt's thread pool and reports back through signals,
which Qt delivers on the GUI thread. A task can be asked to stop; the work checks `cancelled()`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from hitouch.services.errors import JournalError, UserError
from hitouch.ui.formatting import tr


class TaskSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the work's result
    failed = Signal(str)  # a sentence for the user


class Task(QRunnable):
    """Connect to `signals` with methods of QObjects that live on the GUI thread, so the
    slots run there. The owner keeps a reference until `finished` or `failed` arrives."""

    def __init__(self, work: Callable[[Task], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._work = work
        self._cancelled = False
        self._ended = threading.Event()

    def run(self) -> None:
        try:
            result = self._work(self)
        except (UserError, JournalError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            self.signals.failed.emit(tr("Something went wrong: {error}").format(error=exc))
            raise  # a bug: let it be seen
        else:
            self.signals.finished.emit(result)
        finally:
            self._ended.set()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def wait(self, seconds: float) -> bool:
        """Block until the work has ended (for closing the window); False on time-out."""
        return self._ended.wait(seconds)

    def cancel(self) -> None:
        self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled

    def report(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)
