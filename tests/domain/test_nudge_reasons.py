"""How a nudge is weighed and worded, without a journal."""

from __future__ import annotations

from datetime import date

from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.nudge_reasons import NudgeSignals, invitation

TODAY = date(2026, 11, 22)
ADAEZE = ContactRef(1, "Adaeze Okonkwo")


def test_one_sentence_from_the_two_strongest_signals():
    signals = NudgeSignals(
        ADAEZE,
        last_month=4,
        last_year=6,
        main_channel="video",
        main_channel_count=4,
        referrals=1,
        shared_tags=["fintech"],
        connected_on=date(2023, 1, 5),
    )
    assert signals.reason(TODAY) == "4 video calls in the last month and a referral between you, never met"


def test_a_mostly_video_month_is_not_called_all_video():
    signals = NudgeSignals(ADAEZE, last_month=4, last_year=4, main_channel="video", main_channel_count=3)
    assert signals.reason(TODAY) == "4 exchanges in the last month (mostly video calls), never met"


def test_a_hundred_emails_are_not_a_hundred_times_better():
    many = NudgeSignals(ADAEZE, last_month=100, last_year=100)
    few = NudgeSignals(ADAEZE, last_month=8, last_year=8)
    assert many.score(TODAY) == few.score(TODAY)


def test_long_connections_and_tags_alone_still_read_well():
    signals = NudgeSignals(ADAEZE, shared_tags=["investor"], connected_on=date(2020, 6, 1))
    assert signals.reason(TODAY) == "Connected for 6 years and tagged investor like people you have met, never met"
    assert NudgeSignals(ADAEZE).reason(TODAY) == "Known only online, never met"


def test_the_invitation_follows_the_channel_and_the_week():
    video = NudgeSignals(ADAEZE, given="Adaeze", last_month=3, last_year=3, main_channel="video")
    assert invitation(video, date(2026, 11, 25), date(2026, 11, 20)) == (
        "Hi Adaeze, we've talked over video a few times — would you like to grab a coffee next week?"
    )
    once = NudgeSignals(ContactRef(2, "Li Wei"), last_month=1, last_year=1, main_channel="email")
    assert invitation(once, date(2026, 11, 19), date(2026, 11, 17)) == (
        "Hi Li, we've emailed recently — would you like to grab a coffee this week?"
    )
    chats = NudgeSignals(ContactRef(3, "Sam"), last_year=5, main_channel="message")
    assert "we've been messaging for a while" in invitation(chats, date(2026, 11, 30), TODAY)
