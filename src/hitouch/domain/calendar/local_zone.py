"""The user's time zone by its IANA name, which calendars need as a TZID."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_zone() -> ZoneInfo | None:
    """$TZ, else /etc/localtime's target, else /etc/timezone; None when no name is known
    (callers then write times in UTC, converted with the system's own rules)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        candidates.append(str(localtime.resolve()))
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for candidate in candidates:
        if zone := _zone_named(candidate):
            return zone
    return None


def _zone_named(text: str) -> ZoneInfo | None:
    # A path such as /usr/share/zoneinfo/Europe/London names the zone after "zoneinfo/".
    key = text.rsplit("zoneinfo/", 1)[-1].strip()
    if not key or key.startswith("/") or ".." in key:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
