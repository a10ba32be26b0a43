"""Migrations are rehearsed: every released schema upgrades, and a failed upgrade changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hitouch.services.clock import Clock
from hitouch.store import migrate
from hitouch.store.backup import list_backups
from hitouch.store.database import create_journal_engine
from hitouch.store.journal import open_journal

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "data" / "journals").glob("schema-*.sqlite3"))


def test_there_is_a_fixture_journal_for_every_released_schema():
    assert [f.stem.removeprefix("schema-") for f in FIXTURES] == list(migrate.REVISIONS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_nothing_lost(fixture, tmp_path):
    journal_path = tmp_path / "journal.sqlite3"
    shutil.copy(fixture, journal_path)
    old_revision = fixture.stem.removeprefix("schema-")
    journal = open_journal(journal_path, clock=Clock())
    journal.close()
    with sqlite3.connect(journal_path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        names = {r[0] for r in db.execute("SELECT name FROM contact")}
        assert names == {"Zoë Müller", "Adaeze Okonkwo", "In The Trash"}
        assert db.execute("SELECT note FROM interaction WHERE channel = 'video'").fetchone() == (
            "Three-way call about the pilot",
        )
        assert db.execute("SELECT title FROM follow_up").fetchone() == ("Coffee with Zoë Müller",)
        assert db.execute("SELECT value_cents FROM referral").fetchone() == (150000,)
        assert db.execute("SELECT rowid FROM contact_search WHERE contact_search MATCH 'fjord'").fetchall()
    if old_revision != migrate.HEAD:
        assert any(b.reason == f"before-upgrade-{old_revision}" for b in list_backups(journal_path))


BROKEN_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("contact") as batch:
        batch.add_column(sa.Column("nickname", sa.String, nullable=True))
    op.execute("UPDATE contact SET name = 'overwritten'")
    raise RuntimeError("this migration fails half-way")


def downgrade():
    pass
"""


def test_a_migration_that_fails_half_way_leaves_the_journal_as_it_was(workspace, tmp_path):
    from hitouch.domain.cards import ContactCard

    workspace.contacts.add(ContactCard(name="Grace Hopper"))
    workspace.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).parent / "migrations", scripts)
    (scripts / "versions" / "9001_broken.py").write_text(BROKEN_REVISION.format(head=migrate.HEAD))

    engine = create_journal_engine(workspace.path)
    with pytest.raises(RuntimeError, match="fails half-way"):
        migrate.upgrade(engine, script_location=str(scripts), head="9001")
    engine.dispose()

    with sqlite3.connect(workspace.path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables and not any(t.startswith("_alembic_tmp") for t in tables)
        columns = {r[1] for r in db.execute("PRAGMA table_info(contact)")}
        assert "nickname" not in columns
        assert db.execute("SELECT name FROM contact").fetchall() == [("Grace Hopper",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []  # no row points nowhere
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reopened = open_journal(workspace.path, clock=Clock())  # still usable with this version
    with reopened.read() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("SELECT count(*) FROM contact").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again
    reopened.close()


def schema_of(path: Path) -> dict[tuple[str, str], str]:
    """Every table, index and trigger by (type, name), with its SQL (white space folded)."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return {(kind, name): " ".join((sql or "").split()) for kind, name, sql in rows}


@pytest.mark.parametrize("fixture", FIXTURES[:-1], ids=lambda p: p.stem)
def test_an_upgraded_journal_has_the_tables_indexes_and_triggers_of_a_fresh_one(fixture, tmp_path):
    upgraded, fresh = tmp_path / "upgraded.sqlite3", tmp_path / "fresh.sqlite3"
    shutil.copy(fixture, upgraded)
    open_journal(upgraded, clock=Clock()).close()
    open_journal(fresh, clock=Clock()).close()
    old, new = schema_of(upgraded), schema_of(fresh)
    assert sorted(old) == sorted(new)  # the same names, none missing, none left over
    assert {key for key in new if key[0] != "table" and old[key] != new[key]} == set()  # indexes, triggers
    for key in (k for k in new if k[0] == "table"):
        with sqlite3.connect(upgraded) as a, sqlite3.connect(fresh) as b:
            columns = f"PRAGMA table_info({key[1]})"
            assert [r[1:] for r in a.execute(columns)] == [r[1:] for r in b.execute(columns)], key
