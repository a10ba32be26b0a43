"""Reminders for follow-ups at absolute moments, right across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from hitouch.services.clock import Clock
from hitouch.services.workspace import open_workspace
from hitouch.settings import Settings
from relations_helpers import person

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def london():
    """The user's zone, as the clock passed in says (the system's is never asked here)."""
    return LONDON


@pytest.fixture
def ws(journal_path, clock, london):
    workspace = open_workspace(
        journal_path,
        clock=Clock(fixed=clock.now(), zone=london),
        region="GB",
        settings=Settings(reminder_minutes=15, all_day_reminder_hour=9),
    )
    yield workspace
    workspace.close()


def test_the_zone_comes_from_the_clock_not_the_system(journal_path, clock):
    tokyo = ZoneInfo("Asia/Tokyo")
    workspace = open_workspace(journal_path, clock=Clock(fixed=clock.now(), zone=tokyo), region="GB")
    try:
        workspace.followups.add(person(workspace, "Ada Lovelace"), date(2026, 11, 24), at=time(9, 30))
        reminder = workspace.reminders.next_after(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
        assert reminder.moment == datetime(2026, 11, 24, 0, 15, tzinfo=UTC)  # 09:15 in Tokyo
    finally:
        workspace.close()


def test_a_0930_follow_up_the_day_after_clocks_go_forward_is_reminded_at_0815_utc(ws, london):
    # British Summer Time began at 01:00 UTC on Sunday 28 March 2027.
    followup_id, _ = ws.followups.add(person(ws, "Adaeze Okonkwo"), date(2027, 3, 29), at=time(9, 30))
    saturday_noon = datetime(2027, 3, 27, 12, 0, tzinfo=london)  # GMT, so also 12:00 UTC
    reminder = ws.reminders.next_after(saturday_noon)
    assert [f.id for f in reminder.followups] == [followup_id]
    assert reminder.moment == datetime(2027, 3, 29, 8, 15, tzinfo=UTC)  # 09:15 BST
    assert reminder.moment - saturday_noon == timedelta(hours=44, minutes=15)  # not 45:15


def test_the_day_after_clocks_go_back_0930_is_0930_utc(ws, london):
    # British Summer Time ended at 01:00 UTC on Sunday 25 October 2026.
    ws.followups.add(person(ws, "Adaeze Okonkwo"), date(2026, 10, 26), at=time(9, 30))
    reminder = ws.reminders.next_after(datetime(2026, 10, 24, 12, 0, tzinfo=london))
    assert reminder.moment == datetime(2026, 10, 26, 9, 15, tzinfo=UTC)


def test_all_day_follow_ups_are_reminded_at_the_set_hour_and_together(ws, london):
    ada = person(ws, "Ada Lovelace")
    first, _ = ws.followups.add(ada, date(2026, 11, 24))
    second, _ = ws.followups.add(ada, date(2026, 11, 24), kind="email")
    ws.followups.add(ada, date(2026, 11, 24), at=time(8, 0))
    now = datetime(2026, 11, 24, 8, 0, tzinfo=london)  # after the 07:45 reminder of the 08:00 one
    reminder = ws.reminders.next_after(now)
    assert reminder.moment == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    assert sorted(f.id for f in reminder.followups) == [first, second]


def test_done_snoozed_and_past_follow_ups_are_skipped(ws, london):
    ada = person(ws, "Ada Lovelace")
    done, _ = ws.followups.add(ada, date(2026, 11, 23))
    ws.followups.done(done)
    snoozed, _ = ws.followups.add(ada, date(2026, 11, 23))
    ws.followups.snooze(snoozed, date(2026, 11, 30))
    later, _ = ws.followups.add(ada, date(2026, 11, 27))
    reminder = ws.reminders.next_after(datetime(2026, 11, 22, 10, 30, tzinfo=london))
    assert [f.id for f in reminder.followups] == [later]
    reminder = ws.reminders.next_after(reminder.moment)
    assert [f.id for f in reminder.followups] == [snoozed]
    assert ws.reminders.next_after(reminder.moment) is None
