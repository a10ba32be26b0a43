"""What reading a contacts file gives back, and the one error that stops reading any file."""

from __future__ import annotations

from dataclasses import dataclass, field

from hitouch.domain.cards import ContactCard, Problem


@dataclass
class ReadResult:
    format: str
    cards: list[ContactCard] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Rows or cards left out on purpose: empty ones, LinkedIn rows with only a date, vCard groups.
    skipped: int = 0


class UnreadableFile(Exception):
    """The whole file cannot be read: missing, a folder, empty, binary, or not contacts (or not a calendar)."""

    def __init__(self, path: str, message: str) -> None:
        message = " ".join(message.split())  # one line, even when it quotes a cell with line breaks
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
