"""A contact as data: what an import reads, what the editor fills in, what an export writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hitouch.domain.birthday import Birthday
from hitouch.domain.text import display_name
from hitouch.domain.vocabulary import Source


@dataclass(slots=True)
class Labelled:
    """An email, phone or URL with the label its source gave it ('work', 'home', 'LinkedIn')."""

    value: str
    label: str = ""


@dataclass(slots=True)
class Photo:
    data: bytes
    mime: str = "image/jpeg"


@dataclass(slots=True)
class ContactCard:
    """One person's details, independent of where they were stored."""

    given: str = ""
    family: str = ""
    name: str = ""
    emails: list[Labelled] = field(default_factory=list)
    phones: list[Labelled] = field(default_factory=list)
    urls: list[Labelled] = field(default_factory=list)
    company: str = ""
    title: str = ""
    tags: list[str] = field(default_factory=list)
    birthday: Birthday | None = None
    photo: Photo | None = None
    notes: str = ""
    source: Source | None = None
    uid: str = ""
    connected_on: date | None = None
    # Where the card came from, for messages: 1-based line of its first line in the file.
    line: int = 0

    @property
    def display_name(self) -> str:
        first_email = self.emails[0].value if self.emails else ""
        return self.name.strip() or display_name(self.given, self.family, self.company, first_email)

    def is_empty(self) -> bool:
        return not (self.display_name or self.phones or self.urls)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in an input file a person needs to know about."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"
