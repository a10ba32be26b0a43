"""The ranges of what a person types: ids, counts, dates, amounts, search words.

One place, so that the command line and the window refuse the same things, with a sentence,
before a value too large for SQLite or for Python's dates reaches either.
"""

from __future__ import annotations

from datetime import date

LARGEST_ID = 2**63 - 1  # SQLite's INTEGER: no row has a larger id
# Dates typed for the journal: a networking journal has nothing before 1900 or after 2999.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
MOST_DAYS = 36_500  # a window of days (the agenda, a calendar export): a hundred years
MOST_MINUTES = 7 * 24 * 60  # a follow-up's length: a week
MOST_NUDGES = 100_000
LARGEST_AMOUNT_CENTS = 10**15 * 100  # a referral's value: a thousand trillion
# A keep-in-touch rhythm: every ten years at the longest.
LONGEST_PERIOD = {"d": 3_653, "w": 522, "m": 120}
# A search uses this many words of a query: each word is one more full-text match, and a
# pasted page of text would otherwise take seconds (the window and the command line alike).
MOST_QUERY_WORDS = 12


def is_id(number: int) -> bool:
    return 1 <= number <= LARGEST_ID


def id_text(text: str) -> int | None:
    """The id a reference such as '42' names; None when it is not digits or beyond any id."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if is_id(number) else None
