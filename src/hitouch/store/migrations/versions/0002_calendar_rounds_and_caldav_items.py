"""Calendars: what each calendar file was last given (for one round of cancellations), and
the events HiTouch put on a CalDAV server.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_round",
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("at", sa.Time(), nullable=True),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("target", "uid"),
    )
    op.create_table(
        "caldav_item",
        sa.Column("calendar_url", sa.String(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("href", sa.String(), nullable=False),
        sa.Column("etag", sa.String(), nullable=False),
        sa.Column("fingerprint", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("calendar_url", "uid"),
    )


def downgrade() -> None:
    op.drop_table("caldav_item")
    op.drop_table("calendar_round")
