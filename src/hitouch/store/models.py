"""The journal's tables as SQLAlchemy 2 typed ORM classes.

Schema changes go through an Alembic revision in `migrations/versions`; the tests compare
these classes with what the migrations build, so the two cannot drift apart.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# Contacts ------------------------------------------------------------------------------


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    given: Mapped[str] = mapped_column(String, default="")
    family: Mapped[str] = mapped_column(String, default="")
    name: Mapped[str] = mapped_column(String)
    # fold(name): exact, accent- and case-insensitive look-ups and the list's sort order.
    name_key: Mapped[str] = mapped_column(String, index=True)
    company: Mapped[str] = mapped_column(String, default="")
    title: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String, default="online")
    # Birthday as MMDD (for "this week" queries) and an optional year.
    birthday_mmdd: Mapped[int | None] = mapped_column(Integer, index=True)
    birthday_year: Mapped[int | None] = mapped_column(Integer)
    connected_on: Mapped[date | None] = mapped_column(Date)
    vcard_uid: Mapped[str | None] = mapped_column(String, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Set when the contact is in the trash; purged 30 days later.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"), index=True)

    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactEmail.position"
    )
    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactPhone.position"
    )
    urls: Mapped[list[ContactUrl]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactUrl.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary="contact_tag", order_by="Tag.name")
    photo: Mapped[ContactPhoto | None] = relationship(cascade="all, delete-orphan")

    __table_args__ = (Index("ix_contact_live_name", "deleted_at", "name_key"),)


class ContactEmail(Base):
    __tablename__ = "contact_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    address: Mapped[str] = mapped_column(String)
    address_key: Mapped[str] = mapped_column(String, index=True)  # lower-case
    label: Mapped[str] = mapped_column(String, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"), index=True)

    contact: Mapped[Contact] = relationship(back_populates="emails")


class ContactPhone(Base):
    __tablename__ = "contact_phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String)  # E.164 where parseable, else as given
    e164: Mapped[str | None] = mapped_column(String, index=True)
    label: Mapped[str] = mapped_column(String, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"), index=True)

    contact: Mapped[Contact] = relationship(back_populates="phones")


class ContactUrl(Base):
    __tablename__ = "contact_url"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String)
    url_key: Mapped[str] = mapped_column(String, index=True)
    kind: Mapped[str] = mapped_column(String, default="web")  # linkedin, twitter, github, web...
    label: Mapped[str] = mapped_column(String, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"), index=True)

    contact: Mapped[Contact] = relationship(back_populates="urls")


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String)
    name_key: Mapped[str] = mapped_column(String, unique=True)


class ContactTag(Base):
    __tablename__ = "contact_tag"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="SET NULL"), index=True)


class ContactPhoto(Base):
    __tablename__ = "contact_photo"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    mime: Mapped[str] = mapped_column(String)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CardImage(Base):
    """A photo of a badge or a business card, kept resized (never the original as well), once
    however many people it shows or however often it is imported (`digest` is the original's)."""

    __tablename__ = "card_image"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String, unique=True)  # SHA-256 of the file as imported
    file_name: Mapped[str] = mapped_column(String, default="")
    mime: Mapped[str] = mapped_column(String, default="image/jpeg")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)


class ContactCardImage(Base):
    """The badge or card photo a contact came from."""

    __tablename__ = "contact_card_image"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    card_image_id: Mapped[int] = mapped_column(
        ForeignKey("card_image.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)


class PhotoEntry(Base):
    """A photo waiting for its person to be typed in by hand (event mode): no code on it, an
    attendee id only the organiser can read, a web address, or a profile with no readable name."""

    __tablename__ = "photo_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_image_id: Mapped[int] = mapped_column(ForeignKey("card_image.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String)  # none, id, url, linkedin
    code: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Set once entered (the contact made from it) or put aside.
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)


# Events and the journal -----------------------------------------------------------------


class Event(Base):
    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String)
    name_key: Mapped[str] = mapped_column(String, index=True)
    starts_on: Mapped[date | None] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ContactEvent(Base):
    """A contact was met at (or connected through) an event."""

    __tablename__ = "contact_event"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True, index=True)
    in_person: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Set when a photo import made the link (badges photographed there), for undo.
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)


class Interaction(Base):
    __tablename__ = "interaction"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    occurred_at: Mapped[time | None] = mapped_column(Time)  # local wall-clock time, optional
    channel: Mapped[str] = mapped_column(String)
    note: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # The calendar event a meeting was imported from (UID, "#" and the recurrence id, if any).
    calendar_uid: Mapped[str | None] = mapped_column(String, index=True)
    # No ON DELETE here: a column added in place is reflected without it (batches are never deleted).
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)

    participants: Mapped[list[InteractionContact]] = relationship(cascade="all, delete-orphan")


