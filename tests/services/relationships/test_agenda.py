"""The agenda: overdue and due follow-ups, cadences, birthdays, nudges and small acts."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from hitouch.domain.birthday import Birthday
from hitouch.services.errors import UserError
from hitouch.store.models import LifeChange
from relations_helpers import TODAY, days_ago, log, person


def test_follow_ups_split_into_overdue_and_due_in_the_window(workspace):
    ada = person(workspace, "Ada Lovelace")
    late, _ = workspace.followups.add(ada, days_ago(2))
    today_late, _ = workspace.followups.add(ada, TODAY, at=time(16, 0))
    today_early, _ = workspace.followups.add(ada, TODAY, at=time(9, 0))
    today_any, _ = workspace.followups.add(ada, TODAY)
    in_a_week, _ = workspace.followups.add(ada, date(2026, 11, 28))
    workspace.followups.add(ada, date(2026, 11, 29))  # outside 7 days
    done, _ = workspace.followups.add(ada, days_ago(1))
    workspace.followups.done(done)
    agenda = workspace.agenda.agenda(7)
    assert [f.id for f in agenda.overdue] == [late]
    assert [f.id for f in agenda.due] == [today_any, today_early, today_late, in_a_week]
    assert [f.id for f in workspace.agenda.agenda(1).due] == [today_any, today_early, today_late]


def test_snoozed_follow_ups_leave_the_agenda_until_their_day(workspace):
    ada = person(workspace, "Ada Lovelace")
    followup_id, _ = workspace.followups.add(ada, days_ago(5))
    workspace.followups.snooze(followup_id, date(2026, 12, 10))
    agenda = workspace.agenda.agenda(7)
    assert agenda.overdue == [] and agenda.due == []
    assert [f.id for f in workspace.agenda.agenda(19).due] == [followup_id]


def test_birthdays_in_the_window_across_the_new_year_and_on_29_february(workspace, clock):
    person(workspace, "New Year", birthday=Birthday(1, 2, 1990))
    person(workspace, "Leap Day", birthday=Birthday(2, 29))
    person(workspace, "Far Off", birthday=Birthday(6, 1))
    clock.fixed = datetime(2026, 12, 30, 9, 0)
    [new_year] = workspace.agenda.agenda(7).birthdays
    assert (new_year.contact.name, new_year.on, new_year.age) == ("New Year", date(2027, 1, 2), 37)
    clock.fixed = datetime(2027, 2, 25, 9, 0)
    [leap] = workspace.agenda.agenda(7).birthdays
    assert (leap.contact.name, leap.on, leap.age) == ("Leap Day", date(2027, 2, 28), None)


def test_cadences_that_come_due_in_the_window(workspace):
    ada = person(workspace, "Ada Lovelace")
    log(workspace, ada, "email", days_ago(12))
    workspace.cadences.set(ada, "2w")
    assert workspace.agenda.agenda(1).cadence == []
    [due] = workspace.agenda.agenda(7).cadence
    assert (due.contact.name, due.due, due.last) == ("Ada Lovelace", date(2026, 11, 24), days_ago(12))


def test_small_acts_from_noticed_life_changes_until_acknowledged(workspace):
    ada = person(workspace, "Ada Lovelace")
    with workspace.journal.write() as session:
        session.add(
            LifeChange(
                contact_id=ada, noticed_on=days_ago(1), kind="company", old_value="Engines", new_value="Analytical Ltd"
            )
        )
    [act] = workspace.agenda.agenda().small_acts
    assert act.suggestion == "Ada Lovelace moved to Analytical Ltd: send a note of congratulations"
    assert [a.change.id for a in workspace.small_acts.pending()] == [act.change.id]
    workspace.small_acts.acknowledge(act.change.id)
    assert workspace.agenda.agenda().small_acts == []


def test_a_new_company_and_position_noticed_together_are_one_small_act(workspace):
    ada = person(workspace, "Ada Lovelace")
    with workspace.journal.write() as session:
        session.add_all(
            [
                LifeChange(
                    contact_id=ada,
                    noticed_on=days_ago(1),
                    kind="company",
                    old_value="Engines",
                    new_value="Analytical Ltd",
                ),
                LifeChange(
                    contact_id=ada, noticed_on=days_ago(1), kind="title", old_value="Analyst", new_value="Founder"
                ),
            ]
        )
    [act] = workspace.agenda.agenda().small_acts
    assert act.suggestion == "Ada Lovelace moved to Analytical Ltd as Founder: send a note of congratulations"
    workspace.small_acts.acknowledge(*act.change_ids)
    assert workspace.agenda.agenda().small_acts == []


def test_the_agenda_carries_the_top_nudges(workspace):
    adaeze = person(workspace, "Adaeze Okonkwo")
    log(workspace, adaeze, "video", days_ago(2))
    agenda = workspace.agenda.agenda()
    assert [n.contact.name for n in agenda.nudges] == ["Adaeze Okonkwo"]
    assert not agenda.is_empty()


def test_contacts_in_the_trash_never_appear(workspace):
    ada = person(workspace, "Ada Lovelace", birthday=Birthday(11, 23))
    workspace.followups.add(ada, days_ago(1))
    workspace.cadences.set(ada, "1d")
    log(workspace, ada, "video", days_ago(3))
    with workspace.journal.write() as session:
        session.add(LifeChange(contact_id=ada, noticed_on=TODAY, kind="title", new_value="CTO"))
    assert not workspace.agenda.agenda().is_empty()
    workspace.contacts.delete([ada])
    assert workspace.agenda.agenda().is_empty()


def test_the_window_is_at_least_a_day(workspace):
    with pytest.raises(UserError):
        workspace.agenda.agenda(0)
