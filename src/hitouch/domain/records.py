"""What services hand to the window and the command line: plain, detached records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import Labelled


@dataclass(frozen=True, slots=True)
class ContactRef:
    id: int
    name: str


@dataclass(slots=True)
class ContactSummary:
    """One contact as a list shows it (and as `contact list --json` prints it)."""

    id: int
    name: str
    given: str
    family: str
    company: str
    title: str
    source: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    birthday: Birthday | None = None
    met_in_person: bool = False
    last_interaction: date | None = None
    next_followup: date | None = None

    @property
    def ref(self) -> ContactRef:
        return ContactRef(self.id, self.name)


@dataclass(slots=True)
class EventMeeting:
    """How a contact is tied to an event."""

    event_id: int
    name: str
    on: date | None
    place: str
    in_person: bool


@dataclass(slots=True)
class InteractionRecord:
    id: int
    on: date
    at: time | None
    channel: str
    note: str
    event: str
    contacts: list[ContactRef]


@dataclass(slots=True)
class LifeChangeRecord:
    """A change in someone's life an import noticed: a new company or position (stored in the
    contact_update table). Today suggests the small act it calls for until it is acknowledged."""

    id: int
    contact: ContactRef
    noticed_on: date
    kind: str
    old_value: str
    new_value: str


@dataclass(slots=True)
class ContactDetail:
    """Everything about one contact, for their page and `contact show`."""

    summary: ContactSummary
    email_labels: list[Labelled]
    phone_labels: list[Labelled]
    url_labels: list[Labelled]
    notes: str
    connected_on: date | None
    created_at: datetime
    has_photo: bool
    meetings: list[EventMeeting]
    timeline: list[InteractionRecord]
    life_changes: list[LifeChangeRecord] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def name(self) -> str:
        return self.summary.name


@dataclass(slots=True)
class EventRecord:
    id: int
    name: str
    on: date | None
    place: str
    people: list[ContactRef]


@dataclass(slots=True)
class TrashedContact:
    id: int
    name: str
    deleted_at: datetime
    purge_on: date


@dataclass(slots=True)
class SearchHit:
    """A journal note or event matching a search, with the words around the match."""

    kind: str  # "note" or "event"
    id: int
    title: str
    on: date | None
    snippet: str
    contacts: list[ContactRef] = field(default_factory=list)


@dataclass(slots=True)
class SearchResults:
    contacts: list[ContactSummary]
    notes: list[SearchHit]
    events: list[SearchHit]
