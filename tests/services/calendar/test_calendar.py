"""The calendar service on a real journal: what an export holds, stable UIDs, one round of
cancellations, the --days window, the feed file, one event for "Add to calendar", and a
fixed number of queries however many follow-ups there are."""

from __future__ import annotations

import stat
from datetime import date, time

import icalendar
import pytest
import vobject
from sqlalchemy import event

from calendar_fixtures import add_followup, delete_followup, finish_followup, move_followup, uid_of
from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.calendar.exports import EXPORT, FEED, Calendar
from hitouch.services.errors import NotFound, UserError
from hitouch.settings import Settings


def add_person(ws, name="Adaeze Okonkwo", **fields):
    met_at, met_on = fields.pop("met_at", None), fields.pop("met_on", None)
    contact_id, _ = ws.contacts.add(ContactCard(name=name, **fields), met_at=met_at, met_on=met_on)
    return contact_id


def events(data: bytes, component: str = "VEVENT") -> dict[str, icalendar.cal.Component]:
    vobject.readOne(data.decode("utf-8"))  # vobject must read every export too
    return {str(c["UID"]): c for c in icalendar.Calendar.from_ical(data).walk(component)}


@pytest.fixture
def adaeze(workspace):
    cid = add_person(
        workspace,
        emails=[Labelled("adaeze@northwind.example")],
        phones=[Labelled("+44 20 7946 0958")],
        company="Northwind",
        met_at="Web Summit",
        met_on=date(2026, 11, 10),
        birthday=Birthday(2, 29),
    )
    workspace.interactions.log([cid], "video", on=date(2026, 11, 12), note="Intro call about the pilot")
    workspace.interactions.log([cid], "coffee", on=date(2026, 11, 18), note="Wants an intro to a payments lawyer")
    workspace.interactions.log([cid], "message", on=date(2026, 11, 20))  # no note: not the last note
    return cid


def test_an_export_holds_open_follow_ups_with_the_person_and_birthdays(workspace, adaeze):
    coffee = add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30))
    call = add_followup(workspace, adaeze, date(2026, 12, 3), kind="call", title="Lawyer intro")
    finish_followup(workspace, add_followup(workspace, adaeze, date(2026, 12, 2)))
    found = events(workspace.calendar.export())
    assert set(found) == {uid_of(workspace, coffee), uid_of(workspace, call), f"birthday-{adaeze}@hitouch"}
    event_ = found[uid_of(workspace, coffee)]
    assert str(event_["SUMMARY"]) == "Coffee with Adaeze Okonkwo"
    assert str(event_["DTSTART"].to_ical(), "ascii") == "20261201T093000"
    assert event_["DTSTART"].params["TZID"] == "Europe/London"
    description = str(event_["DESCRIPTION"])
    assert "Met at Web Summit on 2026-11-10" in description
    assert "Last note (2026-11-18): Wants an intro to a payments lawyer" in description
    assert "Phone: +44 20 7946 0958" in description and "Email: adaeze@northwind.example" in description
    assert str(found[uid_of(workspace, call)]["SUMMARY"]) == "Call Adaeze Okonkwo: Lawyer intro"
    assert found[f"birthday-{adaeze}@hitouch"]["RRULE"]["BYMONTHDAY"] == [-1]  # 29 February, every year


def test_uids_are_stable_and_a_moved_follow_up_raises_its_sequence(workspace, adaeze):
    followup = add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30))
    first = events(workspace.calendar.export())
    move_followup(workspace, followup, date(2026, 12, 4), time(14, 0))
    second = events(workspace.calendar.export())
    assert set(first) == set(second)
    uid = uid_of(workspace, followup)
    assert (first[uid]["SEQUENCE"], second[uid]["SEQUENCE"]) == (0, 1)
    assert str(second[uid]["DTSTART"].to_ical(), "ascii") == "20261204T140000"


def test_a_snoozed_follow_up_is_in_the_calendar_when_its_snooze_ends(workspace, adaeze):
    from hitouch.store.models import FollowUp

    followup = add_followup(workspace, adaeze, date(2026, 11, 20))
    with workspace.journal.write() as session:
        session.get(FollowUp, followup).snoozed_until = date(2026, 11, 27)
    [entry] = [e for e in events(workspace.calendar.export()).values() if "RRULE" not in e]
    assert entry["DTSTART"].dt == date(2026, 11, 27)


def test_done_deleted_and_trashed_follow_ups_are_cancelled_for_one_round(workspace, adaeze, tmp_path):
    other = add_person(workspace, "Marcus O'Brien")
    done, deleted, trashed, kept = (
        add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30)),
        add_followup(workspace, adaeze, date(2026, 12, 2)),
        add_followup(workspace, other, date(2026, 12, 3)),
        add_followup(workspace, adaeze, date(2026, 12, 4)),
    )
    never_shown = add_followup(workspace, adaeze, date(2026, 12, 5))
    finish_followup(workspace, never_shown)  # done before any calendar saw it: never mentioned
    feed = tmp_path / "feed.ics"
    workspace.calendar.write_feed(feed)

    finish_followup(workspace, done)
    delete_followup(workspace, deleted)
    workspace.contacts.delete([other])
    workspace.contacts.edit(adaeze, {"birthday": None})  # the birthday goes too
    workspace.calendar.write_feed(feed)
    second = events(feed.read_bytes())
    cancelled = {uid for uid, e in second.items() if e.get("STATUS") == "CANCELLED"}
    assert cancelled == {uid_of(workspace, i) for i in (done, deleted, trashed)} | {f"birthday-{adaeze}@hitouch"}
    assert second[uid_of(workspace, done)]["SEQUENCE"] == 1  # calendars take a cancellation as a change
    assert not second[uid_of(workspace, done)].walk("VALARM")
    assert second[uid_of(workspace, kept)]["STATUS"] == "CONFIRMED"
    assert uid_of(workspace, never_shown) not in second

    workspace.calendar.write_feed(feed)
    assert set(events(feed.read_bytes())) == {uid_of(workspace, kept)}  # the round is over


