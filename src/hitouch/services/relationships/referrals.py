"""The referral ledger: referrals given and received, their status, and the balance per person."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, or_, select, text
from sqlalchemy.orm import Session, aliased

from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.referrals import ReferralBalance, ReferralRecord
from hitouch.domain.vocabulary import ReferralStatus
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts import reading
from hitouch.services.errors import NotFound, UserError
from hitouch.store.database import Journal
from hitouch.store.models import Contact, Event, Referral


def _ref(contact_id: int | None, name: str | None) -> ContactRef | None:
    return ContactRef(contact_id, name) if contact_id is not None and name is not None else None


def referral_records(session: Session, *where: ColumnElement[bool]) -> list[ReferralRecord]:
    """Referrals whose people are all live (a lead in the trash is shown by its text only), newest first."""
    source, target, lead = aliased(Contact), aliased(Contact), aliased(Contact)
    query = (
        select(Referral, source.name, target.name, lead.name, Event.name)
        .outerjoin(source, source.id == Referral.from_contact_id)
        .outerjoin(target, target.id == Referral.to_contact_id)
        .outerjoin(lead, (lead.id == Referral.lead_contact_id) & lead.deleted_at.is_(None))
        .outerjoin(Event, Event.id == Referral.event_id)
        .where(source.deleted_at.is_(None), target.deleted_at.is_(None), *where)
        .order_by(Referral.occurred_on.desc(), Referral.id.desc())
    )
    return [
        ReferralRecord(
            id=r.id,
            on=r.occurred_on,
            source=_ref(r.from_contact_id, source_name),
            target=_ref(r.to_contact_id, target_name),
            lead=_ref(r.lead_contact_id, lead_name),
            lead_text=r.lead_text,
            note=r.note,
            status=r.status,
            value_cents=r.value_cents,
            event=event_name or "",
        )
        for r, source_name, target_name, lead_name, event_name in session.execute(query)
    ]


# Each referral has one contact (the other side is me): its partner is whichever is set.
# CROSS JOIN keeps referral outside; `+c.deleted_at` keeps SQLite off that index.
_BALANCES = """
SELECT c.id, c.name, sum(r.from_contact_id IS NULL) AS given, sum(r.to_contact_id IS NULL) AS received,
    sum(r.status = 'won') AS won
FROM referral r CROSS JOIN contact c ON c.id = coalesce(r.from_contact_id, r.to_contact_id)
WHERE +c.deleted_at IS NULL
GROUP BY c.id
ORDER BY received - given DESC, c.name_key
"""
_LEDGER_IDS = """
SELECT r.id FROM referral r CROSS JOIN contact c ON c.id = coalesce(r.from_contact_id, r.to_contact_id)
WHERE +c.deleted_at IS NULL
ORDER BY r.occurred_on DESC, r.id DESC
"""


def balances(session: Session) -> list[ReferralBalance]:
    """Per person with any referral: given by me to them, received from them, won between us.
    Whom I owe most comes first, then those never helped back, then the rest by name."""
    return [
        ReferralBalance(ContactRef(contact_id, name), given, received, won)
        for contact_id, name, given, received, won in session.execute(text(_BALANCES))
    ]


def status_of(text: str) -> ReferralStatus:
    try:
        return ReferralStatus(text.strip().lower())
    except ValueError:
        raise UserError(f"unknown status {text!r}; use one of {', '.join(s.value for s in ReferralStatus)}") from None


class Referrals:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def list(self, contact_id: int | None = None) -> list[ReferralRecord]:
        with self._journal.read() as session:
            if contact_id is None:
                return referral_records(session)
            return referral_records(
                session,
                or_(
                    Referral.from_contact_id == contact_id,
                    Referral.to_contact_id == contact_id,
                    Referral.lead_contact_id == contact_id,
                ),
            )

    def ids(self) -> builtins.list[int]:
        """Every referral between live people, newest first."""
        with self._journal.read() as session:
            return list(session.scalars(text(_LEDGER_IDS)))

    def records(self, ids: Sequence[int]) -> builtins.list[ReferralRecord]:
        """Referrals by id, in the order given (a page of the ledger)."""
        with self._journal.read() as session:
            found = {r.id: r for r in referral_records(session, Referral.id.in_(list(ids)))} if ids else {}
        return [found[i] for i in ids if i in found]

    def get(self, referral_id: int) -> ReferralRecord:
        with self._journal.read() as session:
            found = referral_records(session, Referral.id == referral_id)
            if not found:
                raise NotFound(f"no referral with id {referral_id}")
            return found[0]

    def balance(self) -> builtins.list[ReferralBalance]:
        with self._journal.read() as session:
            return balances(session)

    def add(
        self,
        source: int | None,
        target: int | None,
        *,
        lead: int | None = None,
        lead_text: str = "",
        on: date | None = None,
        note: str = "",
        value_cents: int | None = None,
        status: str = "open",
        event_id: int | None = None,
    ) -> tuple[int, Changes]:
        """`source` referred `lead` to `target`; None is me, and exactly one side is me."""
        if (source is None) == (target is None):
            raise UserError("a referral goes from me to a contact or from a contact to me: one side must be 'me'")
        if value_cents is not None and value_cents < 0:
            raise UserError("a referral's value cannot be negative")
        with self._journal.write() as session:
            people = {p for p in (source, target, lead) if p is not None}
            for contact_id in people:
                reading.live(session, contact_id)
            row = Referral(
                from_contact_id=source,
                to_contact_id=target,
                lead_contact_id=lead,
                lead_text=lead_text.strip(),
                occurred_on=on or self._clock.today(),
                note=note.strip(),
                status=str(status_of(status)),
                value_cents=value_cents,
                event_id=event_id,
                created_at=self._clock.utc_now(),
            )
            session.add(row)
            session.flush()
            return row.id, Changes(contacts=people, referrals=True)

    def set_status(self, referral_id: int, status: str, value_cents: int | None = None) -> Changes:
        with self._journal.write() as session:
            row = session.get(Referral, referral_id)
            if row is None:
                raise NotFound(f"no referral with id {referral_id}")
            row.status = str(status_of(status))
            if value_cents is not None:
                row.value_cents = value_cents
            people = {p for p in (row.from_contact_id, row.to_contact_id, row.lead_contact_id) if p is not None}
            return Changes(contacts=people, referrals=True)
