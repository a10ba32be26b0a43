"""Set-based inserts: the rows, the ids, and a search index the same as row-by-row writes give."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.text import fold
from hitouch.store.bulk import NewContact, ensure_tags, insert_contacts, search_index_deferred
from hitouch.store.models import Contact, ContactEmail, ContactTag

NOW = datetime(2026, 11, 22, 9, 30)


def new_contact(name: str, email: str, tag_ids: list[int], company: str = "") -> NewContact:
    return NewContact(
        contact={
            "given": "",
            "family": "",
            "name": name,
            "name_key": fold(name),
            "company": company,
            "title": "",
            "notes": "Met at the Web Summit",
            "source": "import",
            "birthday_mmdd": None,
            "birthday_year": None,
            "connected_on": None,
            "vcard_uid": None,
            "created_at": NOW,
            "updated_at": NOW,
            "deleted_at": None,
        },
        emails=[{"address": email, "address_key": email.lower(), "label": "work"}],
        phones=[{"number": "+447700900123", "e164": "+447700900123", "label": ""}],
        tag_ids=tag_ids,
    )


def search_rows(session) -> list[tuple]:
    return session.execute(
        text("SELECT rowid, name, company, emails, phones, tags, notes FROM contact_search ORDER BY rowid")
    ).all()


def triggers(session) -> list[tuple]:
    return session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")).all()


def test_bulk_inserted_contacts_are_indexed_exactly_as_one_by_one(workspace):
    workspace.contacts.add(
        ContactCard(
            name="Zoë Müller",
            company="Fjord",
            emails=[Labelled("Zoe@Fjord.vc", "work")],
            phones=[Labelled("+447700900123")],
            tags=["Investor", "sailing"],
            notes="Met at the Web Summit",
        )
    )
    with workspace.journal.read() as session:
        one_by_one = search_rows(session)[0][1:]
        before = triggers(session)
    with workspace.journal.write() as session:
        tags = ensure_tags(session, {"investor": "Investor", "sailing": "sailing", "new": "New"})
        ids = insert_contacts(
            session,
            [
                new_contact("Zoë Müller", "Zoe@Fjord.vc", [tags["investor"], tags["sailing"]], "Fjord"),
                new_contact("Marcus O'Brien", "marcus@northwind.example", [tags["new"]]),
            ],
            batch_id=None,
        )
    assert ids == [2, 3]
    with workspace.journal.read() as session:
        rows = search_rows(session)
        assert rows[1][1:] == one_by_one
        assert rows[2][1:3] == ("Marcus O'Brien", "")
        assert session.scalars(select(ContactEmail.position).where(ContactEmail.contact_id == 3)).all() == [0]
        assert triggers(session) == before
    assert workspace.search.contact_ids("northwind") == [3]
    assert workspace.search.contact_ids("new") == [3]


def test_a_rollback_inside_the_block_keeps_the_triggers_and_writes_nothing(workspace):
    with workspace.journal.read() as session:
        before = triggers(session)
    with pytest.raises(RuntimeError), workspace.journal.write() as session:
        insert_contacts(session, [new_contact("Ada Lovelace", "ada@engines.example", [])])
        raise RuntimeError("the disk went away")
    with workspace.journal.read() as session:
        assert triggers(session) == before
        assert session.scalars(select(Contact.id)).all() == []
    workspace.contacts.add(ContactCard(name="Ada Lovelace", emails=[Labelled("ada@engines.example")]))
    assert len(workspace.search.contact_ids("engines")) == 1  # the triggers still index


def test_nested_blocks_index_once_at_the_end_of_the_outer_one(workspace):
    with workspace.journal.write() as session, search_index_deferred(session) as outer:
        [cid] = insert_contacts(session, [new_contact("Li Wei", "li@robotics.example", [])])
        assert session.execute(text("SELECT count(*) FROM contact_search")).scalar() == 0
        session.execute(
            ContactTag.__table__.insert(),
            [{"contact_id": cid, "tag_id": ensure_tags(session, {"robots": "Robots"})["robots"]}],
        )
        assert cid in outer
    assert workspace.search.contact_ids("robots") == [cid]
