"""The journal file: created private, migrated, refused when newer or foreign, WAL and FKs on."""

from __future__ import annotations

import sqlite3
import stat
from importlib import resources
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from hitouch.services.clock import Clock
from hitouch.store import migrate
from hitouch.store.errors import JournalDamaged, JournalError, JournalTooNew
from hitouch.store.journal import open_journal
from hitouch.store.models import Base


def test_a_new_journal_gets_the_current_schema_in_a_private_folder(journal_path: Path):
    journal = open_journal(journal_path, clock=Clock())
    journal.close()
    with sqlite3.connect(journal_path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"contact", "interaction", "follow_up", "referral", "contact_search"} <= tables
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700


def test_connections_enforce_foreign_keys_and_wal(journal_path: Path):
    journal = open_journal(journal_path, clock=Clock())
    with journal.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    journal.close()


def test_the_models_and_the_migrations_describe_the_same_schema(journal_path: Path):
    journal = open_journal(journal_path, clock=Clock())
    with journal.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": migrate.managed_by_models}
        )
        assert compare_metadata(context, Base.metadata) == []
    journal.close()


def test_known_revisions_match_the_migration_history():
    config = Config()
    config.set_main_option("script_location", str(resources.files("hitouch.store") / "migrations"))
    history = [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]
    assert tuple(reversed(history)) == migrate.REVISIONS


def test_a_journal_from_a_newer_hitouch_is_refused_and_left_untouched(journal_path: Path):
    open_journal(journal_path, clock=Clock()).close()
    with sqlite3.connect(journal_path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    before = journal_path.read_bytes()
    with pytest.raises(JournalTooNew, match="newer HiTouch"):
        open_journal(journal_path, clock=Clock())
    assert journal_path.read_bytes() == before


def test_an_sqlite_file_that_is_not_a_journal_is_refused(tmp_path: Path):
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (x)")
    with pytest.raises(JournalDamaged, match="not a HiTouch journal"):
        open_journal(other, clock=Clock())


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(JournalDamaged):
        open_journal(junk, clock=Clock())
    assert junk.read_bytes() == b"this is not a database at all" * 100


def test_a_folder_is_not_a_journal(tmp_path: Path):
    with pytest.raises(JournalError, match="folder"):
        open_journal(tmp_path, clock=Clock())


def test_writes_take_the_write_lock_at_once(journal_path: Path):
    """BEGIN IMMEDIATE: a second writer waits for the lock rather than failing mid-way."""
    journal = open_journal(journal_path, clock=Clock())
    statements: list[str] = []
    from sqlalchemy import event

    event.listen(journal.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with journal.write() as session:
        statements.clear()
        session.connection()
        write_begins = [s for s in statements if s.startswith("BEGIN")]
    with journal.read() as session:
        statements.clear()
        session.connection()
        read_begins = [s for s in statements if s.startswith("BEGIN")]
    journal.close()
    assert write_begins == ["BEGIN IMMEDIATE"]
    assert read_begins == ["BEGIN DEFERRED"]
