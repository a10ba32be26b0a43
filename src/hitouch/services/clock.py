"""Today, now and the user's time zone, in one place, so tests can fix them.

The composition roots build the one clock a front end uses, with the system's zone read at the
edge (`environment.system_zone`); nothing else asks the system what time or zone it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo


@dataclass
class Clock:
    fixed: datetime | None = None  # local wall-clock time, for tests and $HITOUCH_NOW
    zone: ZoneInfo | None = None  # the user's zone by name; None: the system names none

    def now(self) -> datetime:
        """Local wall-clock time, naive."""
        if self.fixed is not None:
            return self.fixed
        return datetime.now(self.zone).replace(tzinfo=None) if self.zone else datetime.now()

    def today(self) -> date:
        return self.now().date()

    def tz(self) -> tzinfo:
        """The zone local times are in: the named zone, else the system's current offset."""
        return self.zone or datetime.now().astimezone().tzinfo or UTC

    def utc_now(self) -> datetime:
        """For record keeping (created_at, deleted_at): naive UTC."""
        if self.fixed is not None:
            return self.fixed.replace(tzinfo=self.tz()).astimezone(UTC).replace(tzinfo=None)
        return datetime.now(UTC).replace(tzinfo=None)
