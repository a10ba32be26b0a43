"""Events: the trade shows and meetups where people are met."""

from __future__ import annotations

import builtins
from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef, EventRecord
from hitouch.domain.text import fold
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import NotFound, UserError
from hitouch.store.database import Journal
from hitouch.store.models import Contact, ContactEvent, Event


def find_event(session: Session, reference: str) -> Event | None:
    """By id or by name (case- and accent-insensitive; the most recent of that name)."""
    text = reference.strip()
    if text.isdigit() and (event := session.get(Event, int(text))):
        return event
    return session.scalars(
        select(Event).where(Event.name_key == fold(text)).order_by(Event.starts_on.desc(), Event.id.desc())
    ).first()


def ensure_event(session: Session, name: str, on: date | None, clock: Clock) -> Event:
    """The event of that name, created when it is new."""
    if not name.strip():
        raise UserError("an event needs a name")
    event = find_event(session, name)
    if event is None:
        event = Event(
            name=name.strip(), name_key=fold(name), starts_on=on, place="", notes="", created_at=clock.utc_now()
        )
        session.add(event)
        session.flush()
    elif event.starts_on is None and on is not None:
        event.starts_on = on
    return event


def link_contact(session: Session, contact_id: int, event: Event, in_person: bool) -> None:
    link = session.get(ContactEvent, (contact_id, event.id))
    if link is None:
        session.add(ContactEvent(contact_id=contact_id, event_id=event.id, in_person=in_person, note=""))
    elif in_person:
        link.in_person = True


class Events:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def list(self) -> list[EventRecord]:
        """Every event, newest first, with the (live) people met there."""
        with self._journal.read() as session:
            events = session.scalars(select(Event).order_by(Event.starts_on.desc(), Event.id.desc())).all()
            people: dict[int, list[ContactRef]] = defaultdict(list)
            for event_id, cid, name in session.execute(
                select(ContactEvent.event_id, Contact.id, Contact.name)
                .join(Contact, Contact.id == ContactEvent.contact_id)
                .where(Contact.deleted_at.is_(None))
                .order_by(Contact.name_key)
            ):
                people[event_id].append(ContactRef(cid, name))
            return [EventRecord(e.id, e.name, e.starts_on, e.place, people[e.id]) for e in events]

    def add(self, name: str, on: date | None = None, place: str = "", notes: str = "") -> tuple[int, Changes]:
        with self._journal.write() as session:
            event = ensure_event(session, name, on, self._clock)
            if place:
                event.place = place
            if notes:
                event.notes = notes
            return event.id, Changes(events=True)

    def resolve(self, reference: str) -> int:
        with self._journal.read() as session:
            event = find_event(session, reference)
            if event is None:
                raise NotFound(f"no event matches {reference!r}")
            return event.id

    def names(self) -> builtins.list[str]:
        with self._journal.read() as session:
            return list(session.scalars(select(Event.name).order_by(Event.starts_on.desc(), Event.id.desc())))
