"""The trash: deleted contacts stay 30 days, then go for good."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select

from hitouch.domain.records import TrashedContact
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import NotFound
from hitouch.store.database import Journal
from hitouch.store.models import Contact

KEEP_DAYS = 30


class Trash:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def list(self) -> list[TrashedContact]:
        with self._journal.read() as session:
            rows = session.execute(
                select(Contact.id, Contact.name, Contact.deleted_at)
                .where(Contact.deleted_at.is_not(None))
                .order_by(Contact.deleted_at.desc())
            ).all()
            return [
                TrashedContact(r.id, r.name, r.deleted_at, (r.deleted_at + timedelta(days=KEEP_DAYS)).date())
                for r in rows
            ]

    def restore(self, *contact_ids: int) -> Changes:
        with self._journal.write() as session:
            for contact_id in contact_ids:
                contact = session.get(Contact, contact_id)
                if contact is None or contact.deleted_at is None:
                    raise NotFound(f"no contact with id {contact_id} in the trash")
                contact.deleted_at = None
            return Changes(contacts=set(contact_ids), contact_set=True)

    def purge_expired(self) -> int:
        """Remove for good what has been in the trash longer than 30 days."""
        cutoff = self._clock.utc_now() - timedelta(days=KEEP_DAYS)
        with self._journal.read() as session:
            expired = session.scalar(select(Contact.id).where(Contact.deleted_at < cutoff).limit(1))
        if expired is None:
            return 0  # the common case costs no write lock
        with self._journal.write() as session:
            result = session.execute(delete(Contact).where(Contact.deleted_at < cutoff))
            return int(getattr(result, "rowcount", 0))  # a DELETE's CursorResult counts its rows
