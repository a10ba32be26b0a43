"""Writing calendars: every file parses with both icalendar and vobject, follows RFC 5545
(CRLF, folding at 75 octets, UID, DTSTAMP), keeps times right across DST, and no text can
inject a property. Entries come from the domain rules, as the services build them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hitouch.domain.birthday import Birthday
from hitouch.domain.calendar.entries import (
    CalendarEntry,
    PersonFacts,
    Reminders,
    birthday_entry,
    cancelled_entry,
    followup_entry,
)
from hitouch.interop.ics.write import fold, read_uids, write_calendar, write_entry
from interop_paths import CORPUS

LONDON = ZoneInfo("Europe/London")
STAMP = datetime(2026, 11, 22, 10, 30)
ADAEZE = PersonFacts(
    name="Adaeze Okonkwo",
    company="Northwind",
    title="CTO",
    source="in-person",
    met_at="Web Summit",
    met_place="Lisbon",
    met_on=date(2026, 11, 10),
    last_note="Wants an intro to a payments lawyer",
    last_note_on=date(2026, 11, 18),
    phones=["+442079460958"],
    emails=["adaeze@northwind.example"],
)


def coffee(day=date(2026, 12, 1), at=time(9, 30), *, person=ADAEZE, reminders=Reminders(), note="", **extra):
    return followup_entry(
        uid=extra.pop("uid", "f1@hitouch"),
        sequence=extra.pop("sequence", 0),
        kind=extra.pop("kind", "coffee"),
        title=extra.pop("title", ""),
        note=note,
        day=day,
        at=at,
        minutes=extra.pop("minutes", None),
        person=person,
        reminders=reminders,
        **extra,
    )


def both(data: bytes):
    """The file as icalendar and as vobject read it; each must read it without complaint."""
    return icalendar.Calendar.from_ical(data), vobject.readOne(data.decode("utf-8"))


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in data.replace(b"\r\n", b""), "a bare CR"
    return data[:-2].split(b"\r\n")


def test_a_timed_follow_up_is_a_zoned_event_with_its_length_and_an_alarm():
    data = write_calendar([coffee()], LONDON, STAMP, name="HiTouch")
    ical, vcal = both(data)
    [event] = ical.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.start == datetime(2026, 12, 1, 9, 30, tzinfo=event.start.tzinfo)
    assert event.duration == timedelta(minutes=30)  # coffee without a length: half an hour
    assert [tz["TZID"] for tz in ical.walk("VTIMEZONE")] == ["Europe/London"]
    [alarm] = event.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(minutes=-15)
    assert str(event["SUMMARY"]) == "Coffee with Adaeze Okonkwo"
    assert (str(event["UID"]), str(event["DTSTAMP"].to_ical(), "ascii"), event["SEQUENCE"]) == (
        "f1@hitouch",
        "20261122T103000Z",
        0,
    )
    v = vcal.vevent
    assert v.dtstart.value.astimezone(UTC) == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    assert v.valarm.trigger.value == timedelta(minutes=-15)


def test_the_description_gives_what_helps_in_the_moment():
    data = write_entry(coffee(note="Bring the pilot numbers"), LONDON, STAMP)
    ical, vcal = both(data)
    description = str(ical.walk("VEVENT")[0]["DESCRIPTION"])
    assert description == vcal.vevent.description.value
    assert description.splitlines() == [
        "Bring the pilot numbers",
        "CTO at Northwind",
        "Met at Web Summit (Lisbon) on 2026-11-10",
        "Last note (2026-11-18): Wants an intro to a payments lawyer",
        "Phone: +44 20 7946 0958",
        "Email: adaeze@northwind.example",
    ]


@pytest.mark.parametrize(
    "kind, title, summary, minutes",
    [
        ("meeting", "", "Meeting with Adaeze Okonkwo", 60),
        ("call", "Q1 pilot", "Call Adaeze Okonkwo: Q1 pilot", 30),
        ("email", "Send the intro", "Email Adaeze Okonkwo: Send the intro", 15),
        ("other", "", "Follow up with Adaeze Okonkwo", 30),
    ],
)
def test_every_kind_names_the_person_and_gets_a_sensible_length(kind, title, summary, minutes):
    [event] = icalendar.Calendar.from_ical(write_entry(coffee(kind=kind, title=title), LONDON, STAMP)).walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert event.duration == timedelta(minutes=minutes)


def test_a_given_length_is_kept():
    [event] = icalendar.Calendar.from_ical(write_entry(coffee(minutes=45), LONDON, STAMP)).walk("VEVENT")
    assert event.duration == timedelta(minutes=45)


@pytest.mark.parametrize("day, utc_hour", [(date(2026, 10, 24), 8), (date(2026, 10, 26), 9)])
def test_half_past_nine_in_london_is_right_on_either_side_of_the_october_change(day, utc_hour):
    data = write_entry(coffee(day=day), LONDON, STAMP)
    ical, vcal = both(data)
    expected = datetime(day.year, day.month, day.day, utc_hour, 30, tzinfo=UTC)
    assert ical.walk("VEVENT")[0].start.astimezone(UTC) == expected
    # vobject builds the zone from the VTIMEZONE in the file, so this checks that component too.
    assert vcal.vevent.dtstart.value.astimezone(UTC) == expected


def test_an_all_day_follow_up_rings_in_the_morning_at_the_hour_chosen():
    entry = coffee(at=None, kind="email", reminders=Reminders(all_day_hour=8))
    ical, vcal = both(write_calendar([entry], LONDON, STAMP))
    [event] = ical.walk("VEVENT")
    assert event["DTSTART"].to_ical() == b"20261201" and event["DTSTART"].params.get("VALUE") == "DATE"
    assert event.end == date(2026, 12, 2)
    assert event.walk("VALARM")[0]["TRIGGER"].dt == timedelta(hours=8)
    assert not ical.walk("VTIMEZONE"), "all-day entries need no zone"
    assert vcal.vevent.dtstart.value == date(2026, 12, 1)
    assert vcal.vevent.valarm.trigger.value == timedelta(hours=8)


def test_tasks_are_due_instead_of_starting_and_their_alarm_follows_the_due_time():
    data = write_calendar(
        [coffee(reminders=Reminders(todos=True)), coffee(at=None, uid="f2", reminders=Reminders(todos=True))],
        LONDON,
        STAMP,
    )
    ical, vcal = both(data)
    timed, all_day = ical.walk("VTODO")
    assert "DTSTART" not in timed and timed["DUE"].dt == datetime(2026, 12, 1, 9, 30, tzinfo=timed["DUE"].dt.tzinfo)
    assert timed["STATUS"] == "NEEDS-ACTION"
    [alarm] = timed.walk("VALARM")
    assert alarm["TRIGGER"].params["RELATED"] == "END" and alarm["TRIGGER"].dt == timedelta(minutes=-15)
    assert all_day["DUE"].dt == date(2026, 12, 1)
    assert len(vcal.vtodo_list) == 2 and not ical.walk("VEVENT")


def test_a_birthday_without_a_year_comes_back_every_year():
    entry = birthday_entry(7, Birthday(3, 15), ADAEZE, Reminders())
    ical, vcal = both(write_calendar([entry], LONDON, STAMP))
    [event] = ical.walk("VEVENT")
    assert str(event["UID"]) == "birthday-7@hitouch"
    assert str(event["SUMMARY"]) == "Adaeze Okonkwo's birthday"
    assert event["RRULE"]["FREQ"] == ["YEARLY"] and event["TRANSP"] == "TRANSPARENT"
    days = [
        d.date() if isinstance(d, datetime) else d
        for d in vcal.vevent.getrruleset(addRDate=True).between(datetime(2026, 1, 1), datetime(2029, 1, 1), inc=True)
    ]
    assert days == [date(2026, 3, 15), date(2027, 3, 15), date(2028, 3, 15)]
    assert "Born" not in str(event["DESCRIPTION"]) and "Phone: +44 20 7946 0958" in str(event["DESCRIPTION"])


def test_a_birthday_on_29_february_is_kept_in_common_years_too():
    entry = birthday_entry(8, Birthday(2, 29, 1996), ADAEZE, Reminders())
    ical, vcal = both(write_calendar([entry], LONDON, STAMP))
    assert str(ical.walk("VEVENT")[0]["DESCRIPTION"]).startswith("Born 1996")
    days = [
        d.date() if isinstance(d, datetime) else d
        for d in vcal.vevent.getrruleset(addRDate=True).between(datetime(2026, 1, 1), datetime(2029, 1, 1), inc=True)
    ]
    assert days == [date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]


def test_a_cancelled_entry_raises_its_sequence_and_has_no_alarm():
    entry = cancelled_entry("f1@hitouch", 2, "Coffee with Adaeze Okonkwo", date(2026, 12, 1), time(9, 30), False)
    ical, vcal = both(write_entry(entry, LONDON, STAMP))
    [event] = ical.walk("VEVENT")
    assert (event["STATUS"], event["SEQUENCE"]) == ("CANCELLED", 3)
    assert not event.walk("VALARM")
    assert vcal.vevent.status.value == "CANCELLED"


INJECTION = (
    "Great chat;\r\nEND:VEVENT\nBEGIN:VEVENT\rUID:evil\u2028SUMMARY:injected\u2029"
    "DTSTART:20260101\x0bX:1\x0cY:2\x85Z:3\\n, done"
)


def test_line_breaks_in_a_note_can_never_inject_a_property():
    person = PersonFacts(name="Eve\nSUMMARY:injected", last_note=INJECTION)
    entry = coffee(person=person, note=INJECTION, title="a\r\nb")
    data = write_calendar([entry], LONDON, STAMP)
    ical, vcal = both(data)
    assert [str(e["UID"]) for e in ical.walk("VEVENT")] == ["f1@hitouch"] and len(vcal.vevent_list) == 1
    names = [line.split(b":")[0].split(b";")[0] for line in physical_lines(data) if not line.startswith(b" ")]
    assert b"X" not in names and b"Y" not in names and names.count(b"UID") == 1 and names.count(b"SUMMARY") == 1
    description = str(ical.walk("VEVENT")[0]["DESCRIPTION"])
    assert description == vcal.vevent.description.value
    assert (
        "Great chat;\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil\nSUMMARY:injected\nDTSTART:20260101\nX:1\nY:2\nZ:3\\n, done"
        in description
    )
    assert str(ical.walk("VEVENT")[0]["SUMMARY"]) == "Coffee with Eve\nSUMMARY:injected: a\nb"


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    person = PersonFacts(name="Zoë Müller-Lüdenscheidt", last_note="Ünïcödé 🎉 " * 40)
    data = write_calendar([coffee(person=person)], LONDON, STAMP)
    lines = physical_lines(data)
    assert max(len(line) for line in lines) == 75
    for line in lines:
        line.decode("utf-8")  # each physical line is whole UTF-8
    ical, vcal = both(data)
    assert "🎉" in str(ical.walk("VEVENT")[0]["DESCRIPTION"]) and "🎉" in vcal.vevent.description.value


def test_fold_counts_the_continuation_space():
    folded = fold("DESCRIPTION:" + "x" * 200)
    assert [len(part) for part in folded.split("\r\n")] == [75, 75, 64]


@given(summary=st.text(max_size=200), note=st.text(max_size=400))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_reads_back_the_same_with_both_parsers(summary, note):
    entry = CalendarEntry(
        uid="u@hitouch",
        sequence=0,
        summary=summary,
        day=date(2026, 12, 1),
        at=time(9, 30),
        minutes=30,
        description=note,
    )
    data = write_entry(entry, LONDON, STAMP)
    physical_lines(data)
    ical, vcal = both(data)
    [event] = ical.walk("VEVENT")
    [vevent] = vcal.vevent_list
    expected_note = _as_written(note)
    assert str(event["SUMMARY"]) == vevent.summary.value == _as_written(summary)
    if expected_note:
        assert str(event["DESCRIPTION"]) == vevent.description.value == expected_note


def _as_written(text: str) -> str:
    """Line breaks of every kind become \\n; other control characters are dropped."""
    text = re.sub("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", "\n", text)
    return re.sub("[\x00-\x08\x0e-\x1b\x1f\x7f]", "", text)


def test_without_a_zone_name_times_are_written_in_utc():
    data = write_entry(coffee(), None, STAMP)
    assert b"DTSTART:2026120" in data and b"TZID" not in data and b"VTIMEZONE" not in data
    ical, _ = both(data)
    expected = datetime(2026, 12, 1, 9, 30).astimezone(UTC)  # by this machine's own rules
    assert ical.walk("VEVENT")[0].start == expected


def test_read_uids_reads_what_we_write():
    entries = [coffee(), coffee(uid="f2@hitouch"), birthday_entry(3, Birthday(1, 2), ADAEZE, Reminders())]
    assert read_uids(write_calendar(entries, LONDON, STAMP)) == ["f1@hitouch", "f2@hitouch", "birthday-3@hitouch"]
    with pytest.raises(ValueError):
        read_uids(b"this is not a calendar")


UIDS_IN_CORPUS = {"icalendar_bom_calendar.ics": 0, "thunderbird_importLatin1.ics": 0}


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (CORPUS / "ics").glob("*.ics")) if (CORPUS / "ics").is_dir() else []
)
def test_every_calendar_in_the_corpus_gives_its_uids(corpus, name):
    uids = read_uids((corpus / "ics" / name).read_bytes())
    assert len(uids) == UIDS_IN_CORPUS.get(name, 1)
    assert all(uid.strip() for uid in uids)
