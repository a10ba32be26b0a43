"""Names an import will not take: nothing a person can see, or far too long to be a name.

Every reader's cards pass here (vCard and CSV alike). A refused name is reported with the
card's line and never silently kept: an invisible one goes (the card keeps its other parts, and
is left out only when nothing is left), an over-long one moves into the notes, where nothing of
it is lost.
"""

from __future__ import annotations

from hitouch.domain.cards import ContactCard, Problem
from hitouch.domain.visible import code_points, is_invisible
from hitouch.interop.results import ReadResult

# The longest names in use are well under a hundred characters; a cell of thousands is a
# column or a quote gone wrong, not a name.
NAME_LIMIT = 300


def check_names(result: ReadResult, filename: str) -> None:
    """Refuse the names in `result` that are invisible or too long, reporting each."""
    kept: list[ContactCard] = []
    for card in result.cards:
        if _check(card, filename, result.problems):
            kept.append(card)
        else:
            result.skipped += 1
    result.cards = kept
    result.problems.sort(key=lambda problem: problem.line)


def _check(card: ContactCard, filename: str, problems: list[Problem]) -> bool:
    """False when nothing is left of the card."""
    parts = (card.name, card.given, card.family)
    too_long = [part for part in parts if len(part) > NAME_LIMIT]
    if too_long:
        card.name, card.given, card.family = ("" if len(part) > NAME_LIMIT else part for part in parts)
        card.name = card.display_name
        if card.is_empty():
            message = "the card was left out: it has nothing else to know the person by"
        else:
            card.notes = "\n\n".join(part for part in (card.notes, *dict.fromkeys(too_long)) if part)
            message = "it was kept in the notes"
        longest = max(len(part) for part in too_long)
        problems.append(
            Problem(
                filename, card.line, f"a name of {longest:,} characters is not a name (at most {NAME_LIMIT}); {message}"
            )
        )
        return not card.is_empty()
    shown = card.display_name
    if shown and is_invisible(shown):
        card.name, card.given, card.family = ("" if is_invisible(part) else part for part in parts)
        card.name = card.display_name
        problems.append(
            Problem(
                filename,
                card.line,
                f"the name holds only invisible characters ({code_points(shown)}); "
                + ("the card was left out" if card.is_empty() else "it was left out and the card kept"),
            )
        )
    return not card.is_empty()
