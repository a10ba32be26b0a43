"""Follow-ups: added with a sensible title, done, snoozed, rescheduled, edited, deleted."""

from __future__ import annotations

import uuid
from datetime import date, time

import pytest
from sqlalchemy import select

from hitouch.domain.vocabulary import FollowUpStatus
from hitouch.services.errors import NotFound, UserError
from hitouch.store.models import FollowUp
from relations_helpers import TODAY, person


def calendar_identity(ws, followup_id: int) -> tuple[str, int]:
    with ws.journal.read() as session:
        return tuple(
            session.execute(select(FollowUp.ical_uid, FollowUp.ical_sequence).where(FollowUp.id == followup_id)).one()
        )


def test_a_follow_up_gets_a_title_from_its_kind_and_person(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    coffee, changes = workspace.followups.add(adaeze, date(2026, 11, 25), kind="coffee", at=time(9, 30), minutes=45)
    call, _ = workspace.followups.add(adaeze, date(2026, 11, 26), kind="call", title="  ", note=" Pricing ")
    assert changes.followups and changes.contacts == {adaeze}
    first, second = workspace.followups.list()
    assert (first.id, first.title, first.kind, first.due_time, first.minutes) == (
        coffee,
        "Coffee with Adaeze Okonkwo",
        "coffee",
        time(9, 30),
        45,
    )
    assert (second.id, second.title, second.note) == (call, "Call Adaeze Okonkwo", "Pricing")
    assert first.status_on(TODAY) == FollowUpStatus.OPEN
    assert workspace.contacts.summaries([adaeze])[0].next_followup == date(2026, 11, 25)


def test_each_follow_up_has_a_stable_unique_calendar_uid(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    ids = [workspace.followups.add(adaeze, TODAY)[0] for _ in range(3)]
    uids = {calendar_identity(workspace, i)[0] for i in ids}
    assert len(uids) == 3 and all(uuid.UUID(u).version == 4 for u in uids)
    workspace.followups.edit(ids[0], title="Lunch")
    assert calendar_identity(workspace, ids[0])[0] in uids


def test_done_leaves_the_open_list_and_shows_in_all(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    followup_id, _ = workspace.followups.add(adaeze, TODAY)
    workspace.followups.done(followup_id)
    assert workspace.followups.list() == []
    [done] = workspace.followups.list(include_done=True)
    assert done.status_on(TODAY) == FollowUpStatus.DONE and done.done_at is not None
    with pytest.raises(UserError, match="already done"):
        workspace.followups.done(followup_id)


def test_snooze_hides_it_until_the_day_then_it_is_due_that_day(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    followup_id, _ = workspace.followups.add(adaeze, date(2026, 11, 20))
    workspace.followups.snooze(followup_id, date(2026, 11, 27))
    snoozed = workspace.followups.get(followup_id)
    assert snoozed.status_on(TODAY) == FollowUpStatus.SNOOZED
    assert snoozed.due == date(2026, 11, 27) and snoozed.due_on == date(2026, 11, 20)
    assert snoozed.status_on(date(2026, 11, 27)) == FollowUpStatus.OPEN
    assert calendar_identity(workspace, followup_id)[1] == 1  # calendars are told it moved
    assert workspace.contacts.summaries([adaeze])[0].next_followup == date(2026, 11, 27)


def test_snoozing_into_the_past_is_refused(workspace):
    followup_id, _ = workspace.followups.add(person(workspace, "Adaeze Okonkwo"), TODAY)
    with pytest.raises(UserError, match="after today"):
        workspace.followups.snooze(followup_id, TODAY)


def test_rescheduling_moves_it_clears_a_snooze_and_raises_the_sequence(workspace):
    followup_id, _ = workspace.followups.add(person(workspace, "Adaeze Okonkwo"), TODAY, at=time(9, 30))
    workspace.followups.snooze(followup_id, date(2026, 11, 30))
    workspace.followups.reschedule(followup_id, date(2026, 12, 3), time(14, 0))
    moved = workspace.followups.get(followup_id)
    assert (moved.due, moved.due_time, moved.snoozed_until) == (date(2026, 12, 3), time(14, 0), None)
    assert calendar_identity(workspace, followup_id)[1] == 2
    workspace.followups.edit(followup_id, note="Bring the deck")  # not a move
    assert calendar_identity(workspace, followup_id)[1] == 2


def test_edit_and_delete(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    followup_id, _ = workspace.followups.add(adaeze, TODAY, kind="email")
    workspace.followups.edit(followup_id, kind="meeting", title="", minutes=30)
    edited = workspace.followups.get(followup_id)
    assert (edited.kind, edited.title, edited.minutes) == ("meeting", "Meeting with Adaeze Okonkwo", 30)
    workspace.followups.delete([followup_id])
    assert workspace.followups.list(include_done=True) == []
    with pytest.raises(NotFound):
        workspace.followups.get(followup_id)


def test_bad_kinds_and_lengths_are_refused_with_a_reason(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    with pytest.raises(UserError, match="unknown kind 'lunch'"):
        workspace.followups.add(adaeze, TODAY, kind="lunch")
    with pytest.raises(UserError, match="positive number of minutes"):
        workspace.followups.add(adaeze, TODAY, minutes=0)
    assert workspace.followups.list() == []


def test_a_contact_in_the_trash_takes_their_follow_ups_along_and_back(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    followup_id, _ = workspace.followups.add(adaeze, TODAY)
    workspace.contacts.delete([adaeze])
    assert workspace.followups.list() == []
    with pytest.raises(NotFound):
        workspace.followups.done(followup_id)
    workspace.trash.restore(adaeze)
    assert [f.id for f in workspace.followups.list()] == [followup_id]
