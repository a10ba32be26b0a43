"""Follow-ups and birthdays in the user's calendar: .ics exports, the live feed, one event to open.

A calendar that was given an entry must hear once that it is gone: each calendar file
("feed", "export") keeps a round in `calendar_round`. An entry given before that is now done,
deleted or out of the journal is written once more as cancelled, then left out.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from hitouch.domain.calendar.entries import CalendarEntry, Reminders, cancelled_entry
from hitouch.interop.ics import write as ics
from hitouch.services.calendar import entries as calendar_data
from hitouch.services.clock import Clock
from hitouch.services.errors import UserError
from hitouch.settings import Settings
from hitouch.store.database import Journal
from hitouch.store.models import CalendarRound

FEED, EXPORT = "feed", "export"
CALENDAR_NAME = "HiTouch"


@dataclass(slots=True)
class CalendarFile:
    """What one export holds, and what its calendar must be told afterwards."""

    data: bytes
    target: str | None = None
    entries: list[CalendarEntry] = field(default_factory=list)
    cancelled: list[CalendarEntry] = field(default_factory=list)

    @property
    def followups(self) -> int:
        return sum(1 for e in self.entries if not e.yearly)

    @property
    def birthdays(self) -> int:
        return sum(1 for e in self.entries if e.yearly)


class Calendar:
    def __init__(
        self,
        journal: Journal,
        clock: Clock,
        settings: Callable[[], Settings] = Settings,
    ) -> None:
        self._journal = journal
        self._clock = clock  # today, now, and the zone times are written in
        self._settings = settings

    def reminders(self) -> Reminders:
        s = self._settings()
        return Reminders(s.reminder_minutes, s.all_day_reminder_hour, s.calendar_use_todos)

    # Whole calendars ----------------------------------------------------------------------

    def export(self, days: int | None = None) -> bytes:
        """Open follow-ups (due within `days`, overdue included) and birthdays, as .ics bytes."""
        return self.build(days).data

    def build(self, days: int | None = None, target: str | None = None) -> CalendarFile:
        """The calendar; for a `target`, with the cancellations its last round calls for
        (recorded by `record_round` once the file is safely written)."""
        if days is not None and days < 0:
            raise UserError("the number of days cannot be negative")
        reminders = self.reminders()
        today = self._clock.today()
        until = today + timedelta(days=days) if days is not None else None
        with self._journal.read() as session:
            entries = calendar_data.followup_entries(session, reminders, until)
            entries += calendar_data.birthday_entries(session, reminders, today, until)
            cancelled: list[CalendarEntry] = []
            if target is not None:
                still_live = calendar_data.live_uids(session) if until else {e.uid for e in entries}
                cancelled = [
                    cancelled_entry(uid, *given)
                    for uid, given in _round(session, target).items()
                    if uid not in still_live
                ]
        data = ics.write_calendar(entries + cancelled, self._clock.zone, self._clock.utc_now(), name=CALENDAR_NAME)
        return CalendarFile(data, target, entries, cancelled)

    def record_round(self, written: CalendarFile) -> None:
        """The calendar now has these entries, and has heard about the cancelled ones."""
        if written.target is None:
            return
        with self._journal.write() as session:
            stored = _round(session, written.target)
            gone = [e.uid for e in written.cancelled]
            for start in range(0, len(gone), 500):
                session.execute(
                    delete(CalendarRound).where(
                        CalendarRound.target == written.target, CalendarRound.uid.in_(gone[start : start + 500])
                    )
                )
            changed = [
                {
                    "target": written.target,
                    "uid": e.uid,
                    "sequence": e.sequence,
                    "day": e.day,
                    "at": e.at,
                    "summary": e.summary,
                    "yearly": e.yearly,
                }
                for e in written.entries
                if stored.get(e.uid) != (e.sequence, e.summary, e.day, e.at, e.yearly)
            ]
            if changed:
                upsert = insert(CalendarRound)
                columns = ("sequence", "day", "at", "summary", "yearly")
                session.execute(
                    upsert.on_conflict_do_update(
                        index_elements=["target", "uid"], set_={c: upsert.excluded[c] for c in columns}
                    ),
                    changed,
                )

    def write_file(self, path: Path, days: int | None = None, target: str = EXPORT) -> CalendarFile:
        """Write the calendar to `path` (replaced whole, readable only by the user)."""
        written = self.build(days, target)
        replace_privately(Path(path), written.data)
        self.record_round(written)
        return written

    def write_feed(self, path: Path) -> CalendarFile:
        """The calendar feed: everything, for calendar apps that subscribe to the file."""
        return self.write_file(path, None, FEED)

    # One follow-up ------------------------------------------------------------------------

    def single_event(self, followup_id: int) -> bytes:
        """One follow-up as an .ics file for "Add to calendar"; cancelled when done or deleted."""
        with self._journal.read() as session:
            entry = calendar_data.followup_entry_by_id(session, followup_id, self.reminders())
        return ics.write_entry(entry, self._clock.zone, self._clock.utc_now())

    def save_single_event(self, followup_id: int, folder: Path) -> Path:
        path = Path(folder) / f"hitouch-followup-{followup_id}.ics"
        replace_privately(path, self.single_event(followup_id))
        return path

    # For CalDAV -----------------------------------------------------------------------------

    def sync_entries(self) -> list[CalendarEntry]:
        """Every open follow-up, meetings included: what a CalDAV calendar should hold."""
        with self._journal.read() as session:
            return calendar_data.followup_entries(session, self.reminders())

    def entry_bytes(self, entry: CalendarEntry) -> bytes:
        return ics.write_entry(entry, self._clock.zone, self._clock.utc_now())


def _round(session: Session, target: str) -> dict[str, tuple[int, str, date, time | None, bool]]:
    """What the target was last given: uid -> (sequence, summary, day, at, yearly)."""
    return {
        uid: (sequence, summary, day, at, yearly)
        for uid, sequence, summary, day, at, yearly in session.execute(
            select(
                CalendarRound.uid,
                CalendarRound.sequence,
                CalendarRound.summary,
                CalendarRound.day,
                CalendarRound.at,
                CalendarRound.yearly,
            ).where(CalendarRound.target == target)
        )
    }


def replace_privately(path: Path, data: bytes) -> None:
    """Write a whole new file beside `path`, then rename it over `path`: a reader (a calendar
    app, a sync client) sees the old file or the new one, never half of one. Mode 0600."""
    path = path.expanduser()
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name ending in .ics")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
