"""Set-based inserts for bulk writes (imports, generated journals): many rows per statement.

Plain Core inserts, not one ORM object per row: SQLAlchemy sends them as multi-row VALUES
(with RETURNING where ids are needed), and the search triggers index them by themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import FromClause, Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from hitouch.store.chunking import chunks
from hitouch.store.models import Contact, ContactEmail, ContactPhone, ContactPhoto, ContactTag, ContactUrl, Tag

Row = dict[str, Any]


def table_of(clause: FromClause) -> Table:
    """A model's `__table__` as the Table it is (SQLAlchemy types it as any FromClause)."""
    if not isinstance(clause, Table):
        raise TypeError(f"{clause!r} is not a table")
    return clause


def insert_returning_ids(session: Session, clause: FromClause, rows: Sequence[Row]) -> list[int]:
    """Insert `rows` (all with the same keys) into a model's table; their new ids, in the order given."""
    if not rows:
        return []
    table = table_of(clause)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, list(rows)).scalars())


def insert_rows(session: Session, clause: FromClause, rows: Sequence[Row]) -> None:
    """Insert `rows`, which all give the same columns (defaults are not filled in), with one
    executemany. Values go through the columns' own conversions (dates, times) but not through
    SQLAlchemy's per-row parameter handling, which costs more than SQLite's insert itself."""
    if not rows:
        return
    table = table_of(clause)
    columns = list(rows[0])
    dialect = session.get_bind().dialect
    convert = [(column, table.c[column].type.dialect_impl(dialect).bind_processor(dialect)) for column in columns]
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    values = [tuple(to(row[column]) if to else row[column] for column, to in convert) for row in rows]
    session.connection().exec_driver_sql(sql, values)


def ensure_tags(session: Session, names: dict[str, str]) -> dict[str, int]:
    """Tag ids by name key (`names` maps name_key -> name); missing tags are created."""
    found: dict[str, int] = {}
    keys = list(names)
    for chunk in chunks(keys):
        found.update(
            (key, tag_id)
            for key, tag_id in session.execute(select(Tag.name_key, Tag.id).where(Tag.name_key.in_(chunk)))
        )
    missing = [key for key in keys if key not in found]
    ids = insert_returning_ids(session, Tag.__table__, [{"name": names[key], "name_key": key} for key in missing])
    found.update(zip(missing, ids))
    return found


@dataclass(slots=True)
class NewContact:
    """One contact to create, as column values; the ids that tie the rows together, the
    positions and the import batch are filled in by `insert_contacts`.

    `emails`: address, address_key, label; `phones`: number, e164, label; `urls`: url,
    url_key, kind, label; `tag_ids`: existing tags (see `ensure_tags`); `photo`: mime, data."""

    contact: Row
    emails: list[Row] = field(default_factory=list)
    phones: list[Row] = field(default_factory=list)
    urls: list[Row] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    photo: Row | None = None


def insert_contacts(session: Session, contacts: Sequence[NewContact], batch_id: int | None = None) -> list[int]:
    """Create `contacts` with a handful of statements; their ids, in the order given.

    Runs in the caller's write transaction (`Journal.write()`, BEGIN IMMEDIATE): no other
    writer can take an id meanwhile, so the ids are handed out here, without RETURNING."""
    first = (session.scalar(select(func.max(Contact.id))) or 0) + 1
    ids = list(range(first, first + len(contacts)))
    emails: list[Row] = []
    phones: list[Row] = []
    urls: list[Row] = []
    tags: list[Row] = []
    photos: list[Row] = []
    for contact_id, new in zip(ids, contacts):
        emails += child_rows(new.emails, contact_id, batch_id)
        phones += child_rows(new.phones, contact_id, batch_id)
        urls += child_rows(new.urls, contact_id, batch_id)
        tags += [{"contact_id": contact_id, "tag_id": tag_id, "import_batch_id": batch_id} for tag_id in new.tag_ids]
        if new.photo:
            photos.append({**new.photo, "contact_id": contact_id})
    with search_index_deferred(session) as touched:
        insert_rows(
            session,
            Contact.__table__,
            [{**new.contact, "id": cid, "import_batch_id": batch_id} for cid, new in zip(ids, contacts)],
        )
        insert_rows(session, ContactEmail.__table__, emails)
        insert_rows(session, ContactPhone.__table__, phones)
        insert_rows(session, ContactUrl.__table__, urls)
        insert_rows(session, ContactTag.__table__, tags)
        insert_rows(session, ContactPhoto.__table__, photos)
        touched.update(ids)
    return ids


_DEFERRED = "hitouch_search_deferred"


@contextmanager
def search_index_deferred(session: Session) -> Iterator[set[int]]:
    """For bulk writes: index each contact once, not once per row written.

    The triggers that keep `contact_search` in step on INSERT and UPDATE would index a contact
    again for every email, phone, tag and field written. They are set aside for the block, and
    after it one UPDATE per chunk has the update trigger index each contact the block added to
    the yielded set. SQLite changes its schema within the transaction: other connections never
    see the triggers gone, and a rollback keeps them. Blocks may nest; the outer one indexes."""
    touched = session.info.get(_DEFERRED)
    if touched is not None:
        yield touched
        return
    saved = session.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%contact_search%' "
            "AND (sql LIKE '% AFTER INSERT %' OR sql LIKE '% AFTER UPDATE %')"
        )
    ).all()
    for name, _ in saved:
        session.execute(text(f'DROP TRIGGER "{name}"'))
    touched = session.info[_DEFERRED] = set()
    try:
        yield touched
    finally:
        del session.info[_DEFERRED]
    for _, sql in saved:
        session.execute(text(sql))
    table = table_of(Contact.__table__)
    for chunk in chunks(sorted(touched)):
        session.execute(update(table).where(table.c.id.in_(chunk)).values(name=table.c.name))


def child_rows(rows: Iterable[Row], contact_id: int, batch_id: int | None, first_position: int = 0) -> list[Row]:
    """Email, phone or URL rows tied to a contact, numbered from `first_position`."""
    return [
        {**row, "contact_id": contact_id, "position": first_position + i, "import_batch_id": batch_id}
        for i, row in enumerate(rows)
    ]
