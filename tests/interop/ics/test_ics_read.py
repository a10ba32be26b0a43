"""Reading calendar files: Google, Outlook and Apple exports, every zone and line ending, broken
events reported by file and line, and files that are no calendar refused in one line."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hitouch.domain.calendar.meetings import Attendee
from hitouch.interop.ics.read import UnreadableFile, looks_like_calendar, read_calendar, read_calendar_file
from interop_paths import CALENDARS, CORPUS

LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")


def read(name: str, local=LONDON):
    return read_calendar_file(CALENDARS / name, local)


def by_summary(name: str, local=LONDON):
    result = read(name, local)
    return {event.summary: event for event in result.events}


def test_a_google_export_gives_each_meeting_with_its_people_zone_and_line():
    result = read("google.ics")
    assert result.problems == []
    assert [(e.line, e.summary) for e in result.events] == [
        (26, "Coffee with Zoë"),
        (46, "Pilot review"),
        (60, "Lunch with Marcus"),
        (73, "Weekly 1:1"),
        (83, "Weekly 1:1 (moved)"),
        (93, "Dinner with Zoë"),
        (102, "Dentist"),
        (114, "Offsite planning"),
    ]
    coffee = result.events[0]
    assert coffee.uid == "coffee-zoe-1118@google.com" and coffee.recurrence_id is None
    assert coffee.start == datetime(2026, 11, 18, 8, 30, tzinfo=LONDON) and coffee.minutes == 45
    assert str(coffee.start.tzinfo) == "Europe/London"
    # A folded CN ("Zoë Mü" + "ller"), and a folded, escaped description and location.
    assert coffee.attendees == [Attendee("zoe@fjord.vc", "Zoë Müller"), Attendee("sam@example.com", "Sam Reed")]
    assert coffee.organizer == Attendee("sam@example.com", "Sam Reed")
    assert coffee.description == (
        "Catching up after Web Summit. She wants an intro to a payments lawyer, and news of the pilot."
    )
    assert coffee.location == "Ozone Coffee, 11 Leonard St, London"
    assert coffee.status == "CONFIRMED" and not coffee.recurs and not coffee.todo


def test_upper_case_mailto_utc_times_recurrences_cancellations_and_all_day_events():
    events = by_summary("google.ics")
    review = events["Pilot review"]
    assert review.attendees == [Attendee("ADA@LAGOSLABS.NG", "Adaeze Okonkwo")]
    assert review.emails == ["sam@example.com", "ada@lagoslabs.ng"]  # organizer first, lower-case
    assert review.start == datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("UTC"))
    assert events["Weekly 1:1"].recurs
    moved = events["Weekly 1:1 (moved)"]
    assert not moved.recurs and moved.recurrence_id == "20261116T090000Z"
    assert moved.key == "weekly-zoe@google.com#20261116T090000Z"
    assert events["Dinner with Zoë"].cancelled
    dentist = events["Dentist"]
    assert dentist.start == date(2026, 11, 24) and dentist.all_day and dentist.minutes is None
    assert dentist.attendees == [] and dentist.organizer is None


def test_an_outlook_export_with_a_windows_zone_of_its_own_a_teams_link_and_a_to_do():
    events = by_summary("outlook.ics")
    partnership = events["Northwind partnership"]
    # "W. Europe Standard Time" as its VTIMEZONE defines it: an hour ahead of London in November.
    assert partnership.start.utcoffset() == timedelta(hours=1)
    assert partnership.start.astimezone(LONDON).replace(tzinfo=None) == datetime(2026, 11, 19, 10, 0)
    assert partnership.organizer == Attendee("Marcus@Northwind.example", "O'Brien, Marcus")
    assert "https://teams.microsoft.com/l/meetup-join/" in partnership.description  # unfolded
    assert partnership.minutes == 30
    board = events["Northwind board day"]
    assert board.start == date(2026, 12, 15) and board.end == date(2026, 12, 16)
    todo = events["Send Marcus the deck"]
    assert todo.todo and todo.start == date(2026, 11, 30) and todo.line == 60


def test_an_apple_export_with_lf_only_floating_times_and_an_address_in_the_email_parameter():
    events = by_summary("apple.ics", local=BERLIN)
    breakfast = events["Breakfast with Ravi"]
    assert breakfast.start == datetime(2026, 11, 21, 8, 0, tzinfo=BERLIN)  # floating: local time
    assert breakfast.attendees[0] == Attendee("ravi@example.com", "Ravi Patel")  # urn:uuid with EMAIL=
    summit = events["Web Summit"]
    assert summit.start == date(2026, 11, 10) and summit.location == "Altice Arena\nLisbon, Portugal"
    assert summit.line == 20


def test_latin_1_cr_only_and_bom_files():
    [cafe] = read("latin1.ics").events
    assert cafe.summary == "Café with Zoë" and cafe.location == "Café Einstein, Unter den Linden"
    assert cafe.attendees == [Attendee("zoe@fjord.vc", "Zoë Müller")]
    [old_mac] = read("cr_only.ics").events
    assert old_mac.summary == "Old Mac line ends" and old_mac.line == 3
    bom = b"\xef\xbb\xbf" + (CALENDARS / "google.ics").read_bytes()
    assert [e.line for e in read_calendar(bom, "bom.ics", LONDON).events][:2] == [26, 46]


def test_a_broken_event_costs_only_itself_and_is_reported_by_file_and_line():
    path = CALENDARS / "broken.ics"
    result = read_calendar_file(path, LONDON)
    assert [e.summary for e in result.events] == ["Good one"]
    assert [(p.file, p.line) for p in result.problems] == [(str(path), 4), (str(path), 9), (str(path), 15)]
    messages = [p.message for p in result.problems]
    assert messages[0] == "the event “No start” was left out: it has no start (DTSTART)"
    assert "“Bad start”" in messages[1] and "2026-11-40 25:00" in messages[1]
    assert messages[2] == "this event could not be read: it has no END:VEVENT line"


def test_an_event_without_a_uid_gets_the_same_one_each_time():
    text = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Coffee\r\nDTSTART:20261117T100000Z\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nSUMMARY:Tea\r\nDTSTART:20261117T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    first, second = read_calendar(text, "a.ics", LONDON).events, read_calendar(text, "b.ics", LONDON).events
    assert [e.uid for e in first] == [e.uid for e in second]
    assert first[0].uid != first[1].uid and first[0].uid.startswith("no-uid-")


def test_people_who_declined_are_not_among_the_attendees():
    text = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261117T100000Z\r\n"
        b"ATTENDEE;CN=Zoe;PARTSTAT=DECLINED:mailto:zoe@fjord.vc\r\n"
        b"ATTENDEE;CN=Ravi;PARTSTAT=ACCEPTED:mailto:ravi@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [event] = read_calendar(text, "declined.ics").events
    assert event.attendees == [Attendee("ravi@example.com", "Ravi")]


def test_a_calendar_whose_method_is_cancel_cancels_its_events():
    text = (
        b"BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Coffee\r\n"
        b"DTSTART:20261217T100000Z\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert read_calendar(text, "cancel.ics").events[0].cancelled


def test_an_unknown_zone_name_without_a_definition_is_local_time():
    text = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Our Office:20261117T100000\r\n"
        b"DURATION:PT1H30M\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    [event] = read_calendar(text, "office.ics", BERLIN).events
    assert event.start == datetime(2026, 11, 17, 10, 0, tzinfo=BERLIN) and event.minutes == 90


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "it is empty"),
        (b"  \r\n\r\n", "it is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xc3\xab\r\nEND:VCARD\r\n", "contacts (vCards), not a calendar"),
        (b"Subject: meeting\r\n\r\nSee you at ten.\r\n", "no BEGIN:VCALENDAR"),
    ],
)
def test_what_is_no_calendar_is_refused_in_one_line_naming_the_file(data, message):
    with pytest.raises(UnreadableFile) as refused:
        read_calendar(data, "meetings.ics")
    assert str(refused.value).startswith("meetings.ics: ") and message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_a_missing_file_and_a_folder_are_refused_naming_them(tmp_path):
    with pytest.raises(UnreadableFile, match="no such file"):
        read_calendar_file(tmp_path / "gone.ics")
    with pytest.raises(UnreadableFile, match="folder"):
        read_calendar_file(tmp_path)


def test_a_calendar_is_known_by_its_content_or_by_its_name():
    assert looks_like_calendar((CALENDARS / "google.ics").read_bytes(), "export.txt")
    assert looks_like_calendar((CALENDARS / "cr_only.ics").read_bytes(), "")
    assert looks_like_calendar(b"garbage", "meetings.ics")
    assert not looks_like_calendar(b"BEGIN:VCARD\r\nFN:Zoe\r\nEND:VCARD\r\n", "contacts.ics")
    assert not looks_like_calendar(b"Name,Email\r\nZoe,zoe@fjord.vc\r\n", "people.csv")


# The shared corpus: files real programs wrote ------------------------------------------------------


def corpus_calendars() -> list[str]:
    found = sorted(p.name for p in (CORPUS / "ics").glob("*.ics")) if CORPUS.is_dir() else []
    return found or ["(corpus missing)"]


@pytest.mark.parametrize("name", corpus_calendars())
def test_every_calendar_of_the_corpus_reads_without_an_error(corpus, name):
    result = read_calendar_file(corpus / "ics" / name, LONDON)
    assert result.problems == []
    for event in result.events:
        assert event.uid and event.line >= 1
        assert event.start is None or isinstance(event.start, date)
        if isinstance(event.start, datetime):
            assert event.start.tzinfo is not None


def test_outlook_zone_names_with_commas_and_in_cyrillic_use_the_files_own_definitions(corpus):
    [sydney] = read_calendar_file(corpus / "ics" / "vobject_ms_tzid_comma.ics", LONDON).events
    assert sydney.start.utcoffset() == timedelta(hours=10)  # May: standard time in Canberra
    [yekaterinburg] = read_calendar_file(corpus / "ics" / "vobject_tzid_8bit_cyrillic.ics", LONDON).events
    assert yekaterinburg.start.utcoffset() == timedelta(hours=6)
    assert yekaterinburg.start.replace(tzinfo=None) == datetime(2008, 5, 30, 15, 0)


def test_corpus_latin_1_bom_and_to_dos(corpus):
    latin = read_calendar_file(corpus / "ics" / "thunderbird_importLatin1.ics", LONDON).events
    assert [e.summary for e in latin] == ["Event One", "Event Four", "Event Three", "Event Två"]
    assert read_calendar_file(corpus / "ics" / "icalendar_bom_calendar.ics").events == []
    [taxes] = read_calendar_file(corpus / "ics" / "libical_vtodo_valarm_rfc2445.ics", LONDON).events
    assert taxes.todo and taxes.organizer == Attendee("unclesam@us.gov", "")
    assert taxes.attendees == [Attendee("jqpublic@host.com", "")]  # MAILTO: in capitals
