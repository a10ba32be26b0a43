"""Reading an iCalendar (.ics) file: the meetings and to-dos in it, for the calendar import.

The components are found here, line by line, so each event knows the line it begins on and
a broken one costs only itself; the icalendar library then reads each one's properties.
Times come back aware in their own zone: an IANA or Windows zone name, or the file's own
VTIMEZONE (Outlook writes names such as "Canberra, Melbourne, Sydney", in any script). Times
with no zone, or a zone nobody defines, are the user's local time. Writing is `ics.py`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from hitouch.domain.calendar.meetings import Attendee, CalendarEvent
from hitouch.domain.cards import Problem
from hitouch.interop.results import UnreadableFile, file_bytes
from hitouch.interop.text_decoding import file_text, looks_binary

if TYPE_CHECKING:
    from icalendar import Component

__all__ = ["CalendarRead", "UnreadableFile", "looks_like_calendar", "read_calendar", "read_calendar_file"]

# At the start of a line, whichever of CR, LF or CRLF ends the lines.
_CALENDAR_MARKER = re.compile(r"(?:^|[\r\n])[ \t]*BEGIN[ \t]*:[ \t]*VCALENDAR[ \t]*(?:[\r\n]|$)", re.I)
_VCARD_MARKER = re.compile(r"(?:^|[\r\n])[ \t]*BEGIN[ \t]*:[ \t]*VCARD", re.I)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"[ \t]*([A-Za-z0-9-]+)[ \t]*[;:]")
_MAILTO = re.compile(r"^\s*mailto\s*:\s*", re.I)
_SNIFF_BYTES = 1 << 16
CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar")
_WANTED = {"VEVENT": "event", "VTODO": "to-do", "VTIMEZONE": "time zone"}


@dataclass
class CalendarRead:
    events: list[CalendarEvent] = field(default_factory=list)  # to-dos too, marked as such
    problems: list[Problem] = field(default_factory=list)


def looks_like_calendar(data: bytes, filename: str = "") -> bool:
    """For sending a file to the calendar import rather than the contacts import: a
    BEGIN:VCALENDAR line near its start, or a calendar's name on a file that is not a vCard."""
    head = file_text(data[:_SNIFF_BYTES])
    if _CALENDAR_MARKER.search(head):
        return True
    return filename.lower().endswith(CALENDAR_SUFFIXES) and not _VCARD_MARKER.search(head)


def read_calendar_file(path: str | Path, local: tzinfo | None = None) -> CalendarRead:
    name = str(path)
    return read_calendar(file_bytes(Path(path), name), name, local)


def read_calendar(data: bytes, filename: str, local: tzinfo | None = None) -> CalendarRead:
    """Events read from `data`; problems name `filename` and the line. `local` is the zone of
    times that name none (default: the system's). UnreadableFile when it is not a calendar."""
    if not data.strip(b" \t\r\n\x00"):
        raise UnreadableFile(filename, "it is empty")
    if looks_binary(data):
        raise UnreadableFile(filename, "it is a binary file, not a calendar (.ics) file")
    text = file_text(data)
    if not _CALENDAR_MARKER.search(text):
        if _VCARD_MARKER.search(text):
            raise UnreadableFile(filename, "it holds contacts (vCards), not a calendar")
        raise UnreadableFile(filename, "it is not a calendar: it has no BEGIN:VCALENDAR line")
    result = CalendarRead()
    blocks = _blocks(_unfolded(text), filename, result.problems)
    zones = _zones([b for b in blocks if b.kind == "VTIMEZONE"], filename, result.problems)
    reader = _EventReader(filename, zones, local, result.problems)
    for block in blocks:
        if block.kind != "VTIMEZONE" and (event := reader.read(block)) is not None:
            result.events.append(event)
    result.problems.sort(key=lambda problem: problem.line)
    return result


# Lines and components ----------------------------------------------------------------------


def _unfolded(text: str) -> list[tuple[int, str]]:
    """Content lines with the 1-based line each begins on: CR, LF or CRLF ends a line, and a
    line that starts with a space or tab continues the one before."""
    lines: list[tuple[int, list[str]]] = []
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1][1].append(line[1:])
        elif line.strip():
            lines.append((number, [line]))
    return [(number, "".join(parts)) for number, parts in lines]


