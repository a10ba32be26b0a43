"""Follow-ups: the coffees, calls and emails promised, with a due day and maybe a time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, time
from enum import Enum
from typing import Final, Literal

from sqlalchemy import Date, DateTime, TextClause, Time, text
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.followups import FollowUpRecord, default_title
from hitouch.domain.vocabulary import FollowUpKind
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts import reading
from hitouch.services.errors import NotFound, UserError
from hitouch.store.database import Journal
from hitouch.store.models import Contact, FollowUp
from hitouch.store.queries.followup_due import due_sql


class _Unset(Enum):
    """'Leave as it is', where None is a meaningful value (no time)."""

    UNSET = "unset"


_UNSET: Final = _Unset.UNSET


# Written out, with CROSS JOIN, so SQLite walks follow-ups first and looks each person up by
# id, whatever statistics it holds; `+c.deleted_at` keeps it off that index.
_FOLLOWUPS = """
SELECT f.id, f.contact_id, c.name, f.kind, f.title, f.note, f.due_on, f.due_time, f.minutes, f.status,
    f.snoozed_until, f.event_id, f.done_at
FROM follow_up f CROSS JOIN contact c ON c.id = f.contact_id
WHERE f.deleted_at IS NULL AND +c.deleted_at IS NULL {where}
"""
# Open ones by day: every column comes from the open follow-ups' index (ix_follow_up_open);
# soonest first by the day they are due now (a snooze moves it), those without a time first.
_OPEN_BY = f"""
SELECT f.id, f.contact_id, c.name, f.kind, f.title, f.note, f.due_on, f.due_time, f.minutes, 'open' AS status,
    f.snoozed_until, f.event_id, NULL AS done_at
FROM follow_up f CROSS JOIN contact c ON c.id = f.contact_id
WHERE f.status = 'open' AND f.deleted_at IS NULL AND f.due_on <= :last AND +c.deleted_at IS NULL
ORDER BY {due_sql("f")}, coalesce(f.due_time, ''), c.name
"""
_TYPES = {"due_on": Date, "due_time": Time, "snoozed_until": Date, "done_at": DateTime}


def followup_records(session: Session, where: str = "", **params: object) -> list[FollowUpRecord]:
    """Follow-ups of live contacts; `where` adds conditions on `f` (a follow-up) and `c` (its person)."""
    return _records(session, text(_FOLLOWUPS.format(where=where)), params)


def open_followups_by(session: Session, last: date) -> list[FollowUpRecord]:
    """Open follow-ups of live contacts scheduled on or before `last` (snoozed ones included),
    soonest first."""
    return _records(session, text(_OPEN_BY), {"last": last.isoformat()})


def _records(session: Session, query: TextClause, params: dict[str, object]) -> list[FollowUpRecord]:
    # Unpacked by position: the agenda reads thousands of these on a large journal.
    return [
        FollowUpRecord(
            id_,
            ContactRef(contact_id, name),
            kind,
            title,
            note,
            due_on,
            due_time,
            minutes,
            status == "done",
            snoozed_until,
            event_id,
            done_at,
        )
        for (
            id_,
            contact_id,
            name,
            kind,
            title,
            note,
            due_on,
            due_time,
            minutes,
            status,
            snoozed_until,
            event_id,
            done_at,
        ) in session.execute(query.columns(**_TYPES), params).all()
    ]


def insert_followup(
    session: Session,
    contact: Contact,
    due_on: date,
    clock: Clock,
    *,
    kind: FollowUpKind | str = FollowUpKind.OTHER,
    title: str = "",
    note: str = "",
    at: time | None = None,
    minutes: int | None = None,
    event_id: int | None = None,
) -> FollowUp:
    """Within a caller's unit of work (event mode and nudges add follow-ups too)."""
    try:
        kind = FollowUpKind(kind)
    except ValueError:
        raise UserError(f"unknown kind {kind!r}; use one of {', '.join(k.value for k in FollowUpKind)}") from None
    if minutes is not None and minutes <= 0:
        raise UserError("a follow-up's length must be a positive number of minutes")
    now = clock.utc_now()
    row = FollowUp(
        contact_id=contact.id,
        event_id=event_id,
        kind=str(kind),
        title=title.strip() or default_title(kind, contact.name),
        note=note.strip(),
        due_on=due_on,
        due_time=at,
        minutes=minutes,
        status="open",
        created_at=now,
        updated_at=now,
        ical_uid=str(uuid.uuid4()),
        ical_sequence=0,
    )
    session.add(row)
    session.flush()
    return row


