"""Events as first-class: event mode, and how an event paid off."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hitouch.services.errors import UserError
from hitouch.services.workspace import open_workspace
from hitouch.settings import Settings
from hitouch.store.models import Event
from relations_helpers import TODAY, days_ago, log, person


def test_event_mode_adds_people_met_in_person_with_a_follow_up_days_later(journal_path, clock):
    ws = open_workspace(journal_path, clock=clock, region="GB", settings=Settings(event_followup_days=4))
    try:
        event_id, _ = ws.events.add("Web Summit", on=days_ago(1), place="Lisbon")
        zoe, changes = ws.event_people.add_met_person(event_id, "Zoë Müller", "Fjord Ventures", "Sailing, seed fund")
        assert changes.contact_set and changes.followups
        summary = ws.contacts.summaries([zoe])[0]
        assert (summary.company, summary.met_in_person, summary.events, summary.source) == (
            "Fjord Ventures",
            True,
            ["Web Summit"],
            "in-person",
        )
        assert ws.contacts.detail(zoe).notes == "Sailing, seed fund"
        [followup] = ws.followups.list(contact_id=zoe)
        assert followup.due == date(2026, 11, 26)  # four days after today (the event was yesterday)
        assert followup.title == "Follow up with Zoë Müller from Web Summit" and followup.event_id == event_id
        assert followup.note == "Sailing, seed fund"
    finally:
        ws.close()


def test_event_mode_links_the_event_it_was_opened_on_even_when_names_repeat(workspace):
    older, _ = workspace.events.add("Founders Breakfast", on=date(2026, 10, 1))
    with workspace.journal.write() as session:  # a second event of the same name, later
        session.add(
            Event(
                name="Founders Breakfast",
                name_key="founders breakfast",
                starts_on=date(2026, 11, 5),
                place="",
                notes="",
                created_at=datetime(2026, 11, 1),
            )
        )
    ada, _ = workspace.event_people.add_met_person(older, "Ada Lovelace")
    assert [m.event_id for m in workspace.contacts.detail(ada).meetings] == [older]


def test_event_mode_needs_a_name(workspace):
    event_id, _ = workspace.events.add("Web Summit", on=TODAY)
    with pytest.raises(UserError, match="name"):
        workspace.event_people.add_met_person(event_id, "  ")


def test_the_payoff_counts_follow_ups_meetings_since_and_referrals(workspace):
    event_id, _ = workspace.events.add("SaaStr Europa", on=days_ago(60))
    kept = person(workspace, "Kept Up", met_at="SaaStr Europa", met_on=days_ago(60))
    workspace.followups.add(kept, days_ago(55))
    log(workspace, kept, "coffee", days_ago(30))  # face to face again after the event
    workspace.referrals.add(kept, None, lead_text="Client", on=days_ago(20))
    workspace.referrals.set_status(workspace.referrals.list()[0].id, "won", value_cents=500_000)
    person(workspace, "Lost Touch", met_at="SaaStr Europa", met_on=days_ago(60))
    online = person(workspace, "App Only")
    workspace.contacts.edit(online, {"met_at": "SaaStr Europa"})
    payoff = workspace.event_people.payoff(event_id)
    assert [(p.contact.name, p.in_person, p.followed_up, p.met_again) for p in payoff.people] == [
        ("App Only", False, False, False),
        ("Kept Up", True, True, True),
        ("Lost Touch", True, False, False),
    ]
    assert (payoff.met_in_person, payoff.followed_up, payoff.met_again) == (2, 1, 1)
    assert (payoff.referrals, payoff.referrals_won, payoff.referral_value_cents) == (1, 1, 500_000)


def test_events_newest_first_with_their_people_counted(workspace):
    old, _ = workspace.events.add("Old Meetup", on=date(2025, 1, 1))
    new, _ = workspace.events.add("Web Summit", on=date(2026, 11, 10))
    undated, _ = workspace.events.add("Someday")
    person(workspace, "Ada Lovelace", met_at="Web Summit")
    gone = person(workspace, "Gone Person", met_at="Web Summit")
    workspace.contacts.delete([gone])
    ids = workspace.event_people.ids()
    assert ids == [new, old, undated]
    assert [(e.name, e.people) for e in workspace.event_people.summaries(ids)] == [
        ("Web Summit", 1),
        ("Old Meetup", 0),
        ("Someday", 0),
    ]
