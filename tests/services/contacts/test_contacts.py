"""Contacts: adding, finding, editing, the trash, merging, and what "met in person" means."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.vocabulary import Source
from hitouch.services.errors import Ambiguous, NotFound, UserError

NOW_UTC = datetime(2026, 11, 22, 9, 30)


def add(ws, name, **fields):
    met_at = fields.pop("met_at", None)
    met_on = fields.pop("met_on", None)
    contact_id, _ = ws.contacts.add(ContactCard(name=name, **fields), met_at=met_at, met_on=met_on)
    return contact_id


def summary(ws, contact_id):
    return ws.contacts.summaries([contact_id])[0]


def test_a_new_contact_keeps_every_detail_with_phones_in_e164(workspace):
    cid = add(
        workspace,
        "Zoë Müller",
        emails=[Labelled("Zoe@Fjord.vc", "work"), Labelled("zoe@home.example", "home")],
        phones=[Labelled("020 7946 0958", "mobile"), Labelled("ext. 12")],
        urls=[Labelled("https://www.linkedin.com/in/zoemuller/")],
        company="Fjord Ventures",
        title="Partner",
        tags=["Investor", "fintech"],
        birthday=Birthday(3, 15),
        notes="Loves sailing.",
    )
    s = summary(workspace, cid)
    assert (s.given, s.family) == ("Zoë", "Müller")
    assert s.emails == ["Zoe@Fjord.vc", "zoe@home.example"]
    assert s.phones == ["+442079460958", "ext. 12"]  # kept as given where it is not a number
    assert s.tags == ["fintech", "Investor"]
    assert s.birthday.iso() == "--03-15"
    assert s.source == "online" and s.met_in_person is False
    detail = workspace.contacts.detail(cid)
    assert [e.label for e in detail.email_labels] == ["work", "home"]
    assert detail.notes == "Loves sailing."


def test_a_contact_needs_a_name(workspace):
    with pytest.raises(UserError):
        workspace.contacts.add(ContactCard(name="   "))


def test_met_at_an_event_makes_an_in_person_meeting_in_the_journal(workspace):
    cid = add(workspace, "Marcus O'Brien", met_at="Web Summit", met_on=date(2026, 11, 10))
    s = summary(workspace, cid)
    assert s.source == "in-person"
    assert s.met_in_person is True
    assert s.events == ["Web Summit"]
    assert s.last_interaction == date(2026, 11, 10)
    [event] = workspace.events.list()
    assert event.name == "Web Summit" and event.on == date(2026, 11, 10)
    assert [p.name for p in event.people] == ["Marcus O'Brien"]


def test_met_in_person_is_derived_from_the_journal(workspace):
    cid = add(workspace, "Li Wei", source=Source.LINKEDIN)
    workspace.interactions.log([cid], "video", note="intro call")
    assert summary(workspace, cid).met_in_person is False
    interaction_id, _ = workspace.interactions.log([cid], "coffee", note="Flat white at Monmouth")
    assert summary(workspace, cid).met_in_person is True
    workspace.interactions.delete(interaction_id)
    assert summary(workspace, cid).met_in_person is False  # nothing to drift


def test_changing_an_interactions_channel_changes_met_in_person(workspace):
    cid = add(workspace, "Li Wei")
    interaction_id, _ = workspace.interactions.log([cid], "email")
    workspace.interactions.edit(interaction_id, channel="meal")
    assert summary(workspace, cid).met_in_person is True


def test_one_interaction_with_several_people(workspace):
    a, b = add(workspace, "Ada Lovelace"), add(workspace, "Charles Babbage")
    workspace.interactions.log(
        [a, b], "meal", on=date(2026, 11, 1), note="Dinner after the talk", event="Royal Society"
    )
    for cid in (a, b):
        [entry] = workspace.interactions.timeline(cid)
        assert entry.note == "Dinner after the talk" and entry.event == "Royal Society"
        assert {r.name for r in entry.contacts} == {"Ada Lovelace", "Charles Babbage"}
        assert summary(workspace, cid).events == ["Royal Society"]


def test_unknown_channel_is_refused(workspace):
    cid = add(workspace, "Ada")
    with pytest.raises(UserError, match="unknown channel"):
        workspace.interactions.log([cid], "telepathy")


def test_resolve_by_id_email_or_name_accent_and_case_insensitive(workspace):
    zoe = add(workspace, "Zoë Müller", emails=[Labelled("zoe@fjord.vc")])
    assert workspace.contacts.resolve(str(zoe)) == zoe
    assert workspace.contacts.resolve("ZOE@FJORD.VC") == zoe
    assert workspace.contacts.resolve("zoe muller") == zoe
    assert workspace.contacts.resolve("Zoe") == zoe  # a first name held by one person
    with pytest.raises(NotFound):
        workspace.contacts.resolve("Nobody Here")


def test_an_ambiguous_name_lists_the_matches(workspace):
    add(workspace, "Ada Lovelace", company="Analytical Engines")
    add(workspace, "Ada Byron")
    with pytest.raises(Ambiguous) as raised:
        workspace.contacts.resolve("ada")
    assert "Ada Lovelace (Analytical Engines)" in str(raised.value)
    assert "Ada Byron" in str(raised.value)


def test_edit_replaces_only_what_is_given(workspace):
    cid = add(workspace, "Grace Hopper", emails=[Labelled("grace@navy.mil")], company="Navy", tags=["cobol"])
    workspace.contacts.edit(cid, {"company": "Compiler Corp", "emails": [Labelled("grace@compiler.example")]})
    s = summary(workspace, cid)
    assert s.company == "Compiler Corp"
    assert s.emails == ["grace@compiler.example"]
    assert s.tags == ["cobol"]
    workspace.contacts.edit(cid, {"name": "Rear Admiral Grace Hopper"})
    assert summary(workspace, cid).family == "Hopper"


def test_delete_goes_to_the_trash_and_restore_brings_everything_back(workspace):
    cid = add(workspace, "Alan Turing", emails=[Labelled("alan@bletchley.example")])
    workspace.interactions.log([cid], "call", note="Enigma chat")
    workspace.contacts.delete([cid])
    assert cid not in workspace.contacts.ids()
    assert workspace.search.contact_ids("alan") == []
    [trashed] = workspace.trash.list()
    assert trashed.name == "Alan Turing" and trashed.purge_on == date(2026, 12, 22)
    with pytest.raises(NotFound):
        workspace.contacts.resolve("alan@bletchley.example")
    workspace.trash.restore(cid)
    assert workspace.search.contact_ids("alan") == [cid]
    assert workspace.interactions.timeline(cid)[0].note == "Enigma chat"


def test_the_trash_forgets_after_thirty_days(workspace, clock):
    from datetime import timedelta

    cid = add(workspace, "Old Friend")
    workspace.contacts.delete([cid])
    assert workspace.trash.purge_expired() == 0
    clock.fixed += timedelta(days=31)
    assert workspace.trash.purge_expired() == 1
    assert workspace.trash.list() == []


def test_merge_keeps_the_union_and_moves_the_journal(workspace):
    keep = add(
        workspace, "Katherine Johnson", emails=[Labelled("kj@nasa.example")], tags=["math"], notes="Orbital mechanics."
    )
    other = add(
        workspace,
        "Katherine G. Johnson",
        emails=[Labelled("KJ@nasa.example"), Labelled("k@home.example")],
        phones=[Labelled("+1 757 555 0100")],
        company="NASA",
        tags=["space"],
        birthday=Birthday(8, 26, 1918),
        notes="Hidden Figures.",
        met_at="Langley Open Day",
        met_on=date(2026, 5, 1),
    )
    _shared_id, _ = workspace.interactions.log([keep, other], "call", note="Both on one call")
    workspace.interactions.log([other], "coffee", note="Coffee with the other record")
    workspace.contacts.merge(keep, other)

    s = summary(workspace, keep)
    assert s.emails == ["kj@nasa.example", "k@home.example"]
    assert s.phones == ["+17575550100"]
    assert s.company == "NASA" and s.birthday == Birthday(8, 26, 1918)
    assert s.tags == ["math", "space"] and s.events == ["Langley Open Day"]
    assert s.met_in_person is True
    detail = workspace.contacts.detail(keep)
    assert detail.notes == "Orbital mechanics.\n\nHidden Figures."
    notes = [entry.note for entry in detail.timeline]
    assert notes.count("Both on one call") == 1 and "Coffee with the other record" in notes
    assert other not in workspace.contacts.ids()


def test_search_is_accent_and_case_insensitive_with_prefixes(workspace):
    zoe = add(workspace, "Zoë Durand", company="Fjord")
    muller = add(workspace, "Hans Müller", emails=[Labelled("hans@example.de")])
    assert workspace.search.contact_ids("zoe") == [zoe]
    assert workspace.search.contact_ids("MULLER") == [muller]
    assert workspace.search.contact_ids("fjo") == [zoe]
    assert workspace.search.contact_ids("hans@exa") == [muller]
    assert workspace.search.contact_ids("zz top") == []


def test_search_finds_people_through_journal_notes_and_events(workspace):
    cid = add(workspace, "Priya Raman")
    workspace.interactions.log([cid], "coffee", note="Discussed the payments regulation sandbox")
    met = add(workspace, "Jonas Berg", met_at="Nordic Fintech Week")
    assert workspace.search.contact_ids("sandbox") == [cid]
    assert workspace.search.contact_ids("nordic") == [met]
    results = workspace.search.everything("payments")
    assert [h.contacts[0].name for h in results.notes] == ["Priya Raman"]
    assert "[payments]" in results.notes[0].snippet


def test_search_ranks_name_matches_above_note_matches(workspace):
    in_notes = add(workspace, "Someone Else", notes="Knows Rivera from school")
    by_name = add(workspace, "Diego Rivera")
    assert workspace.search.contact_ids("rivera") == [by_name, in_notes]


def test_edits_keep_the_search_index_in_step(workspace):
    cid = add(workspace, "Tim Berners-Lee", company="CERN")
    workspace.contacts.edit(cid, {"company": "Web Foundation", "tags": ["standards"]})
    assert workspace.search.contact_ids("cern") == []
    assert workspace.search.contact_ids("foundation") == [cid]
    assert workspace.search.contact_ids("standards") == [cid]


def test_list_filters_by_tag_event_and_virtual_only(workspace):
    met = add(workspace, "Met Person", tags=["vc"], met_at="SaaStr")
    online = add(workspace, "Online Person", tags=["VC"])
    assert workspace.contacts.ids(tag="vc") == [met, online]
    assert workspace.contacts.ids(event="saastr") == [met]
    assert workspace.contacts.ids(virtual_only=True) == [online]
    with pytest.raises(UserError):
        workspace.contacts.ids(event="No Such Event")


def dump(workspace) -> dict:
    """Every row of every table but the search index, as plain values."""
    import sqlite3

    with sqlite3.connect(workspace.path) as db:
        tables = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%search%' "
                "AND name NOT IN ('tag', 'alembic_version')"
            )
        ]
        return {t: sorted(map(repr, db.execute(f"SELECT * FROM {t}"))) for t in tables}


def test_undoing_a_merge_gives_back_exactly_what_was_there(workspace):
    from hitouch.store.models import Cadence, FollowUp, NudgeDismissal, Referral

    keep = add(workspace, "Katherine Johnson", emails=[Labelled("kj@nasa.example")], tags=["math"], notes="Orbits.")
    other = add(
        workspace,
        "K. Johnson",
        emails=[Labelled("KJ@nasa.example"), Labelled("k@home.example")],
        phones=[Labelled("+1 757 555 0100")],
        tags=["space"],
        notes="Hidden Figures.",
        met_at="Langley Open Day",
        met_on=date(2026, 5, 1),
    )
    workspace.interactions.log([keep, other], "call", note="Both on one call")
    workspace.interactions.log([other], "coffee", note="Only the other record")
    with workspace.journal.write() as session:
        session.add_all(
            [
                FollowUp(
                    contact_id=other, due_on=date(2026, 12, 1), created_at=NOW_UTC, updated_at=NOW_UTC, ical_uid="u1"
                ),
                Referral(from_contact_id=other, to_contact_id=None, occurred_on=date(2026, 10, 1), created_at=NOW_UTC),
                Cadence(contact_id=other, every=2, unit="w", since=date(2026, 10, 1)),
                NudgeDismissal(contact_id=keep, until=date(2026, 12, 24)),
            ]
        )
    before = dump(workspace)
    _, record = workspace.contacts.merge(keep, other)
    assert dump(workspace) != before
    workspace.contacts.unmerge(record)
    assert dump(workspace) == before
    assert workspace.search.contact_ids("hidden") == [other]
    assert workspace.search.contact_ids("orbits") == [keep]
