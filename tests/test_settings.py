"""Preferences: declared once with defaults; the window writes them, the command line reads them."""

from __future__ import annotations

import pytest

from hitouch.settings import Settings, from_strings, read_settings_file, to_strings


def test_defaults_are_sensible():
    s = Settings()
    assert s.reminder_minutes == 15 and s.calendar_use_todos is False and s.theme == "system"


def test_unreadable_values_keep_their_defaults():
    s = from_strings({"reminder_minutes": "soon", "calendar_use_todos": "true", "unknown": "x"})
    assert s.reminder_minutes == 15 and s.calendar_use_todos is True


def test_invalid_combinations_fall_back_to_defaults():
    assert from_strings({"theme": "purple"}) == Settings()
    with pytest.raises(ValueError):
        Settings(reminder_minutes=-5)


def test_what_qsettings_writes_the_command_line_reads(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    path = tmp_path / "HiTouch.ini"
    wanted = Settings(
        reminder_minutes=30,
        calendar_use_todos=True,
        caldav_url="https://dav.example/cal, x",
        caldav_user="zoë@example.com",
        calendar_feed_path="/home/z/Sync/HiTouch calendar.ics",
        caldav_calendar=' "Quoted"\\back\nline ',
        theme="dark",
    )
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in to_strings(wanted).items():
        store.setValue(key, value)
    store.sync()
    assert read_settings_file(path) == wanted


def test_a_missing_settings_file_gives_the_defaults(tmp_path):
    assert read_settings_file(tmp_path / "none.ini") == Settings()
