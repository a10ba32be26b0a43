"""Records of the relationship work: cadences, birthdays, nudges, small acts, the agenda."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, timedelta

from hitouch.domain.birthday import Birthday
from hitouch.domain.records import ContactRef, ContactUpdateRecord
from hitouch.domain.relationships.followups import FollowUpRecord


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


@dataclass(slots=True)
class BirthdayRecord:
    contact: ContactRef
    birthday: Birthday
    on: date  # the coming anniversary
    age: int | None


@dataclass(slots=True)
class Nudge:
    """A contact known only virtually, worth meeting face to face, and why."""

    contact: ContactRef
    reason: str
    score: float
    last_exchange: date | None = None


@dataclass(slots=True)
class SmallAct:
    """A change in someone's life and the small act it calls for."""

    update: ContactUpdateRecord
    suggestion: str
    also: list[ContactUpdateRecord] = field(default_factory=list)  # noticed with it, about the same person

    @property
    def contact(self) -> ContactRef:
        return self.update.contact

    @property
    def update_ids(self) -> list[int]:
        return [self.update.id, *(u.id for u in self.also)]


@dataclass(slots=True)
class Agenda:
    today: date
    days: int
    overdue: list[FollowUpRecord] = field(default_factory=list)
    due: list[FollowUpRecord] = field(default_factory=list)
    cadence: list[CadenceRecord] = field(default_factory=list)
    birthdays: list[BirthdayRecord] = field(default_factory=list)
    nudges: list[Nudge] = field(default_factory=list)
    updates: list[SmallAct] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.overdue or self.due or self.cadence or self.birthdays or self.nudges or self.updates)


@dataclass(slots=True)
class EventSummary:
    id: int
    name: str
    on: date | None
    place: str
    people: int


@dataclass(slots=True)
class EventPerson:
    """Someone met at (or connected through) an event, and what came of it."""

    contact: ContactRef
    company: str
    in_person: bool
    followed_up: bool  # a follow-up since the event
    met_again: bool  # face to face again after the event


@dataclass(slots=True)
class EventPayoff:
    """How an event paid off: the people met, and what followed."""

    event: EventSummary
    people: list[EventPerson]
    referrals: int  # with people met there, since the event
    referrals_won: int
    referral_value_cents: int

    @property
    def met_in_person(self) -> int:
        return sum(p.in_person for p in self.people)

    @property
    def followed_up(self) -> int:
        return sum(p.followed_up for p in self.people)

    @property
    def met_again(self) -> int:
        return sum(p.met_again for p in self.people)
