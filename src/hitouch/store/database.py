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
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from hitouch.store.backup import BackupPolicy, backed_up_on, make_backup
from hitouch.store.connect import database_errors, driver, key_statements
from hitouch.store.errors import JournalBusy, JournalDamaged, JournalError, JournalFull

BUSY_TIMEOUT_SECONDS = 10.0  # how long a writer waits for another one ($HITOUCH_BUSY_TIMEOUT, read by the roots)
_WRITE = "hitouch_write"


class WallClock(Protocol):
    """What the journal asks of the services' clock (`services.clock.Clock`): the local time."""

    def now(self) -> datetime: ...


def make_private(path: Path) -> None:
    """Create the journal file (0600) before SQLite does, in a private folder (0700) when the
    folder is new. A folder that already exists is the user's choice and is left as it is."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
        os.chmod(path.parent, 0o700)  # mkdir's mode is filtered by the umask
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def create_journal_engine(
    path: Path, passphrase: str | None = None, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> Engine:
    timeout = busy_timeout
    engine = create_engine(
        f"sqlite:///{path}",
        module=driver(passphrase),
        connect_args={"timeout": timeout, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not pysqlite, decide where transactions begin (the SQLite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for statement in key_statements(passphrase) if passphrase is not None else ():
            cursor.execute(statement)
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
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
    clock: WallClock  # the day's first write is backed up first: the clock says which day it is
    backup_policy: BackupPolicy = field(default_factory=BackupPolicy)
    passphrase: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False)
        self._backed_up_on: date | None = None
        self._written = False

    @contextmanager
    def read(self) -> Iterator[Session]:
        with translate_errors(self.path), self._reader() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole on any error."""
        with translate_errors(self.path):
            self._back_up_before_the_days_first_write()
            with self._writer() as session, session.begin():
                yield session
            self._written = True

    def _back_up_before_the_days_first_write(self) -> None:
        now = self.clock.now()
        today = now.date()
        if self._backed_up_on == today:
            return
        if self._holds_data() and not backed_up_on(self.path, today):
            make_backup(self.path, "daily", now, self.backup_policy, self.passphrase)
        self._backed_up_on = today

    def _holds_data(self) -> bool:
        with self._reader() as session:
            return session.connection().exec_driver_sql("SELECT 1 FROM contact LIMIT 1").first() is not None

    def close(self) -> None:
        """After writes, let SQLite refresh the statistics its query planner uses; then close."""
        if not self._written:
            self.engine.dispose()
            return
        try:
            with self.engine.execution_options(**{_WRITE: True}).connect() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
                connection.commit()
        except DBAPIError:
            pass  # a busy or read-only journal closes all the same
        self.engine.dispose()


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Environment failures become errors a person can act on; bugs stay bugs."""
    try:
        yield
    except DBAPIError as exc:
        raise classify(exc.orig, path) from exc
    except database_errors() as exc:
        raise classify(exc, path) from exc


def classify(exc: BaseException | None, path: Path) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalBusy(
            f"The journal {path} is busy: another HiTouch is writing to it. Nothing was changed; try again in a moment."
        )
    if "full" in text or (isinstance(exc, sqlite3.OperationalError) and "disk i/o" in text):
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
