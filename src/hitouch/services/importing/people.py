"""The people in the files being imported: cards that share an email, phone, LinkedIn profile
or vCard UID are one person, whichever file and line they come from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.phones import to_e164
from hitouch.domain.text import fold
from hitouch.domain.urls import url_key, url_kind
from hitouch.services.contacts.fields import merge_notes

Key = tuple[str, str]  # ("email", "zoe@fjord.vc"), ("phone", "+4420..."), ("linkedin", ...), ("uid", ...)


@dataclass(frozen=True, slots=True)
class CardOrigin:
    """Where a card was read: the file and the line it starts on (not `vocabulary.Source`, how
    we came to know a person)."""

    file: str
    line: int


@dataclass(slots=True)
class Person:
    """One person as the files describe them: the cards combined, and the keys that identify them."""

    card: ContactCard
    origins: list[CardOrigin]
    e164: list[str | None]  # one per card.phones, worked out once for matching and storing
    keys: list[Key] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.card.display_name or (self.card.phones[0].value if self.card.phones else "")


def person_of(card: ContactCard, origin: CardOrigin, region: str | None) -> Person:
    person = Person(card, [origin], [to_e164(p.value, region) for p in card.phones])
    person.keys = keys_of(person)
    return person


def keys_of(person: Person) -> list[Key]:
    """Exact matching keys. The same full name at the same company is one too: a LinkedIn row
    (no email) and the phone's card of the same colleague must not become two people. A card
    with no other key is known by its name (and company, when it has one)."""
    card = person.card
    keys: list[Key] = [("uid", card.uid.strip())] if card.uid.strip() else []
    keys += [("email", e.value.strip().lower()) for e in card.emails]
    keys += [("phone", number) for number in person.e164 if number]
    keys += [("linkedin", key) for u in card.urls if url_kind(u.value) == "linkedin" and (key := url_key(u.value))]
    if not keys or card.company.strip():
        keys.append(("name", name_company_key(card.display_name, card.company)))
    return list(dict.fromkeys(keys))


def name_company_key(name: str, company: str) -> str:
    return f"{fold(name)}\x1f{fold(company)}"


# Kinds of key that name one person: two people with different ones are different people.
PERSONAL_KINDS = ("email", "linkedin")


def conflicting(a: Iterable[Key], b: Iterable[Key]) -> bool:
    """Both have emails (or LinkedIn profiles), and none in common: not the same person,
    however alike their names and companies."""
    a, b = set(a), set(b)
    for kind in PERSONAL_KINDS:
        mine = {value for k, value in a if k == kind}
        theirs = {value for k, value in b if k == kind}
        if mine and theirs and not mine & theirs:
            return True
    return False


def group(people: list[Person]) -> list[Person]:
    """People sharing an identifying key become one, in the order they first appear; then those
    with the same name at the same company, unless their emails or profiles say otherwise."""
    parent = list(range(len(people)))
    keys: dict[int, set[Key]] = {i: set(person.keys) for i, person in enumerate(people)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            low, high = min(a, b), max(a, b)
            parent[high] = low
            keys[low] |= keys.pop(high)

    for by_name in (False, True):
        first_with: dict[Key, int] = {}
        for i, person in enumerate(people):
            for key in person.keys:
                if (key[0] == "name") != by_name:
                    continue
                j = first_with.setdefault(key, i)
                if by_name and conflicting(keys[root(i)], keys[root(j)]):
                    continue
                union(i, j)
    members: dict[int, list[Person]] = {}
    for i, person in enumerate(people):
        members.setdefault(root(i), []).append(person)
    return [combine(found) for found in members.values()]


def combine(people: Iterable[Person]) -> Person:
    """One person with everything the others said: lists united, empty fields filled, notes kept."""
    people = list(people)
    if len(people) == 1:
        return people[0]
    first = people[0]
    card = ContactCard(
        given=first.card.given,
        family=first.card.family,
        name=first.card.name,
        company=first.card.company,
        title=first.card.title,
        tags=list(first.card.tags),
        birthday=first.card.birthday,
        photo=first.card.photo,
        notes=first.card.notes,
        source=first.card.source,
        uid=first.card.uid,
        connected_on=first.card.connected_on,
        line=first.card.line,
    )
    emails = _Union(lambda v: v.strip().lower())
    urls = _Union(url_key)
    phones: dict[str, tuple[Labelled, str | None]] = {}
    tags = {fold(t) for t in card.tags}
    for other in people:
        o = other.card
        for attribute in ("given", "family", "name", "company", "title", "uid"):
            if not getattr(card, attribute) and getattr(o, attribute):
                setattr(card, attribute, getattr(o, attribute))
        for attribute in ("birthday", "photo", "source", "connected_on"):
            if getattr(card, attribute) is None:
                setattr(card, attribute, getattr(o, attribute))
        if other is not first:
            card.notes = merge_notes(card.notes, o.notes)
            for tag in o.tags:
                if fold(tag) not in tags:
                    tags.add(fold(tag))
                    card.tags.append(tag)
        emails.add(o.emails)
        urls.add(o.urls)
        for phone, number in zip(o.phones, other.e164):
            phones.setdefault(number or _digits(phone.value), (phone, number))
    card.emails, card.urls = emails.items, urls.items
    card.phones = [phone for phone, _ in phones.values()]
    person = Person(card, [o for p in people for o in p.origins], [number for _, number in phones.values()])
    person.keys = list(dict.fromkeys(key for p in people for key in p.keys))
    return person


class _Union:
    def __init__(self, key: Callable[[str], str]) -> None:
        self._key = key
        self._seen: set[str] = set()
        self.items: list[Labelled] = []

    def add(self, items: list[Labelled]) -> None:
        for item in items:
            k = self._key(item.value)
            if k not in self._seen:
                self._seen.add(k)
                self.items.append(item)


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")
