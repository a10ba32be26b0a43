"""How a meeting from a calendar joins the journal: its channel, its follow-up kind, its note."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hitouch.domain.calendar.meetings import CalendarEvent, followup_kind, guess_channel, journal_note
from hitouch.domain.vocabulary import Channel, FollowUpKind

START = datetime(2026, 11, 18, 8, 30, tzinfo=UTC)


def event(summary: str = "", location: str = "", description: str = "", **extra) -> CalendarEvent:
    return CalendarEvent(
        uid="u", start=extra.pop("start", START), summary=summary, location=location, description=description, **extra
    )


@pytest.mark.parametrize(
    ("summary", "location", "description", "channel"),
    [
        ("Coffee with Zoë", "https://zoom.us/j/123456", "", Channel.VIDEO),
        ("Catch-up", "", "Join: https://us02web.zoom.us/j/8812?pwd=x", Channel.VIDEO),
        ("Catch-up", "", "https://meet.google.com/abc-defg-hij", Channel.VIDEO),
        ("Catch-up", "Microsoft Teams Meeting", "<https://teams.microsoft.com/l/meetup-join/19>", Channel.VIDEO),
        ("Catch-up", "https://acme.webex.com/meet/zoe", "", Channel.VIDEO),
        ("Catch-up", "https://whereby.com/zoe", "", Channel.VIDEO),
        ("Coffee with Zoë", "Ozone Coffee", "", Channel.COFFEE),
        ("Café with Zoë", "", "", Channel.COFFEE),
        ("Lunch with Marcus", "", "", Channel.MEAL),
        ("Team BREAKFAST", "", "", Channel.MEAL),
        ("Dinner", "", "", Channel.MEAL),
        ("Call with Adaeze", "", "", Channel.CALL),
        ("Phone: Ravi", "", "", Channel.CALL),
        ("Recall the offsite", "", "", Channel.IN_PERSON),  # "call" inside a word is no call
        ("Northwind partnership", "Microsoft Teams Meeting", "no link here", Channel.IN_PERSON),
        ("Board meeting", "Room 4", "", Channel.IN_PERSON),
    ],
)
def test_the_channel_is_guessed_from_links_then_the_summary(summary, location, description, channel):
    assert guess_channel(event(summary, location, description)) == channel


def test_the_follow_up_kind_follows_the_channel():
    assert followup_kind(Channel.COFFEE) == FollowUpKind.COFFEE
    assert followup_kind(Channel.CALL) == followup_kind(Channel.VIDEO) == FollowUpKind.CALL
    assert followup_kind(Channel.MEAL) == followup_kind(Channel.IN_PERSON) == FollowUpKind.MEETING


def test_the_note_is_the_summary_and_where_it_was():
    assert journal_note(event("Lunch with Zoë", "The Ivy,\n London")) == "Lunch with Zoë (The Ivy, London)"
    assert journal_note(event("Lunch with Zoë")) == "Lunch with Zoë"
    assert journal_note(event("", "The Ivy")) == "The Ivy"


def test_length_in_minutes_from_the_end_or_the_duration():
    assert event(end=START + timedelta(minutes=45)).minutes == 45
    assert event(duration=timedelta(hours=1, minutes=30)).minutes == 90
    assert event(end=START - timedelta(minutes=5)).minutes is None
    assert event(end=START + timedelta(days=3)).minutes == 24 * 60
    assert event(start=date(2026, 11, 18), end=date(2026, 11, 19)).minutes is None
    assert event(end=date(2026, 11, 19)).minutes is None


def test_a_meeting_of_a_series_is_known_by_its_uid_and_recurrence_id():
    assert event().key == "u"
    assert event(recurrence_id="20261116T090000Z").key == "u#20261116T090000Z"
