"""Settings kept with QSettings, as text, in the INI file the command line also reads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from hitouch.settings import Settings, from_strings, settings_file, to_strings


class SettingsStore:
    """The user's preferences file; `path` defaults to where the command line looks too."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()

    def _qsettings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def load(self) -> Settings:
        store = self._qsettings()
        return from_strings({key: str(store.value(key)) for key in store.childKeys()})

    def save(self, settings: Settings) -> None:
        store = self._qsettings()
        for key, value in to_strings(settings).items():
            store.setValue(key, value)
        store.sync()
