"""Contacts files in and out: vCard 2.1/3.0/4.0 and LinkedIn, Google, Outlook or any CSV.

The one module the rest of HiTouch imports. Pure: files and bytes in, ContactCards out (and
back); no database, no Qt, and no network (photo URLs in vCards are never fetched).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import islice
from pathlib import Path

from hitouch.interop.csv.mapping import MAPPABLE_FIELDS, guess_mapping
from hitouch.interop.csv.read import csv_text, layout_name, read_csv, table_of
from hitouch.interop.csv.table import is_preamble
from hitouch.interop.csv.write import write_csv
from hitouch.interop.results import ReadResult, UnreadableFile, file_bytes
from hitouch.interop.text_decoding import file_text, looks_binary, without_stray_nuls
from hitouch.interop.vcard.read import read_vcards
from hitouch.interop.vcard.write import write_vcards

__all__ = [
    "FORMATS",
    "MAPPABLE_FIELDS",
    "ReadResult",
    "UnreadableFile",
    "csv_columns",
    "csv_sample",
    "detect_format",
    "guess_mapping",
    "read_contacts",
    "read_contacts_bytes",
    "write_csv",
    "write_vcards",
]

FORMATS = ("auto", "vcard", "linkedin", "google", "outlook", "csv")

_VCARD_MARKER = re.compile(r"^[ \t]*(?:[A-Za-z0-9_-]+\.)?(?:BEGIN|END)[ \t]*:[ \t]*VCARD", re.I | re.M)
_SNIFF_BYTES = 1 << 16


def detect_format(data: bytes, filename: str = "") -> str:
    """'vcard', 'linkedin', 'google', 'outlook' or 'csv', from the content; the file name only
    breaks a tie. UnreadableFile when the bytes are empty, binary or no contacts at all."""
    name = filename or "the file"
    if not data.strip(b" \t\r\n\x00"):
        raise UnreadableFile(name, "it is empty")
    if looks_binary(data):
        raise UnreadableFile(name, "it is a binary file, not a vCard or CSV file")
    head = file_text(data[:_SNIFF_BYTES])
    if _VCARD_MARKER.search(head):
        return "vcard"
    named_vcard = filename.lower().endswith((".vcf", ".vcard"))
    try:
        kind = _csv_kind(csv_text(data, name), name)
    except UnreadableFile:
        if named_vcard:
            return "vcard"  # so the message is about a vCard file with no card in it
        raise
    return "vcard" if named_vcard and kind == "csv" else kind


def _csv_kind(text: str, name: str) -> str:
    if is_preamble(text):
        return "linkedin"
    kind = layout_name(table_of(text, name).columns)
    return "csv" if kind == "hitouch" else kind


def read_contacts(
    path: str | Path,
    format: str = "auto",
    *,
    mapping: dict[str, str] | None = None,
    region: str | None = None,
    today: date,
) -> ReadResult:
    name = str(path)
    return read_contacts_bytes(file_bytes(Path(path), name), name, format, mapping=mapping, region=region, today=today)


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
        return read_vcards(without_stray_nuls(data), filename, region)
    if looks_binary(data):
        raise UnreadableFile(filename, "it is a binary file, not a CSV file")
    return read_csv(data, filename, "auto" if format == "auto" else chosen, mapping, region, today=today)


def csv_columns(path: str | Path) -> list[str]:
    """The header of a CSV file, for a dialog where a person maps columns to fields."""
    return csv_sample(path, 0)[0]


def csv_sample(path: str | Path, rows: int = 3) -> tuple[list[str], list[list[str]]]:
    """The header of a CSV file and its first few rows, to show beside the columns being mapped."""
    name = str(path)
    data = file_bytes(Path(path), name)
    if looks_binary(data):
        raise UnreadableFile(name, "it is a binary file, not a CSV file")
    table = table_of(csv_text(data, name), name)
    return table.columns, [cells for _, cells in islice(table.rows, rows)]
