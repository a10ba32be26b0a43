"""Importing meetings from calendar files (.ics): a preview, the import as one batch, undo.

A meeting joins the journal through the people in it who are contacts, found by the email
addresses of its attendees and organizer. One that has begun becomes an interaction on its
day; one still ahead, a follow-up. Each remembers the event it came from (`calendar_uid`), so
a file imported twice adds nothing the second time, and its batch, so undo finds it.
Follow-ups from the user's own calendar are never exported back to a calendar.

`plan` reads and decides without writing; `apply` decides again inside its one write
transaction (the journal may have changed since the preview) and writes all or nothing.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Result, delete, select
from sqlalchemy.orm import Session

from hitouch.domain.calendar.meetings import CalendarEvent, followup_kind, guess_channel, journal_note
from hitouch.domain.cards import Problem
from hitouch.domain.records import ContactRef
from hitouch.domain.vocabulary import Channel, FollowUpKind
from hitouch.interop.ics.read import UnreadableFile, looks_like_calendar, read_calendar_file
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import NotFound, UserError
from hitouch.services.importing.writing import ImportCancelled
from hitouch.services.progress import Cancelled, Progress, no_progress, not_cancelled
from hitouch.store.bulk import insert_returning_ids, insert_rows
from hitouch.store.chunking import chunks
from hitouch.store.database import Journal
from hitouch.store.models import Contact, ContactEmail, FollowUp, ImportBatch, Interaction, InteractionContact

__all__ = [
    "CalendarImport",
    "CalendarPlan",
    "CalendarReport",
    "CalendarUndoReport",
    "ImportCancelled",
    "Meeting",
    "MeetingCounts",
    "Outcome",
]

FORMAT = "ics"  # import_batch.format of a calendar import
STEP = 1000  # meetings per step between progress reports and cancel checks
SNIFF_BYTES = 1 << 16
ALREADY_IMPORTED = "imported before"  # the reason given for a meeting the journal has from before


class Outcome(StrEnum):
    INTERACTION = "interaction"  # it happened: an entry in the journal
    FOLLOW_UP = "follow-up"  # it is ahead
    UNCHANGED = "unchanged"  # imported before
    SKIPPED = "skipped"


@dataclass(slots=True)
class Meeting:
    """One event of the files and what importing it would do."""

    event: CalendarEvent
    file: str
    outcome: Outcome = Outcome.SKIPPED
    people: list[ContactRef] = field(default_factory=list)  # the contacts in it
    reason: str = ""  # why it is skipped, in a few words a person reads
    day: date | None = None  # in the user's zone; None only for an undated to-do
    at: time | None = None  # None: all day
    channel: Channel | None = None  # for an interaction
    kind: FollowUpKind | None = None  # for a follow-up

    @property
    def key(self) -> str:
        return self.event.key


@dataclass(slots=True)
class MeetingCounts:
    interactions: int = 0
    followups: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def created(self) -> int:
        return self.interactions + self.followups


def count(meetings: Iterable[Meeting]) -> MeetingCounts:
    counts = MeetingCounts()
    for meeting in meetings:
        if meeting.outcome == Outcome.INTERACTION:
            counts.interactions += 1
        elif meeting.outcome == Outcome.FOLLOW_UP:
            counts.followups += 1
        elif meeting.outcome == Outcome.UNCHANGED:
            counts.unchanged += 1
        else:
            counts.skipped += 1
    return counts


@dataclass(slots=True)
class CalendarPlan:
    files: list[str]
    meetings: list[Meeting]
    problems: list[Problem]

    def counts(self) -> MeetingCounts:
        return count(self.meetings)


@dataclass(slots=True)
class CalendarReport:
    batch_id: int
    files: list[str]
    counts: MeetingCounts
    problems: list[Problem]
    changes: Changes


@dataclass(slots=True)
class CalendarUndoReport:
    batch_id: int
    interactions: int  # journal entries the import had created, now removed
    followups: int
    changes: Changes

    @property
    def removed(self) -> int:
        return self.interactions + self.followups


class CalendarImport:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock  # now, and the user's zone for times given without one

    @staticmethod
    def is_calendar(path: Path | str) -> bool:
        """Whether a file is for this import rather than the contacts import: by its content,
        else (when it cannot be read) by its name."""
        try:
            with open(path, "rb") as file:
                head = file.read(SNIFF_BYTES)
        except OSError:
            head = b""  # the reader will say what is wrong with it
        return looks_like_calendar(head, str(path))

    def plan(
        self, paths: Sequence[Path | str], progress: Progress = no_progress, cancelled: Cancelled = not_cancelled
    ) -> CalendarPlan:
        """What importing `paths` would do. Nothing is written. UserError names a file that
        cannot be read at all, and then nothing of any file is imported."""
        if not paths:
            raise UserError("no file to import")
        zone = self._clock.zone
        events: list[tuple[CalendarEvent, str]] = []
        problems: list[Problem] = []
        for done, path in enumerate(paths):
            if cancelled():
                raise ImportCancelled("the import was cancelled; nothing was imported")
            progress(done, len(paths))
            try:
                read = read_calendar_file(path, zone)
            except UnreadableFile as exc:
                raise UserError(f"{exc}; nothing was imported") from None
            events += [(event, str(path)) for event in read.events]
            problems += read.problems
        progress(len(paths), len(paths))
        with self._journal.read() as session:
            meetings = self._decide(session, events, zone)
        return CalendarPlan([str(p) for p in paths], meetings, problems)

    def apply(
        self, plan: CalendarPlan, progress: Progress = no_progress, cancelled: Cancelled = not_cancelled
    ) -> CalendarReport:
        """Import as one batch: all of it, or (on an error or cancel) nothing."""
        now = self._clock.utc_now()
        with self._journal.write() as session:
            meetings = self._decide(session, [(m.event, m.file) for m in plan.meetings], self._clock.zone)
            batch = ImportBatch(created_at=now, format=FORMAT, files="\n".join(plan.files), created=0, merged=0)
            session.add(batch)
            session.flush()
            logged = [m for m in meetings if m.outcome == Outcome.INTERACTION]
            ahead = [m for m in meetings if m.outcome == Outcome.FOLLOW_UP]
            total, done = len(logged) + len(ahead), 0
            progress(0, total)
            for step in chunks(logged, STEP):
                _check(cancelled)
                _write_interactions(session, step, batch.id, now)
                done += len(step)
                progress(done, total)
            for step in chunks(ahead, STEP):
                _check(cancelled)
                _write_followups(session, step, batch.id, now)
                done += len(step)
                progress(done, total)
            _check(cancelled)
            batch.created = total
        touched = {person.id for m in logged + ahead for person in m.people}
        changes = Changes(contacts=touched, interactions=bool(logged), followups=bool(ahead))
        return CalendarReport(batch.id, plan.files, count(meetings), plan.problems, changes)

    def is_calendar_batch(self, batch_id: int) -> bool:
        """Whether import `batch_id` was a calendar import (undone by `undo` here)."""
        with self._journal.read() as session:
            return session.scalar(select(ImportBatch.format).where(ImportBatch.id == batch_id)) == FORMAT

    def undo(self, batch_id: int) -> CalendarUndoReport:
        """Remove the journal entries and follow-ups a calendar import created."""
        with self._journal.write() as session:
            batch = session.get(ImportBatch, batch_id)
            if batch is None or batch.format != FORMAT:
                raise NotFound(f"there is no calendar import {batch_id}")
            if batch.undone_at is not None:
                raise UserError(f"import {batch_id} was already undone")
            interactions = select(Interaction.id).where(Interaction.import_batch_id == batch_id)
            contacts = set(
                session.scalars(
                    select(InteractionContact.contact_id).where(InteractionContact.interaction_id.in_(interactions))
                )
            )
            contacts.update(session.scalars(select(FollowUp.contact_id).where(FollowUp.import_batch_id == batch_id)))
            removed = _deleted(session.execute(delete(Interaction).where(Interaction.import_batch_id == batch_id)))
            removed_followups = _deleted(session.execute(delete(FollowUp).where(FollowUp.import_batch_id == batch_id)))
            batch.undone_at = self._clock.utc_now()
        changes = Changes(contacts=contacts, interactions=bool(removed), followups=bool(removed_followups))
        return CalendarUndoReport(batch_id, removed, removed_followups, changes)

    # Deciding ---------------------------------------------------------------------------------

    def _decide(
        self, session: Session, events: list[tuple[CalendarEvent, str]], zone: ZoneInfo | None
    ) -> list[Meeting]:
        """What becomes of each event, against the journal as it is in `session`."""
        people = _contacts_by_email(session, {email for event, _ in events for email in event.emails})
        imported = _imported_keys(session, [event.key for event, _ in events])
        series = {event.uid for event, _ in events if event.recurs}
        now = self._clock.now()
        now = now.replace(tzinfo=zone) if zone else now.astimezone()
        first_seen: dict[str, Meeting] = {}
        meetings = []
        for event, file in events:
            meeting = Meeting(event, file)
            meeting.people = list({ref.id: ref for email in event.emails for ref in people.get(email, ())}.values())
            earlier = first_seen.setdefault(event.key, meeting)
            meeting.day, meeting.at = _local(event.start, zone)
            meeting.reason = _reason_to_skip(event, meeting, earlier, series, imported)
            if not meeting.reason:
                _place(meeting, now)
            elif meeting.reason == ALREADY_IMPORTED:
                meeting.outcome = Outcome.UNCHANGED
            meetings.append(meeting)
        return meetings


def _reason_to_skip(
    event: CalendarEvent, meeting: Meeting, earlier: Meeting, series: set[str], imported: set[str]
) -> str:
    if event.todo:
        return "a to-do, not a meeting"
    if event.cancelled:
        return "it was cancelled"
    if event.recurs or (event.recurrence_id and event.uid in series):
        return "a recurring meeting is left out"
    if earlier is not meeting:
        return f"the same meeting as {Path(earlier.file).name}:{earlier.event.line}"
    if event.key in imported:
        return ALREADY_IMPORTED
    if not meeting.people:
        return "nobody in it is in your journal" if event.emails else "it names nobody by email"
    return ""


def _local(start: datetime | date | None, zone: ZoneInfo | None) -> tuple[date | None, time | None]:
    """The user's own day and wall-clock time of a start (an all-day date stays as it is)."""
    if isinstance(start, datetime):
        local = start.astimezone(zone) if zone else start.astimezone()
        return local.date(), local.time().replace(second=0, microsecond=0)
    return start, None


