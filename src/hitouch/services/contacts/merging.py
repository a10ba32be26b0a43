"""Merging two contacts into one, nothing lost, and taking a merge back.

Before a merge, every row the merge can touch is copied aside as plain values (a
`MergeRecord`); undoing the merge writes those rows back exactly, ids included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, FromClause, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from hitouch.domain.cards import Labelled, Photo
from hitouch.services.contacts.fields import add_to_lists, merge_notes, set_photo
from hitouch.store.bulk import table_of
from hitouch.store.models import (
    Base,
    Cadence,
    Contact,
    ContactEmail,
    ContactEvent,
    ContactPhone,
    ContactPhoto,
    ContactTag,
    ContactUrl,
    FollowUp,
    ImportChange,
    InteractionContact,
    LifeChange,
    NudgeDismissal,
    Referral,
)

# Rows that belong to a contact: restored by replacing all of the two contacts' rows.
OWNED: tuple[type[Base], ...] = (
    ContactEmail,
    ContactPhone,
    ContactUrl,
    ContactTag,
    ContactPhoto,
    ContactEvent,
    InteractionContact,
    Cadence,
    NudgeDismissal,
    ImportChange,
)
# Rows that point at a contact: restored one by one, so rows added since the merge stay.
POINTING: dict[type[Base], tuple[str, ...]] = {
    FollowUp: ("contact_id",),
    LifeChange: ("contact_id",),
    Referral: ("from_contact_id", "to_contact_id", "lead_contact_id"),
}


@dataclass
class MergeRecord:
    """What a merge changed, as plain values, for undo."""

    keep_id: int
    other_id: int
    contacts: list[dict[str, Any]] = field(default_factory=list)
    owned: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    pointing: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _rows(session: Session, table: FromClause, condition: ColumnElement[bool]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in session.execute(select(table).where(condition))]


def snapshot(session: Session, keep_id: int, other_id: int) -> MergeRecord:
    ids = (keep_id, other_id)
    record = MergeRecord(keep_id, other_id)
    record.contacts = _rows(session, Contact.__table__, Contact.__table__.c.id.in_(ids))
    for model in OWNED:
        record.owned[model.__tablename__] = _rows(session, model.__table__, model.__table__.c.contact_id.in_(ids))
    for model, columns in POINTING.items():
        table = model.__table__
        condition = or_(*(table.c[column].in_(ids) for column in columns))
        record.pointing[model.__tablename__] = _rows(session, table, condition)
    return record


def merge_into(session: Session, keep: Contact, other: Contact, region: str | None) -> None:
    """The union of both in `keep`; everything that pointed at `other` points at `keep`."""
    for attribute in ("given", "family", "company", "title", "vcard_uid", "connected_on"):
        if not getattr(keep, attribute) and getattr(other, attribute):
            setattr(keep, attribute, getattr(other, attribute))
    if keep.birthday_mmdd is None:
        keep.birthday_mmdd, keep.birthday_year = other.birthday_mmdd, other.birthday_year
    elif keep.birthday_year is None and other.birthday_mmdd == keep.birthday_mmdd:
        keep.birthday_year = other.birthday_year
    keep.notes = merge_notes(keep.notes, other.notes)
    if keep.photo is None and other.photo is not None:
        set_photo(keep, Photo(other.photo.data, other.photo.mime))
    add_to_lists(
        session,
        keep,
        emails=[Labelled(e.address, e.label) for e in other.emails],
        phones=[Labelled(p.number, p.label) for p in other.phones],
        urls=[Labelled(u.url, u.label) for u in other.urls],
        tags=[t.name for t in other.tags],
        region=region,
    )
    _move_relations(session, keep.id, other.id)
    session.delete(other)
    session.flush()


def _move_relations(session: Session, keep_id: int, other_id: int) -> None:
    shared = select(InteractionContact.interaction_id).where(InteractionContact.contact_id == keep_id)
    session.execute(
        delete(InteractionContact).where(
            InteractionContact.contact_id == other_id, InteractionContact.interaction_id.in_(shared)
        )
    )
    session.execute(
        update(InteractionContact).where(InteractionContact.contact_id == other_id).values(contact_id=keep_id)
    )
    for link in session.scalars(select(ContactEvent).where(ContactEvent.contact_id == other_id)).all():
        mine = session.get(ContactEvent, (keep_id, link.event_id))
        if mine is None:
            session.add(
                ContactEvent(contact_id=keep_id, event_id=link.event_id, in_person=link.in_person, note=link.note)
            )
        else:
            mine.in_person = mine.in_person or link.in_person
            mine.note = merge_notes(mine.note, link.note)
        session.delete(link)
    for model, columns in POINTING.items():
        for column in columns:
            session.execute(update(model).where(model.__table__.c[column] == other_id).values({column: keep_id}))
    session.execute(update(ImportChange).where(ImportChange.contact_id == other_id).values(contact_id=keep_id))
    for model in (Cadence, NudgeDismissal):
        theirs = session.get(model, other_id)
        if theirs is not None:
            if session.get(model, keep_id) is None:
                values = {c.key: getattr(theirs, c.key) for c in model.__table__.columns} | {"contact_id": keep_id}
                session.add(model(**values))
            session.delete(theirs)
    session.flush()


def unmerge(session: Session, record: MergeRecord) -> None:
    """Write back every row as it was before the merge."""
    ids = (record.keep_id, record.other_id)
    contact = table_of(Contact.__table__)
    for row in record.contacts:
        if row["id"] == record.keep_id:
            session.execute(update(contact).where(contact.c.id == row["id"]).values(row))
        else:
            session.execute(insert(contact).values(row))
    for model in OWNED:
        table = table_of(model.__table__)
        session.execute(delete(table).where(table.c.contact_id.in_(ids)))
        if rows := record.owned[model.__tablename__]:
            session.execute(insert(table), rows)
    for model in POINTING:
        table = table_of(model.__table__)
        for row in record.pointing[model.__tablename__]:
            session.execute(delete(table).where(table.c.id == row["id"]))
            session.execute(insert(table).values(row))
    session.flush()