@dataclass(slots=True)
class _Block:
    kind: str  # VEVENT, VTODO, VTIMEZONE, or another component that is passed over
    line: int
    cancelled: bool  # its calendar's METHOD is CANCEL
    lines: list[str] = field(default_factory=list)
    depth: int = 0  # components open inside it (alarms)


def _blocks(lines: list[tuple[int, str]], filename: str, problems: list[Problem]) -> list[_Block]:
    """The events, to-dos and time zones, each with its own lines (alarms included)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    method = ""
    for number, line in lines:
        match = _NAME.match(line)
        name = match.group(1).upper() if match else ""
        value = line.split(":", 1)[1].strip().upper() if name in ("BEGIN", "END", "METHOD") and ":" in line else ""
        if current is not None:
            ends_here = name == "END" and value == current.kind and current.depth == 0
            cut_short = current.depth == 0 and (
                (name == "BEGIN" and value in (*_WANTED, "VCALENDAR")) or (name == "END" and value == "VCALENDAR")
            )
            if not cut_short:
                current.lines.append(line)
                current.depth = max(0, current.depth + (name == "BEGIN") - (name == "END" and not ends_here))
                if ends_here:
                    if current.kind in _WANTED:
                        blocks.append(current)
                    current = None
                continue
            _not_ended(current, filename, problems)
            current = None
        if name == "BEGIN" and value == "VCALENDAR":
            method = ""
        elif name == "METHOD":
            method = value
        elif name == "BEGIN" and value:
            current = _Block(value, number, method == "CANCEL", [line])
    if current is not None:
        _not_ended(current, filename, problems)
    return blocks


def _not_ended(block: _Block, filename: str, problems: list[Problem]) -> None:
    if block.kind in _WANTED:
        problems.append(
            Problem(
                filename, block.line, f"this {_WANTED[block.kind]} could not be read: it has no END:{block.kind} line"
            )
        )


# Time zones -----------------------------------------------------------------------------------


def _zones(blocks: list[_Block], filename: str, problems: list[Problem]) -> dict[str, tzinfo]:
    """The file's own time zones by TZID."""
    from icalendar import Timezone  # here, not on every start of the command line

    zones: dict[str, tzinfo] = {}
    for block in blocks:
        try:
            component = Timezone.from_ical("\r\n".join(block.lines))
            if not isinstance(component, Timezone):
                raise ValueError("not a VTIMEZONE")
            tzid = _tzid(component.get("TZID"))
            zones[tzid] = component.to_tz(lookup_tzid=False)
        except Exception:
            problems.append(
                Problem(
                    filename, block.line, "this time zone could not be read; times given in it are taken as local times"
                )
            )
    return zones