def _deleted(result: Result[Any]) -> int:
    """How many rows a DELETE removed (its result is a CursorResult, which counts them)."""
    return int(getattr(result, "rowcount", 0))


def _place(meeting: Meeting, now: datetime) -> None:
    """An interaction if it has begun, else a follow-up."""
    start = meeting.event.start
    begun = start <= now if isinstance(start, datetime) else start is not None and start <= now.date()
    channel = guess_channel(meeting.event)
    if begun:
        meeting.outcome, meeting.channel = Outcome.INTERACTION, channel
    else:
        meeting.outcome, meeting.kind = Outcome.FOLLOW_UP, followup_kind(channel)


def _contacts_by_email(session: Session, emails: set[str]) -> dict[str, list[ContactRef]]:
    """Live contacts by lower-case email, through the email index (liveness checked here)."""
    found: dict[str, list[ContactRef]] = defaultdict(list)
    for chunk in chunks(sorted(emails)):
        for email, contact_id, name, deleted in session.execute(
            select(ContactEmail.address_key, Contact.id, Contact.name, Contact.deleted_at)
            .join(Contact, Contact.id == ContactEmail.contact_id)
            .where(ContactEmail.address_key.in_(chunk))
            .order_by(Contact.id)
        ):
            if deleted is None:
                found[email].append(ContactRef(contact_id, name))
    return found


