"""Today and now, in one place, so tests can fix them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime


@dataclass
class Clock:
    fixed: datetime | None = None  # local wall-clock time, for tests

    def now(self) -> datetime:
        """Local wall-clock time, naive."""
        return self.fixed or datetime.now()

    def today(self) -> date:
        return self.now().date()

    def utc_now(self) -> datetime:
        """For record keeping (created_at, deleted_at): naive UTC."""
        if self.fixed:
            return self.fixed.astimezone(UTC).replace(tzinfo=None)
        return datetime.now(UTC).replace(tzinfo=None)
