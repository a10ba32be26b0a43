"""The calendar in the window: the feed kept up to date after changes, "Add to calendar",
and the Calendar Sync dialog against a real Radicale server."""

from __future__ import annotations

import stat
from datetime import date, time
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QPushButton

from calendar_fixtures import add_followup, uid_of
from hitouch.domain.cards import ContactCard
from hitouch.services.changes import Changes
from hitouch.settings import Settings
from hitouch.ui.calendar.caldav_dialog import CalDavDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def adaeze(services):
    contact_id, _ = services.contacts.add(ContactCard(name="Adaeze Okonkwo"))
    return contact_id


def test_the_feed_follows_changes_after_a_quiet_moment_in_one_write(window, qtbot, services, adaeze, tmp_path):
    feed_file = tmp_path / "Sync" / "HiTouch.ics"
    window.save_settings(Settings(calendar_feed_path=str(feed_file)))
    feed = window.calendar_menu.feed
    writes = []
    feed.written.connect(writes.append)
    first = add_followup(services, adaeze, date(2026, 12, 1), time(9, 30))
    window.apply(Changes(followups=True, contacts={adaeze}))
    qtbot.wait(200)
    second = add_followup(services, adaeze, date(2026, 12, 2))
    with qtbot.waitSignal(feed.written, timeout=5000):
        window.apply(Changes(followups=True, contacts={adaeze}))
    qtbot.wait(300)
    assert writes == [str(feed_file)], "a burst of changes is one write"
    data = feed_file.read_bytes()
    assert uid_of(services, first).encode() in data and uid_of(services, second).encode() in data
    assert b"SUMMARY:Coffee with Adaeze Okonkwo" in data
    assert stat.S_IMODE(feed_file.stat().st_mode) == 0o600
    assert "Calendar feed updated" in window.statusBar().currentMessage()


def test_changes_a_calendar_does_not_show_leave_the_feed_alone(window, qtbot, services, tmp_path):
    services.use_settings(Settings(calendar_feed_path=str(tmp_path / "HiTouch.ics")))
    window.apply(Changes(referrals=True))
    qtbot.wait(1800)
    assert not (tmp_path / "HiTouch.ics").exists()


def test_choosing_a_feed_file_writes_it_and_stopping_leaves_it(
    window, qtbot, services, adaeze, tmp_path, when_dialog_opens, settings_file
):
    add_followup(services, adaeze, date(2026, 12, 1))
    chosen = tmp_path / "Dropbox" / "Calendar"
    chosen.mkdir(parents=True)

    def pick(dialog):
        dialog.selectFile(str(chosen / "networking"))
        dialog.accept()

    when_dialog_opens("calendarFeedFileDialog", pick)
    with qtbot.waitSignal(window.calendar_menu.feed.written, timeout=5000):
        window.calendar_menu.feed_action.trigger()
    assert settings_file.load().calendar_feed_path == str(chosen / "networking.ics")
    assert b"Adaeze Okonkwo" in (chosen / "networking.ics").read_bytes()

    window.calendar_menu.stop_feed_action.trigger()
    assert settings_file.load().calendar_feed_path == ""
    assert "no longer updates" in window.statusBar().currentMessage()
    assert (chosen / "networking.ics").exists()


