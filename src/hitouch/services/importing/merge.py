"""What merging an imported person into a contact adds: the union of emails, phones, URLs,
tags and notes, empty fields filled, nothing thrown away. From a LinkedIn export, a new
company or position replaces the old one, and the change is noticed for the timeline."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hitouch.domain.cards import Labelled, Photo
from hitouch.domain.text import fold
from hitouch.domain.urls import kind_of_key, url_key
from hitouch.domain.vocabulary import Source
from hitouch.services.contacts.fields import merge_notes
from hitouch.services.importing.people import Person
from hitouch.store.bulk import Row
from hitouch.store.chunking import chunks
from hitouch.store.models import Contact, ContactEmail, ContactPhone, ContactPhoto, ContactTag, ContactUrl, Tag

# Words that name a company's legal form: 'Fjord Ventures GmbH' is still Fjord Ventures.
_LEGAL_FORMS = {
    "inc",
    "ltd",
    "llc",
    "llp",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "plc",
    "co",
    "corp",
    "corporation",
    "limited",
    "company",
    "srl",
    "spa",
    "oy",
    "ab",
    "as",
    "kg",
    "pty",
    "kk",
}
_WORD = re.compile(r"\w+")


def email_values(item: Labelled) -> Row:
    address = item.value.strip()
    return {"address": address, "address_key": address.lower(), "label": item.label}


def phone_values(item: Labelled, e164: str | None) -> Row:
    return {"number": e164 or item.value.strip(), "e164": e164, "label": item.label}


def url_values(item: Labelled) -> Row:
    url = item.value.strip()
    key = url_key(url)
    return {"url": url, "url_key": key, "kind": kind_of_key(key), "label": item.label}


def phone_key(number: str, e164: str | None) -> str:
    return e164 or "".join(ch for ch in number if ch.isdigit() or ch == "+")


@dataclass(slots=True)
class Existing:
    """What a contact already has, enough to tell what a merge would add."""

    id: int
    name: str
    fields: dict[str, Any]  # the contact's columns a merge may fill or change
    has_photo: bool
    emails: set[str] = field(default_factory=set)  # address keys
    phones: set[str] = field(default_factory=set)  # phone keys
    urls: set[str] = field(default_factory=set)  # url keys
    tags: set[str] = field(default_factory=set)  # tag name keys
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # rows per list, for positions


MERGEABLE = (
    "given",
    "family",
    "company",
    "title",
    "notes",
    "birthday_mmdd",
    "birthday_year",
    "connected_on",
    "vcard_uid",
)


def load_existing(session: Session, ids: Sequence[int]) -> dict[int, Existing]:
    """The contacts `ids`, a few queries per 500."""
    found: dict[int, Existing] = {}
    columns = [getattr(Contact, name) for name in MERGEABLE]
    for chunk in chunks(list(ids)):
        for row in session.execute(select(Contact.id, Contact.name, *columns).where(Contact.id.in_(chunk))):
            found[row.id] = Existing(row.id, row.name, {name: getattr(row, name) for name in MERGEABLE}, False)
        for cid in session.scalars(select(ContactPhoto.contact_id).where(ContactPhoto.contact_id.in_(chunk))):
            found[cid].has_photo = True
        for cid, key in session.execute(
            select(ContactEmail.contact_id, ContactEmail.address_key).where(ContactEmail.contact_id.in_(chunk))
        ):
            found[cid].emails.add(key)
        for cid, number, e164 in session.execute(
            select(ContactPhone.contact_id, ContactPhone.number, ContactPhone.e164).where(
                ContactPhone.contact_id.in_(chunk)
            )
        ):
            found[cid].phones.add(phone_key(number, e164))
        for cid, key in session.execute(
            select(ContactUrl.contact_id, ContactUrl.url_key).where(ContactUrl.contact_id.in_(chunk))
        ):
            found[cid].urls.add(key)
        for cid, key in session.execute(
            select(ContactTag.contact_id, Tag.name_key)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(ContactTag.contact_id.in_(chunk))
        ):
            found[cid].tags.add(key)
        for table, kind in ((ContactEmail, "email"), (ContactPhone, "phone"), (ContactUrl, "url")):
            for cid, last in session.execute(
                select(table.contact_id, func.max(table.position))
                .where(table.contact_id.in_(chunk))
                .group_by(table.contact_id)
            ):
                found[cid].counts[kind] = last + 1
    return found


@dataclass(frozen=True, slots=True)
class Move:
    """A change in someone's working life, noticed in a newer LinkedIn export."""

    kind: str  # "company" or "title", as a LifeChange records it
    old: str
    new: str


