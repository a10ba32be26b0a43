"""Contacts inside a unit of work (an ORM session): a live one by id, the one a person named,
the ids a list shows, a summary page, a contact's whole page with its timeline. The summaries
themselves are read in plain SQL by `store/queries/contact_summaries.py`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from hitouch.domain.cards import Labelled
from hitouch.domain.records import (
    ContactDetail,
    ContactRef,
    ContactSummary,
    EventMeeting,
    InteractionRecord,
    LifeChangeRecord,
)
from hitouch.domain.text import fold
from hitouch.services.errors import Ambiguous, NotFound
from hitouch.store.chunking import chunks
from hitouch.store.models import (
    Contact,
    ContactEmail,
    ContactEvent,
    ContactPhoto,
    ContactTag,
    Event,
    Interaction,
    InteractionContact,
    LifeChange,
    Tag,
)
from hitouch.store.queries import contact_summaries
from hitouch.store.queries.contact_summaries import Connection


def live(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise NotFound(f"no contact with id {contact_id}")
    return contact


def resolve(session: Session, reference: str) -> int:
    """A contact id, an exact email, or a name matching exactly one contact."""
    text = reference.strip()
    if text.isdigit():
        return live(session, int(text)).id
    if "@" in text:
        # Emails first (their index), then those contacts: joined the other way round, SQLite
        # walks every live contact when the journal has no statistics yet.
        with_email = select(ContactEmail.contact_id).where(ContactEmail.address_key == text.lower())
        ids = session.scalars(
            select(Contact.id).where(Contact.id.in_(with_email), Contact.deleted_at.is_(None)).order_by(Contact.id)
        ).all()
    else:
        key = fold(text)
        ids = session.scalars(
            select(Contact.id).where(Contact.name_key == key, Contact.deleted_at.is_(None)).order_by(Contact.id)
        ).all()
        if not ids and key:
            # No full name matched: a first or last name alone, when only one person has it.
            ids = session.scalars(
                select(Contact.id)
                .where(
                    Contact.deleted_at.is_(None),
                    Contact.name_key.startswith(key + " ", autoescape=True)
                    | Contact.name_key.endswith(" " + key, autoescape=True),
                )
                .order_by(Contact.id)
            ).all()
    if not ids:
        raise NotFound(f"no contact matches {reference!r}")
    if len(ids) > 1:
        rows = summaries(session, ids)
        raise Ambiguous(repr(reference), [_describe(s) for s in rows])
    return ids[0]


def _describe(summary: ContactSummary) -> str:
    extra = summary.company or (summary.emails[0] if summary.emails else "")
    return f"#{summary.id} {summary.name}" + (f" ({extra})" if extra else "")


def list_ids(
    session: Session, *, tag: str | None = None, event_id: int | None = None, virtual_only: bool = False
) -> list[int]:
    """Live contacts in name order, optionally filtered."""
    query = select(Contact.id).where(Contact.deleted_at.is_(None))
    if tag:
        query = query.join(ContactTag, ContactTag.contact_id == Contact.id).join(Tag, Tag.id == ContactTag.tag_id)
        query = query.where(Tag.name_key == fold(tag))
    if event_id is not None:
        query = query.join(ContactEvent, ContactEvent.contact_id == Contact.id).where(ContactEvent.event_id == event_id)
    if virtual_only:
        query = query.where(~_met_in_person_clause())
    return list(session.scalars(query.order_by(Contact.name_key, Contact.id)))


def _met_in_person_clause() -> ColumnElement[bool]:
    face_to_face = select(InteractionContact.contact_id).where(
        InteractionContact.contact_id == Contact.id, InteractionContact.face_to_face.is_(True)
    )
    at_event = select(ContactEvent.contact_id).where(
        ContactEvent.contact_id == Contact.id, ContactEvent.in_person.is_(True)
    )
    return face_to_face.exists() | at_event.exists()


def raw(session: Session) -> Connection:
    """The DB-API connection under the session, inside its transaction, for plain-SQL readers."""
    connection = session.connection().connection.driver_connection
    if connection is None:
        raise RuntimeError("the session's connection is closed")
    driver: Connection = connection
    return driver


def summaries(session: Session, ids: Sequence[int]) -> list[ContactSummary]:
    """Summaries for `ids`, in the order given; missing ids are left out."""
    return contact_summaries.summaries(raw(session), ids)


def detail(session: Session, contact_id: int) -> ContactDetail:
    contact = live(session, contact_id)
    summary = summaries(session, [contact_id])[0]
    meetings = [
        EventMeeting(event.id, event.name, event.starts_on, event.place, link.in_person)
        for link, event in session.execute(
            select(ContactEvent, Event)
            .join(Event, Event.id == ContactEvent.event_id)
            .where(ContactEvent.contact_id == contact_id)
            .order_by(Event.starts_on)
        )
    ]
    life_changes = [
        LifeChangeRecord(u.id, summary.ref, u.noticed_on, u.kind, u.old_value, u.new_value)
        for u in session.scalars(
            select(LifeChange).where(LifeChange.contact_id == contact_id).order_by(LifeChange.noticed_on.desc())
        )
    ]
    return ContactDetail(
        summary=summary,
        email_labels=[Labelled(e.address, e.label) for e in contact.emails],
        phone_labels=[Labelled(p.number, p.label) for p in contact.phones],
        url_labels=[Labelled(u.url, u.label or u.kind) for u in contact.urls],
        notes=contact.notes,
        connected_on=contact.connected_on,
        created_at=contact.created_at,
        has_photo=session.get(ContactPhoto, contact_id) is not None,
        meetings=meetings,
        timeline=timeline(session, contact_id),
        life_changes=life_changes,
    )


def timeline(session: Session, contact_id: int, limit: int | None = None) -> list[InteractionRecord]:
    """The contact's interactions, newest first."""
    query = (
        select(Interaction, Event.name)
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .outerjoin(Event, Event.id == Interaction.event_id)
        .where(InteractionContact.contact_id == contact_id)
        .order_by(InteractionContact.occurred_on.desc(), Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if limit:
        query = query.limit(limit)
    rows = session.execute(query).all()
    return interaction_records(session, rows)


def interaction_records(session: Session, rows: Sequence[tuple[Interaction, str | None]]) -> list[InteractionRecord]:
    people: dict[int, list[ContactRef]] = defaultdict(list)
    ids = [interaction.id for interaction, _ in rows]
    for chunk in chunks(ids):
        for interaction_id, cid, name in session.execute(
            select(InteractionContact.interaction_id, Contact.id, Contact.name)
            .join(Contact, Contact.id == InteractionContact.contact_id)
            .where(InteractionContact.interaction_id.in_(chunk))
            .order_by(Contact.name_key)
        ):
            people[interaction_id].append(ContactRef(cid, name))
    return [
        InteractionRecord(i.id, i.occurred_on, i.occurred_at, i.channel, i.note, event or "", people[i.id])
        for i, event in rows
    ]
