"""The photos a photo import kept: each contact's card images, and the photos waiting in event
mode for their person to be typed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hitouch.domain.cards import Labelled
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts.fields import add_to_lists
from hitouch.services.errors import NotFound, UserError
from hitouch.store.database import Journal
from hitouch.store.models import CardImage, Contact, ContactCardImage, PhotoEntry


@dataclass(frozen=True, slots=True)
class CardImageRecord:
    id: int
    file_name: str
    width: int
    height: int
    thumbnail: bytes


@dataclass(frozen=True, slots=True)
class WaitingPhoto:
    """A photo in event mode, waiting for its person to be typed in."""

    id: int  # the photo_entry
    image_id: int
    file_name: str
    kind: str  # none, id, url, linkedin
    code: str
    thumbnail: bytes

    @property
    def hint(self) -> str:
        """What the code said, for the person typing the name in."""
        return {
            "id": f"Badge code {self.code}",
            "url": self.code,
            "linkedin": f"LinkedIn: {self.code}",
        }.get(self.kind, "No code on this photo")


class CardImages:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def of_contact(self, contact_id: int) -> list[CardImageRecord]:
        with self._journal.read() as session:
            rows = session.execute(
                select(CardImage.id, CardImage.file_name, CardImage.width, CardImage.height, CardImage.thumbnail)
                .join(ContactCardImage, ContactCardImage.card_image_id == CardImage.id)
                .where(ContactCardImage.contact_id == contact_id)
                .order_by(CardImage.id.desc())
            )
            return [CardImageRecord(*row) for row in rows]

    def image(self, image_id: int) -> bytes:
        with self._journal.read() as session:
            data = session.scalar(select(CardImage.data).where(CardImage.id == image_id))
        if data is None:
            raise NotFound(f"there is no card image {image_id}")
        return data

    def waiting(self, event_id: int | None) -> list[WaitingPhoto]:
        """Photos to type in at this event, and those imported without an event, oldest first."""
        with self._journal.read() as session:
            rows = session.execute(
                select(
                    PhotoEntry.id,
                    CardImage.id,
                    CardImage.file_name,
                    PhotoEntry.kind,
                    PhotoEntry.code,
                    CardImage.thumbnail,
                )
                .join(CardImage, CardImage.id == PhotoEntry.card_image_id)
                .where(
                    PhotoEntry.done_at.is_(None),
                    or_(PhotoEntry.event_id == event_id, PhotoEntry.event_id.is_(None)),
                )
                .order_by(PhotoEntry.id)
            )
            return [WaitingPhoto(*row) for row in rows]

    def set_aside(self, entry_id: int) -> Changes:
        """Nobody to type in for this photo (a blurred shot, a photo of the stage)."""
        with self._journal.write() as session:
            entry = _entry(session, entry_id)
            entry.done_at = self._clock.utc_now()
        return Changes(events=True)


def take_waiting_photo(session: Session, entry_id: int, contact: Contact, now: datetime) -> None:
    """Within event mode's unit of work: the photo becomes the new contact's card image; a web
    address or profile its code held goes with them, and a badge code into their notes."""
    entry = _entry(session, entry_id)
    if entry.done_at is not None:
        raise UserError("this photo was typed in already")
    entry.done_at, entry.contact_id = now, contact.id
    session.add(ContactCardImage(contact_id=contact.id, card_image_id=entry.card_image_id))
    if entry.kind in ("url", "linkedin") and entry.code:
        add_to_lists(session, contact, urls=[Labelled(entry.code, "LinkedIn" if entry.kind == "linkedin" else "")])
    elif entry.kind == "id" and entry.code:
        note = f"Badge code {entry.code}"
        contact.notes = f"{contact.notes}\n{note}".strip() if contact.notes else note


def _entry(session: Session, entry_id: int) -> PhotoEntry:
    entry = session.get(PhotoEntry, entry_id)
    if entry is None:
        raise NotFound(f"there is no photo {entry_id} waiting to be typed in")
    return entry
