"""Insights: how the network changes month by month, each series one grouped query."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hitouch.domain.relationships.insights import (
    FollowUpMonth,
    Insights,
    ReferralMonth,
    RelationshipMonth,
    months_ending,
)
from hitouch.services.clock import Clock
from hitouch.store.database import Journal
from hitouch.store.queries.followup_due import due_sql

# Per person: the month we came to know them (connected, added, or met, whichever came first)
# and the month we first met face to face (in the journal or in person at an event).
_RELATIONSHIPS = """
WITH first_met AS MATERIALIZED (
    SELECT contact_id, min(day) AS day FROM (
        SELECT contact_id, occurred_on AS day FROM interaction_contact WHERE face_to_face = 1
        UNION ALL
        SELECT ce.contact_id, e.starts_on FROM contact_event ce JOIN event e ON e.id = ce.event_id
        WHERE ce.in_person = 1 AND e.starts_on IS NOT NULL
    ) GROUP BY contact_id
)
SELECT substr(min(coalesce(c.connected_on, c.created_at), coalesce(m.day, '9999')), 1, 7) AS known,
    substr(m.day, 1, 7) AS met, count(*) AS people
FROM contact c LEFT JOIN first_met m ON m.contact_id = c.id
WHERE c.deleted_at IS NULL
GROUP BY known, met
"""

# Follow-ups by the month they were due: kept when done by their day; missed when done later,
# or still open after it. Those still ahead are neither yet.
_FOLLOWUPS = f"""
SELECT substr(due, 1, 7) AS month,
    sum(status = 'done' AND date(done_at) <= due) AS kept,
    sum(NOT (status = 'done' AND date(done_at) <= due) AND due < :today) AS missed
FROM (
    SELECT {due_sql()} AS due, status, done_at FROM follow_up
    WHERE deleted_at IS NULL AND due_on >= :first AND due_on <= :today
)
GROUP BY month
"""

_REFERRALS = """
SELECT substr(occurred_on, 1, 7) AS month, sum(from_contact_id IS NULL) AS given, sum(to_contact_id IS NULL) AS received
FROM referral WHERE occurred_on >= :first AND occurred_on <= :today
GROUP BY month
"""


def _key(month: date) -> str:
    return month.isoformat()[:7]


def relationship_months(session: Session, months: list[date]) -> list[RelationshipMonth]:
    known_by: dict[str, int] = {}
    met_by: dict[str, int] = {}
    for known, met, people in session.execute(text(_RELATIONSHIPS)):
        known_by[known] = known_by.get(known, 0) + people
        if met:
            met_by[met] = met_by.get(met, 0) + people
    figures = []
    for month in months:
        known = sum(n for m, n in known_by.items() if m <= _key(month))
        met = sum(n for m, n in met_by.items() if m <= _key(month))
        figures.append(RelationshipMonth(month, met, max(known - met, 0)))
    return figures


class InsightFigures:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def months(self, count: int = 12) -> Insights:
        today = self._clock.today()
        months = months_ending(today, count)
        params = {"first": months[0].isoformat(), "today": today.isoformat()}
        with self._journal.read() as session:
            followups = {r.month: r for r in session.execute(text(_FOLLOWUPS), params)}
            referrals = {r.month: r for r in session.execute(text(_REFERRALS), params)}
            return Insights(
                relationships=relationship_months(session, months),
                followups=[FollowUpMonth(m, *(_pair(followups.get(_key(m)), "kept", "missed"))) for m in months],
                referrals=[ReferralMonth(m, *(_pair(referrals.get(_key(m)), "given", "received"))) for m in months],
            )


def _pair(row: Any, first: str, second: str) -> tuple[int, int]:
    return (getattr(row, first) or 0, getattr(row, second) or 0) if row is not None else (0, 0)
