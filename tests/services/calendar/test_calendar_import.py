"""Importing meetings from calendar files: people found by email, past meetings logged with a
guessed channel, future ones planned as follow-ups at their local time, nothing twice, one
batch that undo takes back whole, and nothing the user's calendar has given back to it."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from calendar_fixtures import add_followup, finish_followup
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.calendar.importing import ImportCancelled, Outcome
from hitouch.services.errors import NotFound, UserError
from hitouch.store.models import FollowUp, ImportBatch, Interaction, InteractionContact

CALENDARS = Path(__file__).resolve().parents[2] / "data" / "calendars"
GOOGLE, OUTLOOK, APPLE = CALENDARS / "google.ics", CALENDARS / "outlook.ics", CALENDARS / "apple.ics"


@pytest.fixture
def people(workspace) -> dict[str, int]:
    ids = {}
    for name, email in (
        ("Zoë Müller", "zoe@fjord.vc"),
        ("Adaeze Okonkwo", "Ada@LagosLabs.ng"),
        ("Marcus O'Brien", "marcus@northwind.example"),
        ("Ravi Patel", "ravi@example.com"),
    ):
        ids[name.split()[0]], _ = workspace.contacts.add(ContactCard(name=name, emails=[Labelled(email)]))
    return ids


def meetings(plan) -> dict[str, object]:
    return {m.event.summary: m for m in plan.meetings}


def rows(workspace, model) -> int:
    with workspace.journal.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_people_of_a_meeting_are_found_by_any_attendee_or_organizer_email(workspace, people):
    plan = meetings(workspace.calendar_import.plan([GOOGLE, OUTLOOK]))
    assert [p.name for p in plan["Coffee with Zoë"].people] == ["Zoë Müller"]
    assert [p.name for p in plan["Pilot review"].people] == ["Adaeze Okonkwo"]  # ADA@LAGOSLABS.NG
    assert [p.name for p in plan["Northwind partnership"].people] == ["Marcus O'Brien"]  # the organizer
    assert plan["Offsite planning"].people == []


def test_contacts_in_the_trash_are_not_matched(workspace, people):
    workspace.contacts.delete([people["Zoë"]])
    coffee = meetings(workspace.calendar_import.plan([GOOGLE]))["Coffee with Zoë"]
    assert coffee.outcome == Outcome.SKIPPED and coffee.reason == "nobody in it is in your journal"


def test_what_each_meeting_would_become_and_why_some_are_left_out(workspace, people):
    plan = workspace.calendar_import.plan([GOOGLE, OUTLOOK, APPLE])
    outcome = {m.event.summary: (m.outcome.value, m.reason) for m in plan.meetings}
    assert outcome == {
        "Coffee with Zoë": ("interaction", ""),
        "Pilot review": ("interaction", ""),
        "Lunch with Marcus": ("follow-up", ""),
        "Weekly 1:1": ("skipped", "a recurring meeting is left out"),
        "Weekly 1:1 (moved)": ("skipped", "a recurring meeting is left out"),
        "Dinner with Zoë": ("skipped", "it was cancelled"),
        "Dentist": ("skipped", "it names nobody by email"),
        "Offsite planning": ("skipped", "nobody in it is in your journal"),
        "Northwind partnership": ("interaction", ""),
        "Call with Adaeze": ("follow-up", ""),
        "Northwind board day": ("follow-up", ""),
        "Send Marcus the deck": ("skipped", "a to-do, not a meeting"),
        "Breakfast with Ravi": ("interaction", ""),
        "Web Summit": ("interaction", ""),
    }
    counts = plan.counts()
    assert (counts.interactions, counts.followups, counts.unchanged, counts.skipped) == (5, 3, 0, 6)
    assert rows(workspace, Interaction) == 0 and rows(workspace, ImportBatch) == 0  # a preview writes nothing


def test_a_past_meeting_becomes_an_interaction_on_its_day_with_the_guessed_channel(workspace, people):
    report = workspace.calendar_import.apply(workspace.calendar_import.plan([GOOGLE, OUTLOOK, APPLE]))
    assert report.changes.interactions and report.changes.followups
    assert report.changes.contacts == set(people.values())
    zoe = {(i.on, i.at, i.channel, i.note) for i in workspace.interactions.timeline(people["Zoë"])}
    assert zoe == {
        (date(2026, 11, 18), time(8, 30), "coffee", "Coffee with Zoë (Ozone Coffee, 11 Leonard St, London)"),
        (date(2026, 11, 10), None, "in-person", "Web Summit (Altice Arena Lisbon, Portugal)"),
    }
    [review] = workspace.interactions.timeline(people["Adaeze"])
    assert (review.on, review.at, review.channel) == (date(2026, 11, 20), time(15, 0), "video")  # a Meet link
    [partnership] = workspace.interactions.timeline(people["Marcus"])
    # 11:00 in W. Europe Standard Time is 10:00 in London; a Teams link makes it a video call.
    assert (partnership.on, partnership.at, partnership.channel) == (date(2026, 11, 19), time(10, 0), "video")
    [breakfast] = workspace.interactions.timeline(people["Ravi"])
    assert (breakfast.at, breakfast.channel) == (time(8, 0), "meal")
    assert workspace.search.everything("Ozone").notes  # the note is searchable


def test_a_future_meeting_becomes_a_follow_up_at_its_local_time(workspace, people):
    workspace.calendar_import.apply(workspace.calendar_import.plan([GOOGLE, OUTLOOK]))
    with workspace.journal.read() as session:
        followups = {
            f.title: (f.contact_id, f.kind, f.due_on, f.due_time, f.minutes, f.note, f.status)
            for f in session.scalars(select(FollowUp))
        }
    assert followups == {
        "Lunch with Marcus": (
            people["Marcus"],
            "meeting",
            date(2026, 12, 3),
            time(12, 30),
            90,
            "Dishoom Shoreditch",
            "open",
        ),
        "Call with Adaeze": (people["Adaeze"], "call", date(2026, 12, 9), time(15, 0), 30, "", "open"),
        "Northwind board day": (people["Marcus"], "meeting", date(2026, 12, 15), None, None, "", "open"),
    }


def test_a_meeting_with_several_contacts_is_one_interaction_with_all_of_them(workspace, people, tmp_path):
    path = tmp_path / "three.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:three@x\r\nSUMMARY:Intro call\r\nDTSTART:20261117T100000Z\r\n"
        "ORGANIZER:mailto:zoe@fjord.vc\r\nATTENDEE:mailto:ravi@example.com\r\nATTENDEE:mailto:RAVI@example.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    workspace.calendar_import.apply(workspace.calendar_import.plan([path]))
    [call] = workspace.interactions.timeline(people["Ravi"])
    assert call.channel == "call" and {c.name for c in call.contacts} == {"Zoë Müller", "Ravi Patel"}


def test_one_meeting_of_a_series_sent_on_its_own_is_imported_once(workspace, people, tmp_path):
    path = tmp_path / "moved.ics"
    text = GOOGLE.read_bytes()
    start = text.index(b"BEGIN:VEVENT\r\nDTSTART;TZID=Europe/London:20261117T100000")
    end = text.index(b"BEGIN:VEVENT", start + 1)
    path.write_bytes(b"BEGIN:VCALENDAR\r\n" + text[start:end] + b"END:VCALENDAR\r\n")
    [moved] = workspace.calendar_import.plan([path]).meetings
    assert moved.outcome == Outcome.INTERACTION
    workspace.calendar_import.apply(workspace.calendar_import.plan([path]))
    assert [m.outcome for m in workspace.calendar_import.plan([path]).meetings] == [Outcome.UNCHANGED]


def test_importing_the_same_files_twice_creates_nothing_the_second_time(workspace, people):
    ci = workspace.calendar_import
    first = ci.apply(ci.plan([GOOGLE, OUTLOOK]))
    assert first.counts.created == 6
    with workspace.journal.read() as session:
        lunch = session.scalar(select(FollowUp.id).where(FollowUp.title == "Lunch with Marcus"))
    finish_followup(workspace, lunch)  # done since: still not made again
    second = ci.plan([GOOGLE, OUTLOOK])
    counts = second.counts()
    assert (counts.created, counts.unchanged) == (0, 6)
    assert {m.reason for m in second.meetings if m.outcome == Outcome.UNCHANGED} == {"imported before"}
    again = ci.apply(second)
    assert again.counts.created == 0
    assert rows(workspace, Interaction) == 3 and rows(workspace, FollowUp) == 3


def test_the_same_meeting_in_two_files_is_taken_once(workspace, people, tmp_path):
    copy = tmp_path / "copy.ics"
    copy.write_bytes(APPLE.read_bytes())
    plan = workspace.calendar_import.plan([APPLE, copy])
    assert [m.outcome for m in plan.meetings] == [Outcome.INTERACTION] * 2 + [Outcome.SKIPPED] * 2
    assert plan.meetings[2].reason == "the same meeting as apple.ics:5"


def test_undo_takes_the_whole_import_back(workspace, people):
    ci = workspace.calendar_import
    before = rows(workspace, Interaction), rows(workspace, InteractionContact), rows(workspace, FollowUp)
    own = add_followup(workspace, people["Zoë"], date(2026, 12, 1))
    report = ci.apply(ci.plan([GOOGLE, OUTLOOK, APPLE]))
    assert ci.is_calendar_batch(report.batch_id)
    undone = ci.undo(report.batch_id)
    assert undone.removed == 5 + 3  # journal entries and follow-ups
    assert undone.changes.interactions and undone.changes.followups
    assert (rows(workspace, Interaction), rows(workspace, InteractionContact)) == before[:2]
    with workspace.journal.read() as session:
        assert list(session.scalars(select(FollowUp.id))) == [own]  # the user's own stays
    assert workspace.search.everything("Ozone").notes == []
    with pytest.raises(UserError, match="already undone"):
        ci.undo(report.batch_id)
    assert ci.plan([GOOGLE]).counts().interactions == 2  # after undo, the file can come in again


def test_undo_refuses_what_is_not_a_calendar_import(workspace, people, tmp_path):
    contacts = tmp_path / "people.vcf"
    contacts.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jon Smith\r\nEND:VCARD\r\n", encoding="utf-8")
    batch = workspace.importing.apply(workspace.importing.plan([contacts])).batch_id
    assert not workspace.calendar_import.is_calendar_batch(batch)
    with pytest.raises(NotFound, match=f"no calendar import {batch}"):
        workspace.calendar_import.undo(batch)
    with pytest.raises(NotFound):
        workspace.calendar_import.undo(99)


def test_an_unreadable_file_names_itself_and_nothing_of_any_file_is_imported(workspace, people, tmp_path):
    junk = tmp_path / "junk.ics"
    junk.write_bytes(b"\x00\x01PK\x03\x04" * 100)
    for bad, words in ((junk, "binary"), (tmp_path / "gone.ics", "no such file"), (tmp_path, "folder")):
        with pytest.raises(UserError) as refused:
            workspace.calendar_import.plan([GOOGLE, bad])
        assert str(refused.value).startswith(f"{bad}: ") and words in str(refused.value)
        assert "nothing was imported" in str(refused.value)
    assert rows(workspace, ImportBatch) == 0 and rows(workspace, Interaction) == 0


def test_broken_events_are_problems_and_the_good_ones_still_come_in(workspace, people):
    plan = workspace.calendar_import.plan([CALENDARS / "broken.ics"])
    assert [p.line for p in plan.problems] == [4, 9, 15]
    assert [m.event.summary for m in plan.meetings] == ["Good one"]
    report = workspace.calendar_import.apply(plan)
    assert report.problems == plan.problems and report.counts.interactions == 1


def test_the_journal_is_matched_again_when_the_import_is_written(workspace, people):
    plan = workspace.calendar_import.plan([GOOGLE])
    workspace.contacts.delete([people["Zoë"]])  # between the preview and Import
    report = workspace.calendar_import.apply(plan)
    assert (report.counts.interactions, report.counts.followups) == (1, 1)  # Adaeze's review, Marcus's lunch
    assert workspace.interactions.timeline(people["Zoë"]) == []


def test_a_cancelled_import_writes_nothing(workspace, people):
    ci = workspace.calendar_import
    plan = ci.plan([GOOGLE, OUTLOOK])
    seen = []
    with pytest.raises(ImportCancelled):
        ci.apply(plan, progress=lambda done, total: seen.append((done, total)), cancelled=lambda: bool(seen))
    assert rows(workspace, ImportBatch) == 0 and rows(workspace, Interaction) == 0 and rows(workspace, FollowUp) == 0


def test_follow_ups_from_the_users_calendar_are_not_given_back_to_calendars(workspace, people, tmp_path):
    own = add_followup(workspace, people["Zoë"], date(2026, 12, 1), time(9, 30))
    workspace.calendar_import.apply(workspace.calendar_import.plan([GOOGLE, OUTLOOK]))
    exported = workspace.calendar.export().decode("utf-8")
    assert exported.count("BEGIN:VEVENT") == 1 and "Coffee with Zoë Müller" in exported
    assert "Lunch with Marcus" not in exported and "Call with Adaeze" not in exported
    feed = workspace.calendar.write_feed(tmp_path / "feed.ics")
    assert feed.followups == 1
    with workspace.journal.read() as session:
        own_uid = session.get(FollowUp, own).ical_uid
    assert [e.uid for e in workspace.calendar.sync_entries()] == [own_uid]  # what CalDAV sync pushes
