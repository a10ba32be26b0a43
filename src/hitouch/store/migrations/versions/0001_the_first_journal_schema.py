"""The first journal schema: contacts, events, the journal, follow-ups, referrals, imports,
and the full-text search index kept in step by triggers.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_starts_on"), ["starts_on"], unique=False)

    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("format", sa.String(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("merged", sa.Integer(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "journal_meta",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("given", sa.String(), nullable=False),
        sa.Column("family", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("company", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("birthday_mmdd", sa.Integer(), nullable=True),
        sa.Column("birthday_year", sa.Integer(), nullable=True),
        sa.Column("connected_on", sa.Date(), nullable=True),
        sa.Column("vcard_uid", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_birthday_mmdd"), ["birthday_mmdd"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_import_batch_id"), ["import_batch_id"], unique=False)
        batch_op.create_index("ix_contact_live_name", ["deleted_at", "name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_vcard_uid"), ["vcard_uid"], unique=False)

    op.create_table(
        "interaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("occurred_at", sa.Time(), nullable=True),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interaction_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interaction_occurred_on"), ["occurred_on"], unique=False)

    op.create_table(
        "cadence",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("every", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "contact_email",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("address_key", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_email_address_key"), ["address_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_email_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_email_import_batch_id"), ["import_batch_id"], unique=False)

    op.create_table(
        "contact_event",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("in_person", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id", "event_id"),
    )
    with op.batch_alter_table("contact_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_event_event_id"), ["event_id"], unique=False)

    op.create_table(
        "contact_phone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("e164", sa.String(), nullable=True),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_phone_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_phone_e164"), ["e164"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_phone_import_batch_id"), ["import_batch_id"], unique=False)

    op.create_table(
        "contact_photo",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "contact_tag",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id", "tag_id"),
    )
    with op.batch_alter_table("contact_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_tag_import_batch_id"), ["import_batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "contact_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("noticed_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("old_value", sa.String(), nullable=False),
        sa.Column("new_value", sa.String(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_update", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_update_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_update_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "contact_url",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("url_key", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["import_batch_id"], ["import_batch.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("contact_url", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_url_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_url_import_batch_id"), ["import_batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_url_url_key"), ["url_key"], unique=False)

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_time", sa.Time(), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("ical_uid", sa.String(), nullable=False),
        sa.Column("ical_sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ical_uid"),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_follow_up_event_id"), ["event_id"], unique=False)
        batch_op.create_index("ix_follow_up_open_due", ["status", "due_on"], unique=False)

    op.create_table(
        "import_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batch.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_change_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_import_change_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "interaction_contact",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("face_to_face", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("interaction_id", "contact_id"),
    )
    with op.batch_alter_table("interaction_contact", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_contact_f2f", ["contact_id", "face_to_face"], unique=False)
        batch_op.create_index("ix_interaction_contact_timeline", ["contact_id", "occurred_on"], unique=False)

    op.create_table(
        "nudge_dismissal",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_contact_id", sa.Integer(), nullable=True),
        sa.Column("to_contact_id", sa.Integer(), nullable=True),
        sa.Column("lead_contact_id", sa.Integer(), nullable=True),
        sa.Column("lead_text", sa.String(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("value_cents", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["from_contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lead_contact_id"], ["contact.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["to_contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_from_contact_id"), ["from_contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_lead_contact_id"), ["lead_contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_occurred_on"), ["occurred_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_referral_to_contact_id"), ["to_contact_id"], unique=False)

    for statement in SEARCH_INDEX:
        op.execute(statement)


def downgrade() -> None:
    for name in ("contact_search", "interaction_search", "event_search"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_to_contact_id"))
        batch_op.drop_index(batch_op.f("ix_referral_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_referral_lead_contact_id"))
        batch_op.drop_index(batch_op.f("ix_referral_from_contact_id"))
        batch_op.drop_index(batch_op.f("ix_referral_event_id"))

    op.drop_table("referral")
    op.drop_table("nudge_dismissal")
    with op.batch_alter_table("interaction_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_contact_timeline")
        batch_op.drop_index("ix_interaction_contact_f2f")

    op.drop_table("interaction_contact")
    with op.batch_alter_table("import_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_change_contact_id"))
        batch_op.drop_index(batch_op.f("ix_import_change_batch_id"))

    op.drop_table("import_change")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_open_due")
        batch_op.drop_index(batch_op.f("ix_follow_up_event_id"))
        batch_op.drop_index(batch_op.f("ix_follow_up_contact_id"))

    op.drop_table("follow_up")
    with op.batch_alter_table("contact_url", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_url_url_key"))
        batch_op.drop_index(batch_op.f("ix_contact_url_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_contact_url_contact_id"))

    op.drop_table("contact_url")
    with op.batch_alter_table("contact_update", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_update_contact_id"))
        batch_op.drop_index(batch_op.f("ix_contact_update_batch_id"))

    op.drop_table("contact_update")
    with op.batch_alter_table("contact_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_tag_tag_id"))
        batch_op.drop_index(batch_op.f("ix_contact_tag_import_batch_id"))

    op.drop_table("contact_tag")
    op.drop_table("contact_photo")
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_phone_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_contact_phone_e164"))
        batch_op.drop_index(batch_op.f("ix_contact_phone_contact_id"))

    op.drop_table("contact_phone")
    with op.batch_alter_table("contact_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_event_event_id"))

    op.drop_table("contact_event")
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_email_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_contact_email_contact_id"))
        batch_op.drop_index(batch_op.f("ix_contact_email_address_key"))

    op.drop_table("contact_email")
    op.drop_table("cadence")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_interaction_event_id"))

    op.drop_table("interaction")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_vcard_uid"))
        batch_op.drop_index(batch_op.f("ix_contact_name_key"))
        batch_op.drop_index("ix_contact_live_name")
        batch_op.drop_index(batch_op.f("ix_contact_import_batch_id"))
        batch_op.drop_index(batch_op.f("ix_contact_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_contact_birthday_mmdd"))

    op.drop_table("contact")
    op.drop_table("tag")
    op.drop_table("journal_meta")
    op.drop_table("import_batch")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_starts_on"))
        batch_op.drop_index(batch_op.f("ix_event_name_key"))

    op.drop_table("event")


# Full-text search (FTS5): accent- and case-insensitive, with prefix indexes for
# search-as-you-type. Triggers keep it in step with every write, bulk ones included.
# Only live contacts are indexed; a contact in the trash leaves the index.
_CONTACT_ROW = """
    INSERT INTO contact_search(rowid, name, company, emails, phones, tags, notes)
    SELECT c.id, c.name, trim(c.company || ' ' || c.title),
        (SELECT group_concat(address, ' ') FROM contact_email WHERE contact_id = c.id),
        (SELECT group_concat(number, ' ') FROM contact_phone WHERE contact_id = c.id),
        (SELECT group_concat(t.name, ' ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
            WHERE ct.contact_id = c.id),
        c.notes
    FROM contact c WHERE c.id = {id} AND c.deleted_at IS NULL;
"""


def _reindex_contact_on(table: str, when: str, ref: str) -> str:
    return f"""
    CREATE TRIGGER {table}_{when.lower()}_search AFTER {when} ON {table} BEGIN
        DELETE FROM contact_search WHERE rowid = {ref};
        {_CONTACT_ROW.format(id=ref)}
    END"""


SEARCH_INDEX = [
    """CREATE VIRTUAL TABLE contact_search USING fts5(
        name, company, emails, phones, tags, notes,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')""",
    """CREATE VIRTUAL TABLE interaction_search USING fts5(
        note, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')""",
    """CREATE VIRTUAL TABLE event_search USING fts5(
        name, place, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')""",
    f"""CREATE TRIGGER contact_insert_search AFTER INSERT ON contact BEGIN
        {_CONTACT_ROW.format(id="NEW.id")}
    END""",
    f"""CREATE TRIGGER contact_update_search AFTER UPDATE OF name, company, title, notes, deleted_at
        ON contact BEGIN
        DELETE FROM contact_search WHERE rowid = OLD.id;
        {_CONTACT_ROW.format(id="NEW.id")}
    END""",
    """CREATE TRIGGER contact_delete_search AFTER DELETE ON contact BEGIN
        DELETE FROM contact_search WHERE rowid = OLD.id;
    END""",
    _reindex_contact_on("contact_email", "INSERT", "NEW.contact_id"),
    _reindex_contact_on("contact_email", "UPDATE", "NEW.contact_id"),
    _reindex_contact_on("contact_email", "DELETE", "OLD.contact_id"),
    _reindex_contact_on("contact_phone", "INSERT", "NEW.contact_id"),
    _reindex_contact_on("contact_phone", "UPDATE", "NEW.contact_id"),
    _reindex_contact_on("contact_phone", "DELETE", "OLD.contact_id"),
    _reindex_contact_on("contact_tag", "INSERT", "NEW.contact_id"),
    _reindex_contact_on("contact_tag", "DELETE", "OLD.contact_id"),
    """CREATE TRIGGER interaction_insert_search AFTER INSERT ON interaction WHEN NEW.note != '' BEGIN
        INSERT INTO interaction_search(rowid, note) VALUES (NEW.id, NEW.note);
    END""",
    """CREATE TRIGGER interaction_update_search AFTER UPDATE OF note ON interaction BEGIN
        DELETE FROM interaction_search WHERE rowid = OLD.id;
        INSERT INTO interaction_search(rowid, note) SELECT NEW.id, NEW.note WHERE NEW.note != '';
    END""",
    """CREATE TRIGGER interaction_delete_search AFTER DELETE ON interaction BEGIN
        DELETE FROM interaction_search WHERE rowid = OLD.id;
    END""",
    # Participants carry the interaction's date and face-to-face flag; keep them in step.
    """CREATE TRIGGER interaction_update_participants AFTER UPDATE OF occurred_on, channel
        ON interaction BEGIN
        UPDATE interaction_contact SET occurred_on = NEW.occurred_on,
            face_to_face = NEW.channel IN ('in-person', 'coffee', 'meal', 'event', 'call')
        WHERE interaction_id = NEW.id;
    END""",
    """CREATE TRIGGER event_insert_search AFTER INSERT ON event BEGIN
        INSERT INTO event_search(rowid, name, place, notes) VALUES (NEW.id, NEW.name, NEW.place, NEW.notes);
    END""",
    """CREATE TRIGGER event_update_search AFTER UPDATE OF name, place, notes ON event BEGIN
        DELETE FROM event_search WHERE rowid = OLD.id;
        INSERT INTO event_search(rowid, name, place, notes) VALUES (NEW.id, NEW.name, NEW.place, NEW.notes);
    END""",
    """CREATE TRIGGER event_delete_search AFTER DELETE ON event BEGIN
        DELETE FROM event_search WHERE rowid = OLD.id;
    END""",
]
