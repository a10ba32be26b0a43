"""Birthdays, with or without a year."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_FULL = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")


@dataclass(frozen=True, slots=True)
class Birthday:
    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        # 2000 is a leap year, so 29 February is valid without a year.
        date(self.year or 2000, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> Birthday:
        """'1990-03-15', '19900315', '--03-15', '--0315'; ValueError otherwise."""
        text = text.strip()
        if m := _FULL.match(text):
            return cls(int(m[2]), int(m[3]), int(m[1]))
        if m := _NO_YEAR.match(text):
            return cls(int(m[1]), int(m[2]))
        raise ValueError(f"not a birthday: {text!r} (use YYYY-MM-DD or --MM-DD)")

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def mmdd(self) -> int:
        return self.month * 100 + self.day

    @classmethod
    def from_parts(cls, mmdd: int | None, year: int | None) -> Birthday | None:
        if not mmdd:
            return None
        return cls(mmdd // 100, mmdd % 100, year)

    def next_on_or_after(self, day: date) -> date:
        """The next anniversary on or after `day` (29 February falls on 28 February)."""
        for year in (day.year, day.year + 1):
            try:
                candidate = date(year, self.month, self.day)
            except ValueError:
                candidate = date(year, 2, 28)
            if candidate >= day:
                return candidate
        raise AssertionError("unreachable")

    def age_on(self, day: date) -> int | None:
        if self.year is None:
            return None
        return day.year - self.year - ((day.month, day.day) < (self.month, self.day))
