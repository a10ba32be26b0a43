"""Arranging scenes for the relationship tests: people, and what we did with them."""

from __future__ import annotations

from datetime import date, timedelta

from hitouch.domain.cards import ContactCard

TODAY = date(2026, 11, 22)  # tests/conftest.py fixes the clock on this Sunday


def person(ws, name: str, **fields) -> int:
    met_at = fields.pop("met_at", None)
    met_on = fields.pop("met_on", None)
    contact_id, _ = ws.contacts.add(ContactCard(name=name, **fields), met_at=met_at, met_on=met_on)
    return contact_id


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def log(ws, contact_id: int, channel: str, on: date, note: str = "") -> int:
    interaction_id, _ = ws.interactions.log([contact_id], channel, on=on, note=note)
    return interaction_id
