"""The journal as calendar entries: open follow-ups and birthdays, with what helps in the moment.

Set-based: a fixed handful of queries however many follow-ups there are. People's facts are
read for a set of contacts given as a subquery, never one contact at a time.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from hitouch.domain.birthday import Birthday
from hitouch.domain.calendar.entries import (
    CalendarEntry,
    PersonFacts,
    Reminders,
    birthday_entry,
    birthday_uid,
    followup_entry,
)
from hitouch.domain.relationships.followups import effective_due
from hitouch.services.errors import NotFound
from hitouch.store.models import (
    Contact,
    ContactEmail,
    ContactEvent,
    ContactPhone,
    Event,
    FollowUp,
    Interaction,
    InteractionContact,
)
from hitouch.store.queries.followup_due import due_column


def _open_followups(until: date | None) -> Select[int]:
    due = due_column()
    query = (
        select(FollowUp.id)
        .join(Contact, Contact.id == FollowUp.contact_id)
        .where(FollowUp.status == "open", FollowUp.deleted_at.is_(None), Contact.deleted_at.is_(None))
        # A meeting imported from the user's own calendar is on that calendar already.
        .where(FollowUp.calendar_uid.is_(None))
    )
    return query.where(due <= until.isoformat()) if until else query


def _birthday_contacts() -> Select[int]:
    return select(Contact.id).where(Contact.deleted_at.is_(None), Contact.birthday_mmdd.is_not(None))


def followup_entries(session: Session, reminders: Reminders, until: date | None = None) -> list[CalendarEntry]:
    """Open follow-ups of live contacts (due by `until`, when given), soonest first."""
    return _entries_for(session, FollowUp.id.in_(_open_followups(until)), reminders)


def followup_entry_by_id(session: Session, followup_id: int, reminders: Reminders) -> CalendarEntry:
    """Any follow-up; one that is done or deleted (or whose contact is) comes out cancelled."""
    entries = _entries_for(session, FollowUp.id == followup_id, reminders)
    if not entries:
        raise NotFound(f"no follow-up with id {followup_id}")
    return entries[0]


def _entries_for(session: Session, which: ColumnElement[bool], reminders: Reminders) -> list[CalendarEntry]:
    rows = session.execute(
        select(
            FollowUp.ical_uid,
            FollowUp.ical_sequence,
            FollowUp.contact_id,
            FollowUp.kind,
            FollowUp.title,
            FollowUp.note,
            FollowUp.due_on,
            FollowUp.snoozed_until,
            FollowUp.due_time,
            FollowUp.minutes,
            FollowUp.status,
            FollowUp.deleted_at,
            Contact.deleted_at.label("contact_deleted_at"),
        )
        .join(Contact, Contact.id == FollowUp.contact_id)
        .where(which)
        .order_by(FollowUp.due_on, FollowUp.due_time, FollowUp.id)
    ).all()
    people = person_facts(session, select(FollowUp.contact_id).where(which).scalar_subquery())
    return [
        followup_entry(
            uid=r.ical_uid,
            sequence=r.ical_sequence,
            kind=r.kind,
            title=r.title,
            note=r.note,
            day=effective_due(r.due_on, r.snoozed_until),
            at=r.due_time,
            minutes=r.minutes,
            person=people[r.contact_id],
            reminders=reminders,
            cancelled=r.status != "open" or r.deleted_at is not None or r.contact_deleted_at is not None,
        )
        for r in rows
    ]


def birthday_entries(
    session: Session, reminders: Reminders, today: date, until: date | None = None
) -> list[CalendarEntry]:
    """Yearly birthdays of live contacts; with `until`, only those whose next one falls by then."""
    contacts = _birthday_contacts()
    people = person_facts(session, contacts.scalar_subquery())
    entries = []
    for contact_id, mmdd, year in session.execute(
        select(Contact.id, Contact.birthday_mmdd, Contact.birthday_year)
        .where(Contact.id.in_(contacts))
        .order_by(Contact.id)
    ):
        try:
            birthday = Birthday.from_parts(mmdd, year)
        except ValueError:
            continue  # a stored birthday that is no date (13th month) has no place in a calendar
        if birthday is None or (until is not None and birthday.next_on_or_after(today) > until):
            continue
        entries.append(birthday_entry(contact_id, birthday, people[contact_id], reminders))
    return entries


def live_uids(session: Session) -> set[str]:
    """Every entry a calendar should still show, whatever the window exported."""
    uids = set(session.scalars(select(FollowUp.ical_uid).where(FollowUp.id.in_(_open_followups(None)))))
    return uids | {birthday_uid(cid) for cid in session.scalars(_birthday_contacts())}


def person_facts(session: Session, contact_ids: Any) -> dict[int, PersonFacts]:
    """Facts for the contacts a subquery selects: five queries in all."""
    people = {
        r.id: PersonFacts(name=r.name, company=r.company, title=r.title, source=r.source, connected_on=r.connected_on)
        for r in session.execute(
            select(
                Contact.id, Contact.name, Contact.company, Contact.title, Contact.source, Contact.connected_on
            ).where(Contact.id.in_(contact_ids))
        )
    }
    for contact_id, address in session.execute(
        select(ContactEmail.contact_id, ContactEmail.address)
        .where(ContactEmail.contact_id.in_(contact_ids))
        .order_by(ContactEmail.contact_id, ContactEmail.position)
    ):
        people[contact_id].emails.append(address)
    for contact_id, number in session.execute(
        select(ContactPhone.contact_id, ContactPhone.number)
        .where(ContactPhone.contact_id.in_(contact_ids))
        .order_by(ContactPhone.contact_id, ContactPhone.position)
    ):
        people[contact_id].phones.append(number)
    for contact_id, name, place, on in session.execute(
        select(ContactEvent.contact_id, Event.name, Event.place, Event.starts_on)
        .join(Event, Event.id == ContactEvent.event_id)
        .where(ContactEvent.contact_id.in_(contact_ids))
        # The first event met at in person; undated events after dated ones.
        .order_by(
            ContactEvent.contact_id, ContactEvent.in_person.desc(), Event.starts_on.is_(None), Event.starts_on, Event.id
        )
    ):
        person = people[contact_id]
        if not person.met_at:
            person.met_at, person.met_place, person.met_on = name, place, on
    newest_first = func.row_number().over(
        partition_by=InteractionContact.contact_id,
        order_by=(InteractionContact.occurred_on.desc(), Interaction.occurred_at.desc(), Interaction.id.desc()),
    )
    notes = (
        select(InteractionContact.contact_id, Interaction.note, Interaction.occurred_on, newest_first.label("rank"))
        .join(Interaction, Interaction.id == InteractionContact.interaction_id)
        .where(InteractionContact.contact_id.in_(contact_ids), Interaction.note != "")
        .subquery()
    )
    for contact_id, note, on in session.execute(
        select(notes.c.contact_id, notes.c.note, notes.c.occurred_on).where(notes.c.rank == 1)
    ):
        people[contact_id].last_note, people[contact_id].last_note_on = note, on
    return people
