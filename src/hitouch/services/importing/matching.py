"""Who in the journal a person being imported already is.

Exact first, by indexed look-ups in bulk (chunked IN queries on email, E.164 phone, LinkedIn
profile, vCard UID; name and company for cards with none of those). Then, for the people
still unknown, fuzzy suggestions: a few candidates each from the search index's name column,
scored with rapidfuzz on name and company. Never a comparison of every pair.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef
from hitouch.domain.text import fold
from hitouch.services.importing.people import Key, Person, combine, conflicting
from hitouch.store.chunking import chunks
from hitouch.store.models import Contact, ContactEmail, ContactPhone, ContactUrl

CANDIDATES = 20  # per person, from the name index
SUGGEST_AT = 85  # combined score out of 100
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A person being imported may be someone already in the journal; the user decides."""

    entry: int  # the plan entry it is about
    contact: ContactRef
    company: str
    score: int


def exact_targets(session: Session, people: Sequence[Person]) -> list[int | None]:
    """For each person, the live contact they exactly match (the one most keys point to), or None."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for kind, value in person.keys:
            wanted[kind].add(value)
    found: dict[Key, set[int]] = defaultdict(set)
    for kind, values in wanted.items():
        for value, contact_id in _look_up(session, kind, sorted(values)):
            found[(kind, value)].add(contact_id)
    by_name = sorted({cid for (kind, _), ids in found.items() if kind == "name" for cid in ids})
    their_keys = _personal_keys(session, by_name)
    targets: list[int | None] = []
    for person in people:
        votes = Counter(
            cid
            for key in person.keys
            for cid in found.get(key, ())
            if key[0] != "name" or not conflicting(person.keys, their_keys.get(cid, ()))
        )
        targets.append(min(votes, key=lambda cid: (-votes[cid], cid)) if votes else None)
    return targets


def _personal_keys(session: Session, ids: list[int]) -> dict[int, list[Key]]:
    """The emails and LinkedIn profiles of contacts that matched by name and company only."""
    keys: dict[int, list[Key]] = defaultdict(list)
    for chunk in chunks(ids):
        for cid, address in session.execute(
            select(ContactEmail.contact_id, ContactEmail.address_key).where(ContactEmail.contact_id.in_(chunk))
        ):
            keys[cid].append(("email", address))
        for cid, key in session.execute(
            select(ContactUrl.contact_id, ContactUrl.url_key).where(
                ContactUrl.contact_id.in_(chunk), ContactUrl.kind == "linkedin"
            )
        ):
            keys[cid].append(("linkedin", key))
    return keys


def _look_up(session: Session, kind: str, values: list[str]) -> Iterator[tuple[str, int]]:
    """(key value, live contact id) pairs. Liveness is checked here, not in SQL: with
    `deleted_at IS NULL` in the query, SQLite (without statistics) would rather walk every
    live contact through the name index than look the keys up in their own index."""
    for chunk in chunks(values):
        if kind == "name":  # the folded name, then the company compared here
            keys = set(chunk)
            names = {value.split("\x1f")[0] for value in keys}
            # (deleted_at, name_key) is one index, so here the condition helps.
            by_name = select(Contact.name_key, Contact.company, Contact.id).where(
                Contact.name_key.in_(names), Contact.deleted_at.is_(None)
            )
            for name_key, company, contact_id in session.execute(by_name):
                key = f"{name_key}\x1f{fold(company)}"  # name_key is folded already (and fold is not idempotent)
                if key in keys:
                    yield key, contact_id
            continue
        if kind == "uid":
            by_uid = select(Contact.vcard_uid, Contact.id, Contact.deleted_at).where(Contact.vcard_uid.in_(chunk))
            yield from _alive(session.execute(by_uid))
        else:
            owner, column = _KEY_COLUMNS[kind]
            by_key = (
                select(column, owner, Contact.deleted_at).join(Contact, Contact.id == owner).where(column.in_(chunk))
            )
            yield from _alive(session.execute(by_key))


def _alive(rows: Iterable[Any]) -> Iterator[tuple[str, int]]:
    """(key value, contact id) of the rows (value, contact id, deleted_at) whose contact is live."""
    return ((value, contact_id) for value, contact_id, deleted in rows if deleted is None)


_KEY_COLUMNS = {  # the key's owner (its contact_id) and the key's column
    "email": (ContactEmail.contact_id, ContactEmail.address_key),
    "phone": (ContactPhone.contact_id, ContactPhone.e164),
    "linkedin": (ContactUrl.contact_id, ContactUrl.url_key),
}


def by_target(people: Sequence[Person], targets: Sequence[int | None]) -> list[tuple[Person, int | None]]:
    """People who turn out to be the same contact become one (first appearance keeps the place)."""
    order: list[tuple[list[Person], int | None]] = []
    for_target: dict[int, list[Person]] = {}
    for person, target in zip(people, targets):
        if target is None:
            order.append(([person], None))
        elif target in for_target:
            for_target[target].append(person)
        else:
            for_target[target] = [person]
            order.append((for_target[target], target))
    return [(members[0] if len(members) == 1 else combine(members), target) for members, target in order]


def suggestions(session: Session, people: dict[int, Person]) -> dict[int, Suggestion]:
    """The best possible duplicate for each of `people` (entry -> person), where one scores high enough."""
    if not people or session.scalar(select(Contact.id).where(Contact.deleted_at.is_(None)).limit(1)) is None:
        return {}
    candidates: dict[int, list[int]] = {}
    for entry, person in people.items():
        query = _name_query(person.name)
        if query:
            candidates[entry] = list(
                session.scalars(
                    text(f"SELECT rowid FROM contact_search WHERE contact_search MATCH :q LIMIT {CANDIDATES}"),
                    {"q": query},
                )
            )
    known = _names_and_companies(session, sorted({cid for ids in candidates.values() for cid in ids}))
    found: dict[int, Suggestion] = {}
    for entry, ids in candidates.items():
        person = people[entry]
        scored = [(score(person.name, person.card.company, *known[cid]), cid) for cid in ids if cid in known]
        if scored:
            best, cid = max(scored, key=lambda pair: (pair[0], -pair[1]))
            if best >= SUGGEST_AT:
                name, company = known[cid]
                found[entry] = Suggestion(entry, ContactRef(cid, name), company, best)
    return found


def _name_query(name: str) -> str | None:
    """Contacts whose name shares the last word and starts the first alike, or the other way
    round: 'Jon Smith' finds 'John Smith' and 'Jon Smyth', through the prefix indexes."""
    tokens = _TOKEN.findall(fold(name))
    if not tokens:
        return None
    if len(tokens) == 1:
        return f'name : "{tokens[0]}"'
    first, last = tokens[0], tokens[-1]
    return f'name : (("{last}" AND "{first[:2]}"*) OR ("{first}" AND "{last[:2]}"*))'


def _names_and_companies(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    known: dict[int, tuple[str, str]] = {}
    for chunk in chunks(ids):
        for cid, name, company in session.execute(
            select(Contact.id, Contact.name, Contact.company).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))
        ):
            known[cid] = (name, company)
    return known


def score(name: str, company: str, other_name: str, other_company: str) -> int:
    """Out of 100: mostly the name; the company counts when both sides give one."""
    name_score = fuzz.token_sort_ratio(fold(name), fold(other_name))
    if not (company.strip() and other_company.strip()):
        return round(name_score)
    company_score = fuzz.token_set_ratio(fold(company), fold(other_company))
    return round(0.75 * name_score + 0.25 * company_score)
