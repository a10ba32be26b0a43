"""Small acts: changes in people's lives that imports noticed, until they are acknowledged."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef, ContactUpdateRecord
from hitouch.domain.relations import SmallAct
from hitouch.domain.small_acts import suggestion_for
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import NotFound
from hitouch.store.database import Journal
from hitouch.store.models import Contact, ContactUpdate


def pending_acts(session: Session) -> list[SmallAct]:
    """Unacknowledged updates of live contacts, newest first."""
    rows = session.execute(
        select(ContactUpdate, Contact.name)
        .join(Contact, Contact.id == ContactUpdate.contact_id)
        .where(ContactUpdate.acknowledged_at.is_(None), Contact.deleted_at.is_(None))
        .order_by(ContactUpdate.noticed_on.desc(), ContactUpdate.id.desc())
    )
    acts = []
    for update, name in rows:
        record = ContactUpdateRecord(
            update.id, ContactRef(update.contact_id, name), update.noticed_on, update.kind, update.old_value,
            update.new_value,
        )
        acts.append(SmallAct(record, suggestion_for(record)))
    return acts


class Updates:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def pending(self) -> list[SmallAct]:
        with self._journal.read() as session:
            return pending_acts(session)

    def acknowledge(self, update_id: int) -> Changes:
        """Done (or not needed): the suggestion leaves Today; the update stays on the timeline."""
        with self._journal.write() as session:
            row = session.get(ContactUpdate, update_id)
            if row is None:
                raise NotFound(f"no update with id {update_id}")
            row.acknowledged_at = self._clock.utc_now()
            return Changes(contacts={row.contact_id})
