"""Calendar figures: exporting 10,000 follow-ups as .ics, beside icalendar's own serialisation
(Calendar.to_ical()) of the same components built in the same run; and a CalDAV sync of 1,000
follow-ups to a local Radicale this script starts, then a second sync that should send nothing.

Run: .venv/bin/python benchmarks/bench_calendar.py   (Radicale comes with the test extras)
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("TZ", "Europe/London")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the tests' Radicale launcher: one place for it

from sqlalchemy import insert  # noqa: E402

from hitouch.environment import system_zone  # noqa: E402
from hitouch.interop import ics  # noqa: E402
from hitouch.services.calendar.caldav_server import CalDavAccount  # noqa: E402
from hitouch.services.clock import Clock  # noqa: E402
from hitouch.services.workspace import open_workspace  # noqa: E402
from hitouch.store import models  # noqa: E402

EXPORTED = 10_000
SYNCED = 1_000
NOW = datetime(2026, 11, 22, 10, 30)


def fill(ws, followups: int) -> None:
    """A journal with `followups` open follow-ups, four per person, each person with an email,
    a phone, the event where we met and a journal note: written set-based, as imports do."""
    people = followups // 4
    with ws.journal.write() as session:
        session.execute(
            insert(models.Event),
            [
                {
                    "id": 1,
                    "name": "Web Summit",
                    "name_key": "web summit",
                    "starts_on": date(2026, 11, 10),
                    "place": "Lisbon",
                    "notes": "",
                    "created_at": NOW,
                }
            ],
        )
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
                    "title": "Engineer",
                    "notes": "",
                    "source": "in-person",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i in range(1, people + 1)
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
                for i in range(1, people + 1)
            ],
        )
        session.execute(
            insert(models.ContactPhone),
            [
                {"contact_id": i, "number": f"+4477009{i:05d}", "e164": f"+4477009{i:05d}", "label": "", "position": 0}
                for i in range(1, people + 1)
            ],
        )
        session.execute(
            insert(models.ContactEvent),
            [{"contact_id": i, "event_id": 1, "in_person": True, "note": ""} for i in range(1, people + 1)],
        )
        session.execute(
            insert(models.Interaction),
            [
                {
                    "id": i,
                    "occurred_on": date(2026, 11, 12),
                    "channel": "coffee",
                    "created_at": NOW,
                    "note": f"Talked about the pilot, the budget for Q{i % 4 + 1}; "
                    "wants an intro to a payments lawyer.",
                }
                for i in range(1, people + 1)
            ],
        )
        session.execute(
            insert(models.InteractionContact),
            [
                {"interaction_id": i, "contact_id": i, "occurred_on": date(2026, 11, 12), "face_to_face": True}
                for i in range(1, people + 1)
            ],
        )
        session.execute(
            insert(models.FollowUp),
            [
                {
                    "contact_id": n // 4 + 1,
                    "kind": ("coffee", "call", "meeting", "email")[n % 4],
                    "title": "",
                    "note": "Bring the numbers" if n % 3 == 0 else "",
                    "due_on": date(2026, 12, 1) + timedelta(days=n % 90),
                    "due_time": None if n % 4 == 3 else datetime(2026, 1, 1, 9 + n % 8, 30).time(),
                    "minutes": None,
                    "status": "open",
                    "created_at": NOW,
                    "updated_at": NOW,
                    "ical_uid": f"{n:08d}-bench@hitouch",
                    "ical_sequence": 0,
                }
                for n in range(followups)
            ],
        )


def icalendar_components(entries, zone, stamp):
    """The same entries as icalendar components, with the same properties HiTouch writes."""
    from icalendar import Alarm, Calendar, Event, Timezone

    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", ics.PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "HiTouch")
    timed = [e.day for e in entries if e.at]
    calendar.add_component(Timezone.from_tzinfo(zone, date(min(timed).year - 1, 1, 1), date(max(timed).year + 2, 1, 1)))
    for e in entries:
        event = Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", e.sequence)
        event.add("summary", e.summary)
        event.add("description", e.description)
        if e.at:
            event.add("dtstart", datetime.combine(e.day, e.at, zone))
            event.add("duration", timedelta(minutes=e.minutes))
        else:
            event.add("dtstart", e.day)
            event.add("dtend", e.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        event.add("status", "CONFIRMED")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", e.summary)
        alarm.add("trigger", e.alarm)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar


def best_of(runs: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def bench_export(folder: Path) -> None:
    ws = open_workspace(folder / "export.sqlite3", clock=Clock(fixed=NOW, zone=system_zone()))
    fill(ws, EXPORTED)
    zone, stamp = system_zone(), NOW.replace(tzinfo=UTC)
    entries = ws.calendar.sync_entries()
    assert len(entries) == EXPORTED
    whole, data = best_of(3, ws.calendar.export)
    writing, _ = best_of(3, lambda: ics.write_calendar(entries, zone, stamp, name="HiTouch"))
    building, components = best_of(1, lambda: icalendar_components(entries, zone, stamp))
    to_ical, reference = best_of(3, components.to_ical)
    print(f"Export of {EXPORTED:,} follow-ups ({len(data) / 1e6:.1f} MB):")
    print(f"  calendar.export(), from the journal   {whole:6.2f} s  ({whole / to_ical:.2f}x icalendar's to_ical)")
    print(f"  of which writing the .ics              {writing:6.2f} s  ({writing / to_ical:.2f}x)")
    print(f"  icalendar: building the components     {building:6.2f} s")
    print(f"  icalendar: Calendar.to_ical()          {to_ical:6.2f} s  ({len(reference) / 1e6:.1f} MB)")
    ws.close()


def bench_sync(folder: Path) -> None:
    from calendar_fixtures import Radicale, free_port

    ws = open_workspace(folder / "sync.sqlite3", clock=Clock(fixed=NOW))
    fill(ws, SYNCED)
    server = Radicale(folder / "radicale", free_port())
    server.folder.mkdir()
    server.start()
    try:
        account = CalDavAccount(server.url, server.user, "HiTouch")
        server.mark()
        first, report = best_of(1, lambda: ws.caldav.sync(account, server.password))
        first_server = server.requests()
        server_seconds = _server_seconds(server)
        server.mark()
        second, again = best_of(1, lambda: ws.caldav.sync(account, server.password))
        second_server = server.requests()
    finally:
        server.stop()
    print(f"CalDAV sync of {SYNCED:,} follow-ups to a local Radicale:")
    print(
        f"  first sync   {first:6.2f} s  {report.created} created ({server_seconds:.2f} s of it in Radicale); "
        f"requests sent {_counts(report.requests)}, received by the server {_counts(first_server)}"
    )
    print(
        f"  second sync  {second:6.2f} s  {again.unchanged} unchanged; requests sent {_counts(again.requests)}, "
        f"received by the server {_counts(second_server)}; PUT {second_server['PUT']}, DELETE {second_server['DELETE']}"
    )
    ws.close()


def _server_seconds(server) -> float:
    """Radicale's own time for the requests since the mark, from its log."""
    with server.log.open("rb") as log:
        log.seek(server._log_mark)
        text = log.read().decode("utf-8", errors="replace")
    return sum(float(s) for s in re.findall(r"response status for .*? in ([\d.]+) seconds", text))


def _counts(counter) -> str:
    return ", ".join(f"{method} {n}" for method, n in sorted(counter.items())) or "none"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench_export(Path(folder))
        bench_sync(Path(folder))


if __name__ == "__main__":
    main()
