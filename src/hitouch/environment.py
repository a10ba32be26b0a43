"""The environment variables HiTouch reads, read in this one place.

Each composition root (`app.py` for the window, `cli/main.py` for the command line) reads them
once, at start, and passes what they say to what it builds; nothing below reads `os.environ`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hitouch.paths import default_journal_path

JOURNAL = "HITOUCH_DB"  # the journal file when --db is not given
PASSPHRASE = "HITOUCH_PASSPHRASE"  # for a journal encrypted at rest
NOW = "HITOUCH_NOW"  # a fixed "now" for scripts: 2026-11-22T10:30
BUSY_TIMEOUT = "HITOUCH_BUSY_TIMEOUT"  # seconds a writer waits for another one
CALDAV_PASSWORD = "HITOUCH_CALDAV_PASSWORD"  # for scripts; else the system keyring


@dataclass(frozen=True, slots=True)
class Environment:
    journal: Path | None = None
    passphrase: str | None = None
    now: str = ""
    busy_timeout: float | None = None
    caldav_password: str | None = None

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> Environment:
        values = os.environ if environ is None else environ
        journal = values.get(JOURNAL, "")
        try:
            busy_timeout: float | None = float(values[BUSY_TIMEOUT]) if values.get(BUSY_TIMEOUT) else None
        except ValueError:
            busy_timeout = None  # unreadable: the default wait
        return cls(
            journal=Path(journal).expanduser() if journal else None,
            passphrase=values.get(PASSPHRASE) or None,
            now=values.get(NOW, ""),
            busy_timeout=busy_timeout,
            caldav_password=values.get(CALDAV_PASSWORD) or None,
        )

    def journal_path(self, given: Path | None = None) -> Path:
        """The journal to open: the one given (--db), else $HITOUCH_DB, else the user data folder's."""
        return Path(given).expanduser() if given else self.journal or default_journal_path()

    def fixed_now(self) -> datetime | None:
        """$HITOUCH_NOW as a local wall-clock time; None when unset. ValueError names a bad value."""
        if not self.now:
            return None
        try:
            return datetime.fromisoformat(self.now)
        except ValueError:
            raise ValueError(f"${NOW} is not a date and time: {self.now!r} (use 2026-11-22T10:30)") from None


def system_zone() -> ZoneInfo | None:
    """The system's time zone by its IANA name, read afresh (tzlocal: $TZ, /etc/timezone,
    /etc/localtime ... on every platform); None when the system names none, and then local
    times are converted by the system's own rules (`services.clock.Clock.tz`)."""
    import tzlocal

    try:
        zone = tzlocal.reload_localzone()
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    if not isinstance(zone, ZoneInfo) or zone.key in (None, "local"):
        return None  # rules without a name: a calendar could not name them (TZID)
    return zone
