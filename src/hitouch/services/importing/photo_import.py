"""Importing photos of badges and business cards: each photo's QR codes read, the people they
name through the usual preview, batch and undo (`Importing`), everyone of one batch met in
person at the chosen event with a follow-up a few days later, the photo kept as their card
image, and the photos that name nobody kept for typing in by hand in event mode.

`plan` reads and matches, writing nothing; `apply` writes all of it in one unit of work.
The decoder is passed in (`photos.PhotoReader`): this layer holds no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.cards import Problem
from hitouch.domain.vocabulary import Source as ContactSource
from hitouch.interop.qr.payloads import MAX_ID, CodeKind, read_payload
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import UserError
from hitouch.services.importing.importing import (
    EntryKind,
    ImportCancelled,
    Importing,
    ImportPlan,
    ImportReport,
    PlanEntry,
    Suggestion,
)
from hitouch.services.importing.matching import exact_targets
from hitouch.services.importing.people import CardOrigin, Person, person_of
from hitouch.services.importing.photo_rows import PHOTO_FORMAT, KeptPhoto, Meeting, Waiting, write_photo_rows
from hitouch.services.importing.photos import PhotoRead, PhotoReader, photo_paths, read_photo
from hitouch.services.journal.events import ensure_event
from hitouch.services.progress import Cancelled, Progress, no_progress, not_cancelled
from hitouch.settings import Settings
from hitouch.store.database import Journal
from hitouch.store.models import Contact, Event


@dataclass(slots=True)
class Unnamed:
    """A LinkedIn profile whose address names nobody readably: named in the preview, or else
    left to type in by hand."""

    photo: int
    url: str
    person: Person
    name: str = ""


@dataclass(frozen=True, slots=True)
class EventChoice:
    id: int
    name: str
    on: date | None
    today: bool  # the event is on today


@dataclass(slots=True)
class PhotoPlan:
    photos: list[PhotoRead]
    contacts: ImportPlan  # the people the codes name, matched as in any import
    unnamed: list[Unnamed]
    waiting: list[Waiting]  # photos to type in by hand
    unreadable: int  # photos that could not be read (their problems are in contacts.problems)

    @property
    def problems(self) -> list[Problem]:
        return self.contacts.problems

    def photo_index(self, path: str) -> int | None:
        return next((i for i, p in enumerate(self.photos) if p.path == path), None)

    def photos_of(self, entry: PlanEntry) -> list[int]:
        found = [self.photo_index(s.file) for s in entry.origins]
        return list(dict.fromkeys(i for i in found if i is not None))


@dataclass(slots=True)
class PhotoReport:
    contacts: ImportReport
    photos: int
    waiting: int  # photos kept for typing in by hand
    met: int  # people met at the event in this batch (the others' photos came before)
    event: EventChoice | None

    @property
    def batch_id(self) -> int:
        return self.contacts.batch_id

    @property
    def files(self) -> list[str]:
        return self.contacts.files

    @property
    def changes(self) -> Changes:
        return self.contacts.changes


@dataclass(slots=True)
class PhotoNames:
    """What the person chose in the preview."""

    event: int | str | None = None  # an event id, a new event's name (dated today), or none
    confirmed: Collection[Suggestion] = ()
    names: dict[int, str] = field(default_factory=dict)  # Unnamed index -> the name typed


class PhotoImport:
    def __init__(
        self, journal: Journal, clock: Clock, importing: Importing, region: str | None, settings: Callable[[], Settings]
    ) -> None:
        self._journal = journal
        self._clock = clock
        self._importing = importing
        self._region = region
        self._settings = settings

    def events(self, limit: int = 30) -> list[EventChoice]:
        """Events to choose from: those on today first, then the most recent."""
        today = self._clock.today()
        with self._journal.read() as session:
            rows = session.execute(
                select(Event.id, Event.name, Event.starts_on, Event.ends_on)
                .order_by(Event.starts_on.desc(), Event.id.desc())
                .limit(limit)
            ).all()
        choices = [
            EventChoice(
                r.id,
                r.name,
                r.starts_on,
                r.starts_on is not None and r.starts_on <= today <= (r.ends_on or r.starts_on),
            )
            for r in rows
        ]
        return sorted(choices, key=lambda c: not c.today)

    def todays_event(self) -> EventChoice | None:
        choices = self.events()
        return choices[0] if choices and choices[0].today else None

    def plan(
        self,
        paths: Sequence[Path | str],
        reader: PhotoReader,
        progress: Progress = no_progress,
        cancelled: Cancelled = not_cancelled,
    ) -> PhotoPlan:
        """Read every photo and match the people on them. Nothing is written. UserError when
        not one photo can be read (then nothing is imported)."""
        files = photo_paths([Path(p) for p in paths])
        if not files:
            raise UserError("no photo to import (JPEG, PNG or HEIC)")
        photos: list[PhotoRead] = []
        problems: list[Problem] = []
        people: list[Person] = []
        nameless: list[tuple[int, Person]] = []
        waiting: list[Waiting] = []
        for done, path in enumerate(files):
            if cancelled():
                raise ImportCancelled("the import was cancelled; nothing was imported")
            progress(done, len(files))
            read = read_photo(path, reader)
            if isinstance(read, Problem):
                problems.append(read)
                continue
            index = len(photos)
            photos.append(read)
            if not read.codes:
                waiting.append(Waiting(index, "none", ""))
            for number, text in enumerate(read.codes, 1):
                payload = read_payload(text, read.path, self._region)
                problems += payload.problems
                for card in payload.cards:
                    card.source = ContactSource.IN_PERSON
                    person = person_of(card, CardOrigin(read.path, number), self._region)
                    (people.append(person) if person.name else nameless.append((index, person)))
                if not payload.cards:
                    kind = "none" if payload.kind in (CodeKind.VCARD, CodeKind.MECARD) else str(payload.kind)
                    waiting.append(Waiting(index, kind, "" if kind == "none" else text.strip()[:MAX_ID]))
        progress(len(files), len(files))
        if not photos:
            raise PhotosUnreadable(problems)
        unnamed = self._known_or_unnamed(nameless, people)
        contacts = self._importing.plan_people(people, [p.path for p in photos], [PHOTO_FORMAT], problems, 0)
        return PhotoPlan(photos, contacts, unnamed, waiting, len(files) - len(photos))

    def _known_or_unnamed(self, nameless: list[tuple[int, Person]], people: list[Person]) -> list[Unnamed]:
        """Profiles already in the journal are those people (they need no name); the others wait."""
        with self._journal.read() as session:
            targets = exact_targets(session, [person for _, person in nameless])
            names = _names(session, [t for t in targets if t is not None])
        unnamed: list[Unnamed] = []
        for (photo, person), target in zip(nameless, targets):
            if target is not None:
                person.card.name = names[target]  # shown in the preview; a contact's name is never replaced
                people.append(person)
            else:
                unnamed.append(Unnamed(photo, person.card.urls[0].value, person))
        return unnamed

    def apply(
        self,
        plan: PhotoPlan,
        chosen: PhotoNames,
        progress: Progress = no_progress,
        cancelled: Cancelled = not_cancelled,
    ) -> PhotoReport:
        """Import as one batch: all of it, or (on an error or cancel) nothing."""
        contacts = plan.contacts
        entries = list(contacts.entries)
        waiting = list(plan.waiting)
        for i, item in enumerate(plan.unnamed):
            name = " ".join(chosen.names.get(i, "").split())
            if name:
                card = replace(item.person.card, name=name, emails=[], phones=[], urls=list(item.person.card.urls))
                entries.append(
                    PlanEntry(len(entries), EntryKind.NEW, person_of(card, item.person.origins[0], self._region))
                )
            else:
                waiting.append(Waiting(item.photo, "linkedin", item.url))
        full = ImportPlan(contacts.files, contacts.formats, entries, contacts.problems, contacts.skipped)
        kept = [_kept(photo) for photo in plan.photos]
        settings = self._settings()
        outcome: dict[str, object] = {}

        def also(session: Session, batch_id: int, ids: list[int], resolved: list[tuple[Person, int | None]]) -> None:
            event = self._event(session, chosen.event)
            outcome["event"] = event
            meeting = Meeting(event, self._day(event), settings.event_followup_days, settings.default_cadence)
            outcome["met"] = write_photo_rows(
                session,
                batch_id,
                photos=kept,
                people=resolved,
                contact_ids=ids,
                waiting=waiting,
                meeting=meeting,
                clock=self._clock,
            )

        report = self._importing.apply(full, chosen.confirmed, progress, cancelled, also=also)
        event = outcome.get("event")
        met = int(outcome.get("met", 0))  # type: ignore[call-overload]
        report.changes = report.changes | Changes(
            contacts=set(report.changes.contacts), interactions=True, events=True, followups=True
        )
        choice = (
            EventChoice(event.id, event.name, event.starts_on, event.starts_on == self._clock.today())
            if isinstance(event, Event)
            else None
        )
        return PhotoReport(report, len(plan.photos), len(waiting), met, choice)

    def _event(self, session: Session, chosen: int | str | None) -> Event | None:
        if chosen is None or (isinstance(chosen, str) and not chosen.strip()):
            return None
        if isinstance(chosen, int):
            event = session.get(Event, chosen)
            if event is None:
                raise UserError(f"no event with id {chosen}")
            return event
        return ensure_event(session, chosen, self._clock.today(), self._clock)

    def _day(self, event: Event | None) -> date:
        """The day they were met: the event's (today, for one that lasts days and is on now)."""
        today = self._clock.today()
        if event is None or event.starts_on is None:
            return today
        if event.starts_on <= today <= (event.ends_on or event.starts_on):
            return today
        return event.starts_on


def _kept(photo: PhotoRead) -> KeptPhoto:
    p = photo.picture
    return KeptPhoto(photo.path, photo.digest, p.card_image, p.thumbnail, p.card_width, p.card_height)


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Contact.id, Contact.name).where(Contact.id.in_(ids))).tuples())


class PhotosUnreadable(UserError):
    """Not one photo could be read; `problems` says why, photo by photo."""

    def __init__(self, problems: list[Problem]) -> None:
        if len(problems) == 1:
            message = f"{problems[0]}; nothing was imported"
        else:
            message = f"none of the {len(problems)} photos could be read; nothing was imported"
        super().__init__(message)
        self.problems = problems
