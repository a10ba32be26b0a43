"""Events as first-class: the people met there, what came of it, and event mode for typing
in the people met, one after another, the evening after."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import Date, text
from sqlalchemy.orm import Session

from hitouch.domain.cards import ContactCard
from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.event_payoff import EventPayoff, EventPerson, EventSummary
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts.contacts import Contacts
from hitouch.services.errors import NotFound, UserError
from hitouch.services.importing.card_images import take_waiting_photo
from hitouch.services.relationships.cadences import apply_default_cadence
from hitouch.services.relationships.followups import insert_followup
from hitouch.settings import Settings
from hitouch.store.database import Journal
from hitouch.store.models import Event

_SUMMARIES = """
SELECT e.id, e.name, e.starts_on, e.place,
    (SELECT count(*) FROM contact_event ce CROSS JOIN contact c ON c.id = ce.contact_id
     WHERE ce.event_id = e.id AND +c.deleted_at IS NULL) AS people
FROM event e WHERE e.id IN ({ids})
"""

# Everyone tied to the event, with whether a follow-up came after it and whether we met face
# to face again after the event day (the meeting at the event itself does not count).
_PEOPLE = """
SELECT c.id, c.name, c.company, ce.in_person,
    EXISTS (SELECT 1 FROM follow_up f WHERE f.contact_id = c.id AND f.deleted_at IS NULL
            AND (f.event_id = :event OR f.due_on >= :day)) AS followed_up,
    EXISTS (SELECT 1 FROM interaction_contact ic WHERE ic.contact_id = c.id AND ic.face_to_face = 1
            AND ic.occurred_on > :day) AS met_again
FROM contact_event ce CROSS JOIN contact c ON c.id = ce.contact_id
WHERE ce.event_id = :event AND +c.deleted_at IS NULL
ORDER BY c.name_key
"""

_REFERRALS = """
SELECT count(*), coalesce(sum(r.status = 'won'), 0), coalesce(sum(CASE WHEN r.status = 'won' THEN r.value_cents END), 0)
FROM referral r
WHERE r.event_id = :event OR (r.occurred_on >= :day AND (
    r.from_contact_id IN (SELECT contact_id FROM contact_event WHERE event_id = :event)
    OR r.to_contact_id IN (SELECT contact_id FROM contact_event WHERE event_id = :event)
    OR r.lead_contact_id IN (SELECT contact_id FROM contact_event WHERE event_id = :event)))
"""


def event_summaries(session: Session, ids: Sequence[int]) -> list[EventSummary]:
    if not ids:
        return []
    query = text(_SUMMARIES.format(ids=",".join(str(int(i)) for i in ids))).columns(starts_on=Date)
    by_id = {r.id: EventSummary(r.id, r.name, r.starts_on, r.place, r.people) for r in session.execute(query)}
    return [by_id[i] for i in ids if i in by_id]


class EventPeople:
    def __init__(self, journal: Journal, clock: Clock, contacts: Contacts, settings: Callable[[], Settings]) -> None:
        self._journal = journal
        self._clock = clock
        self._contacts = contacts
        self._settings = settings

    def ids(self) -> list[int]:
        """Every event, newest first (undated ones last)."""
        with self._journal.read() as session:
            return list(session.scalars(text("SELECT id FROM event ORDER BY starts_on DESC, id DESC")))

    def summaries(self, ids: Sequence[int]) -> list[EventSummary]:
        with self._journal.read() as session:
            return event_summaries(session, ids)

    def payoff(self, event_id: int) -> EventPayoff:
        with self._journal.read() as session:
            event = self._event(session, event_id)
            day = self._day_of(event)
            params = {"event": event_id, "day": day.isoformat()}
            people = [
                EventPerson(
                    ContactRef(r.id, r.name), r.company, bool(r.in_person), bool(r.followed_up), bool(r.met_again)
                )
                for r in session.execute(text(_PEOPLE), params)
            ]
            count, won, value = session.execute(text(_REFERRALS), params).one()
            summary = EventSummary(event.id, event.name, event.starts_on, event.place, len(people))
            return EventPayoff(summary, people, count, won, value)

    def add_met_person(
        self, event_id: int, name: str, company: str = "", note: str = "", photo: int | None = None
    ) -> tuple[int, Changes]:
        """Event mode: a new contact met in person at the event, with a follow-up a few days on,
        typed in from a waiting `photo` (a photo_entry id) if one is given. Returns the id."""
        if not name.strip():
            raise UserError("type the person's name")
        with self._journal.write() as session:
            event = self._event(session, event_id)
            met_on = event.starts_on or self._clock.today()
            card = ContactCard(name=name.strip(), company=company.strip(), notes=note.strip())
            # By id, so an event sharing its name with another is never confused with it.
            contact = self._contacts.insert(session, card, met_at=str(event.id), met_on=met_on)
            due = max(met_on, self._clock.today()) + timedelta(days=self._settings().event_followup_days)
            insert_followup(
                session,
                contact,
                due,
                self._clock,
                title=f"Follow up with {contact.name} from {event.name}",
                note=note,
                event_id=event.id,
            )
            apply_default_cadence(session, contact.id, self._settings().default_cadence, self._clock.today())
            if photo is not None:
                take_waiting_photo(session, photo, contact, self._clock.utc_now())
            return contact.id, Changes(
                contacts={contact.id}, contact_set=True, events=True, followups=True, interactions=True
            )

    def _event(self, session: Session, event_id: int) -> Event:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFound(f"no event with id {event_id}")
        return event

    def _day_of(self, event: Event) -> date:
        return event.starts_on or event.created_at.date()
