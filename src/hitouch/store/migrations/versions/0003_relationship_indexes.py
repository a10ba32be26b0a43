"""The relationship work: an index over who was in touch lately, virtually or face to face (for
face-to-face nudges and insights), and the open follow-ups by day with what the agenda shows
(replacing the plain status and day index).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

OPEN_FOLLOWUP_COLUMNS = [
    "due_on",
    "contact_id",
    "snoozed_until",
    "due_time",
    "minutes",
    "kind",
    "title",
    "note",
    "event_id",
    "status",
    "deleted_at",
]

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction_contact", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_contact_recent", ["face_to_face", "occurred_on", "contact_id"], unique=False
        )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open_due")
        batch_op.create_index(
            "ix_follow_up_open",
            OPEN_FOLLOWUP_COLUMNS,
            unique=False,
            sqlite_where=sa.text("status = 'open' AND deleted_at IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open")
        batch_op.create_index("ix_follow_up_open_due", ["status", "due_on"], unique=False)
    with op.batch_alter_table("interaction_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_contact_recent")
