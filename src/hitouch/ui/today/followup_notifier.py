"""Desktop notifications of follow-ups coming due, through the system tray when there is one.

One timer is set for the next reminder's moment (worked out with the system's zone rules, so a
09:30 coffee the day after clocks change is still announced at 09:15 local time), not a poll.
The timer is capped at an hour so a suspended laptop or a changed clock is caught up with.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from hitouch.services.changes import Changes
from hitouch.services.relationships.reminders import Reminder
from hitouch.services.workspace import Workspace
from hitouch.ui.common.formatting import tr

MAX_WAIT_MS = 60 * 60 * 1000


class FollowUpNotifier(QObject):
    notified = Signal(object)  # the Reminder announced

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.timer = QTimer(self)
        self.timer.setObjectName("followupReminderTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._wake)
        self.next: Reminder | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip(tr("HiTouch"))
            self.tray.show()
        self.schedule()

    def now(self) -> datetime:
        return self._ws.clock.utc_now().replace(tzinfo=UTC)

    def apply(self, changes: Changes) -> None:
        if changes.followups or changes.contact_set:
            self.schedule()

    def schedule(self) -> None:
        """Set the timer for the next reminder after now."""
        now = self.now()
        self.next = self._ws.reminders.next_after(now)
        if self.next is None:
            self.timer.stop()
            return
        wait_ms = int((self.next.moment - now).total_seconds() * 1000)
        self.timer.start(max(0, min(wait_ms, MAX_WAIT_MS)))

    def _wake(self) -> None:
        due = self.next
        if due is not None and due.moment <= self.now():
            self.announce(due)
        self.schedule()

    def announce(self, reminder: Reminder) -> None:
        titles = [f.title for f in reminder.followups]
        first = reminder.followups[0]
        when = first.due_time.strftime("%H:%M") if first.due_time else tr("today")
        message = titles[0] + (tr(" and {n} more").format(n=len(titles) - 1) if len(titles) > 1 else "")
        if self.tray is not None:
            self.tray.showMessage(
                tr("Follow-up due {when}").format(when=when), message, QSystemTrayIcon.MessageIcon.Information, 10_000
            )
        self.notified.emit(reminder)
