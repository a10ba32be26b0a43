"""Reading a CSV of contacts: find the header, recognise the layout, one card per row."""

from __future__ import annotations

import re
from datetime import date

from hitouch.domain.cards import Problem
from hitouch.interop.card_tidy import finish_card
from hitouch.interop.csv.layouts import (
    HITOUCH_COLUMNS,
    Columns,
    GoogleLayout,
    HiTouchLayout,
    Layout,
    LinkedInLayout,
    OutlookLayout,
)
from hitouch.interop.csv.mapping import MappedLayout, guess_mapping, has_identifying_field
from hitouch.interop.csv.table import Table, is_preamble, open_table
from hitouch.interop.results import ReadResult, UnreadableFile
from hitouch.interop.text_decoding import file_text

_LINKEDIN_HEADER = ("First Name", "Last Name")
_LINKEDIN_COLUMNS = {"first name", "last name", "url", "email address", "company", "position", "connected on"}
_GOOGLE_NUMBERED = re.compile(r"^(E-mail|Phone|Website) \d+ - (Type|Label|Value)$", re.I)
_LAYOUT_NAMES = {"linkedin": "a LinkedIn", "google": "a Google Contacts", "outlook": "an Outlook"}
# Columns without which a named layout has nobody to read.
_REQUIRED = {
    "linkedin": ("First Name", "Last Name"),
    "google": ("Name", "First Name", "Given Name", "Last Name", "Family Name", "E-mail 1 - Value"),
    "outlook": ("First Name", "Last Name", "E-mail Address"),
}


def csv_text(data: bytes, filename: str) -> str:
    text = file_text(data).replace("\x00", "")
    if not text.strip():
        raise UnreadableFile(filename, "it is empty")
    return text


def table_of(text: str, filename: str, format: str = "auto") -> Table:
    if format == "linkedin" or (format == "auto" and is_preamble(text)):
        return open_table(text, filename, header_has=_LINKEDIN_HEADER)
    return open_table(text, filename)


def layout_name(columns: list[str]) -> str:
    """'linkedin', 'google', 'outlook', 'hitouch' (what write_csv writes) or 'csv'."""
    if tuple(columns) == HITOUCH_COLUMNS:
        return "hitouch"
    c = Columns(columns)
    folded = {column.casefold() for column in columns if column}
    if "First Name" in c and "Last Name" in c and ("Connected On" in c or folded <= _LINKEDIN_COLUMNS):
        return "linkedin"
    if "Group Membership" in c or any(_GOOGLE_NUMBERED.match(column) for column in columns):
        return "google"
    if "E-mail Address" in c and ("First Name" in c or "Last Name" in c):
        return "outlook"
    return "csv"


def read_csv(
    data: bytes,
    filename: str,
    format: str = "auto",
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    *,
    today: date,
) -> ReadResult:
    text = csv_text(data, filename)
    table = table_of(text, filename, format)
    detected = layout_name(table.columns)
    if format == "auto" and is_preamble(text):
        detected = "linkedin"
    kind = detected if format in ("auto", "csv") else format
    if format == "csv" and kind != "hitouch":
        kind = "csv"
    layout = _layout(kind, table.columns, mapping, filename, today)
    result = ReadResult("csv" if kind == "hitouch" else kind)
    for line, cells in table.rows:

        def report(message: str, line: int = line) -> None:
            result.problems.append(Problem(filename, line, message))

        card = layout.card(cells, report) if any(cell.strip() for cell in cells) else None
        if card is not None:
            card = finish_card(card, region)
        if card is None or card.is_empty():
            result.skipped += 1
            continue
        card.line = line
        result.cards.append(card)
    return result


def _layout(kind: str, columns: list[str], mapping: dict[str, str] | None, filename: str, today: date) -> Layout:
    named = [column if len(column) <= 40 else column[:39] + "…" for column in columns if column]
    found = ", ".join(named[:20]) + (", …" if len(named) > 20 else "") if named else "none"
    if kind in _REQUIRED and not any(name in Columns(columns) for name in _REQUIRED[kind]):
        raise UnreadableFile(filename, f"its columns are not those of {_LAYOUT_NAMES[kind]} export (found: {found})")
    if kind == "linkedin":
        return LinkedInLayout(columns, today)
    if kind == "google":
        return GoogleLayout(columns, today)
    if kind == "outlook":
        return OutlookLayout(columns, today)
    if kind == "hitouch":
        return HiTouchLayout(columns, today)
    chosen = mapping if mapping is not None else guess_mapping(columns)
    if not has_identifying_field(chosen):
        raise UnreadableFile(filename, f"none of its columns is a name, email or phone (found: {found})")
    return MappedLayout(columns, chosen, today)
