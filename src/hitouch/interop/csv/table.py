"""A CSV file as a header and rows, each row with the physical line it starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from hitouch.interop.results import UnreadableFile

# LinkedIn puts a "Notes:" paragraph before the header; never more than a few rows.
_HEADER_SEARCH_ROWS = 30


@dataclass(slots=True)
class Table:
    columns: list[str]
    header_line: int
    rows: Iterator[tuple[int, list[str]]]


def rows_with_lines(text: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """Rows as the csv module reads them (quoted newlines, doubled quotes), numbered by the
    physical line each starts on. Lines that are completely empty are left out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for row in reader:
        if row:
            yield start, row
        start = reader.line_num + 1


def open_table(text: str, filename: str, header_has: tuple[str, ...] = ()) -> Table:
    """The header is the first row, or with `header_has` the first row holding all those names."""
    delimiter = _delimiter(text, header_has)
    rows = rows_with_lines(text, delimiter)
    try:
        for index, (line, cells) in enumerate(rows):
            columns = [cell.strip().removeprefix("\ufeff").strip() for cell in cells]
            if not any(columns):
                continue
            if not header_has or _has_all(columns, header_has):
                return Table(columns, line, _guarded(rows, filename))
            if index >= _HEADER_SEARCH_ROWS:
                break
    except csv.Error as exc:
        raise UnreadableFile(filename, f"it could not be read as CSV: {exc}") from None
    if header_has:
        raise UnreadableFile(filename, f"no header row with {', '.join(header_has)} was found in it")
    raise UnreadableFile(filename, "it has no header row")


def is_preamble(text: str) -> bool:
    """LinkedIn's newer Connections.csv starts with a 'Notes:' paragraph before the header."""
    return text.lstrip("\ufeff \t\r\n").lower().startswith("notes:")


def _guarded(rows: Iterator[tuple[int, list[str]]], filename: str) -> Iterator[tuple[int, list[str]]]:
    try:
        yield from rows
    except csv.Error as exc:
        raise UnreadableFile(filename, f"it could not be read as CSV: {exc}") from None


def _has_all(columns: list[str], names: tuple[str, ...]) -> bool:
    present = {column.casefold() for column in columns}
    return all(name.casefold() in present for name in names)


def _delimiter(text: str, header_has: tuple[str, ...]) -> str:
    """Comma, unless the header line clearly uses semicolons or tabs (European Excel)."""
    for line in text[:65536].splitlines():
        if not line.strip() or (header_has and not all(n.casefold() in line.casefold() for n in header_has)):
            continue
        counts = {d: line.count(d) for d in (",", ";", "\t")}
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] > counts[","] else ","
    return ","