class InteractionContact(Base):
    """Who took part in an interaction. Date and face-to-face flag are copied from the
    interaction (kept in step by triggers) so per-contact questions are answered by one index."""

    __tablename__ = "interaction_contact"

    interaction_id: Mapped[int] = mapped_column(ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    face_to_face: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (
        Index("ix_interaction_contact_timeline", "contact_id", "occurred_on"),
        Index("ix_interaction_contact_f2f", "contact_id", "face_to_face"),
        # The latest virtual (or face-to-face) exchanges, newest first, without touching the table:
        # where face-to-face nudges and insights start.
        Index("ix_interaction_contact_recent", "face_to_face", "occurred_on", "contact_id"),
    )


# Follow-ups, cadences, nudges -------------------------------------------------------------


class FollowUp(Base):
    __tablename__ = "follow_up"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String, default="other")
    title: Mapped[str] = mapped_column(String, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)
    due_time: Mapped[time | None] = mapped_column(Time)  # local wall-clock time
    minutes: Mapped[int | None] = mapped_column(Integer)
    # open or done; "snoozed" is an open follow-up whose snoozed_until lies ahead.
    status: Mapped[str] = mapped_column(String, default="open")
    snoozed_until: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Calendar identity: stable UID and a SEQUENCE raised when the time moves.
    ical_uid: Mapped[str] = mapped_column(String, unique=True)
    ical_sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Set when the follow-up is a meeting imported from the user's own calendar: it is there
    # already, so it is never exported or synced back to a calendar.
    calendar_uid: Mapped[str | None] = mapped_column(String, index=True)
    # No ON DELETE here: a column added in place is reflected without it (batches are never deleted).
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"), index=True)

    # Open follow-ups by day, with everything the agenda shows, so it reads this index alone.
    __table_args__ = (
        Index(
            "ix_follow_up_open",
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
            sqlite_where=text("status = 'open' AND deleted_at IS NULL"),
        ),
    )


class Cadence(Base):
    """Keep in touch every N days, weeks or months."""

    __tablename__ = "cadence"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    every: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String)  # d, w, m
    since: Mapped[date] = mapped_column(Date)  # the clock's start when nothing was logged yet


class NudgeDismissal(Base):
    __tablename__ = "nudge_dismissal"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    until: Mapped[date] = mapped_column(Date)


# Referrals --------------------------------------------------------------------------------


class Referral(Base):
    """Who referred whom to whom. A null person is "me"."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    from_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    to_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    lead_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    lead_text: Mapped[str] = mapped_column(String, default="")
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String, default="open")
    value_cents: Mapped[int | None] = mapped_column(Integer)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


# Imports ----------------------------------------------------------------------------------


class ImportBatch(Base):
    """One import, so it can be undone as a whole."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    format: Mapped[str] = mapped_column(String)
    files: Mapped[str] = mapped_column(Text)  # file names, one per line
    created: Mapped[int] = mapped_column(Integer, default=0)
    merged: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class ImportChange(Base):
    """A field of an existing contact that an import changed, with its old value, for undo."""

    __tablename__ = "import_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String)
    old_value: Mapped[str | None] = mapped_column(Text)


class LifeChange(Base):
    """A change in someone's life noticed by an import (new company or position), shown on
    their timeline; Today suggests the small act it calls for until it is acknowledged."""

    __tablename__ = "contact_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    noticed_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String)  # company, title
    old_value: Mapped[str] = mapped_column(String, default="")
    new_value: Mapped[str] = mapped_column(String, default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)


# Calendars --------------------------------------------------------------------------------


class CalendarRound(Base):
    """What a calendar file (the feed, or an export) was last given, so an entry that is done,
    deleted or gone is written once more as cancelled, then left out."""

    __tablename__ = "calendar_round"

    target: Mapped[str] = mapped_column(String, primary_key=True)  # "feed" or "export"
    uid: Mapped[str] = mapped_column(String, primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    at: Mapped[time | None] = mapped_column(Time)
    summary: Mapped[str] = mapped_column(String)
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)


class CalDavItem(Base):
    """An event HiTouch put on a CalDAV calendar, as the server confirmed it. Sync updates and
    removes only these, never anything else on the server."""

    __tablename__ = "caldav_item"

    calendar_url: Mapped[str] = mapped_column(String, primary_key=True)
    uid: Mapped[str] = mapped_column(String, primary_key=True)
    href: Mapped[str] = mapped_column(String)
    etag: Mapped[str] = mapped_column(String, default="")
    fingerprint: Mapped[str] = mapped_column(String)  # what was sent, without DTSTAMP


# The journal itself -----------------------------------------------------------------------


class JournalMeta(Base):
    """Small facts about the journal file (last automatic backup, created with version)."""

    __tablename__ = "journal_meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
