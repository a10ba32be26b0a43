"""The calendar feed: an .ics file the user chose, rewritten after every change that a
calendar shows (follow-ups, contacts, the journal), so calendar apps subscribed to it stay
up to date. Writes wait for a quiet moment (a burst of changes is one write) and run off
the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from hitouch.services.changes import Changes
from hitouch.services.errors import JournalError, UserError
from hitouch.services.workspace import Workspace
from hitouch.ui.common.background import Runner, Task, message_for


class CalendarFeed(QObject):
    written = Signal(str)  # the file's path
    failed = Signal(str)  # why it could not be written

    def __init__(
        self, workspace: Workspace, runner: Runner, delay_ms: int = 1500, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarFeed")
        self._ws = workspace
        self._runner = runner
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._write)
        self._task: Task | None = None
        self._again = False  # a change arrived while a write was running

    def path(self) -> Path | None:
        text = self._ws.settings.calendar_feed_path.strip()
        return Path(text).expanduser() if text else None

    def apply(self, changes: Changes) -> None:
        if changes.followups or changes.contacts or changes.contact_set or changes.interactions or changes.events:
            self.schedule()

    def schedule(self) -> None:
        """Write soon; each new call pushes the write back until changes stop coming."""
        if self.path() is not None:
            self._timer.start()

    def finish(self, seconds: float = 10.0) -> None:
        """Before the journal closes: let a running write end, and make a due one now, here."""
        due = self._timer.isActive() or self._again
        self._timer.stop()
        self._again = False
        if self._task is not None:
            self._task.wait(seconds)
        path = self.path()
        if due and path is not None:
            try:
                self._ws.calendar.write_feed(path)
            except (UserError, JournalError):
                pass  # closing: nobody is left to tell; the next start writes the feed again

    def _write(self) -> None:
        path = self.path()
        if path is None:
            return
        if self._task is not None:
            self._again = True
            return

        def work(_progress: object, _cancelled: object) -> str:
            self._ws.calendar.write_feed(path)
            return str(path)

        self._task = Task(work, self)
        self._task.succeeded.connect(self._on_written)
        self._task.failed.connect(lambda error: self._on_failed(message_for(error)))
        self._runner.start(self._task)

    def _on_written(self, path: str) -> None:
        self._done()
        self.written.emit(path)

    def _on_failed(self, message: str) -> None:
        self._done()
        self.failed.emit(message)

    def _done(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self._timer.start()
