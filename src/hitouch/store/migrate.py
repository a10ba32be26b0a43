"""Bringing a journal file to the current schema, safely.

The current revision is read with plain sqlite3 first, so opening an up-to-date journal
(the common case, and every command-line call) never imports Alembic, and this module
imports no SQLAlchemy until an upgrade is needed.
"""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from hitouch.store.connect import INSTALL_HINT, connect, database_errors, encryption_available, looks_encrypted
from hitouch.store.errors import JournalDamaged, JournalError, JournalTooNew

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Every released schema, oldest first; tests/store keep this equal to Alembic's history.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0009")
HEAD = REVISIONS[-1]

# FTS5 tables and their shadow tables are made by raw SQL in the migrations, not by models.
SEARCH_TABLES = ("contact_search", "interaction_search", "event_search")


def managed_by_models(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """For Alembic's comparisons: leave the full-text search tables out."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_TABLES))


def current_revision(path: Path, passphrase: str | None = None) -> str | None:
    """The journal's schema revision; None for a new, empty file."""
    if passphrase is None and looks_encrypted(path):
        hint = "give its passphrase ($HITOUCH_PASSPHRASE)" if encryption_available() else INSTALL_HINT
        raise JournalDamaged(
            f"{path} is encrypted or is not a HiTouch journal; it was left untouched. If it is encrypted, {hint}."
        )
    try:
        connection = connect(path, readonly=True, passphrase=passphrase)
    except sqlite3.Error as exc:
        raise JournalError(f"The journal {path} cannot be opened: {exc}") from exc
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise JournalDamaged(f"{path} is an SQLite file but not a HiTouch journal; it was left untouched.")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except database_errors() as exc:
        if "locked" in str(exc):
            raise
        if passphrase is not None and "not a database" in str(exc):
            raise JournalDamaged(
                f"The passphrase does not open {path} (or it is damaged); it was left untouched."
            ) from exc
        raise JournalDamaged(f"{path} is not a HiTouch journal or is damaged ({exc}); it was left untouched.") from exc
    finally:
        connection.close()


def check_version(path: Path, revision: str | None) -> None:
    if revision is not None and revision not in REVISIONS:
        raise JournalTooNew(
            f"The journal {path} was written by a newer HiTouch (schema {revision}). "
            f"It was left untouched; please update HiTouch to open it."
        )


def upgrade(engine: Engine, script_location: str | None = None, head: str = HEAD) -> None:
    """Apply every pending migration in one transaction: all of them, or none."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", script_location or str(resources.files("hitouch.store") / "migrations"))
    with engine.execution_options(hitouch_write=True).connect() as connection:
        # Copying a table (SQLite's way to alter one) must not trip foreign keys half-way;
        # the check below runs before the commit instead.
        raw = connection.connection.dbapi_connection
        assert raw is not None  # a connection just opened has its DB-API connection
        raw.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, head)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise JournalError(f"migration left {len(broken)} broken references; rolled back")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
