"""Meetings read from the user's calendar, and how the journal takes them in.

A meeting that has begun is something that happened: an interaction on its day, its channel
guessed from where and how it met. One still ahead is a follow-up. The guesses are decided
here; `interop/ics_read.py` only reads the events, `services/calendar_import.py` writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from hitouch.domain.vocabulary import Channel, FollowUpKind


class Attendee(NamedTuple):
    """Someone on a meeting's invitation, as its calendar names them."""

    email: str
    name: str = ""


@dataclass(slots=True)
class CalendarEvent:
    """One event (or to-do) of a calendar file."""

    uid: str
    start: datetime | date | None  # aware in its zone, or a date (all day); None only for an undated to-do
    summary: str = ""
    end: datetime | date | None = None
    duration: timedelta | None = None  # when the event gave a DURATION instead of an end
    recurrence_id: str | None = None  # which meeting of a recurring series this one replaces
    description: str = ""
    location: str = ""
    attendees: list[Attendee] = field(default_factory=list)  # those who declined are not among them
    organizer: Attendee | None = None
    status: str = ""  # CONFIRMED, TENTATIVE, CANCELLED, or "" when it does not say
    recurs: bool = False  # an RRULE or RDATE: a series, not one meeting
    todo: bool = False
    line: int = 0  # 1-based line of its BEGIN in the file

    @property
    def key(self) -> str:
        """What the journal remembers it by: the UID, and the recurrence id of one meeting of a series."""
        return f"{self.uid}#{self.recurrence_id}" if self.recurrence_id else self.uid

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def cancelled(self) -> bool:
        return self.status == "CANCELLED"

    @property
    def emails(self) -> list[str]:
        """Everyone's address, organizer first, lower-case, each once."""
        people = ([self.organizer] if self.organizer else []) + self.attendees
        return list(dict.fromkeys(person.email.lower() for person in people if person.email))

    @property
    def minutes(self) -> int | None:
        """How long a timed meeting lasts; None for all-day ones or when the calendar does not say."""
        if not isinstance(self.start, datetime):
            return None
        length = self.duration
        if length is None and isinstance(self.end, datetime):
            try:
                length = self.end - self.start
            except (TypeError, OverflowError):  # an end in another kind of time than the start
                return None
        if length is None or length <= timedelta(0):
            return None
        return min(int(length.total_seconds() // 60), 24 * 60) or None


# A link to a video meeting, in the location or the description.
_VIDEO_LINK = re.compile(
    r"(?:[\w-]+\.)*(?:zoom\.us|zoom\.com|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|webex\.com|whereby\.com)/",
    re.I,
)
_COFFEE = re.compile(r"\b(?:coffee|caf[eé]|kaffee)\b", re.I)
_MEAL = re.compile(r"\b(?:breakfast|brunch|lunch|dinner|supper)\b", re.I)
_CALL = re.compile(r"\b(?:call|phone)\b", re.I)

_KIND = {
    Channel.COFFEE: FollowUpKind.COFFEE,
    Channel.CALL: FollowUpKind.CALL,
    Channel.VIDEO: FollowUpKind.CALL,
}


def guess_channel(event: CalendarEvent) -> Channel:
    """video for a Zoom, Meet, Teams, Webex or Whereby link; coffee or meal when the summary says
    so; call for a call or phone; in person otherwise."""
    if _VIDEO_LINK.search(event.location) or _VIDEO_LINK.search(event.description):
        return Channel.VIDEO
    if _COFFEE.search(event.summary):
        return Channel.COFFEE
    if _MEAL.search(event.summary):
        return Channel.MEAL
    if _CALL.search(event.summary):
        return Channel.CALL
    return Channel.IN_PERSON


def followup_kind(channel: Channel) -> FollowUpKind:
    """A coffee is a coffee, a call or video call a call, anything else a meeting."""
    return _KIND.get(channel, FollowUpKind.MEETING)


def journal_note(event: CalendarEvent) -> str:
    """'Lunch with Zoë (The Ivy, London)': the summary, and where it was."""
    summary, location = event.summary.strip(), " ".join(event.location.split())
    if summary and location:
        return f"{summary} ({location})"
    return summary or location
