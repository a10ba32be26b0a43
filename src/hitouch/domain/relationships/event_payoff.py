"""Events and what came of them: the people met there, and what followed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hitouch.domain.records import ContactRef


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
