"""A read-only look at a journal for the command line, without SQLAlchemy or Alembic.

Importing SQLAlchemy alone costs about a quarter of a second here; a search from a script
should cost less than that in all. Journals that need creating or upgrading take the normal
route first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hitouch.store import migrate
from hitouch.store.connect import connect, database_errors, passphrase_for
from hitouch.store.queries.contact_rows import Connection


@contextmanager
def reading(path: Path, passphrase: str | None = None) -> Iterator[Connection]:
    path = Path(path).expanduser()
    passphrase = passphrase_for(path, passphrase)
    if not path.is_file() or migrate.current_revision(path, passphrase) != migrate.HEAD:
        from hitouch.services.workspace import open_workspace

        open_workspace(path, passphrase=passphrase).close()  # create, or refuse, or upgrade
    connection = connect(path, readonly=True, passphrase=passphrase)
    try:
        connection.execute("BEGIN")  # one consistent snapshot for every query
        yield connection
    except database_errors() as exc:
        from hitouch.store.database import classify

        raise classify(exc, path) from exc
    finally:
        connection.close()
