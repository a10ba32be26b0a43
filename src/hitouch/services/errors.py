"""Errors a front end shows to a person: mistakes in what was asked (exit 1 on the command
line), and the journal's environment failures (exit 3), re-exported so front ends need not
reach into storage."""

from collections.abc import Callable
from typing import TypeVar

from hitouch.store.errors import JournalBusy, JournalDamaged, JournalError, JournalFull, JournalTooNew

T = TypeVar("T")


class UserError(Exception):
    pass


class NotFound(UserError):
    pass


class Ambiguous(UserError):
    def __init__(self, what: str, matches: list[str]) -> None:
        super().__init__(f"{what} matches {len(matches)} contacts: {'; '.join(matches)}. Use an id or an email.")
        self.matches = matches


def typed_in(parse: Callable[[str], T], text: str) -> T:
    """`parse(text)` for text a person typed: the ValueError the domain's parsers raise (it says
    what to write instead) becomes a UserError. Any other ValueError stays a bug."""
    try:
        return parse(text)
    except ValueError as exc:
        raise UserError(str(exc)) from None


__all__ = [
    "Ambiguous",
    "JournalBusy",
    "JournalDamaged",
    "JournalError",
    "JournalFull",
    "JournalTooNew",
    "NotFound",
    "UserError",
    "typed_in",
]
