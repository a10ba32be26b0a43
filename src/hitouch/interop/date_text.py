"""Birthdays and LinkedIn dates as other programs write them."""

from __future__ import annotations

import re
from datetime import date

from hitouch.domain.birthday import Birthday

# Apple (and CardBook after it) store "no year" as the year 1604.
NO_YEAR_SENTINEL = 1604

_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$")
_NO_YEAR = re.compile(r"^-?-(\d{2})-?(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,})\.?[ ,-]*(\d{2}|\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([A-Za-z]{3,})\.? (\d{1,2}),? (\d{2}|\d{4})$")
_MONTHS = {
    name: n
    for n, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}


def vcard_birthday(text: str, omit_year: str = "") -> Birthday | None:
    """BDAY values: '1980-03-22', '19800322', '--0315', '1604-03-15', '02-10'; None when not a date."""
    text = text.strip()
    if m := _ISO.match(text):
        year = int(m[1])
        no_year = year in (0, NO_YEAR_SENTINEL) or m[1] == omit_year
        return _birthday(int(m[2]), int(m[3]), None if no_year else year)
    if m := _NO_YEAR.match(text) or _MONTH_DAY.match(text):
        return _birthday(int(m[1]), int(m[2]), None)
    return None


def text_birthday(text: str, today: date) -> Birthday | None:
    """A spreadsheet cell: ISO, '--12-31', '3/15/1985' (month first unless the first number is over 12),
    '15.03.1985', '15 March 1985'. Outlook's '0/0/00' and anything unreadable give None.
    A two-digit year is the latest such year not after `today`'s."""
    text = text.strip()
    if not text:
        return None
    if found := vcard_birthday(text):
        return found
    if m := _NUMERIC.match(text):
        first, second, year = int(m[1]), int(m[3]), _full_year(m[4], today)
        day_first = m[2] == "." or first > 12
        month, day = (second, first) if day_first else (first, second)
        return _birthday(month, day, None if year in (0, NO_YEAR_SENTINEL) else year)
    if parsed := named_month_date(text, today):
        return _birthday(parsed.month, parsed.day, parsed.year)
    return None


def named_month_date(text: str, today: date) -> date | None:
    """'08 Feb 2023', '8-Feb-23', 'Feb 8, 2023' — English month names, whatever the locale."""
    text = text.strip()
    if m := _DAY_MONTH_NAME.match(text):
        day, month_name, year = m[1], m[2], m[3]
    elif m := _MONTH_NAME_DAY.match(text):
        month_name, day, year = m[1], m[2], m[3]
    else:
        return None
    month = _MONTHS.get(month_name[:3].lower())
    if month is None:
        return None
    try:
        return date(_full_year(year, today), month, int(day))
    except ValueError:
        return None


def connected_on(text: str, today: date) -> date | None:
    """LinkedIn's 'Connected On': '08 Feb 2023', '8-Feb-23', or ISO."""
    text = text.strip()
    if found := named_month_date(text, today):
        return found
    if m := _ISO.match(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _full_year(digits: str, today: date) -> int:
    if len(digits) == 4:
        return int(digits)
    year = int(digits)
    # Two digits: the most recent such year that is not in the future.
    this_year = today.year
    full = 2000 + year
    return full if full <= this_year else full - 100


def _birthday(month: int, day: int, year: int | None) -> Birthday | None:
    try:
        return Birthday(month, day, year)
    except ValueError:
        return None