class FollowUps:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    # Reading ---------------------------------------------------------------------------

    def get(self, followup_id: int) -> FollowUpRecord:
        with self._journal.read() as session:
            found = followup_records(session, "AND f.id = :id", id=followup_id)
            if not found:
                raise NotFound(f"no follow-up with id {followup_id}")
            return found[0]

    def list(self, *, include_done: bool = False, contact_id: int | None = None) -> list[FollowUpRecord]:
        """Open follow-ups (and done ones when asked), soonest first; done ones last."""
        where = "" if include_done else "AND f.status = 'open'"
        if contact_id is not None:
            where += " AND f.contact_id = :contact"
        with self._journal.read() as session:
            records = followup_records(session, where, contact=contact_id)
        return sorted(records, key=lambda r: (r.done, r.due, r.due_time or time.min, r.id))

    # Writing ---------------------------------------------------------------------------

    def add(
        self,
        contact_id: int,
        due_on: date,
        *,
        kind: FollowUpKind | str = FollowUpKind.OTHER,
        title: str = "",
        note: str = "",
        at: time | None = None,
        minutes: int | None = None,
    ) -> tuple[int, Changes]:
        with self._journal.write() as session:
            contact = reading.live(session, contact_id)
            row = insert_followup(
                session, contact, due_on, self._clock, kind=kind, title=title, note=note, at=at, minutes=minutes
            )
            return row.id, Changes(contacts={contact_id}, followups=True)

    def done(self, followup_id: int) -> Changes:
        with self._journal.write() as session:
            row = self._open(session, followup_id)
            row.status = "done"
            row.done_at = row.updated_at = self._clock.utc_now()
            return Changes(contacts={row.contact_id}, followups=True)

    def snooze(self, followup_id: int, until: date) -> Changes:
        """Out of sight until `until`; it then comes back as due that day."""
        if until <= self._clock.today():
            raise UserError(f"snooze until a day after today, not {until.isoformat()}")
        with self._journal.write() as session:
            row = self._open(session, followup_id)
            row.snoozed_until = until
            row.ical_sequence += 1  # its day in the calendar moves
            row.updated_at = self._clock.utc_now()
            return Changes(contacts={row.contact_id}, followups=True)

    def reschedule(self, followup_id: int, due_on: date, at: time | Literal[_Unset.UNSET] | None = _UNSET) -> Changes:
        return self.edit(followup_id, due_on=due_on, at=at)

    def edit(
        self,
        followup_id: int,
        *,
        due_on: date | None = None,
        at: time | Literal[_Unset.UNSET] | None = _UNSET,
        kind: FollowUpKind | str | None = None,
        title: str | None = None,
        note: str | None = None,
        minutes: int | Literal[_Unset.UNSET] | None = _UNSET,
    ) -> Changes:
        """Change what is given; a new day or time clears a snooze and tells calendars it moved."""
        with self._journal.write() as session:
            row = self._row(session, followup_id)
            moved = (due_on is not None and due_on != row.due_on) or (at is not _UNSET and at != row.due_time)
            if due_on is not None:
                row.due_on = due_on
            if at is not _UNSET:
                row.due_time = at
            if moved:
                row.snoozed_until = None
                row.ical_sequence += 1
            if kind is not None:
                try:
                    row.kind = str(FollowUpKind(kind))
                except ValueError:
                    raise UserError(f"unknown kind {kind!r}") from None
            if title is not None:
                row.title = title.strip() or default_title(row.kind, reading.live(session, row.contact_id).name)
            if note is not None:
                row.note = note.strip()
            if minutes is not _UNSET:
                if minutes is not None and minutes <= 0:
                    raise UserError("a follow-up's length must be a positive number of minutes")
                row.minutes = minutes
            row.updated_at = self._clock.utc_now()
            return Changes(contacts={row.contact_id}, followups=True)

    def delete(self, followup_ids: Sequence[int]) -> Changes:
        with self._journal.write() as session:
            contacts = set()
            for followup_id in followup_ids:
                row = self._row(session, followup_id)
                row.deleted_at = row.updated_at = self._clock.utc_now()
                contacts.add(row.contact_id)
            return Changes(contacts=contacts, followups=True)

    def _row(self, session: Session, followup_id: int) -> FollowUp:
        row = session.get(FollowUp, followup_id)
        # A contact in the trash takes their follow-ups along.
        contact = session.get(Contact, row.contact_id) if row is not None else None
        if row is None or row.deleted_at is not None or contact is None or contact.deleted_at is not None:
            raise NotFound(f"no follow-up with id {followup_id}")
        return row

    def _open(self, session: Session, followup_id: int) -> FollowUp:
        row = self._row(session, followup_id)
        if row.status == "done":
            raise UserError(f"follow-up {followup_id} is already done")
        return row
