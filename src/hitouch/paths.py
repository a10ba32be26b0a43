"""Where the journal lives unless told otherwise."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "HiTouch"
APP_ID = "io.github.hitouch.hitouch"  # reverse-DNS: desktop file, icons, AppStream, Flatpak
JOURNAL_FILE = "journal.sqlite3"


def default_journal_path() -> Path:
    """journal.sqlite3 in the platform's user data folder ($HITOUCH_DB is read in `environment.py`)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / JOURNAL_FILE


def cache_folder() -> Path:
    """Files HiTouch makes for other programs to open, such as one event for the calendar app."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)
