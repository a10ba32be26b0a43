"""Insights: face-to-face share, follow-ups kept and missed, referrals both ways, by month."""

from __future__ import annotations

from datetime import date, datetime

from hitouch.domain.relationships.insights import months_ending
from relations_helpers import person


def test_months_ending_counts_back_across_the_year():
    assert months_ending(date(2026, 2, 10), 3) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]


def test_relationships_turn_face_to_face_in_the_month_we_first_meet(workspace, clock):
    clock.fixed = datetime(2026, 9, 15, 10, 0)
    ada = person(workspace, "Ada Lovelace")
    person(workspace, "Online Only")
    clock.fixed = datetime(2026, 11, 22, 10, 30)
    workspace.interactions.log([ada], "coffee", on=date(2026, 10, 20))
    figures = workspace.insights.months(3).relationships
    assert [(m.month, m.met, m.virtual) for m in figures] == [
        (date(2026, 9, 1), 0, 2),
        (date(2026, 10, 1), 1, 1),
        (date(2026, 11, 1), 1, 1),
    ]
    assert figures[-1].met_share == 0.5


def test_follow_ups_kept_and_missed_by_the_month_they_were_due(workspace, clock):
    ada = person(workspace, "Ada Lovelace")
    kept, _ = workspace.followups.add(ada, date(2026, 10, 5))
    late, _ = workspace.followups.add(ada, date(2026, 10, 6))
    workspace.followups.add(ada, date(2026, 10, 7))  # never done
    workspace.followups.add(ada, date(2026, 11, 30))  # not due yet
    clock.fixed = datetime(2026, 10, 5, 9, 0)
    workspace.followups.done(kept)
    clock.fixed = datetime(2026, 10, 20, 9, 0)
    workspace.followups.done(late)
    clock.fixed = datetime(2026, 11, 22, 10, 30)
    october, november = workspace.insights.months(2).followups
    assert (october.kept, october.missed) == (1, 2)
    assert (november.kept, november.missed) == (0, 0)


def test_referrals_given_and_received_per_month(workspace):
    zoe = person(workspace, "Zoë Müller")
    workspace.referrals.add(None, zoe, lead_text="A", on=date(2026, 10, 3))
    workspace.referrals.add(zoe, None, lead_text="B", on=date(2026, 10, 9))
    workspace.referrals.add(zoe, None, lead_text="C", on=date(2026, 11, 1))
    october, november = workspace.insights.months(2).referrals
    assert (october.given, october.received, november.given, november.received) == (1, 1, 0, 1)
