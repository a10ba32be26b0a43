"""A CSV file as a header and rows, each row with the physical line it starts on."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from hitouch.domain.cards import Problem
from hitouch.interop.results import UnreadableFile

# LinkedIn puts a "Notes:" paragraph before the header; never more than a few rows.
_HEADER_SEARCH_ROWS = 30


# A note may be megabytes long; the csv module's default limit (128 KB) would refuse the whole file.
csv.field_size_limit(max(csv.field_size_limit(), 1 << 28))


@dataclass(slots=True)
class Table:
    columns: list[str]
    header_line: int
    rows: Iterator[tuple[int, list[str]]]
    # Filled while `rows` is read: quotes opened and never closed, each with its line.
    problems: list[Problem] = field(default_factory=list)


class _Lines:
    """The physical lines of a text (ended by CR, LF or CRLF), as the csv module reads them,
    knowing which comes next, so that reading can start again at any line."""

    def __init__(self, text: str) -> None:
        self.lines = io.StringIO(text, newline="").readlines()
        self.next = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.next >= len(self.lines):
            raise StopIteration
        self.next += 1
        return self.lines[self.next - 1]


def rows_with_lines(
    text: str, delimiter: str = ",", problems: list[Problem] | None = None, filename: str = ""
) -> Iterator[tuple[int, list[str]]]:
    """Rows as the csv module reads them (quoted newlines, doubled quotes), numbered by the
    physical line each starts on. Lines that are completely empty are left out.

    A quote opened and never closed (or closed in the middle of a later field) would swallow
    the lines after it into one field: that line is read as it stands instead, the problem
    goes into `problems` with its line, and the rows after it are read as usual."""
    source = _Lines(text)
    while source.next < len(source.lines):
        start = source.next
        try:
            for row in csv.reader(source, delimiter=delimiter, strict=True):
                if row:
                    yield start + 1, row
                start = source.next
        except csv.Error:
            row, lines_taken = _lenient_row(source.lines, start, delimiter)
            # Sloppy quoting within one line ('"x" ,y') is read as before; a quote that takes
            # in a line break (the next lines, or the end of the file) was never closed.
            if lines_taken > 1 or any("\n" in cell or "\r" in cell for cell in row):
                row = _as_it_stands(source.lines[start], delimiter)
                if problems is not None:
                    problems.append(Problem(filename, start + 1, _UNCLOSED))
            if row:
                yield start + 1, row
            source.next = start + 1


_UNCLOSED = (
    "a quote opens on this line and is not closed where its field ends; the line was read as it stands, "
    "and the lines after it as rows of their own"
)


def _lenient_row(lines: list[str], start: int, delimiter: str) -> tuple[list[str], int]:
    """The row at `start` as the csv module reads it when not strict, and how many lines it took."""
    source = _Lines("")
    source.lines, source.next = lines, start
    row = next(csv.reader(source, delimiter=delimiter), [])
    return row, source.next - start


def _as_it_stands(line: str, delimiter: str) -> list[str]:
    cells = next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
    return [cell.strip().strip('"').strip() for cell in cells]


def open_table(text: str, filename: str, header_has: tuple[str, ...] = ()) -> Table:
    """The header is the first row, or with `header_has` the first row holding all those names."""
    delimiter = _delimiter(text, header_has)
    problems: list[Problem] = []
    rows = rows_with_lines(text, delimiter, problems, filename)
    try:
        for index, (line, cells) in enumerate(rows):
            columns = [cell.strip().removeprefix("\ufeff").strip() for cell in cells]
            if not any(columns):
                continue
            if not header_has or _has_all(columns, header_has):
                return Table(columns, line, _guarded(rows, filename), problems)
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
