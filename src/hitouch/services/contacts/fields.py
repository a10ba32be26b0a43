"""Writing a contact's fields to its rows: replace (edit) or union (merge, import)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import Labelled, Photo
from hitouch.domain.phones import to_e164
from hitouch.domain.text import display_name, fold
from hitouch.domain.urls import url_key, url_kind
from hitouch.store.models import Contact, ContactEmail, ContactPhone, ContactPhoto, ContactUrl, Tag

SCALARS = ("given", "family", "company", "title")


def email_row(item: Labelled, batch_id: int | None = None) -> ContactEmail:
    address = item.value.strip()
    return ContactEmail(address=address, address_key=address.lower(), label=item.label, import_batch_id=batch_id)


def phone_row(item: Labelled, region: str | None, batch_id: int | None = None) -> ContactPhone:
    e164 = to_e164(item.value, region)
    return ContactPhone(number=e164 or item.value.strip(), e164=e164, label=item.label, import_batch_id=batch_id)


def url_row(item: Labelled, batch_id: int | None = None) -> ContactUrl:
    url = item.value.strip()
    return ContactUrl(url=url, url_key=url_key(url), kind=url_kind(url), label=item.label, import_batch_id=batch_id)


def _phone_key(row: ContactPhone) -> str:
    return row.e164 or "".join(ch for ch in row.number if ch.isdigit() or ch == "+")


def set_name(contact: Contact, name: str = "", given: str | None = None, family: str | None = None) -> None:
    if given is not None:
        contact.given = given.strip()
    if family is not None:
        contact.family = family.strip()
    contact.name = name.strip() or display_name(contact.given, contact.family) or contact.name
    contact.name_key = fold(contact.name)


def set_birthday(contact: Contact, birthday: Birthday | None) -> None:
    contact.birthday_mmdd = birthday.mmdd if birthday else None
    contact.birthday_year = birthday.year if birthday else None


def birthday_of(contact: Contact) -> Birthday | None:
    return Birthday.from_parts(contact.birthday_mmdd, contact.birthday_year)


def set_photo(contact: Contact, photo: Photo | None) -> None:
    contact.photo = ContactPhoto(mime=photo.mime, data=photo.data) if photo else None


def tags_named(session: Session, names: Iterable[str]) -> list[Tag]:
    """Existing tags by name (case-insensitive), new ones created."""
    wanted: dict[str, str] = {}
    for name in names:
        if name.strip():
            wanted.setdefault(fold(name), name.strip())
    if not wanted:
        return []
    found = {t.name_key: t for t in session.scalars(select(Tag).where(Tag.name_key.in_(wanted)))}
    for key, name in wanted.items():
        if key not in found:
            found[key] = Tag(name=name, name_key=key)
            session.add(found[key])
    return [found[key] for key in wanted]


def replace_lists(
    session: Session,
    contact: Contact,
    *,
    emails: list[Labelled] | None = None,
    phones: list[Labelled] | None = None,
    urls: list[Labelled] | None = None,
    tags: list[str] | None = None,
    region: str | None = None,
) -> None:
    """Set the lists that were given; leave the others as they are."""
    if emails is not None:
        contact.emails = _numbered(_unique([email_row(e) for e in emails if e.value.strip()], _email_key))
    if phones is not None:
        contact.phones = _numbered(_unique([phone_row(p, region) for p in phones if p.value.strip()], _phone_key))
    if urls is not None:
        contact.urls = _numbered(_unique([url_row(u) for u in urls if u.value.strip()], _url_key))
    if tags is not None:
        contact.tags = tags_named(session, tags)


def add_to_lists(
    session: Session,
    contact: Contact,
    *,
    emails: Iterable[Labelled] = (),
    phones: Iterable[Labelled] = (),
    urls: Iterable[Labelled] = (),
    tags: Iterable[str] = (),
    region: str | None = None,
    batch_id: int | None = None,
) -> bool:
    """Union: add what the contact does not have yet. True when anything was added."""
    added = _extend(contact.emails, [email_row(e, batch_id) for e in emails if e.value.strip()], _email_key)
    added |= _extend(contact.phones, [phone_row(p, region, batch_id) for p in phones if p.value.strip()], _phone_key)
    added |= _extend(contact.urls, [url_row(u, batch_id) for u in urls if u.value.strip()], _url_key)
    have = {t.name_key for t in contact.tags}
    for tag in tags_named(session, tags):
        if tag.name_key not in have:
            contact.tags.append(tag)
            have.add(tag.name_key)
            added = True
    return added


def _email_key(row: ContactEmail) -> str:
    return row.address_key


def _url_key(row: ContactUrl) -> str:
    return row.url_key


R = TypeVar("R")
Positioned = TypeVar("Positioned", ContactEmail, ContactPhone, ContactUrl)


def _unique(rows: list[R], key: Callable[[R], str]) -> list[R]:
    seen: set[str] = set()
    kept: list[R] = []
    for row in rows:
        if key(row) not in seen:
            seen.add(key(row))
            kept.append(row)
    return kept


def _numbered(rows: list[Positioned]) -> list[Positioned]:
    for position, row in enumerate(rows):
        row.position = position
    return rows


def _extend(existing: list[Positioned], new_rows: list[Positioned], key: Callable[[Positioned], str]) -> bool:
    keys = {key(row) for row in existing}
    added = False
    for row in new_rows:
        if key(row) not in keys:
            row.position = len(existing)
            existing.append(row)
            keys.add(key(row))
            added = True
    return added


def merge_notes(kept: str, other: str) -> str:
    """Both notes survive; the same text is not repeated."""
    kept, other = kept.strip(), other.strip()
    if not other or other in kept:
        return kept
    if not kept:
        return other
    return f"{kept}\n\n{other}"
