"""The last touches every reader gives a card: trimmed values, no duplicates, a name."""

from __future__ import annotations

import re
from collections.abc import Callable

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.phones import to_e164
from hitouch.domain.urls import url_key

_NOT_DIGITS = re.compile(r"[^\d+]")


def finish_card(card: ContactCard, region: str | None = None) -> ContactCard:
    card.given = card.given.strip()
    card.family = card.family.strip()
    card.company = card.company.strip()
    card.title = card.title.strip()
    card.notes = card.notes.replace("\r\n", "\n").replace("\r", "\n").strip()
    card.emails = _unique(card.emails, lambda value: value.casefold())
    card.phones = _unique(card.phones, lambda value: _phone_key(value, region))
    card.urls = _unique(card.urls, url_key)
    card.tags = _unique_tags(card.tags)
    card.name = " ".join(card.name.split()) or card.display_name
    return card


def _phone_key(value: str, region: str | None) -> str:
    """'+44 20 7946 0958' and '020 7946 0958' (region GB) are one number."""
    return to_e164(value, region) or _NOT_DIGITS.sub("", value)


def _unique(items: list[Labelled], key: Callable[[str], str]) -> list[Labelled]:
    if len(items) < 2:
        return [Labelled(item.value.strip(), item.label) for item in items if item.value.strip()]
    seen: set[str] = set()
    kept: list[Labelled] = []
    for item in items:
        value = item.value.strip()
        if not value:
            continue
        k = key(value) or value
        if k in seen:
            continue
        seen.add(k)
        kept.append(Labelled(value, item.label))
    return kept


def _unique_tags(tags: list[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return kept
