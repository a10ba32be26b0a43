"""Preferences: every setting editable, checked, stored where the command line reads it; themes live."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from hitouch.settings import Settings
from hitouch.ui.common.theme import apply_theme, is_dark
from hitouch.ui.settings.settings_dialog import SettingsDialog


def test_every_setting_has_a_field_with_an_accessible_name(qtbot, settings_file):
    dialog = SettingsDialog(Settings(), settings_file)
    qtbot.addWidget(dialog)
    assert set(dialog.editors) == {f.name for f in fields(Settings)}
    assert all(editor.accessibleName() for editor in dialog.editors.values())
    for section in ("remindersSection", "relationshipsSection", "backupsSection", "appearanceSection"):
        assert dialog.findChild(QWidget, section) is not None


def test_ctrl_comma_opens_preferences_and_saving_stores_them_for_the_command_line(
    window, qtbot, settings_file, when_dialog_opens
):
    def change(dialog):
        spin = dialog.findChild(QSpinBox, "reminderMinutes")
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "45")
        dialog.findChild(QLineEdit, "defaultCadence").setText("4w")
        dialog.findChild(QLineEdit, "caldavUser").insert("zoë@example.com")
        qtbot.keyClick(spin, Qt.Key.Key_Return)

    when_dialog_opens("settingsDialog", change)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)

    assert window.settings.reminder_minutes == 45
    saved = settings_file.load()
    assert (saved.reminder_minutes, saved.default_cadence, saved.caldav_user) == (45, "4w", "zoë@example.com")
    assert settings_file.load() == window.settings
    assert window.findChild(QAction, "preferencesAction").text().startswith("&Preferences")


def test_a_bad_value_keeps_the_dialog_open_saying_what_to_write(qtbot, settings_file):
    dialog = SettingsDialog(Settings(), settings_file)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "defaultCadence").setText("monthly")
    dialog.findChild(QLineEdit, "phoneRegion").setText("xx")
    dialog.accept()
    assert dialog.isVisible()
    error = dialog.findChild(QWidget, "formError").text()
    assert "4w" in error and "“XX” is not a country code" in error
    assert dialog.focusWidget() is dialog.findChild(QLineEdit, "defaultCadence")
    assert not settings_file.path.exists()


def test_a_calendar_file_in_a_folder_that_does_not_exist_is_refused(qtbot, settings_file, tmp_path):
    dialog = SettingsDialog(Settings(), settings_file)
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "calendarFeedPath").setText(str(tmp_path / "nowhere" / "hitouch.ics"))
    dialog.accept()
    assert "does not exist" in dialog.findChild(QWidget, "formError").text()
    dialog.findChild(QLineEdit, "calendarFeedPath").setText(str(tmp_path / "hitouch.ics"))
    dialog.accept()
    assert dialog.settings.calendar_feed_path == str(tmp_path / "hitouch.ics")


def test_choosing_a_theme_shows_it_at_once_and_cancel_puts_it_back(qtbot, settings_file, qapp):
    try:
        apply_theme("light")
        dialog = SettingsDialog(Settings(theme="light"), settings_file)
        qtbot.addWidget(dialog)
        theme = dialog.findChild(QComboBox, "theme")
        theme.setCurrentIndex(theme.findData("dark"))
        assert is_dark(qapp.palette())
        qtbot.waitUntil(lambda: is_dark(dialog.palette()))  # widgets hear of it through an event
        dialog.reject()
        assert not is_dark(qapp.palette())
    finally:
        apply_theme("system")


def test_a_saved_dark_theme_changes_the_window_and_is_stored(window, qtbot, settings_file, qapp, when_dialog_opens):
    def choose_dark(dialog):
        theme = dialog.findChild(QComboBox, "theme")
        theme.setCurrentIndex(theme.findData("dark"))
        dialog.accept()

    try:
        when_dialog_opens("settingsDialog", choose_dark)
        window.open_preferences()
        assert is_dark(qapp.palette())
        qtbot.waitUntil(lambda: is_dark(window.palette()))
        assert settings_file.load().theme == "dark"
    finally:
        apply_theme("system")