def test_each_calendar_file_gets_its_own_round(workspace, adaeze, tmp_path):
    followup = add_followup(workspace, adaeze, date(2026, 12, 1))
    workspace.calendar.write_feed(tmp_path / "feed.ics")
    workspace.calendar.write_file(tmp_path / "export.ics")
    finish_followup(workspace, followup)
    workspace.calendar.write_feed(tmp_path / "feed.ics")
    uid = uid_of(workspace, followup)
    assert events(workspace.calendar.write_file(tmp_path / "export.ics").data)[uid]["STATUS"] == "CANCELLED"
    assert uid not in events(workspace.calendar.build(target=FEED).data)
    assert uid not in events(workspace.calendar.build(target=EXPORT).data)


def test_days_keeps_what_is_due_soon_and_does_not_cancel_the_rest(workspace, adaeze, tmp_path):
    overdue = add_followup(workspace, adaeze, date(2026, 11, 15))
    soon = add_followup(workspace, adaeze, date(2026, 11, 29))
    add_followup(workspace, adaeze, date(2027, 1, 10))
    out = tmp_path / "week.ics"
    workspace.calendar.write_file(out)  # everything, once
    week = workspace.calendar.write_file(out, days=7)
    found = events(week.data)
    assert set(found) == {uid_of(workspace, overdue), uid_of(workspace, soon)}  # 29 February is not this week
    assert not week.cancelled, "a follow-up beyond the window is still on"
    assert week.followups == 2 and week.birthdays == 0
    assert len(events(workspace.calendar.export(days=100))) == 4  # the birthday of 28 February 2027 is within 100 days


def test_negative_days_are_refused(workspace):
    with pytest.raises(UserError):
        workspace.calendar.export(days=-1)


def test_settings_choose_alarms_and_tasks(workspace, adaeze):
    add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30))
    add_followup(workspace, adaeze, date(2026, 12, 2))
    calendar = Calendar(
        workspace.journal,
        workspace.clock,
        lambda: Settings(reminder_minutes=40, all_day_reminder_hour=7, calendar_use_todos=True),
    )
    data = calendar.export()
    todos = events(data, "VTODO")
    triggers = sorted(str(t.walk("VALARM")[0]["TRIGGER"].to_ical(), "ascii") for t in todos.values())
    assert triggers == ["-PT40M", "PT7H"]
    assert list(events(data)) == [f"birthday-{adaeze}@hitouch"]  # birthdays stay events


def test_the_feed_is_replaced_whole_and_private(workspace, adaeze, tmp_path):
    add_followup(workspace, adaeze, date(2026, 12, 1))
    feed = tmp_path / "Sync" / "HiTouch.ics"
    workspace.calendar.write_feed(feed)
    assert stat.S_IMODE(feed.stat().st_mode) == 0o600
    assert [p.name for p in feed.parent.iterdir()] == ["HiTouch.ics"], "no temporary file left behind"
    assert b"X-WR-CALNAME:HiTouch\r\n" in feed.read_bytes()
    with pytest.raises(UserError, match="is a folder"):
        workspace.calendar.write_feed(tmp_path)


def test_a_failed_write_keeps_the_old_file_and_the_round(workspace, adaeze, tmp_path):
    resource = pytest.importorskip("resource")
    import signal

    followup = add_followup(workspace, adaeze, date(2026, 12, 1))
    feed = tmp_path / "HiTouch.ics"
    workspace.calendar.write_feed(feed)
    before = feed.read_bytes()
    finish_followup(workspace, followup)
    # A disk that takes no more than 100 bytes per file (permissions would not stop root).
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, limits[1]))
    try:
        with pytest.raises(UserError, match="cannot write"):
            workspace.calendar.write_feed(feed)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert feed.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert events(workspace.calendar.write_feed(feed).data)[uid_of(workspace, followup)]["STATUS"] == "CANCELLED"


def test_one_event_for_add_to_calendar(workspace, adaeze, tmp_path):
    followup = add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30), kind="meeting", minutes=90)
    path = workspace.calendar.save_single_event(followup, tmp_path / "cache")
    [only] = events(path.read_bytes()).values()
    assert str(only["SUMMARY"]) == "Meeting with Adaeze Okonkwo" and only.duration.total_seconds() == 90 * 60
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finish_followup(workspace, followup)
    [again] = events(workspace.calendar.single_event(followup)).values()
    assert again["STATUS"] == "CANCELLED"
    with pytest.raises(NotFound):
        workspace.calendar.single_event(9999)


def test_an_export_costs_the_same_few_queries_for_5_or_200_follow_ups(workspace):
    def statements() -> int:
        seen = []
        listener = lambda *args: seen.append(1)  # noqa: E731
        event.listen(workspace.journal.engine, "before_cursor_execute", listener)
        try:
            workspace.calendar.build(target=EXPORT)
        finally:
            event.remove(workspace.journal.engine, "before_cursor_execute", listener)
        return len(seen)

    def add_people(count: int) -> None:
        for i in range(count):
            cid = add_person(
                workspace,
                f"Person {count}-{i}",
                emails=[Labelled(f"p{count}-{i}@example.com")],
                birthday=Birthday(5, 1),
            )
            workspace.interactions.log([cid], "coffee", note="note")
            add_followup(workspace, cid, date(2026, 12, 1), time(10, 0))

    add_people(5)
    few = statements()
    add_people(195)
    assert len(workspace.calendar.sync_entries()) == 200
    assert statements() == few
