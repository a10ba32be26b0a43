"""Preferences: declared once with defaults, checked in one place, kept in one file that the
window and the command line both read and write through `SettingsFile`."""

from __future__ import annotations

import json

import pytest

from hitouch.settings import InvalidSettings, Settings, SettingsFile, check_places, from_values


def test_defaults_are_sensible():
    s = Settings()
    assert s.reminder_minutes == 15 and s.calendar_use_todos is False and s.theme == "system"


def test_unreadable_values_keep_their_defaults():
    s = from_values({"reminder_minutes": "soon", "calendar_use_todos": "true", "unknown": "x", "backups_daily": True})
    assert s.reminder_minutes == 15 and s.calendar_use_todos is True and s.backups_daily == 7


def test_a_value_not_allowed_keeps_its_default_and_only_that_one():
    assert from_values({"theme": "purple"}) == Settings()
    assert from_values({"theme": "purple", "reminder_minutes": 30}) == Settings(reminder_minutes=30)


def test_every_rule_is_checked_by_settings_itself_naming_the_field():
    with pytest.raises(InvalidSettings) as bad:
        Settings(
            reminder_minutes=-5,
            all_day_reminder_hour=24,
            default_cadence="monthly",
            phone_region="XX",
            caldav_url="dav.example.com",
            calendar_feed_path="feed.txt",
        )
    assert bad.value.fields == [
        "reminder_minutes",
        "all_day_reminder_hour",
        "calendar_feed_path",
        "caldav_url",
        "default_cadence",
        "phone_region",
    ]
    assert "“XX” is not a country code" in str(bad.value) and "such as 4w" in str(bad.value)


def awkward_settings(folder) -> Settings:
    """Values that need escaping in INI text: commas, quotes, backslashes, new lines, non-ASCII."""
    return Settings(
        reminder_minutes=30,
        calendar_use_todos=True,
        caldav_url="https://dav.example/cal, x",
        caldav_user="zoë@example.com",
        calendar_feed_path=str(folder / "HiTouch calendar.ics"),
        caldav_calendar=' "Quoted"\\back\nline ',
        theme="dark",
    )


def test_saved_settings_are_read_back_as_they_were(tmp_path):
    store = SettingsFile(tmp_path / "HiTouch" / "settings.json")
    wanted = awkward_settings(tmp_path)
    store.save(wanted)
    assert store.load() == wanted
    assert json.loads(store.path.read_text(encoding="utf-8"))["caldav_user"] == "zoë@example.com"  # plain JSON


def test_a_calendar_file_in_a_missing_folder_is_refused_before_saving(tmp_path):
    with pytest.raises(InvalidSettings, match="does not exist") as bad:
        check_places(Settings(calendar_feed_path=str(tmp_path / "nowhere" / "feed.ics")))
    assert bad.value.fields == ["calendar_feed_path"]
    check_places(Settings(calendar_feed_path=str(tmp_path / "feed.ics")))


def test_what_qsettings_wrote_before_is_carried_over_once(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    ini = tmp_path / "HiTouch" / "HiTouch.ini"
    wanted = awkward_settings(tmp_path)
    old = QSettings(str(ini), QSettings.Format.IniFormat)
    for name, value in {
        "reminder_minutes": "30",
        "calendar_use_todos": "true",
        "caldav_url": wanted.caldav_url,
        "caldav_user": wanted.caldav_user,
        "calendar_feed_path": wanted.calendar_feed_path,
        "caldav_calendar": wanted.caldav_calendar,
        "theme": "dark",
    }.items():
        old.setValue(name, value)
    old.sync()
    store = SettingsFile(tmp_path / "HiTouch" / "settings.json")
    assert store.load() == wanted
    assert store.path.is_file()  # carried over: the INI file is not read again
    ini.write_text("[General]\nreminder_minutes=99\n", encoding="utf-8")
    assert store.load() == wanted


def test_a_missing_or_unreadable_settings_file_gives_the_defaults(tmp_path):
    assert SettingsFile(tmp_path / "none.json").load() == Settings()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert SettingsFile(broken).load() == Settings()
