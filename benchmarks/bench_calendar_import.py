"""Calendar import figures: a year of meetings as Google exports them (10,000 events, a third of
them with someone from a journal of 10,000 contacts), read beside icalendar's own parse of the
same file (Calendar.from_ical), then the preview, the import, the same file again, and undo.

Times are wall-clock seconds, the best of a few runs where a run changes nothing.

Run: .venv/bin/python benchmarks/bench_calendar_import.py
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("TZ", "Europe/London")

from icalendar import Calendar
from sqlalchemy import insert

from hitouch.interop.ics.read import read_calendar
from hitouch.services.clock import Clock
from hitouch.services.workspace import open_workspace
from hitouch.store import models

EVENTS = 10_000
CONTACTS = 10_000
NOW = datetime(2026, 11, 22, 10, 30)
SUMMARIES = (
    "Coffee with {name}",
    "Lunch with {name}",
    "Call with {name}",
    "Pilot review",
    "Catch-up",
    "Intro: {name} / payments lawyer",
    "Board prep",
)
ZONE = """BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r
TZNAME:BST\r\nDTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r
TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nDTSTART:19701025T020000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"""


def google_export(events: int) -> bytes:
    """Meetings from a year ago to three months ahead; a third with a known person, the others
    with strangers; every tenth with a Meet link, every twentieth recurring."""
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-TIMEZONE:Europe/London",
        ZONE.rstrip("\r\n"),
    ]
    first = datetime(2025, 11, 22, 8, 0)
    for n in range(events):
        start = first + timedelta(days=n * 455 // events, hours=n % 9)
        person = n % CONTACTS + 1 if n % 3 == 0 else None
        email = f"person{person}@example.com" if person else f"stranger{n}@elsewhere.example"
        summary = SUMMARIES[n % len(SUMMARIES)].format(name=f"Given{person or n} Family{person or n}")
        lines += [
            "BEGIN:VEVENT",
            f"DTSTART;TZID=Europe/London:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/London:{start + timedelta(minutes=45):%Y%m%dT%H%M%S}",
            "DTSTAMP:20261122T090000Z",
            "ORGANIZER;CN=Sam Reed:mailto:sam@example.com",
            f"UID:{n:08d}-meeting@google.com",
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Guest {n};"
            f"X-NUM-GUESTS=0:mailto:{email}",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Sam Reed;"
            "X-NUM-GUESTS=0:mailto:sam@example.com",
            (
                "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij"
                if n % 10 == 0
                else "DESCRIPTION:Agenda: the pilot\\, the budget\\, next steps."
            ),
            f"LOCATION:Room {n % 12}",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            f"SUMMARY:{summary}",
            "TRANSP:OPAQUE",
        ]
        if n % 20 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=4")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def fill(ws, contacts: int) -> None:
    with ws.journal.write() as session:
        session.execute(
            insert(models.Contact),
            [
                {
                    "id": i,
                    "given": f"Given{i}",
                    "family": f"Family{i}",
                    "name": f"Given{i} Family{i}",
                    "name_key": f"given{i} family{i}",
                    "company": f"Company {i % 97}",
                    "title": "",
                    "notes": "",
                    "source": "in-person",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i in range(1, contacts + 1)
            ],
        )
        session.execute(
            insert(models.ContactEmail),
            [
                {
                    "contact_id": i,
                    "address": f"person{i}@example.com",
                    "address_key": f"person{i}@example.com",
                    "label": "",
                    "position": 0,
                }
                for i in range(1, contacts + 1)
            ],
        )


def best_of(runs: int, work):
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    data = google_export(EVENTS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "calendar.ics"
        path.write_bytes(data)
        bare, _ = best_of(3, lambda: Calendar.from_ical(data))
        reading, read = best_of(3, lambda: read_calendar(data, str(path)))
        ws = open_workspace(Path(folder) / "journal.sqlite3", clock=Clock(fixed=NOW), region="GB")
        fill(ws, CONTACTS)
        ci = ws.calendar_import
        preview, plan = best_of(3, lambda: ci.plan([path]))
        counts = plan.counts()
        importing, report = best_of(1, lambda: ci.apply(plan))
        again, second = best_of(3, lambda: ci.plan([path]))
        undoing, undone = best_of(1, lambda: ci.undo(report.batch_id))
        ws.close()
    assert len(read.events) == EVENTS and not read.problems
    print(f"Calendar import of {EVENTS:,} meetings ({len(data) / 1e6:.1f} MB) into a journal of {CONTACTS:,} contacts:")
    print(f"  icalendar: Calendar.from_ical()      {bare:6.2f} s")
    print(f"  reading (events, zones, lines)       {reading:6.2f} s  ({reading / bare:.2f}x icalendar's parse)")
    print(
        f"  preview (read + match)               {preview:6.2f} s  {counts.interactions:,} journal entries, "
        f"{counts.followups:,} follow-ups, {counts.skipped:,} left out"
    )
    print(f"  import (match again + write)         {importing:6.2f} s  batch {report.batch_id}")
    print(
        f"  the same file again (preview)        {again:6.2f} s  {second.counts().unchanged:,} imported before, "
        f"{second.counts().created} new"
    )
    print(f"  undo                                 {undoing:6.2f} s  {undone.removed:,} removed")


if __name__ == "__main__":
    main()
