"""Importing contacts files: a preview of what would happen, the import as one batch, undo.

`plan` reads the files and matches each person against the journal without writing.
`apply` matches again inside its one write transaction (the journal may have changed since
the preview), merges the suggestions the person confirmed, and writes everything or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.cards import Problem
from hitouch.domain.records import ContactRef
from hitouch.interop.contacts_io import (
    FORMATS,
    MAPPABLE_FIELDS,
    InputFile,
    ReadOnce,
    UnreadableFile,
    csv_sample,
    detect_format,
    guess_mapping,
    input_bytes,
    is_stream,
    layout_name,
    read_contacts,
)
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import NotFound, UserError
from hitouch.services.importing.matching import Suggestion, by_target, exact_targets, suggestions
from hitouch.services.importing.merge import Additions, additions, load_existing
from hitouch.services.importing.people import CardOrigin, Person, group, person_of
from hitouch.services.importing.writing import ImportCancelled, undo_batch, write_people
from hitouch.services.progress import Cancelled, Progress, no_progress, not_cancelled
from hitouch.store.chunking import chunks
from hitouch.store.database import Journal
from hitouch.store.models import Contact, ImportBatch

__all__ = [
    "ColumnChoice",
    "EntryKind",
    "ImportCancelled",
    "ImportPlan",
    "ImportReport",
    "Importing",
    "PlanEntry",
    "Suggestion",
    "UndoReport",
]


# Writes more within an import's unit of work: (session, batch id, the contact id of each
# person in `resolved` order, resolved as (person, target or None)).
AlsoWrite = Callable[[Session, int, list[int], list[tuple[Person, int | None]]], None]


class EntryKind(StrEnum):
    NEW = "new"
    MERGE = "merge"
    UNCHANGED = "unchanged"
    SUGGESTION = "suggestion"  # a possible duplicate: new unless the person confirms the merge


@dataclass(slots=True)
class PlanEntry:
    """One person in the files and what importing them would do."""

    index: int
    kind: EntryKind
    person: Person
    contact: ContactRef | None = None  # the contact merged into (merge, unchanged)
    adds: Additions | None = None  # what a merge adds
    suggestion: Suggestion | None = None

    @property
    def name(self) -> str:
        return self.person.name

    @property
    def origins(self) -> list[CardOrigin]:
        return self.person.origins


@dataclass(slots=True)
class Counts:
    """Per card read: the first card of a new person is created, the cards of the same person
    after it are merged into it; cards that match a contact are merged, or unchanged when
    they add nothing."""

    created: int = 0
    merged: int = 0
    unchanged: int = 0
    skipped: int = 0

    def add(self, kind: EntryKind, cards: int) -> None:
        """The `cards` of one person, who is new, merged or unchanged."""
        if kind == EntryKind.NEW:
            self.created += 1
            self.merged += cards - 1
        elif kind == EntryKind.MERGE:
            self.merged += cards
        else:
            self.unchanged += cards


@dataclass(slots=True)
class ImportPlan:
    files: list[str]
    formats: list[str]
    entries: list[PlanEntry]
    problems: list[Problem]
    skipped: int

    def of_kind(self, kind: EntryKind) -> list[PlanEntry]:
        return [entry for entry in self.entries if entry.kind == kind]

    @property
    def suggestions(self) -> list[Suggestion]:
        return [entry.suggestion for entry in self.entries if entry.suggestion is not None]

    def counts(self, confirmed: Collection[Suggestion] = ()) -> Counts:
        """What importing would do, with the `confirmed` suggestions merged."""
        counts = Counts(skipped=self.skipped)
        for entry in self.entries:
            if entry.kind == EntryKind.SUGGESTION:
                counts.add(EntryKind.MERGE if entry.suggestion in confirmed else EntryKind.NEW, len(entry.origins))
            else:
                counts.add(entry.kind, len(entry.origins))
        return counts


@dataclass(slots=True)
class ImportReport:
    batch_id: int
    files: list[str]
    counts: Counts
    problems: list[Problem]
    suggestions: list[Suggestion]  # not confirmed, so imported as new contacts
    moves: int  # changes of company or position noticed
    changes: Changes


@dataclass(slots=True)
class UndoReport:
    batch_id: int
    removed: int  # contacts the import had created
    restored: int  # contacts it had added to or changed
    changes: Changes


@dataclass(slots=True)
class ColumnChoice:
    """A CSV in no known layout: its columns, a few rows as examples, and a guessed mapping."""

    path: Path
    columns: list[str]
    samples: list[list[str]]
    guess: dict[str, str]  # column -> field
    fields: tuple[str, ...] = MAPPABLE_FIELDS


class Importing:
    def __init__(self, journal: Journal, clock: Clock, region: str | None = None) -> None:
        self._journal = journal
        self._clock = clock
        self._region = region

    def columns_to_map(self, path: InputFile) -> ColumnChoice | None:
        """For a CSV that is not a LinkedIn, Google, Outlook or HiTouch export; None otherwise.
        A stream (a pipe, a device) is not read here: it can be read only once, by plan()."""
        if not isinstance(path, ReadOnce) and is_stream(path):
            return None
        try:
            if detect_format(input_bytes(path), str(path)) != "csv":
                return None
            columns, samples = csv_sample(path)
            if layout_name(columns) == "hitouch":
                return None  # HiTouch's own export: its columns are known
        except OSError:
            return None  # plan() says what is wrong with the file, naming it
        except UnreadableFile as exc:
            raise UserError(str(exc)) from None
        return ColumnChoice(Path(str(path)), columns, samples, guess_mapping(columns))

    def plan(
        self,
        paths: Sequence[InputFile],
        format: str = "auto",
        mapping: dict[str, str] | None = None,
        progress: Progress = no_progress,
        cancelled: Cancelled = not_cancelled,
    ) -> ImportPlan:
        """What importing `paths` would do. Nothing is written. UserError names a file that
        cannot be read at all, and then nothing of any file is imported."""
        if format not in FORMATS:
            raise UserError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
        if not paths:
            raise UserError("no file to import")
        people: list[Person] = []
        problems: list[Problem] = []
        formats: list[str] = []
        skipped = 0
        for done, path in enumerate(paths):
            if cancelled():
                raise ImportCancelled("the import was cancelled; nothing was imported")
            progress(done, len(paths))
            try:
                result = read_contacts(path, format, mapping=mapping, region=self._region, today=self._clock.today())
            except UnreadableFile as exc:
                raise UserError(f"{exc}; nothing was imported") from None
            formats.append(result.format)
            problems += result.problems
            skipped += result.skipped
            people += [person_of(card, CardOrigin(str(path), card.line), self._region) for card in result.cards]
        progress(len(paths), len(paths))
        return self.plan_people(people, [str(p) for p in paths], formats, problems, skipped)

    def plan_people(
        self, people: list[Person], files: list[str], formats: list[str], problems: list[Problem], skipped: int
    ) -> ImportPlan:
        """What importing these people (read from `files`) would do; the photo import's way in."""
        with self._journal.read() as session:
            entries = self._entries(session, group(people))
        return ImportPlan(files, formats, entries, problems, skipped)

    def _entries(self, session: Session, people: list[Person]) -> list[PlanEntry]:
        resolved = by_target(people, exact_targets(session, people))
        existing = load_existing(session, [target for _, target in resolved if target is not None])
        entries: list[PlanEntry] = []
        for person, target in resolved:
            entry = PlanEntry(len(entries), EntryKind.NEW, person)
            if target is not None:
                entry.adds = additions(person, existing[target])
                entry.kind = EntryKind.MERGE if entry.adds else EntryKind.UNCHANGED
                entry.contact = ContactRef(target, existing[target].name)
            entries.append(entry)
        unknown = {entry.index: entry.person for entry in entries if entry.contact is None}
        for index, suggestion in suggestions(session, unknown).items():
            entries[index].kind = EntryKind.SUGGESTION
            entries[index].suggestion = suggestion
        return entries

    def apply(
        self,
        plan: ImportPlan,
        confirmed: Collection[Suggestion] = (),
        progress: Progress = no_progress,
        cancelled: Cancelled = not_cancelled,
        also: AlsoWrite | None = None,
    ) -> ImportReport:
        """Import as one batch: all of it, or (on an error or cancel) nothing. `also` writes
        more in the same unit of work, given the batch and each entry's contact id."""
        merge_into = {s.entry: s.contact.id for s in confirmed}
        with self._journal.write() as session:
            people = [entry.person for entry in plan.entries]
            targets = exact_targets(session, people)
            confirmed_live = self._live(session, [merge_into[e.index] for e in plan.entries if e.index in merge_into])
            for entry in plan.entries:
                if targets[entry.index] is None and merge_into.get(entry.index) in confirmed_live:
                    targets[entry.index] = merge_into[entry.index]
            resolved = by_target(people, targets)
            written = write_people(
                session,
                resolved,
                files=plan.files,
                format=",".join(dict.fromkeys(plan.formats)),
                now=self._clock.utc_now(),
                today=self._clock.today(),
                progress=progress,
                cancelled=cancelled,
            )
            if also is not None:
                created = iter(written.created)
                also(session, written.batch_id, [next(created) if t is None else t for _, t in resolved], resolved)
        imported_as_new = [s for s in plan.suggestions if s not in confirmed]
        counts = Counts(skipped=plan.skipped)
        for person, target in resolved:
            kind = (
                EntryKind.NEW
                if target is None
                else EntryKind.MERGE
                if target in written.merged
                else EntryKind.UNCHANGED
            )
            counts.add(kind, len(person.origins))
        touched = set(written.created) | written.merged
        return ImportReport(
            written.batch_id,
            plan.files,
            counts,
            plan.problems,
            imported_as_new,
            written.moves,
            Changes(contacts=touched, contact_set=bool(written.created)),
        )

    @staticmethod
    def _live(session: Session, ids: list[int]) -> set[int]:
        live: set[int] = set()
        for chunk in chunks(ids):
            live.update(session.scalars(select(Contact.id).where(Contact.id.in_(chunk), Contact.deleted_at.is_(None))))
        return live

    def undo(self, batch_id: int) -> UndoReport:
        """Remove what an import added and put back what it changed."""
        with self._journal.write() as session:
            batch = session.get(ImportBatch, batch_id)
            if batch is None:
                raise NotFound(f"there is no import {batch_id}")
            if batch.undone_at is not None:
                raise UserError(f"import {batch_id} was already undone")
            undone = undo_batch(session, batch, self._clock.utc_now())
        changes = Changes(
            contacts=set(undone.removed) | undone.restored,
            contact_set=bool(undone.removed),
            interactions=undone.journal,
            events=undone.journal,
            followups=undone.journal,
        )
        return UndoReport(batch_id, len(undone.removed), len(undone.restored), changes)
