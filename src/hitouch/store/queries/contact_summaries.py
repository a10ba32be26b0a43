"""Contact summaries for a set of ids, in plain SQL on a DB-API connection.

Plain SQL (no SQLAlchemy import) so the command line's quick read path can use the very same
code as the window; a page of rows costs a fixed number of queries whatever its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from hitouch.domain.birthday import Birthday
from hitouch.domain.records import ContactSummary
from hitouch.store.chunking import chunks
from hitouch.store.queries.followup_due import due_sql


class Connection(Protocol):
    def execute(self, sql: str, parameters: Sequence[Any] = ...) -> Any: ...


def marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def live_ids_by_name(db: Connection) -> list[int]:
    return [row[0] for row in db.execute("SELECT id FROM contact WHERE deleted_at IS NULL ORDER BY name_key, id")]


def summaries(db: Connection, ids: Sequence[int]) -> list[ContactSummary]:
    """Summaries for `ids`, in the order given; missing ids are left out."""
    found: dict[int, ContactSummary] = {}
    for chunk in chunks(ids):
        found.update(_summaries(db, chunk))
    return [found[i] for i in ids if i in found]


def _summaries(db: Connection, ids: Sequence[int]) -> dict[int, ContactSummary]:
    q = marks(ids)
    result = {
        r[0]: ContactSummary(
            id=r[0],
            name=r[1],
            given=r[2],
            family=r[3],
            company=r[4],
            title=r[5],
            source=r[6],
            birthday=Birthday.from_parts(r[7], r[8]),
        )
        for r in db.execute(
            "SELECT id, name, given, family, company, title, source, birthday_mmdd, birthday_year "
            f"FROM contact WHERE id IN ({q})",
            ids,
        )
    }
    for attribute, sql in (
        (
            "emails",
            f"SELECT contact_id, address FROM contact_email WHERE contact_id IN ({q}) ORDER BY contact_id, position",
        ),
        (
            "phones",
            f"SELECT contact_id, number FROM contact_phone WHERE contact_id IN ({q}) ORDER BY contact_id, position",
        ),
        ("urls", f"SELECT contact_id, url FROM contact_url WHERE contact_id IN ({q}) ORDER BY contact_id, position"),
        (
            "tags",
            "SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE ct.contact_id IN ({q}) ORDER BY t.name_key",
        ),
        (
            "events",
            "SELECT ce.contact_id, e.name FROM contact_event ce JOIN event e ON e.id = ce.event_id "
            f"WHERE ce.contact_id IN ({q}) ORDER BY e.starts_on, e.id",
        ),
    ):
        for contact_id, value in db.execute(sql, ids):
            getattr(result[contact_id], attribute).append(value)
    for (contact_id,) in db.execute(
        f"SELECT contact_id FROM interaction_contact WHERE contact_id IN ({q}) AND face_to_face = 1 "
        f"UNION SELECT contact_id FROM contact_event WHERE contact_id IN ({q}) AND in_person = 1",
        [*ids, *ids],
    ):
        result[contact_id].met_in_person = True
    for contact_id, last in db.execute(
        f"SELECT contact_id, max(occurred_on) FROM interaction_contact WHERE contact_id IN ({q}) GROUP BY contact_id",
        ids,
    ):
        result[contact_id].last_interaction = as_date(last)
    for contact_id, due in db.execute(
        f"SELECT contact_id, min({due_sql()}) FROM follow_up "
        f"WHERE contact_id IN ({q}) AND status = 'open' AND deleted_at IS NULL GROUP BY contact_id",
        ids,
    ):
        result[contact_id].next_followup = as_date(due)
    return result
