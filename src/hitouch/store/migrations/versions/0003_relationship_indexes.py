"""The relationship work: an index over who was in touch lately, virtually or face to face,
for face-to-face nudges and insights.

Revision ID: 0003
Revises: 0001
"""

from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction_contact", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_contact_recent", ["face_to_face", "occurred_on", "contact_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("interaction_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_contact_recent")
