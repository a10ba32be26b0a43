"""Referrals: a ledger both ways, statuses and values, and the balance per person."""

from __future__ import annotations

import pytest

from hitouch.domain.relationships.referrals import amount_text, parse_amount
from hitouch.services.errors import NotFound, UserError
from relations_helpers import TODAY, days_ago, person


def test_a_referral_given_and_one_received(workspace):
    zoe = person(workspace, "Zoë Müller")
    lead = person(workspace, "Marcus O'Brien")
    given, changes = workspace.referrals.add(None, zoe, lead=lead, on=days_ago(3), note="Needs a CFO")
    received, _ = workspace.referrals.add(zoe, None, lead_text="Acme Robotics", value_cents=150_000)
    assert changes.referrals and changes.contacts == {zoe, lead}
    newest, older = workspace.referrals.list()
    assert (newest.id, newest.direction, newest.contact.name, newest.lead_label, newest.on) == (
        received,
        "received",
        "Zoë Müller",
        "Acme Robotics",
        TODAY,
    )
    assert (older.id, older.direction, older.lead_label, older.note, older.status) == (
        given,
        "given",
        "Marcus O'Brien",
        "Needs a CFO",
        "open",
    )
    assert newest.value_cents == 150_000


def test_exactly_one_side_is_me(workspace):
    zoe = person(workspace, "Zoë Müller")
    marcus = person(workspace, "Marcus O'Brien")
    with pytest.raises(UserError, match="one side must be 'me'"):
        workspace.referrals.add(zoe, marcus)
    with pytest.raises(UserError, match="one side must be 'me'"):
        workspace.referrals.add(None, None)
    assert workspace.referrals.list() == []


def test_status_moves_and_unknown_ones_are_refused(workspace):
    zoe = person(workspace, "Zoë Müller")
    referral_id, _ = workspace.referrals.add(zoe, None, lead_text="A client")
    workspace.referrals.set_status(referral_id, "WON", value_cents=99_00)
    won = workspace.referrals.get(referral_id)
    assert (won.status, won.value_cents) == ("won", 9900)
    with pytest.raises(UserError, match="unknown status 'maybe'"):
        workspace.referrals.set_status(referral_id, "maybe")
    with pytest.raises(NotFound):
        workspace.referrals.set_status(999, "met")


def test_the_balance_shows_whom_I_owe_first_and_who_was_never_helped_back(workspace):
    zoe = person(workspace, "Zoë Müller")  # referred me twice, one won; I never referred her
    marcus = person(workspace, "Marcus O'Brien")  # even
    ada = person(workspace, "Ada Lovelace")  # I referred her; she never referred me
    first, _ = workspace.referrals.add(zoe, None, lead_text="Client one")
    workspace.referrals.add(zoe, None, lead_text="Client two")
    workspace.referrals.set_status(first, "won")
    workspace.referrals.add(marcus, None, lead_text="A")
    workspace.referrals.add(None, marcus, lead_text="B")
    workspace.referrals.add(None, ada, lead_text="C")
    balance = [(b.contact.name, b.given, b.received, b.won, b.owed) for b in workspace.referrals.balance()]
    assert balance == [
        ("Zoë Müller", 0, 2, 1, 2),
        ("Marcus O'Brien", 1, 1, 0, 0),
        ("Ada Lovelace", 1, 0, 0, -1),
    ]


def test_a_contact_sees_the_referrals_they_are_part_of(workspace):
    zoe = person(workspace, "Zoë Müller")
    marcus = person(workspace, "Marcus O'Brien")
    ada = person(workspace, "Ada Lovelace")
    workspace.referrals.add(None, zoe, lead=marcus)
    workspace.referrals.add(ada, None, lead_text="X")
    assert len(workspace.referrals.list(zoe)) == 1
    assert len(workspace.referrals.list(marcus)) == 1  # as the lead
    assert [r.contact.name for r in workspace.referrals.list(ada)] == ["Ada Lovelace"]


def test_people_in_the_trash_leave_the_ledger(workspace):
    zoe = person(workspace, "Zoë Müller")
    workspace.referrals.add(zoe, None, lead_text="X")
    workspace.contacts.delete([zoe])
    assert workspace.referrals.list() == [] and workspace.referrals.balance() == []


def test_amounts_are_read_in_cents_and_written_back():
    assert parse_amount("1500") == 150_000
    assert parse_amount("1,500.5") == 150_050
    assert parse_amount(" 99.99 ") == 9_999
    assert amount_text(150_000) == "1,500" and amount_text(9_999) == "99.99"
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount("lots")