def _tzid(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip().strip('"').replace("\\,", ",").replace("\\;", ";")


@lru_cache(maxsize=256)
def _is_zone_name(tzid: str) -> bool:
    try:
        ZoneInfo(tzid)
    except Exception:
        return False
    return True


# Events ---------------------------------------------------------------------------------------


class _Unusable(Exception):
    """A property an event cannot do without could not be read."""


class _EventReader:
    def __init__(self, filename: str, zones: dict[str, tzinfo], local: tzinfo | None, problems: list[Problem]) -> None:
        self._filename = filename
        self._zones = zones
        self._local = local
        self._problems = problems

    def read(self, block: _Block) -> CalendarEvent | None:
        from icalendar import Component  # here, not on every start of the command line

        todo = block.kind == "VTODO"
        noun = f"this {_WANTED[block.kind]}"
        try:
            component = Component.from_ical("\r\n".join(block.lines))
            summary = _text(component, "SUMMARY")
            if summary:
                noun = f"the {_WANTED[block.kind]} “{_one_line(summary, 60)}”"
            event = CalendarEvent(
                uid=_text(component, "UID"),
                start=self._start(component, todo),
                summary=summary,
                description=_text(component, "DESCRIPTION"),
                location=_text(component, "LOCATION"),
                status="CANCELLED" if block.cancelled else _text(component, "STATUS").upper(),
                recurs="RRULE" in component or "RDATE" in component,
                todo=todo,
                line=block.line,
            )
            event.recurrence_id = self._recurrence_id(_one(component, "RECURRENCE-ID"))
            event.attendees = [
                a
                for p in _all(component, "ATTENDEE")
                if _param(p, "PARTSTAT").upper() != "DECLINED" and (a := _attendee(p)) is not None
            ]
            event.organizer = _attendee(_one(component, "ORGANIZER"))
        except _Unusable as exc:
            self._problem(block.line, f"{noun} was left out: {exc}")
            return None
        except Exception as exc:
            self._problem(block.line, f"{noun} could not be read ({_reason(exc)})")
            return None
        self._length(component, event, noun)
        event.uid = event.uid or _made_up_uid(event)
        return event

    def _start(self, component: Component, todo: bool) -> datetime | date | None:
        prop = _one(component, "DTSTART") or (_one(component, "DUE") if todo else None)
        if prop is None:
            if todo:
                return None
            raise _Unusable("it has no start (DTSTART)")
        try:
            return self._moment(prop)
        except Exception:
            given = _one_line(prop.to_ical().decode("utf-8", "replace"), 40)
            raise _Unusable(f"its start ({given}) is not a date or time") from None

    def _length(self, component: Component, event: CalendarEvent, noun: str) -> None:
        """The end, or the duration: without either a meeting is imported without its length."""
        try:
            if (end := _one(component, "DTEND")) is not None:
                event.end = self._moment(end)
            elif (duration := _one(component, "DURATION")) is not None and isinstance(duration.dt, timedelta):
                event.duration = duration.dt
        except Exception:
            self._problem(event.line, f"{noun}: its end could not be read, so its length is not known")

    def _moment(self, prop: Any) -> datetime | date:
        """A date, or a time made aware: its own zone, else the file's, else local time."""
        value = prop.dt
        if isinstance(value, date) and not 1 < value.year < 9999:
            raise ValueError("too far from today for any calendar")  # and no zone could convert it
        if isinstance(value, datetime):
            tzid = _tzid(prop.params.get("TZID"))
            wall = value.replace(tzinfo=None)
            if tzid in self._zones and not _is_zone_name(tzid):
                value = wall.replace(tzinfo=self._zones[tzid])
            elif value.tzinfo is None:
                value = wall.replace(tzinfo=self._local) if self._local else wall.astimezone()
            return value
        if isinstance(value, date):
            return value
        raise ValueError(f"not a date: {value!r}")

    def _recurrence_id(self, prop: Any) -> str | None:
        """The meeting of a series it stands for, as stable text: UTC, or the date."""
        if prop is None:
            return None
        try:
            moment = self._moment(prop)
        except Exception:
            raise _Unusable("its RECURRENCE-ID is not a date or time") from None
        if isinstance(moment, datetime):
            return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        return f"{moment:%Y%m%d}"

    def _problem(self, line: int, message: str) -> None:
        self._problems.append(Problem(self._filename, line, message))


def _all(component: Component, name: str) -> list[Any]:
    value = component.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _one(component: Component, name: str) -> Any:
    """A property given once; the first when a calendar gives it more often."""
    values = _all(component, name)
    return values[0] if values else None


def _text(component: Component, name: str) -> str:
    value = _one(component, name)
    return str(value).replace("\x00", "").strip() if value is not None else ""


def _attendee(prop: Any) -> Attendee | None:
    """(email, name) from mailto: in any case, or an EMAIL parameter; None when there is no address."""
    if prop is None:
        return None
    address = _MAILTO.sub("", str(prop))
    if ":" in address or "@" not in address:  # another kind of address (urn:uuid:...)
        address = _param(prop, "EMAIL")
    address = address.strip().strip("<>")
    if "@" not in address or any(ch.isspace() for ch in address):
        return None
    return Attendee(address, " ".join(_param(prop, "CN").strip('"').split()))


def _param(prop: Any, name: str) -> str:
    value = getattr(prop, "params", {}).get(name, "")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value).strip()


def _made_up_uid(event: CalendarEvent) -> str:
    """For an event without a UID: the same one each time the same file is read."""
    start = event.start.isoformat() if event.start is not None else ""
    organizer = event.organizer.email.lower() if event.organizer else ""
    digest = hashlib.sha1(f"{event.summary}\x1f{start}\x1f{organizer}".encode("utf-8", "replace")).hexdigest()
    return f"no-uid-{digest[:24]}"


def _reason(exc: Exception) -> str:
    return _one_line(str(exc), 120) or type(exc).__name__


def _one_line(text: str, limit: int) -> str:
    return " ".join(text.split())[:limit]
