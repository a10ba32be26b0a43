"""Follow-ups as the window and the command line see them: when they are due and their status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from hitouch.domain.records import ContactRef
from hitouch.domain.vocabulary import FollowUpKind, FollowUpStatus

_TITLES = {
    FollowUpKind.COFFEE: "Coffee with {name}",
    FollowUpKind.MEETING: "Meeting with {name}",
    FollowUpKind.CALL: "Call {name}",
    FollowUpKind.EMAIL: "Email {name}",
    FollowUpKind.OTHER: "Follow up with {name}",
}


def effective_due(due_on: date, snoozed_until: date | None) -> date:
    """When a follow-up is due now: a snooze moves it later, never earlier. The queries spell the
    same rule in SQL once, in `store/queries/followup_due.py`."""
    return snoozed_until if snoozed_until and snoozed_until > due_on else due_on


def default_title(kind: FollowUpKind | str, name: str) -> str:
    """'Coffee with Adaeze Okonkwo', 'Call Li Wei'."""
    return _TITLES[FollowUpKind(kind)].format(name=name)


@dataclass(slots=True)
class FollowUpRecord:
    id: int
    contact: ContactRef
    kind: str
    title: str
    note: str
    due_on: date  # as scheduled
    due_time: time | None  # local wall-clock time
    minutes: int | None
    done: bool
    snoozed_until: date | None
    event_id: int | None = None
    done_at: datetime | None = None

    @property
    def due(self) -> date:
        """When it is due now: a snooze moves it later, never earlier."""
        return effective_due(self.due_on, self.snoozed_until)

    def status_on(self, today: date) -> FollowUpStatus:
        if self.done:
            return FollowUpStatus.DONE
        if self.snoozed_until and self.snoozed_until > today:
            return FollowUpStatus.SNOOZED
        return FollowUpStatus.OPEN


def reminder_moment(followup: FollowUpRecord, zone: tzinfo, lead_minutes: int, all_day_hour: int) -> datetime:
    """The absolute moment (UTC) to remind of a follow-up: `lead_minutes` before its local time,
    or at `all_day_hour` local time on its day when it has none.

    The wall-clock time is placed in `zone` first and only then moved by the lead, in UTC:
    arithmetic on zone-aware datetimes in Python is wall-clock arithmetic, which is wrong across
    a daylight-saving change.
    """
    if followup.due_time is not None:
        local = datetime.combine(followup.due, followup.due_time, tzinfo=zone)
        return local.astimezone(UTC) - timedelta(minutes=lead_minutes)
    return datetime.combine(followup.due, time(all_day_hour), tzinfo=zone).astimezone(UTC)
