"""What kind of file this is: decided by its name and its first line, never by text further in.

A CSV's note may quote a whole vCard or calendar; a line inside a field is not the file's kind.
"""

from __future__ import annotations

import re

from hitouch.interop.text_decoding import file_text

_HEAD_BYTES = 4096
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# `home.begin:vcard` (a group name before BEGIN) is written by some programs.
_VCARD_START = re.compile(r"(?:[A-Za-z0-9_-]+\.)?BEGIN[ \t]*:[ \t]*VCARD(?![A-Za-z0-9_-])", re.I)
_CALENDAR_START = re.compile(r"BEGIN[ \t]*:[ \t]*VCALENDAR[ \t]*$", re.I)
VCARD_SUFFIXES = (".vcf", ".vcard")
CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar")


def first_line(data: bytes) -> str:
    """The first line that is not blank, without surrounding spaces (BOM, UTF-16 and 8-bit text alike)."""
    for line in _LINE_BREAK.split(file_text(data[:_HEAD_BYTES])):
        line = line.strip(" \t\x00\ufeff")
        if line:
            return line
    return ""


def starts_as_vcard(data: bytes) -> bool:
    return _VCARD_START.match(first_line(data)) is not None


def starts_as_calendar(data: bytes) -> bool:
    return _CALENDAR_START.match(first_line(data)) is not None


def named_vcard(filename: str) -> bool:
    return filename.lower().endswith(VCARD_SUFFIXES)


def named_calendar(filename: str) -> bool:
    return filename.lower().endswith(CALENDAR_SUFFIXES)
