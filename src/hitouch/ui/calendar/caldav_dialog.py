"""Calendar sync: the CalDAV server, user, password (kept in the system keyring) and calendar,
with "Test connection" and "Sync now" running off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.calendar.caldav_server import CalDavAccount, CalDavError
from hitouch.services.calendar.caldav_sync import SyncReport
from hitouch.services.progress import Cancelled, Progress
from hitouch.services.workspace import Workspace
from hitouch.settings import Settings
from hitouch.ui.common.background import Runner, Task, message_for
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import ErrorLine, dim


class CalDavDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None,
        save_settings: Callable[[Settings], None],
        runner: Runner,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caldavDialog")
        self.setWindowTitle(tr("Calendar Sync"))
        self.setAccessibleName(tr("Calendar sync settings"))
        self.setMinimumWidth(540)
        self._ws = workspace
        self._save_settings = save_settings
        self._runner = runner
        self._task: Task | None = None
        self._session_password = ""  # typed but not kept (no keyring): used until the window closes
        self._account = CalDavAccount("")  # what the running task talks to
        self._note = ""  # said after the result (a password that could not be saved)

        intro = QLabel(
            tr(
                "HiTouch puts your open follow-ups and meetings, with their reminders, in a calendar on your "
                "CalDAV server (Nextcloud, Fastmail, iCloud, Radicale…), so your phone reminds you too. "
                "It changes only the events it created."
            )
        )
        intro.setWordWrap(True)

        settings = workspace.settings
        self.url = self._field("caldavUrlEdit", tr("Server address"), settings.caldav_url, "https://dav.example.com/")
        self.user = self._field("caldavUserEdit", tr("User name"), settings.caldav_user)
        self.password = self._field("caldavPasswordEdit", tr("Password"), "", tr("kept in the system keyring"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.calendar = self._field("caldavCalendarEdit", tr("Calendar name"), settings.caldav_calendar or "HiTouch")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(tr("&Server:"), self.url)
        form.addRow(tr("&User name:"), self.user)
        form.addRow(tr("&Password:"), self.password)
        form.addRow(tr("&Calendar:"), self.calendar)
        form.addRow("", dim(QLabel(tr("Made on the server when it is not there yet."))))

        self.progress = QProgressBar()
        self.progress.setObjectName("caldavProgress")
        self.progress.setAccessibleName(tr("Sync progress"))
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.result_line = ErrorLine()
        self.result_line.setObjectName("caldavResult")
        self.result_line.setAccessibleName(tr("Result"))
        self.result_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_line.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)

        self.buttons = QDialogButtonBox()
        self.test_button = self._button(tr("&Test Connection"), "caldavTestButton", self.test_connection)
        self.sync_button = self._button(tr("S&ync Now"), "caldavSyncButton", self.sync_now)
        self.sync_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("caldavCloseButton")
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self._close_or_cancel)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_line)
        layout.addWidget(self.buttons)

    def _field(self, name: str, accessible: str, text: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # Actions ---------------------------------------------------------------------------

    def test_connection(self) -> None:
        self._start(lambda account, password, _progress, _cancelled: self._ws.caldav.test(account, password))

    def sync_now(self) -> None:
        self._start(
            lambda account, password, progress, cancelled: self._ws.caldav.sync(account, password, progress, cancelled)
        )

    def _start(self, work: Callable[[CalDavAccount, str | None, Progress, Cancelled], object]) -> None:
        if self._task is not None:
            return
        url, user = self.url.text().strip(), self.user.text().strip()
        if not url:
            self._show(tr("Enter the server's address first."), error=True)
            self.url.setFocus()
            return
        account = CalDavAccount(url, user, self.calendar.text().strip() or "HiTouch")
        self._save_settings(
            replace(self._ws.settings, caldav_url=url, caldav_user=user, caldav_calendar=account.calendar)
        )
        note = self._keep_password(user, self.password.text())
        typed = self.password.text() or self._session_password

        def run(progress: Progress, cancelled: Cancelled) -> object:
            return work(account, typed or self._ws.caldav_passwords.for_sync(user), progress, cancelled)

        self._task = Task(run, self)
        self._task.progressed.connect(self._on_progress)
        self._account, self._note = account, note
        self._task.succeeded.connect(self._on_finished)
        self._task.failed.connect(lambda error: self._on_failed(message_for(error)))
        self._running(True)
        self._show(tr("Connecting to {url}…").format(url=url))
        self._runner.start(self._task)

    def _keep_password(self, user: str, typed: str) -> str:
        """Save a typed password in the keyring; the sentence to add when that is not possible."""
        if not typed or not user:
            return ""
        try:
            self._ws.caldav_passwords.save(user, typed)
        except CalDavError as exc:
            self._session_password = typed
            return tr("The password was not saved: {reason}").format(reason=exc)
        self.password.clear()
        return ""

    def _close_or_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._show(tr("Stopping after the current event…"))
        else:
            self.reject()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._show(tr("Sending {done} of {total}…").format(done=done, total=total))

    def _on_finished(self, result: SyncReport | bool) -> None:
        self._running(False)
        account, note = self._account, self._note
        if isinstance(result, SyncReport):
            text = tr(
                "Synced “{calendar}”: {created} created, {updated} updated, {removed} removed, {unchanged} unchanged."
            ).format(
                calendar=result.calendar,
                created=result.created,
                updated=result.updated,
                removed=result.removed,
                unchanged=result.unchanged,
            )
            if result.cancelled:
                text += " " + tr("Stopped; the rest goes with the next sync.")
        elif result:
            text = tr("Connected. The calendar “{calendar}” was not there, so HiTouch made it.").format(
                calendar=account.calendar
            )
        else:
            text = tr("Connected. The calendar “{calendar}” is there.").format(calendar=account.calendar)
        self._show(f"{text} {note}".strip())

    def _on_failed(self, message: str) -> None:
        self._running(False)
        self._show(f"{message} {self._note}".strip(), error=True)

    def _running(self, running: bool) -> None:
        if running:
            self.progress.setRange(0, 0)  # busy until the first event is sent
        else:
            self._task = None
        self.progress.setVisible(running)
        for widget in (self.test_button, self.sync_button, self.url, self.user, self.password, self.calendar):
            widget.setEnabled(not running)
        self.close_button.setText(tr("Cancel") if running else tr("Close"))

    def _show(self, text: str, error: bool = False) -> None:
        self.result_line.set_error(error)
        self.result_line.setText(text)

    def reject(self) -> None:
        if self._task is not None:  # Escape while syncing: stop first, close when it has
            self._close_or_cancel()
            return
        super().reject()
