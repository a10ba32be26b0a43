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
from hitouch.domain.relations import CadenceRecord
from hitouch.services import contact_reads
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import UserError
from hitouch.store.database import Journal
from hitouch.store.models import Cadence

# The day a cadence comes due: `base` plus the period; a month from 31 January is 28 (or 29)
# February, as dateutil counts, where SQLite alone would say 3 March.
_DUE = """CASE unit
    WHEN 'd' THEN date(base, '+' || every || ' days')
    WHEN 'w' THEN date(base, '+' || (every * 7) || ' days')
    ELSE CASE WHEN strftime('%d', date(base, '+' || every || ' months')) = strftime('%d', base)
        THEN date(base, '+' || every || ' months')
        ELSE date(base, 'start of month', '+' || (every + 1) || ' months', '-1 day') END
    END"""

# MATERIALIZED: the latest interaction is looked up once per cadence (one index probe), not
# once per mention in the expression; CROSS JOIN keeps cadence, the small table, outside.
_CADENCES = f"""
WITH clock AS MATERIALIZED (
    SELECT cadence.contact_id, every, unit, since,
        (SELECT max(ic.occurred_on) FROM interaction_contact ic WHERE ic.contact_id = cadence.contact_id) AS last
    FROM cadence {{where}}
), due AS MATERIALIZED (
    SELECT clock.*, {_DUE.replace("base", "coalesce(last, since)")} AS due_on FROM clock
)
SELECT due.contact_id, contact.name, every, unit, since, last, due_on
FROM due CROSS JOIN contact ON contact.id = due.contact_id
WHERE +contact.deleted_at IS NULL AND due_on <= :until
ORDER BY due_on, contact.name_key
"""


def _records(session: Session, sql: str, params: dict) -> list[CadenceRecord]:
    return [
        CadenceRecord(ContactRef(r.contact_id, r.name), r.every, r.unit, _day(r.since), _day(r.last), _day(r.due_on))
        for r in session.execute(text(sql), params)
    ]


def _day(value: str | date | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def due_cadences(session: Session, until: date) -> list[CadenceRecord]:
    """Cadences of live contacts that come due on or before `until`, the longest due first."""
    return _records(session, _CADENCES.format(where=""), {"until": until.isoformat()})


def cadence_of(session: Session, contact_id: int) -> CadenceRecord | None:
    found = _records(
        session, _CADENCES.format(where="WHERE cadence.contact_id = :contact"), {"contact": contact_id, "until": "9999-12-31"}
    )
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
            contact_reads.live(session, contact_id)
            return cadence_of(session, contact_id)

    def due(self, until: date | None = None) -> list[CadenceRecord]:
        with self._journal.read() as session:
            return due_cadences(session, until or self._clock.today())

    def set(self, contact_id: int, every: str) -> Changes:
        """`every` as typed: '2w', '1m', '10d'."""
        count, unit = period(every)
        with self._journal.write() as session:
            contact_reads.live(session, contact_id)
            set_cadence(session, contact_id, count, unit, self._clock.today())
            return Changes(contacts={contact_id})

    def off(self, contact_id: int) -> Changes:
        with self._journal.write() as session:
            contact_reads.live(session, contact_id)
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