def _imported_keys(session: Session, keys: list[str]) -> set[str]:
    """The events the journal has taken in before, as entries or follow-ups (done or deleted too)."""
    known: set[str] = set()
    unique = sorted(set(keys))
    for chunk in chunks(unique):
        known.update(session.scalars(select(Interaction.calendar_uid).where(Interaction.calendar_uid.in_(chunk))))
        known.update(session.scalars(select(FollowUp.calendar_uid).where(FollowUp.calendar_uid.in_(chunk))))
    return known


# Writing ----------------------------------------------------------------------------------------


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise ImportCancelled("the import was cancelled; nothing was imported")


def _write_interactions(session: Session, meetings: Sequence[Meeting], batch_id: int, now: datetime) -> None:
    ids = insert_returning_ids(
        session,
        Interaction.__table__,
        [
            {
                "occurred_on": m.day,
                "occurred_at": m.at,
                "channel": str(m.channel),
                "note": journal_note(m.event),
                "event_id": None,
                "created_at": now,
                "calendar_uid": m.key,
                "import_batch_id": batch_id,
            }
            for m in meetings
        ],
    )
    insert_rows(
        session,
        InteractionContact.__table__,
        [
            {
                "interaction_id": interaction_id,
                "contact_id": person.id,
                "occurred_on": m.day,
                "face_to_face": bool(m.channel and m.channel.face_to_face),
            }
            for interaction_id, m in zip(ids, meetings)
            for person in m.people
        ],
    )


def _write_followups(session: Session, meetings: Sequence[Meeting], batch_id: int, now: datetime) -> None:
    """One follow-up per person in the meeting: each is due to meet them."""
    insert_rows(
        session,
        FollowUp.__table__,
        [
            {
                "contact_id": person.id,
                "event_id": None,
                "kind": str(m.kind),
                "title": m.event.summary,
                "note": " ".join(m.event.location.split()),
                "due_on": m.day,
                "due_time": m.at,
                "minutes": m.event.minutes,
                "status": "open",
                "snoozed_until": None,
                "done_at": None,
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
                "ical_uid": f"{uuid.uuid4()}@hitouch",
                "ical_sequence": 0,
                "calendar_uid": m.key,
                "import_batch_id": batch_id,
            }
            for m in meetings
            for person in m.people
        ],
    )