@dataclass(slots=True)
class Additions:
    """What a merge adds to one contact."""

    emails: list[Row] = field(default_factory=list)
    phones: list[Row] = field(default_factory=list)
    urls: list[Row] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)  # column -> new value
    moves: list[Move] = field(default_factory=list)
    photo: Photo | None = None

    def __bool__(self) -> bool:
        return bool(self.emails or self.phones or self.urls or self.tags or self.fields or self.photo)

    def filled(self) -> list[str]:
        """The columns that were empty and are now given (a move is told apart), and "photo"."""
        moved = {move.kind for move in self.moves}
        return [column for column in self.fields if column not in moved] + (["photo"] if self.photo else [])


def additions(person: Person, existing: Existing) -> Additions:
    card = person.card
    adds = Additions()
    adds.emails = [email_values(e) for e in card.emails if e.value.strip().lower() not in existing.emails]
    adds.phones = [
        phone_values(p, n) for p, n in zip(card.phones, person.e164) if phone_key(p.value, n) not in existing.phones
    ]
    adds.urls = [url_values(u) for u in card.urls if url_key(u.value) not in existing.urls]
    seen = set(existing.tags)
    for tag in card.tags:
        if fold(tag) not in seen:
            seen.add(fold(tag))
            adds.tags.append(tag)
    old = existing.fields
    new_values = {
        "given": card.given,
        "family": card.family,
        "company": card.company,
        "title": card.title,
        "connected_on": card.connected_on,
        "vcard_uid": card.uid or None,
    }
    for column, value in new_values.items():
        if value and not old[column]:
            adds.fields[column] = value
    if card.source == Source.LINKEDIN:
        for kind in ("company", "title"):
            before, after = old[kind] or "", card.company if kind == "company" else card.title
            if before and after and not _same(kind, before, after):
                adds.fields[kind] = after
                adds.moves.append(Move(kind, before, after))
    notes = merge_notes(old["notes"] or "", card.notes)
    if notes != (old["notes"] or "").strip():
        adds.fields["notes"] = notes
    if card.birthday and (
        old["birthday_mmdd"] is None or (old["birthday_mmdd"] == card.birthday.mmdd and old["birthday_year"] is None)
    ):
        if old["birthday_mmdd"] is None:
            adds.fields["birthday_mmdd"] = card.birthday.mmdd
        if card.birthday.year is not None:
            adds.fields["birthday_year"] = card.birthday.year
    if card.photo and not existing.has_photo:
        adds.photo = card.photo
    return adds


def _same(kind: str, before: str, after: str) -> bool:
    if kind == "title":
        return fold(before) == fold(after)
    return _company_words(before) == _company_words(after)


def _company_words(company: str) -> list[str]:
    words = _WORD.findall(fold(company))
    return [word for word in words if word not in _LEGAL_FORMS] or words


def as_text(value: Any) -> str | None:
    """A column value as ImportChange keeps it (to put it back on undo)."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def from_text(column: str, value: str | None) -> Any:
    if value is None:
        return None
    if column == "connected_on":
        return date.fromisoformat(value)
    if column in ("birthday_mmdd", "birthday_year"):
        return int(value)
    return value
