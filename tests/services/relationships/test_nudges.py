"""Face-to-face nudges: who is known only virtually, ranked, with one sentence why."""

from __future__ import annotations

from datetime import date

import pytest

from hitouch.services.errors import UserError
from relations_helpers import TODAY, days_ago, log, person


def names(ws, limit=10):
    return [n.contact.name for n in ws.nudges.list(limit)]


def test_recent_repeated_video_calls_make_a_nudge_with_a_readable_reason(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    for n in (2, 9, 16, 23):
        log(workspace, adaeze, "video", days_ago(n))
    [nudge] = workspace.nudges.list()
    assert nudge.contact.name == "Adaeze Okonkwo"
    assert nudge.reason == "4 video calls in the last month, never met"
    assert nudge.score > 0 and nudge.last_exchange == days_ago(2)


def test_ranked_by_exchange_then_referrals_and_shared_events(workspace):
    busy = person(workspace, "Busy Online")
    for n in range(1, 6):
        log(workspace, busy, "email", days_ago(n))
    referrer = person(workspace, "Ref Errer")
    log(workspace, referrer, "message", days_ago(40))
    workspace.referrals.add(referrer, None, lead_text="A client", on=days_ago(40))
    quiet = person(workspace, "Quiet One")
    log(workspace, quiet, "email", days_ago(80))
    assert names(workspace) == ["Busy Online", "Ref Errer", "Quiet One"]
    reasons = {n.contact.name: n.reason for n in workspace.nudges.list()}
    assert reasons["Busy Online"] == "5 emails in the last month, never met"
    assert reasons["Ref Errer"] == "A referral between you and one message this past year, never met"
    assert reasons["Quiet One"] == "One email this past year, never met"
    assert names(workspace, limit=2) == ["Busy Online", "Ref Errer"]


def test_mixed_channels_are_called_exchanges(workspace):
    li = person(workspace, "Li Wei")
    for n, channel in ((1, "email"), (2, "video"), (3, "message")):
        log(workspace, li, channel, days_ago(n))
    assert workspace.nudges.list()[0].reason == "3 exchanges in the last month, never met"


def test_people_met_face_to_face_or_in_person_at_an_event_are_never_nudged(workspace):
    coffee = person(workspace, "Had Coffee")
    log(workspace, coffee, "video", days_ago(3))
    log(workspace, coffee, "coffee", days_ago(400))
    summit = person(workspace, "Met At Summit", met_at="Web Summit", met_on=days_ago(300))
    log(workspace, summit, "email", days_ago(2))
    online = person(workspace, "Online Only")
    log(workspace, online, "email", days_ago(2))
    assert names(workspace) == ["Online Only"]


def test_logging_a_coffee_removes_the_nudge(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    log(workspace, adaeze, "video", days_ago(2))
    assert names(workspace) == ["Adaeze Okonkwo"]
    log(workspace, adaeze, "coffee", TODAY)
    assert names(workspace) == []


def test_people_connected_through_an_event_are_nudged_even_without_exchange(workspace):
    met = person(workspace, "Met There", met_at="SaaStr Europa", met_on=days_ago(60))
    online = person(workspace, "Only App", source="online")
    workspace.contacts.edit(online, {"met_at": "SaaStr Europa"})  # linked, not met in person
    assert names(workspace) == ["Only App"]
    assert workspace.nudges.list()[0].reason.startswith("Connected through SaaStr Europa")
    assert met  # the in-person one stays out


def test_dismissing_hides_a_nudge_until_the_day_given(workspace, clock):
    adaeze = person(workspace, "Adaeze Okonkwo")
    log(workspace, adaeze, "video", days_ago(2))
    workspace.nudges.dismiss(adaeze, date(2026, 12, 1))
    assert names(workspace) == []
    clock.fixed = clock.fixed.replace(day=30)
    assert names(workspace) == []
    clock.fixed = clock.fixed.replace(month=12, day=1)
    assert names(workspace) == ["Adaeze Okonkwo"]


def test_dismissing_by_default_lasts_four_weeks_and_not_into_the_past(workspace, clock):
    adaeze = person(workspace, "Adaeze Okonkwo")
    log(workspace, adaeze, "video", days_ago(2))
    workspace.nudges.dismiss(adaeze)
    clock.fixed = clock.fixed.replace(month=12, day=19)
    assert names(workspace) == []
    clock.fixed = clock.fixed.replace(month=12, day=20)
    assert names(workspace) == ["Adaeze Okonkwo"]
    with pytest.raises(UserError):
        workspace.nudges.dismiss(adaeze, date(2026, 12, 20))


def test_scheduling_a_coffee_plans_a_weekday_a_few_days_out_and_ends_the_nudge(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    log(workspace, adaeze, "video", days_ago(2))
    followup_id, changes = workspace.nudges.schedule_coffee(adaeze)
    coffee = workspace.followups.get(followup_id)
    assert (coffee.kind, coffee.title, coffee.due) == ("coffee", "Coffee with Adaeze Okonkwo", date(2026, 11, 25))
    assert changes.followups
    assert names(workspace) == []  # planned; the nudge comes back if the coffee is dropped
    workspace.followups.delete([followup_id])
    assert names(workspace) == ["Adaeze Okonkwo"]


def test_the_invitation_says_how_we_have_been_in_touch(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    for n in (2, 9, 16):
        log(workspace, adaeze, "video", days_ago(n))
    text = workspace.nudges.invitation(adaeze)
    assert text == "Hi Adaeze, we've talked over video a few times — would you like to grab a coffee next week?"
    assert "this week" in workspace.nudges.invitation(adaeze, date(2026, 11, 22))


def test_contacts_in_the_trash_are_not_nudged(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    log(workspace, adaeze, "video", days_ago(2))
    workspace.contacts.delete([adaeze])
    assert names(workspace) == []
