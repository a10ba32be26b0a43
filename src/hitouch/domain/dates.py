"""Dates as people type them: ISO 8601, today/tomorrow/yesterday, +3d/-2w/+1m."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from hitouch.domain.limits import FIRST_DAY, LAST_DAY, LONGEST_PERIOD

_RELATIVE = re.compile(r"^([+-])(\d+)([dwmy])$")
_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}


def parse_day(text: str, today: date | None = None) -> date:
    """A calendar day; ValueError with a readable message otherwise."""
    return parse_moment(text, today)[0]


def parse_moment(text: str, today: date | None = None) -> tuple[date, time | None]:
    """A day with an optional local time ('2026-12-01T09:30'), between FIRST_DAY and LAST_DAY."""
    day, at = _moment(text, today or date.today())
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{text.strip()!r} is out of range: dates go from {FIRST_DAY} to {LAST_DAY}")
    return day, at


def _moment(text: str, today: date) -> tuple[date, time | None]:
    value = text.strip().lower()
    if value in _WORDS:
        return today + relativedelta(days=_WORDS[value]), None
    if m := _RELATIVE.match(value):
        n = int(m[2]) * (1 if m[1] == "+" else -1)
        unit = {"d": "days", "w": "weeks", "m": "months", "y": "years"}[m[3]]
        try:
            return today + relativedelta(**{unit: n}), None
        except (OverflowError, ValueError):
            raise ValueError(f"{text.strip()!r} is too far: dates go from {FIRST_DAY} to {LAST_DAY}") from None
    try:
        if "t" in value or " " in value:
            moment = datetime.fromisoformat(text.strip())
            return moment.date(), moment.time().replace(tzinfo=None)
        return date.fromisoformat(value), None
    except ValueError:
        raise ValueError(
            f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM-DDTHH:MM, today, tomorrow, +3d, -2w, +1m)"
        ) from None


def parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"not a time: {text!r} (use HH:MM)") from None


def parse_period(text: str) -> tuple[int, str]:
    """'2w' -> (2, 'w'): a keep-in-touch rhythm in days, weeks or months."""
    m = re.match(r"^(\d+)([dwm])$", text.strip().lower())
    if not m or int(m[1]) == 0:
        raise ValueError(f"not a period: {text!r} (use N followed by d, w or m, e.g. 2w)")
    if int(m[1]) > LONGEST_PERIOD[m[2]]:
        raise ValueError(
            f"{text.strip()!r} is too long a period: ten years at the longest ({LONGEST_PERIOD[m[2]]}{m[2]})"
        )
    return int(m[1]), m[2]
