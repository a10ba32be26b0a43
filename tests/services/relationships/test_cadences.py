"""Cadences: due when the period has passed since the last interaction, restarted by logging."""

from __future__ import annotations

from datetime import date

import pytest

from hitouch.domain.relationships.cadences import cadence_due
from hitouch.services.errors import UserError
from hitouch.services.workspace import open_workspace
from hitouch.settings import Settings, from_values
from relations_helpers import TODAY, days_ago, log, person


def due_names(ws, until=TODAY):
    return [c.contact.name for c in ws.cadences.due(until)]


def test_with_nothing_logged_the_clock_starts_when_the_cadence_is_set(workspace):
    ada = person(workspace, "Ada Lovelace")
    workspace.cadences.set(ada, "2w")
    cadence = workspace.cadences.get(ada)
    assert (cadence.period, cadence.since, cadence.last, cadence.due) == ("2w", TODAY, None, date(2026, 12, 6))
    assert due_names(workspace) == []
    assert due_names(workspace, date(2026, 12, 6)) == ["Ada Lovelace"]


def test_it_comes_due_that_long_after_the_last_interaction(workspace):
    ada = person(workspace, "Ada Lovelace")
    log(workspace, ada, "email", days_ago(20))
    workspace.cadences.set(ada, "2w")
    assert workspace.cadences.get(ada).due == days_ago(6)
    assert due_names(workspace) == ["Ada Lovelace"]


def test_logging_any_interaction_restarts_the_clock_and_deleting_it_puts_it_back(workspace):
    ada = person(workspace, "Ada Lovelace")
    log(workspace, ada, "email", days_ago(20))
    workspace.cadences.set(ada, "2w")
    coffee = log(workspace, ada, "message", TODAY)
    assert due_names(workspace) == []
    assert workspace.cadences.get(ada).due == date(2026, 12, 6)
    workspace.interactions.delete(coffee)
    assert due_names(workspace) == ["Ada Lovelace"]


def test_meeting_at_an_event_counts_as_the_last_interaction(workspace):
    ada = person(workspace, "Ada Lovelace", met_at="Web Summit", met_on=days_ago(3))
    workspace.cadences.set(ada, "1m")
    assert workspace.cadences.get(ada).last == days_ago(3)


def test_a_month_after_the_31st_is_the_end_of_the_next_month():
    assert cadence_due(date(2027, 1, 31), 1, "m") == date(2027, 2, 28)
    assert cadence_due(date(2028, 1, 31), 1, "m") == date(2028, 2, 29)
    assert cadence_due(date(2026, 11, 30), 3, "m") == date(2027, 2, 28)
    assert cadence_due(date(2026, 12, 15), 1, "m") == date(2027, 1, 15)
    assert cadence_due(date(2026, 12, 15), 2, "w") == date(2026, 12, 29)


def test_off_removes_it_and_bad_periods_are_refused(workspace):
    ada = person(workspace, "Ada Lovelace")
    workspace.cadences.set(ada, "1w")
    workspace.cadences.off(ada)
    assert workspace.cadences.get(ada) is None
    with pytest.raises(UserError, match="not a period"):
        workspace.cadences.set(ada, "fortnightly")


def test_contacts_in_the_trash_never_come_due(workspace):
    ada = person(workspace, "Ada Lovelace")
    workspace.cadences.set(ada, "1d")
    workspace.contacts.delete([ada])
    assert due_names(workspace, date(2027, 1, 1)) == []


def test_the_default_cadence_applies_to_contacts_added_by_hand(journal_path, clock):
    ws = open_workspace(journal_path, clock=clock, region="GB", settings=Settings(default_cadence="4w"))
    try:
        ada = person(ws, "Ada Lovelace")
        assert ws.cadences.get(ada).period == "4w"
    finally:
        ws.close()


def test_no_default_cadence_means_none_and_an_unreadable_one_never_stops_an_add(journal_path, clock):
    read = from_values({"default_cadence": "sometimes"})  # a hand-edited file: the value is not kept
    assert read.default_cadence == ""
    ws = open_workspace(journal_path, clock=clock, region="GB", settings=read)
    try:
        ada = person(ws, "Ada Lovelace")
        assert ws.cadences.get(ada) is None
    finally:
        ws.close()
