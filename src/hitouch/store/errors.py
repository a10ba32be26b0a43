"""Errors from the environment (disk, locks, damage, versions) that a person can act on."""


class JournalError(Exception):
    """The journal cannot be used as asked; the message says why and what to do."""


class JournalBusy(JournalError):
    pass


class JournalFull(JournalError):
    pass


class JournalDamaged(JournalError):
    pass


class JournalTooNew(JournalError):
    """Written by a newer HiTouch: refused, left untouched."""
