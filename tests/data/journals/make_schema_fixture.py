"""Write tests/data/journals/schema-<HEAD>.sqlite3: a small journal at the current schema with a
row in every table, for the upgrade tests of every later release. Run once per released schema:

    .venv/bin/python tests/data/journals/make_schema_fixture.py
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, datetime, time
from pathlib import Path

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.clock import Clock
from hitouch.services.workspace import open_workspace
from hitouch.store import migrate
from hitouch.store.models import (
    Cadence,
    FollowUp,
    ImportBatch,
    ImportChange,
    JournalMeta,
    LifeChange,
    NudgeDismissal,
    Referral,
)

HERE = Path(__file__).resolve().parent


def build(path: Path) -> None:
    ws = open_workspace(path, clock=Clock(fixed=datetime(2026, 11, 22, 10, 0)), region="GB")
    zoe, _ = ws.contacts.add(
        ContactCard(
            name="Zoë Müller",
            emails=[Labelled("zoe@fjord.vc", "work")],
            phones=[Labelled("+44 20 7946 0958")],
            urls=[Labelled("linkedin.com/in/zoe")],
            company="Fjord Ventures",
            title="Partner",
            tags=["investor"],
            birthday=Birthday(3, 15),
            notes="Sails on weekends.",
        ),
        met_at="Web Summit",
        met_on=date(2026, 11, 10),
    )
    ada, _ = ws.contacts.add(ContactCard(name="Adaeze Okonkwo", company="Lagos Labs"))
    gone, _ = ws.contacts.add(ContactCard(name="In The Trash"))
    ws.interactions.log([zoe, ada], "video", on=date(2026, 11, 20), note="Three-way call about the pilot")
    ws.contacts.delete([gone])
    now = datetime(2026, 11, 22, 10, 0)
    with ws.journal.write() as s:
        batch = ImportBatch(created_at=now, format="vcard", files="contacts.vcf", created=1, merged=0)
        s.add(batch)
        s.flush()
        s.add_all(
            [
                FollowUp(
                    contact_id=zoe,
                    kind="coffee",
                    title="Coffee with Zoë Müller",
                    note="Bring the deck",
                    due_on=date(2026, 11, 25),
                    due_time=time(9, 30),
                    minutes=45,
                    status="open",
                    created_at=now,
                    updated_at=now,
                    ical_uid=str(uuid.UUID(int=1)),
                    ical_sequence=0,
                ),
                Cadence(contact_id=zoe, every=4, unit="w", since=date(2026, 11, 10)),
                NudgeDismissal(contact_id=ada, until=date(2026, 12, 20)),
                Referral(
                    from_contact_id=None,
                    to_contact_id=zoe,
                    lead_contact_id=ada,
                    lead_text="",
                    occurred_on=date(2026, 11, 21),
                    note="Introduced Adaeze",
                    status="open",
                    value_cents=150000,
                    created_at=now,
                ),
                ImportChange(batch_id=batch.id, contact_id=ada, field="company", old_value=""),
                LifeChange(
                    contact_id=ada,
                    noticed_on=date(2026, 11, 22),
                    kind="company",
                    old_value="",
                    new_value="Lagos Labs",
                    batch_id=batch.id,
                ),
                JournalMeta(key="fixture", value=migrate.HEAD),
            ]
        )
        for row in later_tables(zoe):  # in order: a row may refer to one before it
            s.add(row)
            s.flush()
    ws.close()
    with sqlite3.connect(path) as db:  # one self-contained file, no -wal beside it
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def later_tables(zoe: int) -> list:
    """Rows for the tables later schemas added, where this schema has them."""
    from hitouch.store import models

    rows = []
    if hasattr(models, "CalendarRound"):  # 0002
        rows.append(
            models.CalendarRound(
                target="feed",
                uid=str(uuid.UUID(int=1)),
                sequence=0,
                day=date(2026, 11, 25),
                at=time(9, 30),
                summary="Coffee with Zoë Müller",
                yearly=False,
            )
        )
        rows.append(
            models.CalDavItem(
                calendar_url="https://dav.example/cal/hitouch/",
                uid=str(uuid.UUID(int=1)),
                href="/cal/hitouch/1.ics",
                etag='"e1"',
                fingerprint="f1",
            )
        )
    if hasattr(models.Interaction, "calendar_uid"):  # 0004: meetings imported from a calendar file
        now = datetime(2026, 11, 22, 10, 0)
        rows.append(models.ImportBatch(id=2, created_at=now, format="ics", files="calendar.ics", created=2, merged=0))
        met = models.Interaction(
            occurred_on=date(2026, 11, 18),
            occurred_at=time(8, 30),
            channel="coffee",
            note="Coffee at Web Summit",
            created_at=now,
            calendar_uid="met@example.com",
            import_batch_id=2,
        )
        met.participants = [
            models.InteractionContact(contact_id=zoe, occurred_on=date(2026, 11, 18), face_to_face=True)
        ]
        rows.append(met)
        rows.append(
            models.FollowUp(
                contact_id=zoe,
                kind="meeting",
                title="Board prep",
                due_on=date(2026, 12, 2),
                due_time=time(14, 0),
                minutes=60,
                status="open",
                created_at=now,
                updated_at=now,
                ical_uid=str(uuid.UUID(int=2)),
                ical_sequence=0,
                calendar_uid="prep@example.com",
                import_batch_id=2,
            )
        )
    if hasattr(models, "CardImage"):  # 0009: photos of badges and business cards
        now = datetime(2026, 11, 22, 10, 0)
        rows.append(models.ImportBatch(id=3, created_at=now, format="photo", files="badge.jpg", created=0, merged=1))
        jpeg = b"\xff\xd8\xff\xe0" + b"\0" * 16 + b"\xff\xd9"
        rows.append(
            models.CardImage(
                id=1,
                digest="0" * 64,
                file_name="badge.jpg",
                mime="image/jpeg",
                data=jpeg,
                thumbnail=jpeg,
                width=1600,
                height=1200,
                created_at=now,
                import_batch_id=3,
            )
        )
        rows.append(models.ContactCardImage(contact_id=zoe, card_image_id=1, import_batch_id=3))
        rows.append(
            models.PhotoEntry(
                card_image_id=1, event_id=None, kind="id", code="ATT-0042", created_at=now, import_batch_id=3
            )
        )
    return rows


if __name__ == "__main__":
    target = HERE / f"schema-{migrate.HEAD}.sqlite3"
    target.unlink(missing_ok=True)
    build(target)
    print(target)
