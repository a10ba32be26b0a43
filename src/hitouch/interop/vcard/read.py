"""Reading a vCard file (2.1, 3.0, 4.0): one bad card never stops the others."""

from __future__ import annotations

import vobject

from hitouch.domain.cards import Problem
from hitouch.interop.card_tidy import finish_card
from hitouch.interop.results import ReadResult, UnreadableFile
from hitouch.interop.text_decoding import vcard_bytes
from hitouch.interop.vcard.fields import card_from_component, is_group
from hitouch.interop.vcard.lines import CardBlock, split_cards
from hitouch.interop.vcard.normalise import long_note_mark, normalise_card


def read_vcards(data: bytes, filename: str, region: str | None = None) -> ReadResult:
    split = split_cards(vcard_bytes(data))
    if not split.cards:
        raise UnreadableFile(filename, "no vCard (BEGIN:VCARD … END:VCARD) was found in it")
    result = ReadResult("vcard")
    for first, last in split.stray:
        where = f"line {first} is" if first == last else f"lines {first}–{last} are"
        result.problems.append(
            Problem(filename, first, f"{where} outside any BEGIN:VCARD … END:VCARD block and ignored")
        )
    for block in split.cards:
        _read_block(block, filename, region, result)
    result.problems.sort(key=lambda problem: problem.line)
    return result


def _read_block(block: CardBlock, filename: str, region: str | None, result: ReadResult) -> None:
    def problem(message: str) -> None:
        result.problems.append(Problem(filename, block.line, f"card {block.number} {message}"))

    if not block.has_end:
        problem("could not be read: it has no END:VCARD line")
        return
    if not block.has_begin:
        problem("has no BEGIN:VCARD line; it was read anyway")
    try:
        normalised = normalise_card([line.text for line in block.lines])
        component = vobject.readOne(normalised.text, ignoreUnreadable=True)
        if is_group(component):
            result.skipped += 1
            return
        card = card_from_component(component)
        for index, note in enumerate(normalised.long_notes):
            card.notes = card.notes.replace(long_note_mark(index), note.strip(), 1)
        card = finish_card(card, region)
    except Exception as exc:
        problem(f"could not be read: {_reason(exc)}")
        return
    if card.is_empty():
        problem("has no name, email or phone and was skipped")
        result.skipped += 1
        return
    card.line = block.line
    if normalised.photo_too_large:
        problem(f"({card.display_name}): photo larger than 2 MB was not kept")
    result.cards.append(card)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
