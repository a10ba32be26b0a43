"""Contacts: add, edit, delete to the trash, merge, and read them back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.records import ContactDetail, ContactSummary
from hitouch.domain.text import split_name
from hitouch.domain.vocabulary import Channel, Source
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts import reading
from hitouch.services.contacts.fields import (
    add_to_lists,
    birthday_of,
    replace_lists,
    set_birthday,
    set_name,
    set_photo,
)
from hitouch.services.contacts.merging import MergeRecord, merge_into, snapshot, unmerge
from hitouch.services.errors import UserError
from hitouch.services.journal.events import ensure_event, find_event, link_contact
from hitouch.services.journal.interactions import record_interaction
from hitouch.services.relationships.cadences import apply_default_cadence
from hitouch.settings import Settings
from hitouch.store.database import Journal
from hitouch.store.models import Contact
from hitouch.store.queries import contact_summaries

EDITABLE = frozenset(
    {
        "name",
        "given",
        "family",
        "emails",
        "phones",
        "urls",
        "company",
        "title",
        "tags",
        "birthday",
        "notes",
        "source",
        "photo",
        "met_at",
        "met_on",
    }
)


class Contacts:
    def __init__(
        self, journal: Journal, clock: Clock, region: str | None = None, settings: Callable[[], Settings] = Settings
    ) -> None:
        self._journal = journal
        self._clock = clock
        self._region = region
        self._settings = settings  # the default cadence, for contacts added by hand (imports use insert)

    # Reading ---------------------------------------------------------------------------

    def resolve(self, reference: str) -> int:
        with self._journal.read() as session:
            return reading.resolve(session, reference)

    def ids(self, *, tag: str | None = None, event: str | None = None, virtual_only: bool = False) -> list[int]:
        """Live contacts in name order, optionally filtered."""
        with self._journal.read() as session:
            if not (tag or event or virtual_only):
                return contact_summaries.live_ids_by_name(reading.raw(session))
            event_id = None
            if event:
                found = find_event(session, event)
                if found is None:
                    raise UserError(f"no event matches {event!r}")
                event_id = found.id
            return reading.list_ids(session, tag=tag, event_id=event_id, virtual_only=virtual_only)

    def summaries(self, ids: Sequence[int]) -> list[ContactSummary]:
        with self._journal.read() as session:
            return reading.summaries(session, ids)

    def detail(self, contact_id: int) -> ContactDetail:
        with self._journal.read() as session:
            return reading.detail(session, contact_id)

    def card(self, contact_id: int) -> ContactCard:
        """The contact's details as a card (for the editor and exports)."""
        with self._journal.read() as session:
            contact = reading.live(session, contact_id)
            return ContactCard(
                given=contact.given,
                family=contact.family,
                name=contact.name,
                emails=[Labelled(e.address, e.label) for e in contact.emails],
                phones=[Labelled(p.number, p.label) for p in contact.phones],
                urls=[Labelled(u.url, u.label) for u in contact.urls],
                company=contact.company,
                title=contact.title,
                tags=[t.name for t in contact.tags],
                birthday=birthday_of(contact),
                notes=contact.notes,
                source=Source(contact.source),
                uid=contact.vcard_uid or "",
                connected_on=contact.connected_on,
            )

    def photo(self, contact_id: int) -> tuple[bytes, str] | None:
        with self._journal.read() as session:
            photo = reading.live(session, contact_id).photo
            return (photo.data, photo.mime) if photo else None

    # Writing ---------------------------------------------------------------------------

    def add(self, card: ContactCard, *, met_at: str | None = None, met_on: date | None = None) -> tuple[int, Changes]:
        if not card.display_name:
            raise UserError("a contact needs a name")
        with self._journal.write() as session:
            contact = self.insert(session, card, met_at=met_at, met_on=met_on)
            apply_default_cadence(session, contact.id, self._settings().default_cadence, self._clock.today())
            return contact.id, Changes(contacts={contact.id}, contact_set=True, events=bool(met_at))

    def insert(
        self,
        session: Session,
        card: ContactCard,
        *,
        met_at: str | None = None,
        met_on: date | None = None,
        batch_id: int | None = None,
    ) -> Contact:
        """Within a caller's unit of work (adds and imports share it)."""
        now = self._clock.utc_now()
        source = card.source or (Source.IN_PERSON if met_at else Source.ONLINE)
        given, family = (card.given, card.family) if (card.given or card.family) else split_name(card.name)
        contact = Contact(
            company=card.company.strip(),
            title=card.title.strip(),
            notes=card.notes.strip(),
            source=str(source),
            connected_on=card.connected_on,
            vcard_uid=card.uid or None,
            created_at=now,
            updated_at=now,
            import_batch_id=batch_id,
            name="",
        )
        set_name(contact, card.display_name, given, family)
        set_birthday(contact, card.birthday)
        set_photo(contact, card.photo)
        session.add(contact)
        add_to_lists(
            session,
            contact,
            emails=card.emails,
            phones=card.phones,
            urls=card.urls,
            tags=card.tags,
            region=self._region,
            batch_id=batch_id,
        )
        session.flush()
        if met_at:
            self._meet(session, contact.id, met_at, met_on, in_person=source == Source.IN_PERSON)
        return contact

    def _meet(self, session: Session, contact_id: int, event_name: str, on: date | None, in_person: bool) -> None:
        event = ensure_event(session, event_name, on, self._clock)
        link_contact(session, contact_id, event, in_person)
        if in_person:
            # Meeting someone at an event is an interaction: it goes in the journal.
            record_interaction(
                session,
                [contact_id],
                Channel.EVENT,
                on or event.starts_on or self._clock.today(),
                note="",
                event_id=event.id,
                clock=self._clock,
            )

    def edit(self, contact_id: int, fields: dict[str, Any]) -> Changes:
        """Replace the fields given; leave the others as they are."""
        unknown = set(fields) - EDITABLE
        if unknown:
            raise UserError(f"cannot edit {', '.join(sorted(unknown))}")
        with self._journal.write() as session:
            contact = reading.live(session, contact_id)
            if "name" in fields or "given" in fields or "family" in fields:
                name = fields.get("name", "")
                given, family = fields.get("given"), fields.get("family")
                if name and given is None and family is None:
                    given, family = split_name(name)
                set_name(contact, name, given, family)
                if not contact.name:
                    raise UserError("a contact needs a name")
            for attribute in ("company", "title", "notes"):
                if attribute in fields:
                    setattr(contact, attribute, (fields[attribute] or "").strip())
            if "source" in fields:
                contact.source = str(Source(fields["source"]))
            if "birthday" in fields:
                set_birthday(contact, fields["birthday"])
            if "photo" in fields:
                set_photo(contact, fields["photo"])
            replace_lists(
                session,
                contact,
                emails=fields.get("emails"),
                phones=fields.get("phones"),
                urls=fields.get("urls"),
                tags=fields.get("tags"),
                region=self._region,
            )
            if fields.get("met_at"):
                self._meet(
                    session,
                    contact.id,
                    fields["met_at"],
                    fields.get("met_on"),
                    in_person=contact.source == Source.IN_PERSON,
                )
            contact.updated_at = self._clock.utc_now()
            return Changes(contacts={contact_id}, events=bool(fields.get("met_at")))

    def delete(self, contact_ids: Sequence[int]) -> Changes:
        """To the trash (kept 30 days)."""
        with self._journal.write() as session:
            for contact_id in contact_ids:
                reading.live(session, contact_id).deleted_at = self._clock.utc_now()
            return Changes(contacts=set(contact_ids), contact_set=True)

    def merge(self, keep_id: int, other_id: int) -> tuple[Changes, MergeRecord]:
        """One contact with the union of both: details, journal, follow-ups, referrals, events.
        The record lets `unmerge` take it back."""
        if keep_id == other_id:
            raise UserError("cannot merge a contact with itself")
        with self._journal.write() as session:
            keep = reading.live(session, keep_id)
            other = reading.live(session, other_id)
            record = snapshot(session, keep_id, other_id)
            merge_into(session, keep, other, self._region)
            keep.updated_at = self._clock.utc_now()
            return self._merged(keep_id, other_id), record

    def unmerge(self, record: MergeRecord) -> Changes:
        with self._journal.write() as session:
            unmerge(session, record)
            return self._merged(record.keep_id, record.other_id)

    @staticmethod
    def _merged(keep_id: int, other_id: int) -> Changes:
        return Changes(
            contacts={keep_id, other_id},
            contact_set=True,
            interactions=True,
            followups=True,
            referrals=True,
            events=True,
        )
