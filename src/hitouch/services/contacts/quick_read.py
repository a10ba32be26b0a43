"""A read-only look at a journal for the command line, without SQLAlchemy or Alembic.

Importing SQLAlchemy alone costs about a quarter of a second here; a search from a script
should cost less than that in all. Journals that need creating or upgrading take the normal
route first (`is_current` says which), through the front end's own way of opening a journal.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hitouch.store import migrate
from hitouch.store.connect import connect, database_errors, passphrase_for
from hitouch.store.queries.contact_summaries import Connection


def is_current(path: Path, passphrase: str | None = None) -> bool:
    """Whether the journal is there, at the current schema, ready for `reading`."""
    path = Path(path).expanduser()
    return path.is_file() and migrate.current_revision(path, passphrase_for(path, passphrase)) == migrate.HEAD


@contextmanager
def reading(path: Path, passphrase: str | None = None) -> Iterator[Connection]:
    """One consistent, read-only snapshot of a current journal (see `is_current`)."""
    path = Path(path).expanduser()
    passphrase = passphrase_for(path, passphrase)
    connection = connect(path, readonly=True, passphrase=passphrase)
    try:
        connection.execute("BEGIN")  # one consistent snapshot for every query
        yield connection
    except database_errors() as exc:
        from hitouch.store.database import classify

        raise classify(exc, path) from exc
    finally:
        connection.close()
