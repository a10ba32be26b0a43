"""What a calendar shows for HiTouch: follow-ups and birthdays as plain entries.

The words a calendar shows (summary, description) and the rules (lengths, alarms, stable
UIDs) are decided here; `interop/ics.py` only writes the entries down as iCalendar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from hitouch.domain.birthday import Birthday
from hitouch.domain.phones import pretty_phone
from hitouch.domain.vocabulary import FollowUpKind, Source

# How long a timed follow-up lasts when it does not say.
DEFAULT_MINUTES: dict[str, int] = {  # by FollowUpKind (a StrEnum: its values are the keys)
    FollowUpKind.COFFEE: 30,
    FollowUpKind.MEETING: 60,
    FollowUpKind.CALL: 30,
    FollowUpKind.EMAIL: 15,
    FollowUpKind.OTHER: 30,
}

LAST_NOTE_CHARACTERS = 300  # enough to jog the memory on a phone's screen

_SUMMARY = {
    FollowUpKind.COFFEE: "Coffee with {name}",
    FollowUpKind.MEETING: "Meeting with {name}",
    FollowUpKind.CALL: "Call {name}",
    FollowUpKind.EMAIL: "Email {name}",
    FollowUpKind.OTHER: "Follow up with {name}",
}


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One event (or task) as a calendar shows it."""

    uid: str
    sequence: int
    summary: str
    day: date
    at: time | None = None  # local wall-clock start; None: all day
    minutes: int | None = None  # length of a timed entry
    description: str = ""
    alarm: timedelta | None = None  # when the reminder rings, relative to the start (all day: to midnight)
    cancelled: bool = False
    todo: bool = False  # a task (VTODO, due at the start) instead of an event
    yearly: bool = False


@dataclass(frozen=True, slots=True)
class Reminders:
    """The user's alarm preferences."""

    minutes_before: int = 15  # for entries with a time
    all_day_hour: int = 9  # for all-day entries, local time on the day
    todos: bool = False  # follow-ups as tasks

    def alarm(self, at: time | None) -> timedelta:
        if at is None:
            return timedelta(hours=self.all_day_hour)
        return -timedelta(minutes=self.minutes_before)


@dataclass(slots=True)
class PersonFacts:
    """What helps in the moment: who they are, how we met, the last note, how to reach them."""

    name: str
    company: str = ""
    title: str = ""
    source: str = ""
    connected_on: date | None = None
    met_at: str = ""  # the first event where we met
    met_place: str = ""
    met_on: date | None = None
    last_note: str = ""
    last_note_on: date | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    _about: str | None = field(default=None, repr=False, compare=False)

    def about(self) -> str:
        """The lines as one text, worked out once: someone with many follow-ups is described once
        (formatting phone numbers is the slow part of an export). Read only once the facts are complete."""
        if self._about is None:
            self._about = "\n".join(self.lines())
        return self._about

    def lines(self) -> list[str]:
        lines = []
        if self.title or self.company:
            lines.append(" at ".join(part for part in (self.title, self.company) if part))
        if how := self.how_we_met():
            lines.append(how)
        if self.last_note:
            note = _shorten(self.last_note, LAST_NOTE_CHARACTERS)
            lines.append(
                f"Last note ({self.last_note_on.isoformat()}): {note}" if self.last_note_on else f"Last note: {note}"
            )
        return lines + self.reach()

    def reach(self) -> list[str]:
        return [f"Phone: {pretty_phone(number)}" for number in self.phones[:1]] + [
            f"Email: {address}" for address in self.emails[:1]
        ]

    def how_we_met(self) -> str:
        if self.met_at:
            where = self.met_at + (f" ({self.met_place})" if self.met_place else "")
            return f"Met at {where}" + (f" on {self.met_on.isoformat()}" if self.met_on else "")
        if self.source == Source.LINKEDIN:
            return "Connected on LinkedIn" + (f" on {self.connected_on.isoformat()}" if self.connected_on else "")
        if self.source == Source.REFERRAL:
            return "Introduced by a referral"
        return ""


def followup_summary(kind: str, name: str, title: str = "") -> str:
    """'Coffee with Adaeze Okonkwo', with the follow-up's own title after a colon."""
    try:
        pattern = _SUMMARY[FollowUpKind(kind)]
    except ValueError:
        pattern = _SUMMARY[FollowUpKind.OTHER]
    summary = pattern.format(name=name)
    return f"{summary}: {title.strip()}" if title.strip() else summary


def followup_entry(
    *,
    uid: str,
    sequence: int,
    kind: str,
    title: str,
    note: str,
    day: date,
    at: time | None,
    minutes: int | None,
    person: PersonFacts,
    reminders: Reminders,
    cancelled: bool = False,
) -> CalendarEntry:
    if at is not None and not minutes:
        minutes = DEFAULT_MINUTES.get(kind, DEFAULT_MINUTES[FollowUpKind.OTHER])
    description = "\n".join(part for part in (note.strip(), person.about()) if part)
    return CalendarEntry(
        uid=uid,
        sequence=sequence + 1 if cancelled else sequence,  # a cancellation is a change calendars must take
        summary=followup_summary(kind, person.name, title),
        day=day,
        at=at,
        minutes=minutes if at is not None else None,
        description=description,
        alarm=None if cancelled else reminders.alarm(at),
        cancelled=cancelled,
        todo=reminders.todos,
    )


def birthday_uid(contact_id: int) -> str:
    return f"birthday-{contact_id}@hitouch"


def birthday_entry(contact_id: int, birthday: Birthday, person: PersonFacts, reminders: Reminders) -> CalendarEntry:
    """A yearly all-day event. Without a year it starts in 2000, a leap year, so 29 February
    is a valid first day; calendars are told to keep it on the last day of February."""
    born = f"Born {birthday.year}" if birthday.year else ""
    return CalendarEntry(
        uid=birthday_uid(contact_id),
        sequence=0,
        summary=f"{person.name}'s birthday",
        day=date(birthday.year or 2000, birthday.month, birthday.day),
        description="\n".join(line for line in (born, *person.reach()) if line),
        alarm=reminders.alarm(None),
        yearly=True,
    )


def cancelled_entry(uid: str, sequence: int, summary: str, day: date, at: time | None, yearly: bool) -> CalendarEntry:
    """What a calendar needs to drop an entry it was given before."""
    return CalendarEntry(uid=uid, sequence=sequence + 1, summary=summary, day=day, at=at, cancelled=True, yearly=yearly)


def _shorten(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
