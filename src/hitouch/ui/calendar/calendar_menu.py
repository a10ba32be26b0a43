"""The Calendar menu: the calendar feed, CalDAV sync, and "Add to calendar" for one follow-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from hitouch.paths import cache_folder
from hitouch.services.workspace import Workspace
from hitouch.settings import Settings
from hitouch.ui.calendar.caldav_dialog import CalDavDialog
from hitouch.ui.calendar.calendar_feed import CalendarFeed
from hitouch.ui.common.background import Runner
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import tr


class CalendarMenu(QMenu):
    def __init__(
        self,
        workspace: Workspace,
        window: QMainWindow,
        runner: Runner,
        save_settings: Callable[[Settings], None],
    ) -> None:
        super().__init__(tr("&Calendar"), window)
        self.setObjectName("calendarMenu")
        self._ws = workspace
        self._window = window
        self._runner = runner
        self._save_settings = save_settings  # the window keeps them and lets every screen use them
        self.feed = CalendarFeed(workspace, runner, parent=self)
        self.feed.written.connect(self._feed_written)
        self.feed.failed.connect(self._feed_failed)

        self.feed_action = self._add(
            tr("Keep a Calendar &Feed…"), "calendarFeedAction", self.choose_feed_file, "Ctrl+Shift+K"
        )
        self.feed_action.setStatusTip(
            tr("Write follow-ups and birthdays to an .ics file that calendar apps subscribe to")
        )
        self.stop_feed_action = self._add(
            tr("S&top the Calendar Feed"), "stopCalendarFeedAction", self.stop_feed, "Ctrl+Shift+J"
        )
        self.addSeparator()
        self.sync_action = self._add(tr("Calendar &Sync…"), "caldavSyncAction", self.open_sync_dialog, "Ctrl+Shift+Y")
        self.sync_action.setStatusTip(tr("Send follow-ups and meetings to a CalDAV calendar"))
        self.aboutToShow.connect(lambda: self.stop_feed_action.setEnabled(self.feed.path() is not None))
        self.feed.schedule()  # bring a feed up to date with settings changed since the last run

    def _add(self, text: str, name: str, slot: Callable[[], None], shortcut: str) -> QAction:
        action = self.addAction(text)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        self._window.addAction(action)  # the shortcut works wherever the focus is
        action.triggered.connect(slot)
        return action

    # Add to calendar ----------------------------------------------------------------------

    def add_to_calendar(self, followup_id: int) -> Path | None:
        """Write the follow-up as a one-event .ics file and open it with the system's calendar."""
        path = guarded(self._window, lambda: self._ws.calendar.save_single_event(followup_id, cache_folder()))
        if path is None:
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._status(tr("No calendar app opened the event; it is saved as {path}").format(path=path), 8000)
        return path

    # The feed ---------------------------------------------------------------------------

    def choose_feed_file(self) -> None:
        dialog = QFileDialog(self._window, tr("Keep a calendar feed"))
        dialog.setObjectName("calendarFeedFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(tr("Calendar files (*.ics)"))
        dialog.setDefaultSuffix("ics")
        current = self.feed.path()
        dialog.selectFile(str(current) if current else "HiTouch.ics")
        if not dialog.exec() or not dialog.selectedFiles():
            return
        self._save_settings(replace(self._ws.settings, calendar_feed_path=dialog.selectedFiles()[0]))
        self.feed.schedule()

    def stop_feed(self) -> None:
        path = self.feed.path()
        self._save_settings(replace(self._ws.settings, calendar_feed_path=""))
        if path is not None:
            self._status(tr("HiTouch no longer updates {path}; the file is left as it is.").format(path=path), 6000)

    def _feed_written(self, path: str) -> None:
        self._status(tr("Calendar feed updated: {path}").format(path=path), 3000)

    def _feed_failed(self, message: str) -> None:
        self._status(tr("The calendar feed could not be written: {reason}").format(reason=message), 10000)

    # Sync -------------------------------------------------------------------------------

    def open_sync_dialog(self) -> None:
        CalDavDialog(self._ws, self._window, self._save_settings, self._runner).exec()

    def _status(self, text: str, timeout: int) -> None:
        self._window.statusBar().showMessage(text, timeout)
