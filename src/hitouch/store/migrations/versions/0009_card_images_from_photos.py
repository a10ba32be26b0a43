"""Photos of badges and business cards: each kept once, resized (`card_image`), tied to the
people it showed (`contact_card_image`), or waiting to be typed in by hand (`photo_entry`);
and the link of a contact to the event where a photo import met them remembers its batch, so
undo takes it back.

The contact_event column is added in place (ALTER TABLE ADD COLUMN), as in 0004.

Revision ID: 0009
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_image",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(), nullable=False),
        sa.Column("file_name", sa.String(), nullable=False),
        sa.Column("mime", sa.String(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )
    op.create_index("ix_card_image_import_batch_id", "card_image", ["import_batch_id"])
    op.create_table(
        "contact_card_image",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("card_image_id", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["card_image_id"], ["card_image.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"]),
        sa.PrimaryKeyConstraint("contact_id", "card_image_id"),
    )
    op.create_index("ix_contact_card_image_card_image_id", "contact_card_image", ["card_image_id"])
    op.create_index("ix_contact_card_image_import_batch_id", "contact_card_image", ["import_batch_id"])
    op.create_table(
        "photo_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_image_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["card_image_id"], ["card_image.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("card_image_id", "event_id", "contact_id", "import_batch_id"):
        op.create_index(f"ix_photo_entry_{column}", "photo_entry", [column])
    op.execute("ALTER TABLE contact_event ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id)")
    op.create_index("ix_contact_event_import_batch_id", "contact_event", ["import_batch_id"])


def downgrade() -> None:
    op.drop_index("ix_contact_event_import_batch_id", table_name="contact_event")
    op.execute("ALTER TABLE contact_event DROP COLUMN import_batch_id")
    op.drop_table("photo_entry")
    op.drop_table("contact_card_image")
    op.drop_table("card_image")
