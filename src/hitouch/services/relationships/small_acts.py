"""Small acts: the life changes imports noticed (a new company, a new position), each with the
small act it calls for, on Today until acknowledged; the changes stay on the contact's timeline."""

from __future__ import annotations

from sqlalchemy import Date, text
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef, LifeChangeRecord
from hitouch.domain.relationships.small_acts import SmallAct, suggestion_for_all
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import NotFound
from hitouch.store.database import Journal
from hitouch.store.models import LifeChange

# CROSS JOIN and `+c.deleted_at`: walk the life changes, look each person up by id.
_PENDING = """
SELECT u.id, u.contact_id, c.name, u.noticed_on, u.kind, u.old_value, u.new_value
FROM contact_update u CROSS JOIN contact c ON c.id = u.contact_id
WHERE u.acknowledged_at IS NULL AND +c.deleted_at IS NULL
ORDER BY u.noticed_on DESC, u.id DESC
"""


def pending_acts(session: Session) -> list[SmallAct]:
    """Unacknowledged life changes of live contacts, newest first; what was noticed about one
    person on one day is one act."""
    rows = session.execute(text(_PENDING).columns(noticed_on=Date))
    together: dict[tuple[int, object], list[LifeChangeRecord]] = {}
    for change_id, contact_id, name, noticed_on, kind, old, new in rows:
        record = LifeChangeRecord(change_id, ContactRef(contact_id, name), noticed_on, kind, old, new)
        together.setdefault((contact_id, noticed_on), []).append(record)
    return [SmallAct(records[0], suggestion_for_all(records), records[1:]) for records in together.values()]


class SmallActs:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def pending(self) -> list[SmallAct]:
        with self._journal.read() as session:
            return pending_acts(session)

    def acknowledge(self, *change_ids: int) -> Changes:
        """Done (or not needed): the suggestion leaves Today; the life changes stay on the timeline."""
        contacts = set()
        with self._journal.write() as session:
            for change_id in change_ids:
                row = session.get(LifeChange, change_id)
                if row is None:
                    raise NotFound(f"no life change with id {change_id}")
                row.acknowledged_at = self._clock.utc_now()
                contacts.add(row.contact_id)
            return Changes(contacts=contacts)
