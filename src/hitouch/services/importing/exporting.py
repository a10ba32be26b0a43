"""Exporting every contact as vCard 3.0/4.0 or CSV, read a page at a time.

The file appears whole or not at all: it is written beside the target and renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled, Photo
from hitouch.domain.vocabulary import Source
from hitouch.interop.contacts_io import write_csv, write_vcards
from hitouch.services.contacts import reading
from hitouch.services.errors import UserError
from hitouch.services.progress import Cancelled, Progress, no_progress, not_cancelled
from hitouch.store.chunking import chunks
from hitouch.store.database import Journal
from hitouch.store.models import Contact, ContactEmail, ContactPhone, ContactPhoto, ContactTag, ContactUrl, Tag

VCARD_VERSIONS = ("3.0", "4.0")


class ExportCancelled(Exception):
    """The person cancelled; no file was written."""


class Exporting:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def vcards(
        self, path: Path, version: str = "3.0", progress: Progress = no_progress, cancelled: Cancelled = not_cancelled
    ) -> int:
        """Every live contact as vCards; the number written."""
        if version not in VCARD_VERSIONS:
            raise UserError(f"the vCard version must be 3.0 or 4.0, not {version!r}")
        return self._export(path, lambda cards: write_vcards(cards, version), "utf-8", progress, cancelled)

    def csv(self, path: Path, progress: Progress = no_progress, cancelled: Cancelled = not_cancelled) -> int:
        """Every live contact as CSV, UTF-8 with a BOM so spreadsheets read it right."""
        return self._export(path, write_csv, "utf-8-sig", progress, cancelled)

    def _export(
        self,
        path: Path,
        render: Callable[[Iterable[ContactCard]], str],
        encoding: str,
        progress: Progress,
        cancelled: Cancelled,
    ) -> int:
        path = Path(path)
        with self._journal.read() as session:
            ids = reading.list_ids(session)

            def cards() -> Iterator[ContactCard]:
                done = 0
                for chunk in _cards(session, ids):
                    if cancelled():
                        raise ExportCancelled("the export was cancelled; no file was written")
                    yield from chunk
                    done += len(chunk)
                    progress(done, len(ids))

            text = render(cards())
        _write_whole(path, text, encoding)
        return len(ids)


def _cards(session: Session, ids: Sequence[int]) -> Iterator[list[ContactCard]]:
    """Cards for `ids`, a chunk at a time, with a fixed number of queries per chunk."""
    for chunk in chunks(ids):
        cards: dict[int, ContactCard] = {}
        for c in session.scalars(select(Contact).where(Contact.id.in_(chunk))):
            cards[c.id] = ContactCard(
                given=c.given,
                family=c.family,
                name=c.name,
                company=c.company,
                title=c.title,
                notes=c.notes,
                birthday=Birthday.from_parts(c.birthday_mmdd, c.birthday_year),
                source=_source(c.source),
                uid=c.vcard_uid or "",
                connected_on=c.connected_on,
            )
        for table, column, attribute in (
            (ContactEmail, ContactEmail.address, "emails"),
            (ContactPhone, ContactPhone.number, "phones"),
            (ContactUrl, ContactUrl.url, "urls"),
        ):
            for cid, value, label in session.execute(
                select(table.contact_id, column, table.label)
                .where(table.contact_id.in_(chunk))
                .order_by(table.contact_id, table.position)
            ):
                getattr(cards[cid], attribute).append(Labelled(value, label))
        for cid, name in session.execute(
            select(ContactTag.contact_id, Tag.name)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(ContactTag.contact_id.in_(chunk))
            .order_by(Tag.name_key)
        ):
            cards[cid].tags.append(name)
        for cid, mime, data in session.execute(
            select(ContactPhoto.contact_id, ContactPhoto.mime, ContactPhoto.data).where(
                ContactPhoto.contact_id.in_(chunk)
            )
        ):
            cards[cid].photo = Photo(data, mime)
        yield [cards[cid] for cid in chunk if cid in cards]


def _source(value: str) -> Source | None:
    try:
        return Source(value)
    except ValueError:
        return None


def _write_whole(path: Path, text: str, encoding: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"{path}: the folder {folder} does not exist")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UserError(f"{path}: cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
