"""Settings kept with QSettings, as text, in the INI file the command line also reads."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from hitouch.settings import Settings, from_strings, settings_file, to_strings


def qsettings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def load_settings() -> Settings:
    store = qsettings()
    return from_strings({key: str(store.value(key)) for key in store.childKeys()})


def save_settings(settings: Settings) -> None:
    store = qsettings()
    for key, value in to_strings(settings).items():
        store.setValue(key, value)
    store.sync()
