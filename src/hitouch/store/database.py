"""Opening a journal file: engine, pragmas, transactions, the unit of work.

Every write runs in `BEGIN IMMEDIATE` so a second writer (the command line beside the
window) waits for the lock instead of failing half-way; reads use deferred transactions
so they never block a writer.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from hitouch.store.errors import JournalBusy, JournalError, JournalFull, JournalDamaged

BUSY_TIMEOUT_SECONDS = 10.0
_WRITE = "hitouch_write"


def make_private(path: Path) -> None:
    """Create the journal's folder (0700) and file (0600) before SQLite does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.parent.stat().st_uid == os.getuid() and not _is_shared_dir(path.parent):
        os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def _is_shared_dir(folder: Path) -> bool:
    # Never tighten a folder others rely on (a journal placed in /tmp or a home directory root).
    return folder.resolve() in {Path("/tmp"), Path.home().resolve(), Path("/")}


def create_journal_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin (the SQLite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
        # 64 MB of page cache (the default is 2 MB): the agenda's index probes over a large
        # journal then stay in memory between questions.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = "IMMEDIATE" if connection.get_execution_options().get(_WRITE) else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@dataclass
class Journal:
    """An open journal file. Services take one and open a unit of work per user action."""

    path: Path
    engine: Engine

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with translate_errors(self.path), self._reader() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole on any error."""
        with translate_errors(self.path), self._writer() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Environment failures become errors a person can act on; bugs stay bugs."""
    try:
        yield
    except DBAPIError as exc:
        raise classify(exc.orig, path) from exc
    except sqlite3.Error as exc:
        raise classify(exc, path) from exc


def classify(exc: BaseException | None, path: Path) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalBusy(
            f"The journal {path} is busy: another HiTouch is writing to it. "
            f"Nothing was changed; try again in a moment."
        )
    if "full" in text or isinstance(exc, sqlite3.OperationalError) and "disk i/o" in text:
        return JournalFull(f"The disk holding {path} is full. Nothing was changed; free some space and try again.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return JournalDamaged(
            f"The journal {path} is damaged ({exc}). Nothing was changed; run 'hitouch check' to find a sound backup."
        )
    if isinstance(exc, sqlite3.IntegrityError):
        return exc  # a rule broken by the caller: a bug, not the environment
    if isinstance(exc, sqlite3.OperationalError):
        return JournalError(f"The journal {path} could not be used: {exc}")
    return exc if isinstance(exc, Exception) else JournalError(str(exc))
