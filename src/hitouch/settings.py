"""Every preference, declared once, typed, with its default.

The window stores them with QSettings (`ui/settings_store.py`); the command line reads the same
INI file without Qt (`read_settings_file`). Values are stored as text, so both sides agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from hitouch.paths import APP_NAME

THEMES = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Settings:
    # Reminders and calendars
    reminder_minutes: int = 15  # alarm lead time for follow-ups with a time
    all_day_reminder_hour: int = 9  # alarm time for all-day follow-ups, local
    calendar_use_todos: bool = False  # VTODO instead of VEVENT (Google's calendar ignores VTODO)
    calendar_feed_path: str = ""  # an .ics file kept up to date after every change; empty: off
    caldav_url: str = ""
    caldav_user: str = ""
    caldav_calendar: str = "HiTouch"
    # The relationship work
    event_followup_days: int = 3  # a follow-up this many days after meeting someone at an event
    default_cadence: str = ""  # e.g. "4w" for every new contact; empty: none
    # Safety
    backups_daily: int = 7
    backups_weekly: int = 4
    backups_monthly: int = 12
    # Look and feel
    theme: str = "system"
    phone_region: str = ""  # for numbers written without +; empty: from the locale
    # My card (Help > My Card, `hitouch card qr`): my own details, as a QR code to be scanned
    my_name: str = ""
    my_email: str = ""
    my_phone: str = ""
    my_company: str = ""
    my_title: str = ""
    my_url: str = ""

    def __post_init__(self) -> None:
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}")
        for name in ("reminder_minutes", "event_followup_days", "backups_daily", "backups_weekly", "backups_monthly"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative")
        if not 0 <= self.all_day_reminder_hour <= 23:
            raise ValueError("all_day_reminder_hour must be between 0 and 23")


def from_strings(values: Mapping[str, str]) -> Settings:
    """Settings from stored text; unknown keys are ignored and unreadable values keep the default."""
    typed = {}
    for field in fields(Settings):
        if field.name not in values:
            continue
        raw = values[field.name]
        try:
            if field.type == "bool":
                typed[field.name] = raw.strip().lower() in ("true", "1", "yes", "on")
            elif field.type == "int":
                typed[field.name] = int(raw)
            else:
                typed[field.name] = str(raw)
        except ValueError:
            continue
    try:
        return Settings(**typed)
    except ValueError:
        return Settings()


def to_strings(settings: Settings) -> dict[str, str]:
    out = {}
    for field in fields(Settings):
        value = getattr(settings, field.name)
        out[field.name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return out


def settings_file() -> Path:
    """Where QSettings keeps HiTouch's INI file for this user (IniFormat, UserScope)."""
    from platformdirs import user_config_path

    return user_config_path(appauthor=False, roaming=True) / APP_NAME / f"{APP_NAME}.ini"


def read_settings_file(path: Path | None = None) -> Settings:
    """The command line's view of the window's settings: the [General] section of the INI file."""
    path = path or settings_file()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Settings()
    values: dict[str, str] = {}
    section = "General"
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif "=" in line and section == "General":
            key, _, raw = line.partition("=")
            values[key.strip()] = _unescape_qsettings(raw.strip())
    return from_strings(values)


_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{1,4}|.)")


def _unescape_qsettings(raw: str) -> str:
    """QSettings' INI string encoding: optional quotes, backslash escapes, \\xHHHH for other text."""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        raw = raw[1:-1]

    def one(match: re.Match[str]) -> str:
        code = match[1]
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}.get(code, code)

    return _ESCAPE.sub(one, raw)
