"""Printing results: JSON documents for scripts, aligned text for people.

Nothing a journal holds reaches the terminal as it is: a name read from a card may carry
escape sequences, line breaks or bidi overrides. Values on one line go through `shown` (or
`print_line`), which writes every such character out; everything printed also passes through
`TerminalText`, which does the same except for line feeds and tabs; JSON escapes them as JSON does.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any, TextIO

from hitouch.domain.records import ContactRef, ContactSummary, InteractionRecord
from hitouch.domain.visible import json_escaped, shown, shown_lines

__all__ = ["shown"]


def print_json(document: Any) -> None:
    sys.stdout.write(json_escaped(json.dumps(document, ensure_ascii=False, indent=2, default=_default)))
    sys.stdout.write("\n")


def print_line(text: str, file: TextIO | None = None) -> None:
    """One line of output: nothing in `text` can break the line or drive the terminal."""
    print(shown(text), file=file)


class TerminalText(io.TextIOBase):
    """A text stream that writes control, bidi and separator characters out (`\\x1b`); line
    feeds and tabs pass, so a note keeps its lines."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown_lines(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"


@contextmanager
def terminal_text() -> Iterator[None]:
    """Standard output and error as `TerminalText` while a command runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalText(out), TerminalText(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def ref_json(ref: ContactRef) -> dict[str, Any]:
    return {"id": ref.id, "name": ref.name}


def contact_json(c: ContactSummary) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "given": c.given,
        "family": c.family,
        "emails": c.emails,
        "phones": c.phones,
        "company": c.company,
        "title": c.title,
        "urls": c.urls,
        "tags": c.tags,
        "events": c.events,
        "birthday": c.birthday.iso() if c.birthday else None,
        "source": c.source,
        "met_in_person": c.met_in_person,
        "last_interaction": iso(c.last_interaction),
        "next_followup": iso(c.next_followup),
    }


def interaction_json(i: InteractionRecord) -> dict[str, Any]:
    return {
        "id": i.id,
        "date": iso(i.on),
        "time": i.at.strftime("%H:%M") if i.at else None,
        "channel": i.channel,
        "note": i.note,
        "event": i.event or None,
        "contacts": [ref_json(r) for r in i.contacts],
    }


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """Columns sized to their content; the last column is not padded."""
    if not rows:
        return
    table = [headers, *([shown(cell) for cell in row] for row in rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        print("  ".join(cells).rstrip())
