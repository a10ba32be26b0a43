"""Monthly figures for the insights view: relationships, follow-ups, referrals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(slots=True)
class RelationshipMonth:
    """At a month's end: people met face to face by then, and people known only virtually."""

    month: date  # the first day of the month
    met: int
    virtual: int

    @property
    def met_share(self) -> float:
        total = self.met + self.virtual
        return self.met / total if total else 0.0


@dataclass(slots=True)
class FollowUpMonth:
    """Follow-ups due in a month: kept (done by their day) and missed (done late, or not done)."""

    month: date
    kept: int
    missed: int


@dataclass(slots=True)
class ReferralMonth:
    month: date
    given: int
    received: int


@dataclass(slots=True)
class Insights:
    relationships: list[RelationshipMonth] = field(default_factory=list)
    followups: list[FollowUpMonth] = field(default_factory=list)
    referrals: list[ReferralMonth] = field(default_factory=list)


def months_ending(today: date, count: int) -> list[date]:
    """The first days of the `count` months up to and including today's, oldest first."""
    year, month = today.year, today.month
    firsts = []
    for _ in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]
