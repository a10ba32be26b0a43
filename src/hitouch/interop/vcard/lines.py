"""A vCard file as bytes -> one block of logical lines per card, with the line each starts on.

This is done on bytes, before any decoding, because one file can hold values in several
charsets (each property declares its own), and because writers fold lines in the middle of
UTF-8 sequences or continue quoted-printable values on lines that are not indented, which a
text-level parser would reject or garble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BEGIN_END = re.compile(rb"^(?:[A-Za-z0-9_-]+\.)?(BEGIN|END)[ \t]*:[ \t]*VCARD[ \t]*$", re.I)
_BASE64_ONLY = re.compile(rb"^[A-Za-z0-9+/=]+[ \t]*$")
_LINE_BREAK_LF = re.compile(rb"\r*\n")


@dataclass(slots=True)
class LogicalLine:
    line: int
    parts: list[bytes]
    quoted_printable: bool = False
    base64: bool = False

    @property
    def text(self) -> bytes:
        return b"".join(self.parts)

    def soft_break_pending(self) -> bool:
        """Quoted-printable ends a line with '=' when the value goes on in the next one."""
        return self.quoted_printable and self.parts[-1].rstrip(b" \t").endswith(b"=")

    def drop_soft_break(self) -> None:
        self.parts[-1] = self.parts[-1].rstrip(b" \t")[:-1]


@dataclass(slots=True)
class CardBlock:
    line: int
    lines: list[LogicalLine] = field(default_factory=list)
    has_begin: bool = True
    has_end: bool = False
    number: int = 0

    def add(self, number: int, raw: bytes) -> None:
        current = self.lines[-1] if self.lines else None
        if current is not None and current.soft_break_pending():
            current.drop_soft_break()
            current.parts.append(raw)
        elif raw[:1] in (b" ", b"\t"):
            if current is not None:
                current.parts.append(raw[1:])
        elif current is not None and current.base64 and _BASE64_ONLY.match(raw):
            # vCard 2.1 base64 data sometimes continues on lines that are not indented.
            current.parts.append(raw)
        else:
            header = raw.split(b":", 1)[0].upper()
            self.lines.append(
                LogicalLine(
                    number,
                    [raw],
                    quoted_printable=b"QUOTED-PRINTABLE" in header,
                    base64=b"BASE64" in header or b"ENCODING=B" in header,
                )
            )

    def end_soft_break(self) -> None:
        """A blank line ends a quoted-printable value even if it promised more."""
        if self.lines and self.lines[-1].soft_break_pending():
            self.lines[-1].drop_soft_break()


@dataclass(slots=True)
class SplitFile:
    cards: list[CardBlock]
    # (first line, last line) of text outside any card, which is ignored.
    stray: list[tuple[int, int]]


def physical_lines(data: bytes) -> list[bytes]:
    """LF, CRLF and CR CR LF all end a line; a file with no LF at all uses CR (old Mac)."""
    lines = _LINE_BREAK_LF.split(data) if b"\n" in data else data.split(b"\r")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def split_cards(data: bytes) -> SplitFile:
    """Cards in the order they start; nested cards (2.1 AGENT) become cards of their own."""
    finished: list[CardBlock] = []
    open_cards: list[CardBlock] = []
    stray: list[tuple[int, int]] = []
    loose: CardBlock | None = None  # lines outside any card, kept in case an END:VCARD claims them
    loose_last = 0
    for number, raw in enumerate(physical_lines(data), start=1):
        if not raw.strip():
            if open_cards:
                open_cards[-1].end_soft_break()
            continue
        marker = _BEGIN_END.match(raw.strip())
        if marker and marker[1].upper() == b"BEGIN":
            if loose is not None:
                stray.append((loose.line, loose_last))
                loose = None
            open_cards.append(CardBlock(number))
        elif marker:
            if open_cards:
                card = open_cards.pop()
                card.has_end = True
                finished.append(card)
            elif loose is not None:
                # A card whose BEGIN:VCARD line is missing: read it anyway.
                loose.has_begin = False
                loose.has_end = True
                finished.append(loose)
                loose = None
        elif open_cards:
            open_cards[-1].add(number, raw)
        else:
            if loose is None:
                loose = CardBlock(number)
            loose.add(number, raw)
            loose_last = number
    finished.extend(open_cards)
    if loose is not None:
        stray.append((loose.line, loose_last))
    finished.sort(key=lambda card: card.line)
    for index, card in enumerate(finished, start=1):
        card.number = index
    return SplitFile(finished, stray)
