"""Meetings imported from calendar files: each journal entry and follow-up remembers the
calendar event it came from (UID, with the recurrence id of one meeting of a series), so the
same file imported twice creates nothing new, and the import batch it belongs to, for undo.

Columns are added in place (ALTER TABLE ADD COLUMN): copying the interaction table, as batch
mode would, would drop the search triggers that hang on it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("interaction", "follow_up")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("calendar_uid", sa.String(), nullable=True))
        # A column and its foreign key in one statement, which Alembic does not write for SQLite.
        # No ON DELETE: SQLAlchemy would not read it back from a column's own REFERENCES.
        op.execute(f"ALTER TABLE {table} ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id)")
        op.create_index(f"ix_{table}_calendar_uid", table, ["calendar_uid"])
        op.create_index(f"ix_{table}_import_batch_id", table, ["import_batch_id"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_import_batch_id", table_name=table)
        op.drop_index(f"ix_{table}_calendar_uid", table_name=table)
        op.execute(f"ALTER TABLE {table} DROP COLUMN import_batch_id")
        op.execute(f"ALTER TABLE {table} DROP COLUMN calendar_uid")