class OpenedUrls(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened():
    """What the window asks the system to open, caught before any real calendar app starts."""
    catcher = OpenedUrls()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


def test_add_to_calendar_opens_one_event_from_a_private_file(window, services, adaeze, opened):
    followup = add_followup(services, adaeze, date(2026, 12, 1), time(9, 30), kind="meeting")
    window.add_to_calendar(followup)
    [url] = opened.urls
    path = Path(url.toLocalFile())
    assert path.name == f"hitouch-followup-{followup}.ics"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = path.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 1 and b"SUMMARY:Meeting with Adaeze Okonkwo" in data
    assert b"DTSTART;TZID=Europe/London:20261201T093000" in data


def test_the_calendar_button_of_a_follow_up_on_a_contact_page_and_on_today(window, qtbot, services, adaeze, opened):
    followup = add_followup(services, adaeze, window.ws.clock.today(), time(16, 0), kind="call")
    window.contacts.reload()
    window.contacts.select_contact(adaeze)
    window.contacts.detail.relations.findChild(QAbstractButton, "addToCalendarButton").click()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Today
    window.today.reload()
    qtbot.mouseClick(window.today.findChild(QPushButton, "addToCalendarButton"), LEFT)
    assert [Path(u.toLocalFile()).name for u in opened.urls] == [f"hitouch-followup-{followup}.ics"] * 2


def fill(dialog: CalDavDialog, radicale, password: str, calendar: str = "HiTouch") -> None:
    dialog.findChild(QLineEdit, "caldavUrlEdit").setText(radicale.url)
    dialog.findChild(QLineEdit, "caldavUserEdit").setText(radicale.user)
    dialog.findChild(QLineEdit, "caldavPasswordEdit").setText(password)
    dialog.findChild(QLineEdit, "caldavCalendarEdit").setText(calendar)


def result_of(dialog: CalDavDialog) -> str:
    return dialog.findChild(QLabel, "caldavResult").text()


@pytest.mark.slow
def test_the_sync_dialog_from_the_menu_syncs_and_keeps_the_password_in_the_keyring(
    window, qtbot, services, adaeze, radicale, when_dialog_opens, settings_file
):
    followup = add_followup(services, adaeze, date(2026, 12, 1), time(9, 30))
    seen = {}

    def sync(dialog):
        try:
            fill(dialog, radicale, radicale.password, "Networking")
            qtbot.mouseClick(dialog.findChild(QPushButton, "caldavSyncButton"), LEFT)
            seen["while running"] = dialog.findChild(QPushButton, "caldavCloseButton").text()
            qtbot.waitUntil(lambda: "created" in result_of(dialog) or "CalDAV" in result_of(dialog), timeout=15000)
            seen["result"] = result_of(dialog)
            seen["password field"] = dialog.findChild(QLineEdit, "caldavPasswordEdit").text()
        finally:
            dialog.done(0)  # whatever happened, exec() must return

    when_dialog_opens("caldavDialog", sync)
    window.calendar_menu.sync_action.trigger()
    assert seen["while running"] == "Cancel"
    assert seen["result"] == "Synced “Networking”: 1 created, 0 updated, 0 removed, 0 unchanged."
    assert seen["password field"] == ""
    assert keyring.get_password("HiTouch CalDAV", radicale.user) == radicale.password
    saved = settings_file.load()
    assert (saved.caldav_url, saved.caldav_user, saved.caldav_calendar) == (radicale.url, radicale.user, "Networking")
    assert list(radicale.events("Networking")) == [uid_of(services, followup)]


@pytest.mark.slow
def test_the_sync_dialog_uses_the_kept_password_and_tests_the_connection(window, qtbot, services, radicale):
    keyring.set_password("HiTouch CalDAV", radicale.user, radicale.password)
    dialog = CalDavDialog(services, window, window.save_settings, window.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, radicale, "")
    qtbot.mouseClick(dialog.findChild(QPushButton, "caldavTestButton"), LEFT)
    qtbot.waitUntil(lambda: result_of(dialog).startswith("Connected"), timeout=15000)
    assert result_of(dialog) == "Connected. The calendar “HiTouch” was not there, so HiTouch made it."
    assert dialog.findChild(QPushButton, "caldavSyncButton").isEnabled()


@pytest.mark.slow
def test_the_sync_dialog_shows_a_server_that_is_down_in_one_line(window, qtbot, services, radicale):
    radicale.stop()
    dialog = CalDavDialog(services, window, window.save_settings, window.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, radicale, radicale.password)
    qtbot.mouseClick(dialog.findChild(QPushButton, "caldavSyncButton"), LEFT)
    qtbot.waitUntil(lambda: "Cannot reach" in result_of(dialog), timeout=15000)
    assert "connection refused" in result_of(dialog) and "\n" not in result_of(dialog)
    assert dialog.findChild(QPushButton, "caldavSyncButton").isEnabled()
    assert dialog.findChild(QPushButton, "caldavCloseButton").text() == "Close"


def test_the_sync_dialog_asks_for_a_server_first(window, qtbot, services):
    dialog = CalDavDialog(services, window, window.save_settings, window.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.findChild(QPushButton, "caldavSyncButton"), LEFT)
    assert result_of(dialog) == "Enter the server's address first."
    assert dialog.focusWidget() is dialog.findChild(QLineEdit, "caldavUrlEdit")


def test_without_a_keyring_a_typed_password_is_used_for_the_session(window, qtbot, services):
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    dialog = CalDavDialog(services, window, window.save_settings, window.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "caldavUrlEdit").setText("http://127.0.0.1:9/")
    dialog.findChild(QLineEdit, "caldavUserEdit").setText("zoe")
    dialog.findChild(QLineEdit, "caldavPasswordEdit").setText("typed")
    qtbot.mouseClick(dialog.findChild(QPushButton, "caldavTestButton"), LEFT)
    qtbot.waitUntil(lambda: "Cannot reach" in result_of(dialog), timeout=15000)
    assert "The password was not saved: No system keyring is available" in result_of(dialog)
    dialog.findChild(QLineEdit, "caldavPasswordEdit").clear()
    qtbot.mouseClick(dialog.findChild(QPushButton, "caldavTestButton"), LEFT)
    qtbot.waitUntil(lambda: not dialog.findChild(QPushButton, "caldavTestButton").isEnabled(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "caldavTestButton").isEnabled(), timeout=15000)
    # Tried again with the password typed before, not stopped for want of one.
    assert result_of(dialog).startswith("Cannot reach") and "keyring" not in result_of(dialog)
