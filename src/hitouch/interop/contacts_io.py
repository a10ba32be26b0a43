"""Contacts files in and out: vCard 2.1/3.0/4.0 and LinkedIn, Google, Outlook or any CSV.

The one module the rest of HiTouch imports. Pure: files and bytes in, ContactCards out (and
back); no database, no Qt, and no network (photo URLs in vCards are never fetched).
"""

from __future__ import annotations

from datetime import date
from itertools import islice
from pathlib import Path

from hitouch.interop.csv.mapping import MAPPABLE_FIELDS, guess_mapping
from hitouch.interop.csv.read import csv_text, layout_name, read_csv, table_of
from hitouch.interop.csv.table import is_preamble
from hitouch.interop.csv.write import write_csv
from hitouch.interop.input_files import InputFile, ReadOnce, input_bytes, is_stream
from hitouch.interop.names import check_names
from hitouch.interop.results import ReadResult, UnreadableFile
from hitouch.interop.sniffing import named_vcard, starts_as_vcard
from hitouch.interop.text_decoding import looks_binary, without_stray_nuls
from hitouch.interop.vcard.read import read_vcards
from hitouch.interop.vcard.write import write_vcards

__all__ = [
    "FORMATS",
    "MAPPABLE_FIELDS",
    "InputFile",
    "ReadOnce",
    "ReadResult",
    "UnreadableFile",
    "csv_columns",
    "csv_sample",
    "detect_format",
    "guess_mapping",
    "input_bytes",
    "is_stream",
    "layout_name",
    "read_contacts",
    "read_contacts_bytes",
    "write_csv",
    "write_vcards",
]

FORMATS = ("auto", "vcard", "linkedin", "google", "outlook", "csv")


def detect_format(data: bytes, filename: str = "") -> str:
    """'vcard', 'linkedin', 'google', 'outlook' or 'csv', from the file's first line, then its
    name: never from text further in (a CSV's note may quote a whole vCard). UnreadableFile
    when the bytes are empty, binary or no contacts at all."""
    name = filename or "the file"
    if not data.strip(b" \t\r\n\x00"):
        raise UnreadableFile(name, "it is empty")
    if looks_binary(data):
        raise UnreadableFile(name, "it is a binary file, not a vCard or CSV file")
    if starts_as_vcard(data):
        return "vcard"
    try:
        kind = _csv_kind(csv_text(data, name), name)
    except UnreadableFile:
        if named_vcard(filename):
            return "vcard"  # so the message is about a vCard file with no card in it
        raise
    return "vcard" if named_vcard(filename) and kind == "csv" else kind


def _csv_kind(text: str, name: str) -> str:
    if is_preamble(text):
        return "linkedin"
    kind = layout_name(table_of(text, name).columns)
    return "csv" if kind == "hitouch" else kind


def read_contacts(
    path: InputFile,
    format: str = "auto",
    *,
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    today: date,
) -> ReadResult:
    name = str(path)
    return read_contacts_bytes(input_bytes(path), name, format, mapping=mapping, region=region, today=today)


def read_contacts_bytes(
    data: bytes,
    filename: str,
    format: str = "auto",
    *,
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    today: date,
) -> ReadResult:
    """Cards read from `data`; problems name `filename` and the line.

    `mapping` (column -> one of MAPPABLE_FIELDS) is for a CSV in no known layout; without it
    the columns are guessed. `region` (e.g. 'GB') tells which phone numbers written without a
    country code are the same number; `today` (the clock's) is what two-digit years are read
    against. Raises UnreadableFile when nothing in it can be read."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    chosen = detect_format(data, filename) if format == "auto" else format
    if chosen == "vcard":
        result = read_vcards(without_stray_nuls(data), filename, region)
    elif looks_binary(data):
        raise UnreadableFile(filename, "it is a binary file, not a CSV file")
    else:
        result = read_csv(data, filename, "auto" if format == "auto" else chosen, mapping, region, today=today)
    check_names(result, filename)
    return result


def csv_columns(path: str | Path) -> list[str]:
    """The header of a CSV file, for a dialog where a person maps columns to fields."""
    return csv_sample(path, 0)[0]


def csv_sample(path: InputFile, rows: int = 3) -> tuple[list[str], list[list[str]]]:
    """The header of a CSV file and its first few rows, to show beside the columns being mapped."""
    name = str(path)
    data = input_bytes(path)
    if looks_binary(data):
        raise UnreadableFile(name, "it is a binary file, not a CSV file")
    table = table_of(csv_text(data, name), name)
    return table.columns, [cells for _, cells in islice(table.rows, rows)]
