"""When the next follow-up comes due, as an absolute moment, right across daylight-saving changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import text

from hitouch.domain.relationships.followups import FollowUpRecord, reminder_moment
from hitouch.services.clock import Clock
from hitouch.services.relationships.followups import followup_records
from hitouch.settings import Settings
from hitouch.store.database import Journal
from hitouch.store.queries.followup_due import due_sql


@dataclass(slots=True)
class Reminder:
    moment: datetime  # UTC
    followups: list[FollowUpRecord] = field(default_factory=list)


class UpcomingReminders:
    def __init__(self, journal: Journal, clock: Clock, settings: Callable[[], Settings]) -> None:
        self._journal = journal
        self._clock = clock  # the zone the follow-ups' wall-clock times are in
        self._settings = settings

    def next_after(self, moment: datetime) -> Reminder | None:
        """The first reminder strictly after `moment` (aware), with every follow-up it is for."""
        zone = self._clock.tz()
        # A reminder can come a little before its day (the lead time), so start from yesterday
        # and look at two days at a time: the earliest day with open follow-ups, and the next.
        day = moment.astimezone(zone).date() - timedelta(days=1)
        with self._journal.read() as session:
            while True:
                first = session.scalar(text(_FIRST_DAY), {"day": day.isoformat()})
                if first is None:
                    return None
                day = date.fromisoformat(first)
                followups = followup_records(
                    session,
                    f"AND f.status = 'open' AND {_DUE} BETWEEN :first AND :second",
                    first=day.isoformat(),
                    second=(day + timedelta(days=1)).isoformat(),
                )
                found = self._earliest(followups, moment, zone)
                if found is not None:
                    return found
                day += timedelta(days=1)

    def _earliest(self, followups: list[FollowUpRecord], after: datetime, zone: tzinfo) -> Reminder | None:
        found: Reminder | None = None
        for followup in followups:
            at = reminder_moment(
                followup, zone, self._settings().reminder_minutes, self._settings().all_day_reminder_hour
            )
            if at <= after:
                continue
            if found is None or at < found.moment:
                found = Reminder(at, [followup])
            elif at == found.moment:
                found.followups.append(followup)
        return found


_DUE = due_sql("f")
_FIRST_DAY = f"""
SELECT min({_DUE}) FROM follow_up f CROSS JOIN contact c ON c.id = f.contact_id
WHERE f.status = 'open' AND f.deleted_at IS NULL AND +c.deleted_at IS NULL AND {_DUE} >= :day
"""
