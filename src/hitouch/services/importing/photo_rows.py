"""What a photo import writes beside the contacts, within the import's unit of work, and what
its undo takes back: the card images (each photo once), who was on which photo, the meeting at
the event with a follow-up a few days later (as event mode does), and the photos left to type
in by hand. Every row carries the batch id."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hitouch.domain.vocabulary import Channel
from hitouch.services.clock import Clock
from hitouch.services.importing.people import Person
from hitouch.services.journal.interactions import record_interaction
from hitouch.services.relationships.cadences import apply_default_cadence
from hitouch.services.relationships.followups import insert_followup
from hitouch.store.models import (
    CardImage,
    Contact,
    ContactCardImage,
    ContactEvent,
    Event,
    FollowUp,
    Interaction,
    InteractionContact,
    PhotoEntry,
)

PHOTO_FORMAT = "photo"  # import_batch.format of a photo import


@dataclass(frozen=True, slots=True)
class KeptPhoto:
    path: str
    digest: str
    image: bytes
    thumbnail: bytes
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Waiting:
    """A photo to type in by hand: which one, and what its code said (kind none, id, url, linkedin)."""

    photo: int
    kind: str
    code: str


@dataclass(frozen=True, slots=True)
class Meeting:
    """Where and when the people of a batch were met, and what follows."""

    event: Event | None
    day: date
    followup_days: int
    default_cadence: str


def write_photo_rows(
    session: Session,
    batch_id: int,
    *,
    photos: Sequence[KeptPhoto],
    people: Sequence[tuple[Person, int | None]],
    contact_ids: Sequence[int],
    waiting: Sequence[Waiting],
    meeting: Meeting,
    clock: Clock,
) -> int:
    """Returns how many people were met (the others' photos had been imported before)."""
    images = [_image(session, photo, batch_id, clock.utc_now()) for photo in photos]
    by_path = {photo.path: images[i] for i, photo in enumerate(photos)}
    met = 0
    for (person, target), contact_id in zip(people, contact_ids):
        shown_on = list(dict.fromkeys(by_path[s.file] for s in person.origins if s.file in by_path))
        linked = set(
            session.scalars(
                select(ContactCardImage.card_image_id).where(
                    ContactCardImage.contact_id == contact_id, ContactCardImage.card_image_id.in_(shown_on)
                )
            )
        )
        for image_id in shown_on:
            if image_id not in linked:
                session.add(ContactCardImage(contact_id=contact_id, card_image_id=image_id, import_batch_id=batch_id))
        if shown_on and linked == set(shown_on):
            continue  # these photos of them were imported before: they were met then
        _meet(session, session.get_one(Contact, contact_id), meeting, batch_id, clock, new=target is None)
        met += 1
    for item in waiting:
        image_id = images[item.photo]
        known = session.scalar(
            select(PhotoEntry.id).where(PhotoEntry.card_image_id == image_id, PhotoEntry.code == item.code)
        )
        if known is None:
            event_id = meeting.event.id if meeting.event else None
            session.add(
                PhotoEntry(
                    card_image_id=image_id,
                    event_id=event_id,
                    kind=item.kind,
                    code=item.code,
                    created_at=clock.utc_now(),
                    import_batch_id=batch_id,
                )
            )
    session.flush()
    return met


def _image(session: Session, photo: KeptPhoto, batch_id: int, now: datetime) -> int:
    """The photo's card image: the one kept already when the same file came before."""
    found = session.scalar(select(CardImage.id).where(CardImage.digest == photo.digest))
    if found is not None:
        return found
    image = CardImage(
        digest=photo.digest,
        file_name=photo.path.replace("\\", "/").rsplit("/", 1)[-1],
        mime="image/jpeg",
        data=photo.image,
        thumbnail=photo.thumbnail,
        width=photo.width,
        height=photo.height,
        created_at=now,
        import_batch_id=batch_id,
    )
    session.add(image)
    session.flush()
    return image.id


def _meet(session: Session, contact: Contact, meeting: Meeting, batch_id: int, clock: Clock, new: bool) -> None:
    """Met in person at the event (or, with none, in person that day), a follow-up a few days on."""
    event = meeting.event
    if event is not None and session.get(ContactEvent, (contact.id, event.id)) is None:
        session.add(
            ContactEvent(contact_id=contact.id, event_id=event.id, in_person=True, note="", import_batch_id=batch_id)
        )
    channel = Channel.EVENT if event is not None else Channel.IN_PERSON
    if not _met_there(session, contact.id, event, meeting.day):
        interaction = record_interaction(
            session, [contact.id], channel, meeting.day, note="", event_id=event.id if event else None, clock=clock
        )
        interaction.import_batch_id = batch_id
    if not _followed_up(session, contact.id, event):
        due = max(meeting.day, clock.today()) + timedelta(days=meeting.followup_days)
        title = f"Follow up with {contact.name}" + (f" from {event.name}" if event is not None else "")
        followup = insert_followup(session, contact, due, clock, title=title, event_id=event.id if event else None)
        followup.import_batch_id = batch_id
    if new:
        apply_default_cadence(session, contact.id, meeting.default_cadence, clock.today())


def _met_there(session: Session, contact_id: int, event: Event | None, day: date) -> bool:
    query = (
        select(Interaction.id)
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .where(InteractionContact.contact_id == contact_id)
    )
    if event is not None:
        query = query.where(Interaction.event_id == event.id)
    else:
        query = query.where(Interaction.occurred_on == day, InteractionContact.face_to_face.is_(True))
    return session.scalar(query.limit(1)) is not None


def _followed_up(session: Session, contact_id: int, event: Event | None) -> bool:
    if event is None:
        return False
    query = select(FollowUp.id).where(
        FollowUp.contact_id == contact_id, FollowUp.event_id == event.id, FollowUp.deleted_at.is_(None)
    )
    return session.scalar(query.limit(1)) is not None


def undo_photo_rows(session: Session, batch_id: int) -> set[int]:
    """Take back what a photo import wrote beside the contacts; the contacts it touched."""
    touched: set[int] = set()
    touched.update(
        session.scalars(select(ContactCardImage.contact_id).where(ContactCardImage.import_batch_id == batch_id))
    )
    touched.update(session.scalars(select(ContactEvent.contact_id).where(ContactEvent.import_batch_id == batch_id)))
    touched.update(session.scalars(select(FollowUp.contact_id).where(FollowUp.import_batch_id == batch_id)))
    touched.update(
        session.scalars(
            select(InteractionContact.contact_id)
            .join(Interaction, Interaction.id == InteractionContact.interaction_id)
            .where(Interaction.import_batch_id == batch_id)
        )
    )
    for table, column in (
        (PhotoEntry, PhotoEntry.import_batch_id),
        (ContactCardImage, ContactCardImage.import_batch_id),
        (CardImage, CardImage.import_batch_id),
        (Interaction, Interaction.import_batch_id),
        (FollowUp, FollowUp.import_batch_id),
        (ContactEvent, ContactEvent.import_batch_id),
    ):
        session.execute(delete(table).where(column == batch_id))
    return touched
