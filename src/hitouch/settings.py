"""Every preference, declared once, typed, with its default, checked here and nowhere else;
and the file that keeps them, owned here for the window and the command line alike.

The file is JSON (`settings.json` in the user's config folder), read and written by plain
Python, without Qt. Preferences kept by earlier versions in QSettings' `HiTouch.ini` beside
it are read once, the first time there is no JSON file, and carried over.
"""

from __future__ import annotations

import configparser
import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from hitouch.domain.dates import parse_period
from hitouch.paths import APP_NAME

THEMES = ("system", "light", "dark")
FORMAT_VERSION = 1
_NOT_NEGATIVE = ("reminder_minutes", "event_followup_days", "backups_daily", "backups_weekly", "backups_monthly")


class InvalidSettings(ValueError):
    """Values no preference may take; `problems` pairs each field with a sentence for a person."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("\n".join(message for _, message in problems))
        self.problems = problems

    @property
    def fields(self) -> list[str]:
        return [name for name, _ in self.problems]


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
        if problems := settings_problems(self):
            raise InvalidSettings(problems)


def settings_problems(s: Settings) -> list[tuple[str, str]]:
    """What is wrong with these values, field by field, in the order the Preferences show them."""
    problems: list[tuple[str, str]] = []
    for name in _NOT_NEGATIVE:
        if getattr(s, name) < 0:
            problems.append((name, f"{name} cannot be negative"))
    if not 0 <= s.all_day_reminder_hour <= 23:
        problems.append(("all_day_reminder_hour", "all_day_reminder_hour must be between 0 and 23"))
    if s.calendar_feed_path and Path(s.calendar_feed_path).suffix.lower() != ".ics":
        problems.append(("calendar_feed_path", "The calendar file's name ends in .ics."))
    if s.caldav_url and not s.caldav_url.startswith(("https://", "http://")):
        problems.append(("caldav_url", "The CalDAV address starts with https://."))
    if s.caldav_url and not s.caldav_calendar:
        problems.append(("caldav_calendar", "Name the calendar HiTouch writes to."))
    if s.default_cadence:
        try:
            parse_period(s.default_cadence)
        except ValueError:
            problems.append(("default_cadence", "“Keep in touch every” needs a number and d, w or m, such as 4w."))
    if s.phone_region and not _known_region(s.phone_region):
        problems.append(
            ("phone_region", f"“{s.phone_region}” is not a country code: use two letters such as GB or DE.")
        )
    if s.theme not in THEMES:
        problems.append(("theme", f"theme must be one of {', '.join(THEMES)}"))
    return problems


def _known_region(code: str) -> bool:
    from hitouch.domain.phones import known_region  # phonenumbers: loaded only when a region is set

    return known_region(code)


def check_places(s: Settings) -> None:
    """What Preferences check before saving, beyond the values themselves: that the places they
    name are there. InvalidSettings names the field."""
    if s.calendar_feed_path:
        folder = Path(s.calendar_feed_path).expanduser().parent
        if not folder.is_dir():
            raise InvalidSettings([("calendar_feed_path", f"The folder {folder} does not exist.")])


def from_values(values: Mapping[str, Any]) -> Settings:
    """Settings from stored values (typed, or text from an old INI file): unknown keys are
    ignored, and a value that is unreadable or not allowed keeps its field's default."""
    typed: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name in values:
            value = _typed(field.type, values[field.name])
            if value is not None:
                typed[field.name] = value
    while True:
        try:
            return Settings(**typed)
        except InvalidSettings as exc:
            for name in exc.fields:
                typed.pop(name, None)


def _typed(kind: object, value: Any) -> int | bool | str | None:
    if kind == "bool":
        if isinstance(value, bool):
            return value
        return value.strip().lower() in ("true", "1", "yes", "on") if isinstance(value, str) else None
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            return int(value) if isinstance(value, str) else None
        except ValueError:
            return None
    return value if isinstance(value, str) else None


def settings_path() -> Path:
    """Where this user's preferences are kept."""
    from platformdirs import user_config_path

    return user_config_path(appauthor=False, roaming=True) / APP_NAME / "settings.json"


class SettingsFile:
    """The user's preferences file: the one owner of it, for the window and the command line."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.legacy_ini = self.path.with_name(f"{APP_NAME}.ini")  # what QSettings wrote before

    def load(self) -> Settings:
        """The saved preferences; the defaults where there are none or they cannot be read."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return self._migrate()
        except (OSError, UnicodeDecodeError, ValueError):
            return Settings()
        return from_values(document) if isinstance(document, dict) else Settings()

    def save(self, settings: Settings) -> None:
        """Write the preferences whole (a crash leaves the old file or the new one, never half)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        document = {"version": FORMAT_VERSION, **asdict(settings)}
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(partial, self.path)

    def _migrate(self) -> Settings:
        """Preferences an earlier HiTouch kept in QSettings' INI file, carried over once."""
        values = read_qsettings_ini(self.legacy_ini)
        if values is None:
            return Settings()
        settings = from_values(values)
        try:
            self.save(settings)
        except OSError:
            pass  # read again from the INI next time
        return settings


def read_qsettings_ini(path: Path) -> dict[str, str] | None:
    """The [General] section of an INI file QSettings wrote, its values unescaped; None when
    there is no such file."""
    parser = _CaseKeeping(interpolation=None, strict=False, delimiters=("=",))
    try:
        parser.read_string(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error):
        return None
    if not parser.has_section("General"):
        return {}
    return {key: _unescape_qsettings(raw.strip()) for key, raw in parser.items("General")}


class _CaseKeeping(configparser.ConfigParser):
    def optionxform(self, optionstr: str) -> str:
        return optionstr  # keys keep their case


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
