"""Writing an import as one batch, within the caller's unit of work, and undoing a batch.

New contacts go in with set-based inserts; merges add rows and fill fields, each changed
field's old value kept in ImportChange so undo can put it back. Every row a batch adds
carries its id, so undo finds them all by index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from hitouch.domain.text import display_name, fold, split_name
from hitouch.domain.vocabulary import Source
from hitouch.services.importing.merge import (
    Additions,
    Existing,
    additions,
    as_text,
    email_values,
    from_text,
    load_existing,
    phone_values,
    url_values,
)
from hitouch.services.importing.people import Person
from hitouch.services.importing.photo_rows import PHOTO_FORMAT, undo_photo_rows
from hitouch.services.progress import Cancelled, Progress
from hitouch.store.bulk import (
    NewContact,
    Row,
    child_rows,
    ensure_tags,
    insert_contacts,
    insert_rows,
    search_index_deferred,
    table_of,
)
from hitouch.store.chunking import chunks
from hitouch.store.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactPhoto,
    ContactTag,
    ContactUrl,
    ImportBatch,
    ImportChange,
    LifeChange,
)

STEP = 1000  # people per step between progress reports and cancel checks


class ImportCancelled(Exception):
    """The person cancelled; the unit of work rolls back and nothing is written."""


@dataclass(slots=True)
class Written:
    batch_id: int
    created: list[int] = field(default_factory=list)  # contact ids, one per new person
    merged: set[int] = field(default_factory=set)  # contacts that gained something
    unchanged: set[int] = field(default_factory=set)
    moves: int = 0  # changes of company or position noticed


def write_people(
    session: Session,
    people: Sequence[tuple[Person, int | None]],
    *,
    files: list[str],
    format: str,
    now: datetime,
    today: date,
    progress: Progress,
    cancelled: Cancelled,
) -> Written:
    """Create a contact for each person without a target, merge the others into theirs."""
    batch = ImportBatch(created_at=now, format=format, files="\n".join(files), created=0, merged=0)
    session.add(batch)
    session.flush()
    written = Written(batch.id)
    tag_ids = _tag_ids(session, {t for person, _ in people for t in person.card.tags})
    total, done = len(people), 0
    new_people = [person for person, target in people if target is None]
    merges = [(person, target) for person, target in people if target is not None]
    with search_index_deferred(session) as touched:
        for step in chunks(new_people, STEP):
            _check(cancelled)
            rows = [_new_contact(person, tag_ids, now) for person in step]
            written.created += insert_contacts(session, rows, batch.id)
            done += len(step)
            progress(done, total)
        for pairs in chunks(merges, STEP):
            _check(cancelled)
            existing = load_existing(session, [target for _, target in pairs])
            merged = [(target, additions(person, existing[target])) for person, target in pairs]
            _write_additions(session, merged, existing, tag_ids, batch.id, now, today)
            for target, adds in merged:
                (written.merged if adds else written.unchanged).add(target)
                written.moves += len(adds.moves)
            done += len(pairs)
            progress(done, total)
        touched.update(written.merged)
    _check(cancelled)
    batch.created, batch.merged = len(written.created), len(written.merged)
    session.flush()
    return written


def _tag_ids(session: Session, names: set[str]) -> dict[str, int]:
    """Tag id by tag name as written in the files ('Investor' and 'investor' are one tag)."""
    keys = {name: fold(name) for name in names}
    ids = ensure_tags(session, {key: name for name, key in keys.items()})
    return {name: ids[key] for name, key in keys.items()}


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise ImportCancelled("the import was cancelled; nothing was imported")


def _new_contact(person: Person, tag_ids: dict[str, int], now: datetime) -> NewContact:
    card = person.card
    given, family = (card.given, card.family) if (card.given or card.family) else split_name(card.display_name)
    name = card.display_name or display_name(given, family) or person.name
    return NewContact(
        contact={
            "given": given.strip(),
            "family": family.strip(),
            "name": name,
            "name_key": fold(name),
            "company": card.company,
            "title": card.title,
            "notes": card.notes,
            "source": str(card.source or Source.IMPORT),
            "connected_on": card.connected_on,
            "birthday_mmdd": card.birthday.mmdd if card.birthday else None,
            "birthday_year": card.birthday.year if card.birthday else None,
            "vcard_uid": card.uid or None,
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
        },
        emails=[email_values(e) for e in card.emails],
        phones=[phone_values(p, n) for p, n in zip(card.phones, person.e164)],
        urls=[url_values(u) for u in card.urls],
        tag_ids=list(dict.fromkeys(tag_ids[t] for t in card.tags)),
        photo={"mime": card.photo.mime, "data": card.photo.data} if card.photo else None,
    )


def _write_additions(
    session: Session,
    merged: list[tuple[int, Additions]],
    existing: dict[int, Existing],
    tag_ids: dict[str, int],
    batch_id: int,
    now: datetime,
    today: date,
) -> None:
    lists: dict[str, list[Row]] = {"email": [], "phone": [], "url": []}
    tags: list[Row] = []
    photos: list[Row] = []
    changes: list[Row] = []
    updates: list[Row] = []
    by_column: dict[str, list[Row]] = {}
    for cid, adds in merged:
        for kind, rows in (("email", adds.emails), ("phone", adds.phones), ("url", adds.urls)):
            lists[kind] += child_rows(rows, cid, batch_id, existing[cid].counts[kind])
        tags += [{"contact_id": cid, "tag_id": tag_ids[t], "import_batch_id": batch_id} for t in adds.tags]
        if adds.photo:
            photos.append({"contact_id": cid, "mime": adds.photo.mime, "data": adds.photo.data})
            changes.append({"batch_id": batch_id, "contact_id": cid, "field": "photo", "old_value": None})
        for column, value in adds.fields.items():
            changes.append(
                {
                    "batch_id": batch_id,
                    "contact_id": cid,
                    "field": column,
                    "old_value": as_text(existing[cid].fields[column]),
                }
            )
            by_column.setdefault(column, []).append({"cid": cid, "value": value})
        updates += [
            {
                "contact_id": cid,
                "noticed_on": today,
                "kind": m.kind,
                "old_value": m.old,
                "new_value": m.new,
                "batch_id": batch_id,
                "acknowledged_at": None,
            }
            for m in adds.moves
        ]
    insert_rows(session, ContactEmail.__table__, lists["email"])
    insert_rows(session, ContactPhone.__table__, lists["phone"])
    insert_rows(session, ContactUrl.__table__, lists["url"])
    insert_rows(session, ContactTag.__table__, tags)
    insert_rows(session, ContactPhoto.__table__, photos)
    insert_rows(session, ImportChange.__table__, changes)
    insert_rows(session, LifeChange.__table__, updates)
    table = table_of(Contact.__table__)
    for column, rows in by_column.items():
        session.execute(update(table).where(table.c.id == bindparam("cid")).values({column: bindparam("value")}), rows)
    for chunk in chunks([cid for cid, adds in merged if adds]):
        session.execute(update(table).where(table.c.id.in_(chunk)).values(updated_at=now))


@dataclass(slots=True)
class Undone:
    removed: list[int]  # contacts the batch created
    restored: set[int]  # contacts it had added to or changed
    journal: bool = False  # meetings, events or follow-ups went with it


def undo_batch(session: Session, batch: ImportBatch, now: datetime) -> Undone:
    """Remove what the batch added and put back what it changed."""
    removed = list(session.scalars(select(Contact.id).where(Contact.import_batch_id == batch.id)))
    for chunk in chunks(removed):
        session.execute(delete(Contact).where(Contact.id.in_(chunk)))
    restored: set[int] = set()
    for table in (ContactEmail, ContactPhone, ContactUrl, ContactTag):
        restored.update(session.scalars(select(table.contact_id).where(table.import_batch_id == batch.id)))
        session.execute(delete(table).where(table.import_batch_id == batch.id))
    changes = session.scalars(
        select(ImportChange).where(ImportChange.batch_id == batch.id).order_by(ImportChange.id.desc())
    )
    for change in changes:
        restored.add(change.contact_id)
        if change.field == "photo":
            session.execute(delete(ContactPhoto).where(ContactPhoto.contact_id == change.contact_id))
        else:
            session.execute(
                update(Contact)
                .where(Contact.id == change.contact_id)
                .values({change.field: from_text(change.field, change.old_value), "updated_at": now})
            )
    session.execute(delete(LifeChange).where(LifeChange.batch_id == batch.id))
    met = undo_photo_rows(session, batch.id)  # a photo import's meetings, follow-ups and photos
    batch.undone_at = now
    return Undone(removed, (restored | met) - set(removed), journal=bool(met) or batch.format == PHOTO_FORMAT)
