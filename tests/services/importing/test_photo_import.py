"""Importing photos of badges and business cards: what each code becomes, the event and the
follow-up, the card image kept once, photos left to type in, and undo."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.services.errors import UserError
from hitouch.services.importing.importing import EntryKind
from hitouch.services.importing.photo_import import PhotoNames
from hitouch.store.models import CardImage, FollowUp, Interaction, PhotoEntry
from photo_fixtures import Code, badge, blank, photo, save, vcard

READER = QtPhotoReader()
TODAY = date(2026, 11, 22)  # tests/conftest.py's clock


@pytest.fixture
def photos(tmp_path):
    folder = tmp_path / "evening"
    badge(folder / "01-zoe.jpg", vcard("Zoë Müller", "zoe@fjord.vc", "+44 20 7946 0958", "Fjord Ventures"))
    badge(folder / "02-kenji.png", "MECARD:N:Tanaka,Kenji;TEL:+81 3 1234 5678;EMAIL:kenji@example.jp;ORG:Kaisha;;")
    badge(folder / "03-jane.jpg", "https://www.linkedin.com/in/jane-doe-1a2b3c4d/")
    badge(folder / "04-nameless.jpg", "https://www.linkedin.com/in/jd1980")
    badge(folder / "05-company.jpg", "https://acme.example/people")
    badge(folder / "06-attendee.jpg", "ATT-2026-000451")
    blank(folder / "07-stage.jpg")
    save(
        photo(
            [
                Code(vcard("Ada Lovelace", "ada@engine.org"), 0.3, 0.5, module=5),
                Code(vcard("Charles Babbage", "charles@engine.org"), 0.7, 0.5, module=5, angle=30),
            ]
        ),
        folder / "08-two.jpg",
    )
    return folder


def names(ws) -> set[str]:
    return {s.name for s in ws.contacts.summaries(ws.contacts.ids())}


def count(ws, table) -> int:
    with ws.journal.read() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_each_code_becomes_what_it_names(workspace, photos):
    plan = workspace.photo_import.plan([photos], READER)
    assert len(plan.photos) == 8
    assert {e.name for e in plan.contacts.entries} == {
        "Zoë Müller",
        "Kenji Tanaka",
        "Jane Doe",
        "Ada Lovelace",
        "Charles Babbage",
    }
    assert all(e.kind == EntryKind.NEW for e in plan.contacts.entries)
    assert [(u.url, plan.photos[u.photo].name) for u in plan.unnamed] == [
        ("https://www.linkedin.com/in/jd1980", "04-nameless.jpg")
    ]
    assert sorted((w.kind, w.code, plan.photos[w.photo].name) for w in plan.waiting) == [
        ("id", "ATT-2026-000451", "06-attendee.jpg"),
        ("none", "", "07-stage.jpg"),
        ("url", "https://acme.example/people", "05-company.jpg"),
    ]
    two = next(e for e in plan.contacts.entries if e.name == "Ada Lovelace")
    assert [plan.photos[i].name for i in plan.photos_of(two)] == ["08-two.jpg"]
    assert names(workspace) == set()  # a plan writes nothing


def test_everyone_of_the_batch_is_met_at_the_event_with_a_follow_up(workspace, photos):
    event_id, _ = workspace.events.add("Web Summit", on=TODAY)
    plan = workspace.photo_import.plan([photos], READER)
    report = workspace.photo_import.apply(plan, PhotoNames(event=event_id, names={0: "Jan Dekker"}))
    assert names(workspace) == {
        "Zoë Müller",
        "Kenji Tanaka",
        "Jane Doe",
        "Jan Dekker",
        "Ada Lovelace",
        "Charles Babbage",
    }
    assert report.contacts.counts.created == 6 and report.met == 6 and report.waiting == 3
    zoe = workspace.contacts.detail(workspace.contacts.resolve("Zoë Müller"))
    assert zoe.summary.met_in_person and zoe.summary.events == ["Web Summit"]
    assert zoe.summary.source == "in-person"
    assert zoe.summary.next_followup == date(2026, 11, 25)  # event_followup_days: 3
    jan = workspace.contacts.detail(workspace.contacts.resolve("Jan Dekker"))
    assert jan.summary.urls == ["https://www.linkedin.com/in/jd1980"]
    assert [e.hint for e in workspace.card_images.waiting(event_id)] == [
        "https://acme.example/people",
        "Badge code ATT-2026-000451",
        "No code on this photo",
    ]


def test_the_photo_is_kept_resized_once_however_many_people_it_shows(workspace, photos):
    plan = workspace.photo_import.plan([photos], READER)
    workspace.photo_import.apply(plan, PhotoNames())
    ada = workspace.card_images.of_contact(workspace.contacts.resolve("Ada Lovelace"))
    charles = workspace.card_images.of_contact(workspace.contacts.resolve("Charles Babbage"))
    assert [i.file_name for i in ada] == ["08-two.jpg"] and ada[0].id == charles[0].id
    assert count(workspace, CardImage) == 8  # one a photo, the one with two people on it too
    image = workspace.card_images.image(ada[0].id)
    assert image[:3] == b"\xff\xd8\xff" and len(image) < (photos / "08-two.jpg").stat().st_size * 2
    assert (ada[0].width, ada[0].height) == (1600, 1200)


def test_without_an_event_they_are_met_in_person_that_day(workspace, photos):
    plan = workspace.photo_import.plan([photos / "01-zoe.jpg"], READER)
    workspace.photo_import.apply(plan, PhotoNames())
    zoe = workspace.contacts.detail(workspace.contacts.resolve("Zoë Müller"))
    assert zoe.summary.met_in_person and zoe.summary.events == []
    assert zoe.summary.last_interaction == TODAY and zoe.summary.next_followup == date(2026, 11, 25)


def test_a_new_event_named_in_the_preview_is_made_for_today(workspace, photos):
    plan = workspace.photo_import.plan([photos / "01-zoe.jpg"], READER)
    report = workspace.photo_import.apply(plan, PhotoNames(event="Founders Breakfast"))
    assert report.event.name == "Founders Breakfast" and report.event.on == TODAY and report.event.today
    assert workspace.photo_import.todays_event().name == "Founders Breakfast"


def test_the_same_photos_twice_add_nothing_the_second_time(workspace, photos):
    event_id, _ = workspace.events.add("Web Summit", on=TODAY)
    workspace.photo_import.apply(workspace.photo_import.plan([photos], READER), PhotoNames(event=event_id))
    before = {table: count(workspace, table) for table in (CardImage, Interaction, FollowUp, PhotoEntry)}
    again = workspace.photo_import.plan([photos], READER)
    assert {e.kind for e in again.contacts.entries} == {EntryKind.UNCHANGED}
    report = workspace.photo_import.apply(again, PhotoNames(event=event_id))
    assert report.contacts.counts.created == 0 and report.met == 0
    assert {table: count(workspace, table) for table in before} == before


def test_a_known_person_met_again_gains_the_meeting_and_the_photo(workspace, photos):
    zoe, _ = workspace.contacts.add(ContactCard(name="Zoë Müller", emails=[Labelled("zoe@fjord.vc")]))
    event_id, _ = workspace.events.add("Web Summit", on=TODAY)
    plan = workspace.photo_import.plan([photos / "01-zoe.jpg"], READER)
    assert [(e.kind, e.contact.id) for e in plan.contacts.entries] == [(EntryKind.MERGE, zoe)]
    report = workspace.photo_import.apply(plan, PhotoNames(event=event_id))
    summary = workspace.contacts.detail(zoe).summary
    assert summary.events == ["Web Summit"] and summary.met_in_person and summary.phones == ["+442079460958"]
    undone = workspace.importing.undo(report.batch_id)
    summary = workspace.contacts.detail(zoe).summary
    assert summary.events == [] and not summary.met_in_person and summary.phones == []
    assert summary.next_followup is None and workspace.card_images.of_contact(zoe) == []
    assert undone.changes.interactions and undone.changes.followups and zoe in undone.changes.contacts


def test_undo_takes_the_whole_batch_back(workspace, photos):
    event_id, _ = workspace.events.add("Web Summit", on=TODAY)
    report = workspace.photo_import.apply(workspace.photo_import.plan([photos], READER), PhotoNames(event=event_id))
    workspace.importing.undo(report.batch_id)
    assert names(workspace) == set()
    assert [count(workspace, t) for t in (CardImage, Interaction, FollowUp, PhotoEntry)] == [0, 0, 0, 0]
    assert workspace.card_images.waiting(event_id) == []


def test_a_waiting_photo_typed_in_in_event_mode_becomes_that_persons_card(workspace, photos):
    event_id, _ = workspace.events.add("Web Summit", on=TODAY)
    plan = workspace.photo_import.plan([photos / "05-company.jpg", photos / "06-attendee.jpg"], READER)
    workspace.photo_import.apply(plan, PhotoNames(event=event_id))
    url, attendee = workspace.card_images.waiting(event_id)
    who, _ = workspace.event_people.add_met_person(event_id, "Rosa Parks", "Acme", photo=url.id)
    other, _ = workspace.event_people.add_met_person(event_id, "Sam Lee", photo=attendee.id)
    assert workspace.contacts.detail(who).summary.urls == ["https://acme.example/people"]
    assert [i.id for i in workspace.card_images.of_contact(who)] == [url.image_id]
    assert "Badge code ATT-2026-000451" in workspace.contacts.card(other).notes
    assert workspace.card_images.waiting(event_id) == []
    with pytest.raises(UserError, match="typed in already"):
        workspace.event_people.add_met_person(event_id, "Again", photo=url.id)


def test_a_photo_set_aside_waits_no_more(workspace, photos):
    workspace.photo_import.apply(workspace.photo_import.plan([photos / "07-stage.jpg"], READER), PhotoNames())
    (stage,) = workspace.card_images.waiting(None)
    workspace.card_images.set_aside(stage.id)
    assert workspace.card_images.waiting(None) == []


def test_todays_event_comes_first_among_the_events_to_choose(workspace):
    workspace.events.add("Last Week", on=date(2026, 11, 15))
    workspace.events.add("Next Month", on=date(2026, 12, 20))
    workspace.events.add("Three Days", on=date(2026, 11, 21))
    with workspace.journal.write() as session:
        from hitouch.store.models import Event

        session.scalar(select(Event).where(Event.name == "Three Days")).ends_on = date(2026, 11, 23)
    choices = workspace.photo_import.events()
    assert [c.name for c in choices] == ["Three Days", "Next Month", "Last Week"]
    assert workspace.photo_import.todays_event().name == "Three Days"
