"""Keep-in-touch cadences: a rhythm per contact, due when that long has passed since the last
interaction (the clock is derived, never reset by hand)."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from hitouch.domain.records import ContactRef


def period_text(every: int, unit: str) -> str:
    """(2, 'w') -> '2w', the form `cadence --every` takes."""
    return f"{every}{unit}"


def cadence_due(base: date, every: int, unit: str) -> date:
    """`base` plus the period; a month after 31 January is the last day of February."""
    if unit == "d":
        return base + timedelta(days=every)
    if unit == "w":
        return base + timedelta(weeks=every)
    months = base.month - 1 + every
    year, month = base.year + months // 12, months % 12 + 1
    if base.day <= 28:  # every month has it
        return date(year, month, base.day)
    return date(year, month, min(base.day, monthrange(year, month)[1]))


@dataclass(slots=True)
class CadenceRecord:
    """Keep in touch every `every` `unit`s; due when that long has passed since `last`."""

    contact: ContactRef
    every: int
    unit: str  # d, w, m
    since: date
    last: date | None  # the last interaction, if any
    due: date

    @property
    def period(self) -> str:
        return period_text(self.every, self.unit)
