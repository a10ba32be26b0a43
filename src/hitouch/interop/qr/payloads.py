"""What a QR code on a badge or a business card holds: a vCard, a MECARD, a LinkedIn profile,
another web address, or an opaque attendee id, read into ContactCards where it names a person.

Pure text in, cards out: no image, no Qt, no network (a URL is never fetched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled, Problem
from hitouch.domain.urls import url_key, url_kind
from hitouch.interop.card_tidy import finish_card
from hitouch.interop.results import UnreadableFile
from hitouch.interop.vcard.read import read_vcards

MAX_ID = 200  # characters of an opaque code kept for the person who types the name in


class CodeKind(StrEnum):
    VCARD = "vcard"
    MECARD = "mecard"
    LINKEDIN = "linkedin"  # a LinkedIn /in/ profile
    URL = "url"  # any other web address (a company, a conference's attendee page)
    ID = "id"  # anything else: an attendee id only the organiser can read


@dataclass(slots=True)
class Payload:
    kind: CodeKind
    text: str  # the code's text as decoded
    cards: list[ContactCard] = field(default_factory=list)  # the people it names
    problems: list[Problem] = field(default_factory=list)

    @property
    def names_a_person(self) -> bool:
        return bool(self.cards)


_URL = re.compile(r"^(?:https?://|www\.|(?:[a-z]{2,3}\.)?linkedin\.com/)\S+$", re.I)
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com$", re.I)


def read_payload(text: str, where: str = "", region: str | None = None) -> Payload:
    """The code's text read: `where` (the photo's name) is for the problems it names."""
    stripped = text.strip().lstrip("\ufeff")
    head = stripped[:12].upper()
    if head.startswith("BEGIN:VCARD"):
        return _vcard(stripped, where, region)
    if head.startswith("MECARD:"):
        return _card_payload(CodeKind.MECARD, text, mecard(stripped, region), where)
    if head.startswith("BIZCARD:"):
        return _card_payload(CodeKind.MECARD, text, bizcard(stripped, region), where)
    if _URL.match(stripped):
        url = stripped if "://" in stripped else "https://" + stripped
        if linkedin_profile(url):
            card = ContactCard(name=name_from_profile(url), urls=[Labelled(url, "LinkedIn")])
            return Payload(CodeKind.LINKEDIN, text, [card])
        return Payload(CodeKind.URL, text)
    return Payload(CodeKind.ID, text)


def _vcard(text: str, where: str, region: str | None) -> Payload:
    try:
        result = read_vcards(text.encode("utf-8"), where or "the code", region)
    except UnreadableFile as exc:
        return Payload(CodeKind.VCARD, text, problems=[Problem(where, 0, f"its QR code's vCard: {exc.message}")])
    problems = [Problem(where, 0, f"its QR code's vCard {p.message}") for p in result.problems]
    for card in result.cards:
        card.line = 0
    return Payload(CodeKind.VCARD, text, result.cards, problems)


def _card_payload(kind: CodeKind, text: str, card: ContactCard, where: str) -> Payload:
    if card.is_empty():
        return Payload(kind, text, problems=[Problem(where, 0, f"its QR code's {kind.upper()} names nobody")])
    return Payload(kind, text, [card])


def linkedin_profile(url: str) -> bool:
    """A LinkedIn personal profile (/in/NAME), not a company page or a post."""
    parts = urlsplit(url)
    return (
        bool(_LINKEDIN_HOST.match(parts.netloc.removeprefix("www.")))
        and url_kind(url) == "linkedin"
        and (url_key(url).startswith("linkedin.com/in/"))
    )


_HASH = re.compile(r"^(?=.*\d)[0-9a-z]{4,}$", re.I)  # the suffix LinkedIn adds: 'a1b2c3', '12345678'


def name_from_profile(url: str) -> str:
    """'linkedin.com/in/jane-doe-1a2b3c' -> 'Jane Doe'; '' when the address names nobody
    readably ('janedoe1980', 'jd', 'ACoAAB...')."""
    path = urlsplit(url if "://" in url else "https://" + url).path  # as written: url_key folds the case
    slug = unquote(path.split("/in/", 1)[-1].split("/")[0])
    words = [w for w in slug.replace("_", "-").split("-") if w]
    while words and _HASH.match(words[-1]):
        words.pop()
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return ""
    # 'jane' -> 'Jane'; 'mcDonald' keeps the capital it was given inside -> 'McDonald'.
    return " ".join(w[:1].upper() + (w[1:] if any(c.isupper() for c in w[1:]) else w[1:].lower()) for w in words)


# MECARD (NTT Docomo): MECARD:N:Family,Given;TEL:...;EMAIL:...;; with \ escaping ; : , \ and ".
def mecard_fields(text: str, prefix: str) -> list[tuple[str, str]]:
    body = text.strip()[len(prefix) :]
    fields: list[tuple[str, str]] = []
    value: list[str] = []
    escaped = False
    for char in body:
        if escaped:
            value.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ";":
            _field("".join(value), fields)
            value = []
        else:
            value.append(char)
    _field("".join(value), fields)
    return fields


def _field(raw: str, fields: list[tuple[str, str]]) -> None:
    name, colon, value = raw.partition(":")
    if colon and name.strip():
        fields.append((name.strip().upper(), value.strip()))


def mecard(text: str, region: str | None = None) -> ContactCard:
    card = ContactCard()
    for name, value in mecard_fields(text, "MECARD:"):
        if not value:
            continue
        if name == "N":
            family, _, given = value.partition(",")
            if given:
                card.family, card.given = family.strip(), given.strip()
            else:
                card.name = value
        elif name == "TEL":
            card.phones.append(Labelled(value))
        elif name == "EMAIL":
            card.emails.append(Labelled(value))
        elif name == "URL":
            card.urls.append(Labelled(value if "://" in value else "https://" + value))
        elif name == "ORG":
            card.company = value
        elif name in ("TITLE", "ROLE"):
            card.title = value
        elif name == "NOTE":
            card.notes = value
        elif name == "BDAY":
            card.birthday = _birthday(value)
    if not card.name and (card.given or card.family):
        card.name = f"{card.given} {card.family}".strip()
    return finish_card(card, region)


def bizcard(text: str, region: str | None = None) -> ContactCard:
    card = ContactCard()
    for name, value in mecard_fields(text, "BIZCARD:"):
        if not value:
            continue
        if name == "N":
            card.given = value
        elif name == "X":
            card.family = value
        elif name == "T":
            card.title = value
        elif name == "C":
            card.company = value
        elif name == "B":
            card.phones.append(Labelled(value))
        elif name == "E":
            card.emails.append(Labelled(value))
    card.name = f"{card.given} {card.family}".strip()
    return finish_card(card, region)


def _birthday(value: str) -> Birthday | None:
    try:
        return Birthday.parse(value)
    except ValueError:
        return None
