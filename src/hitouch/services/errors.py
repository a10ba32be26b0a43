"""Errors a front end shows to a person: mistakes in what was asked (exit 1 on the command
line), and the journal's environment failures (exit 3), re-exported so front ends need not
reach into storage."""

from hitouch.store.errors import JournalBusy, JournalDamaged, JournalError, JournalFull, JournalTooNew


class UserError(Exception):
    pass


class NotFound(UserError):
    pass


class Ambiguous(UserError):
    def __init__(self, what: str, matches: list[str]) -> None:
        super().__init__(f"{what} matches {len(matches)} contacts: {'; '.join(matches)}. Use an id or an email.")
        self.matches = matches


__all__ = [
    "Ambiguous",
    "JournalBusy",
    "JournalDamaged",
    "JournalError",
    "JournalFull",
    "JournalTooNew",
    "NotFound",
    "UserError",
]
