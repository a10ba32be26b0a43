"""Whatever bytes arrive, reading a calendar gives events and problems or UnreadableFile, nothing else."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hitouch.interop.ics.read import CalendarRead, UnreadableFile, read_calendar
from interop_paths import CALENDARS, CORPUS

SEEDS = {path.name: path.read_bytes() for path in sorted(CALENDARS.iterdir())}
if CORPUS.is_dir():
    SEEDS |= {f"corpus-{path.name}": path.read_bytes() for path in sorted((CORPUS / "ics").glob("*.ics"))}
# Pieces that matter to the reader: line ends and folds, components, parameters, values, encodings.
TOKENS = [
    b"\r\n",
    b"\r",
    b"\n",
    b"\r\n ",
    b"\r\n\t",
    b";",
    b":",
    b",",
    b"\\",
    b"\\,",
    b'"',
    b"=",
    b" ",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"BEGIN:VCALENDAR\r\n",
    b"END:VCALENDAR\r\n",
    b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n",
    b"BEGIN:VTODO\r\n",
    b"BEGIN:VALARM\r\n",
    b"END:VALARM\r\n",
    b"BEGIN:VTIMEZONE\r\n",
    b"END:VTIMEZONE\r\n",
    b"DTSTART:",
    b"DTSTART;VALUE=DATE:",
    b"DTSTART;TZID=",
    b'TZID="A, B":',
    b"DTEND:",
    b"DURATION:P",
    b"-PT15M",
    b"RRULE:FREQ=WEEKLY",
    b"RECURRENCE-ID:",
    b"ATTENDEE;CN=",
    b"mailto:",
    b"MAILTO:",
    b"ORGANIZER:",
    b"EMAIL=",
    b"STATUS:CANCELLED",
    b"METHOD:CANCEL\r\n",
    b"UID:",
    b"20261117T100000Z",
    b"00010101T000000",
    b"99991231T235959",
    b"20260229",
    b"TZOFFSETFROM:+2400",
    b"TZOFFSETTO:-0000",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONDON = ZoneInfo("Europe/London")


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "truncate"]))
        if operation == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS) | st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif operation == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif operation == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif operation == "truncate":
            del data[at:]
    return name, bytes(data)


def read_or_unreadable(data: bytes, filename: str) -> None:
    try:
        result = read_calendar(data, filename, LONDON)
    except UnreadableFile as exc:
        assert exc.path == filename and "\n" not in str(exc) and exc.message
        return
    assert isinstance(result, CalendarRead)
    for event in result.events:
        assert event.line >= 1 and event.uid and event.key
        assert event.start is None if event.start is None else isinstance(event.start, date)
        if isinstance(event.start, datetime):
            assert event.start.tzinfo is not None
            event.start.astimezone(LONDON)  # what the import does with it
        assert event.minutes is None or 0 < event.minutes <= 24 * 60
        assert all("@" in person.email for person in event.attendees)
    for problem in result.problems:
        assert problem.file == filename and problem.line >= 1 and problem.message and "\n" not in problem.message


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data):
    read_or_unreadable(data, "anything.ics")


@SETTINGS
@given(mutated())
def test_mutated_calendars(seed):
    name, data = seed
    read_or_unreadable(data, name)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=12).map(str.encode), max_size=60).map(b"".join))
def test_token_soup(data):
    read_or_unreadable(b"BEGIN:VCALENDAR\r\n" + data, "soup.ics")
