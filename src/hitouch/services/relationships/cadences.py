"""Keep-in-touch cadences: every N days, weeks or months since the last interaction.

Nothing is stored about when a cadence was last met: its clock is the journal itself (the
latest interaction with the contact, or the day the cadence was set if nothing was logged), so
logging anything restarts it and deleting that entry puts it back.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from hitouch.domain.dates import parse_period
from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.cadences import CadenceRecord, cadence_due
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts import reading
from hitouch.services.errors import UserError
from hitouch.store.database import Journal
from hitouch.store.models import Cadence

# The latest interaction is one index probe per cadence; CROSS JOIN keeps cadence, the small
# table, outside, and `+contact.deleted_at` keeps SQLite off that index.
_CADENCES = """
SELECT cadence.contact_id, contact.name, every, unit, since,
    (SELECT max(ic.occurred_on) FROM interaction_contact ic WHERE ic.contact_id = cadence.contact_id) AS last
FROM cadence CROSS JOIN contact ON contact.id = cadence.contact_id
WHERE +contact.deleted_at IS NULL {where}
"""


def _records(session: Session, until: date, where: str = "", **params: object) -> list[CadenceRecord]:
    """The cadences asked for that come due by `until`. The day is counted here, not in SQL:
    SQLite's date arithmetic is slower, and its months overflow (31 January + 1 month is 3 March)."""
    day = date.fromisoformat
    records = []
    for contact_id, name, every, unit, since, last in session.execute(
        text(_CADENCES.format(where=where)), params
    ).all():
        since, last = day(since), last and day(last)
        due = cadence_due(last or since, every, unit)
        if due <= until:
            records.append(CadenceRecord(ContactRef(contact_id, name), every, unit, since, last, due))
    return records


def due_cadences(session: Session, until: date) -> list[CadenceRecord]:
    """Cadences of live contacts that come due on or before `until`, the longest due first."""
    return sorted(_records(session, until), key=lambda c: (c.due, c.contact.name))


def cadence_of(session: Session, contact_id: int) -> CadenceRecord | None:
    found = _records(session, date.max, "AND cadence.contact_id = :contact", contact=contact_id)
    return found[0] if found else None


def set_cadence(session: Session, contact_id: int, every: int, unit: str, since: date) -> None:
    """Within a caller's unit of work."""
    row = session.get(Cadence, contact_id)
    if row is None:
        session.add(Cadence(contact_id=contact_id, every=every, unit=unit, since=since))
    else:
        row.every, row.unit, row.since = every, unit, since


def period(text_: str) -> tuple[int, str]:
    try:
        return parse_period(text_)
    except ValueError as exc:
        raise UserError(str(exc)) from None


class Cadences:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def get(self, contact_id: int) -> CadenceRecord | None:
        with self._journal.read() as session:
            reading.live(session, contact_id)
            return cadence_of(session, contact_id)

    def due(self, until: date | None = None) -> list[CadenceRecord]:
        with self._journal.read() as session:
            return due_cadences(session, until or self._clock.today())

    def set(self, contact_id: int, every: str) -> Changes:
        """`every` as typed: '2w', '1m', '10d'."""
        count, unit = period(every)
        with self._journal.write() as session:
            reading.live(session, contact_id)
            set_cadence(session, contact_id, count, unit, self._clock.today())
            return Changes(contacts={contact_id})

    def off(self, contact_id: int) -> Changes:
        with self._journal.write() as session:
            reading.live(session, contact_id)
            row = session.get(Cadence, contact_id)
            if row is not None:
                session.delete(row)
            return Changes(contacts={contact_id})


def apply_default_cadence(session: Session, contact_id: int, default: str, today: date) -> None:
    """`Settings.default_cadence` for a contact added by hand. Empty, or unreadable: none; a bad
    preference must never stop someone being added."""
    try:
        every, unit = parse_period(default)
    except ValueError:
        return
    set_cadence(session, contact_id, every, unit, today)
