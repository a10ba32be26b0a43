"""The command-line contract for follow-ups, cadences, the agenda, nudges and referrals (CLI.md)."""

from __future__ import annotations

from datetime import date

import pytest

from hitouch.store.journal import open_journal
from hitouch.store.models import LifeChange

REF_KEYS = {"id", "name"}
FOLLOWUP_KEYS = {"id", "contact", "title", "kind", "due", "status", "time", "minutes", "note", "snoozed_until"}
CONTACT_KEYS = {
    "id",
    "name",
    "given",
    "family",
    "emails",
    "phones",
    "company",
    "title",
    "urls",
    "tags",
    "events",
    "birthday",
    "source",
    "met_in_person",
    "last_interaction",
    "next_followup",
}


@pytest.fixture
def people(hitouch):
    for name in ("Adaeze Okonkwo", "Zoë Müller", "Marcus O'Brien"):
        assert hitouch("contact", "add", name).code == 0


def test_followup_add_prints_the_id_and_list_json_has_the_contract_keys(hitouch, people):
    added = hitouch("followup", "add", "adaeze", "--due", "2026-12-01T09:30", "--kind", "coffee", "--minutes", "45")
    assert (added.code, added.out, added.err) == (0, "1\n", "")
    assert hitouch("followup", "add", "zoe", "--due=-2d", "--title", "Send the deck", "--kind", "email").out == "2\n"
    [overdue, coffee] = hitouch("followup", "list", "--json").json()
    assert set(coffee) == FOLLOWUP_KEYS and set(coffee["contact"]) == REF_KEYS
    assert coffee == {
        "id": 1,
        "contact": {"id": 1, "name": "Adaeze Okonkwo"},
        "title": "Coffee with Adaeze Okonkwo",
        "kind": "coffee",
        "due": "2026-12-01",
        "status": "open",
        "time": "09:30",
        "minutes": 45,
        "note": "",
        "snoozed_until": None,
    }
    assert (overdue["title"], overdue["due"]) == ("Send the deck", "2026-11-20")


def test_done_and_snooze_change_the_status(hitouch, people):
    hitouch("followup", "add", "adaeze", "--due", "today")
    hitouch("followup", "add", "zoe", "--due", "tomorrow")
    assert hitouch("followup", "done", "1").code == 0
    assert hitouch("followup", "snooze", "2", "--until", "+1w").code == 0
    [snoozed] = hitouch("followup", "list", "--json").json()
    assert (snoozed["id"], snoozed["status"], snoozed["due"], snoozed["snoozed_until"]) == (
        2,
        "snoozed",
        "2026-11-29",
        "2026-11-29",
    )
    statuses = {f["id"]: f["status"] for f in hitouch("followup", "list", "--all", "--json").json()}
    assert statuses == {1: "done", 2: "snoozed"}
    assert "2026-11-29" in hitouch("followup", "list").out


def test_followup_mistakes_exit_1_with_one_line_and_usage_errors_exit_2(hitouch, people):
    unknown = hitouch("followup", "add", "nobody", "--due", "today")
    assert unknown.code == 1 and unknown.err.count("\n") == 1 and "nobody" in unknown.err
    bad_day = hitouch("followup", "add", "adaeze", "--due", "someday")
    assert bad_day.code == 1 and "not a date" in bad_day.err
    assert hitouch("followup", "add", "adaeze", "--due", "today", "--kind", "lunch").code == 2
    assert hitouch("followup", "done", "99").code == 1
    assert hitouch("followup", "snooze", "99", "--until", "tomorrow").code == 1
    assert hitouch("followup", "list", "--json").json() == []


def test_cadence_is_set_shown_in_contact_show_and_turned_off(hitouch, people):
    assert hitouch("cadence", "adaeze", "--every", "2w").code == 0
    assert hitouch("cadence", "adaeze").out == "every 2w, due 2026-12-06\n"
    shown = hitouch("contact", "show", "adaeze", "--json").json()
    assert shown["cadence"] == {"every": "2w", "due": "2026-12-06"}
    assert hitouch("cadence", "adaeze", "--off").code == 0
    assert hitouch("contact", "show", "adaeze", "--json").json()["cadence"] is None
    assert hitouch("cadence", "adaeze", "--every", "often").code == 1


def test_contact_show_json_keeps_its_keys_and_adds_followups_referrals_cadence(hitouch, people):
    hitouch("followup", "add", "adaeze", "--due", "+3d", "--kind", "call")
    hitouch("referral", "add", "--from", "adaeze", "--to", "me", "--lead", "A payments lawyer")
    shown = hitouch("contact", "show", "adaeze", "--json").json()
    assert CONTACT_KEYS | {"notes", "journal", "followups", "referrals", "cadence"} <= set(shown)
    [followup] = shown["followups"]
    assert set(followup) == FOLLOWUP_KEYS and followup["title"] == "Call Adaeze Okonkwo"
    [referral] = shown["referrals"]
    assert (referral["direction"], referral["lead_text"], referral["contact"]["name"]) == (
        "received",
        "A payments lawyer",
        "Adaeze Okonkwo",
    )
    assert shown["next_followup"] == "2026-11-25"
    text = hitouch("contact", "show", "adaeze").out
    assert "2026-11-25  Call Adaeze Okonkwo" in text and "from Adaeze Okonkwo: A payments lawyer (open)" in text


def test_agenda_json_has_every_list_and_names_each_person(hitouch, people, journal_path, clock):
    hitouch("contact", "edit", "marcus", "--birthday=--11-24")
    hitouch("followup", "add", "adaeze", "--due=-3d")
    hitouch("followup", "add", "zoe", "--due", "today", "--at", "16:00")
    hitouch("log", "marcus", "--channel", "email", "--on=-20d")
    hitouch("cadence", "marcus", "--every", "2w")
    hitouch("log", "zoe", "--channel", "video", "--on=-2d")
    journal = open_journal(journal_path, clock=clock)
    with journal.write() as session:
        session.add(LifeChange(contact_id=3, noticed_on=date(2026, 11, 20), kind="title", new_value="CTO"))
    journal.close()
    agenda = hitouch("agenda", "--json").json()
    assert {"overdue", "due", "cadence", "birthdays", "nudges"} <= set(agenda)
    for key in ("overdue", "due", "cadence", "birthdays", "nudges", "updates"):
        assert agenda[key], key
        assert all(set(item["contact"]) == REF_KEYS for item in agenda[key])
    assert set(agenda["overdue"][0]) == FOLLOWUP_KEYS and agenda["overdue"][0]["status"] == "open"
    assert agenda["due"][0]["time"] == "16:00"
    assert agenda["cadence"][0] == {
        "contact": {"id": 3, "name": "Marcus O'Brien"},
        "every": "2w",
        "due": "2026-11-16",
        "last": "2026-11-02",
    }
    assert agenda["birthdays"][0]["date"] == "2026-11-24"
    assert agenda["nudges"][0]["contact"]["name"] == "Zoë Müller"
    assert agenda["updates"][0]["suggestion"] == "Marcus O'Brien is now CTO: congratulate them on the new role"
    assert hitouch("agenda", "--days", "1", "--json").json()["birthdays"] == []
    assert "Overdue:" in hitouch("agenda").out
    assert hitouch("agenda", "--days", "0").code == 1


def test_an_empty_agenda_says_so_calmly(hitouch):
    assert hitouch("agenda").out.startswith("Nothing due.")
    assert hitouch("agenda", "--json").json()["overdue"] == []


def test_nudges_json_dismiss_and_coffee(hitouch, people):
    for days in ("-2d", "-9d", "-16d", "-23d"):
        hitouch("log", "adaeze", "--channel", "video", f"--on={days}")
    hitouch("log", "zoe", "--channel", "email", "--on=-5d")
    nudges = hitouch("nudges", "--json").json()
    assert [set(n) >= {"contact", "reason", "score"} for n in nudges] == [True, True]
    assert nudges[0]["contact"] == {"id": 1, "name": "Adaeze Okonkwo"}
    assert nudges[0]["reason"] == "4 video calls in the last month, never met"
    assert [n["contact"]["id"] for n in hitouch("nudges", "--limit", "1", "--json").json()] == [1]
    assert hitouch("nudges", "dismiss", "zoe", "--until", "+2w").code == 0
    coffee = hitouch("nudges", "coffee", "adaeze")
    followup_id, invitation = coffee.out.splitlines()
    assert invitation.startswith("Hi Adaeze, we've talked over video a few times")
    assert hitouch("nudges", "--json").json() == []
    [planned] = hitouch("followup", "list", "--json").json()
    assert (planned["id"], planned["kind"], planned["due"]) == (int(followup_id), "coffee", "2026-11-25")


def test_referral_add_status_list_and_balance(hitouch, people):
    assert hitouch("referral", "add", "--from", "me", "--to", "zoe", "--lead", "marcus", "--on=-3d").out == "1\n"
    assert (
        hitouch("referral", "add", "--from", "adaeze", "--to", "me", "--lead", "Acme Robotics", "--value", "1,500").out
        == "2\n"
    )
    assert hitouch("referral", "add", "--from", "adaeze", "--to", "ME", "--note", "A second one").out == "3\n"
    assert hitouch("referral", "status", "2", "won").code == 0
    ledger = hitouch("referral", "list", "--json").json()
    assert [r["id"] for r in ledger] == [3, 2, 1]
    assert ledger[1]["status"] == "won" and ledger[1]["value"] == 1500.0
    assert ledger[2]["from"] is None and ledger[2]["to"] == {"id": 2, "name": "Zoë Müller"}
    assert ledger[2]["lead"] == {"id": 3, "name": "Marcus O'Brien"} and ledger[2]["direction"] == "given"
    balance = hitouch("referral", "balance", "--json").json()
    assert [{k: b[k] for k in ("contact", "given", "received", "won")} for b in balance] == [
        {"contact": {"id": 1, "name": "Adaeze Okonkwo"}, "given": 0, "received": 2, "won": 1},
        {"contact": {"id": 2, "name": "Zoë Müller"}, "given": 1, "received": 0, "won": 0},
    ]
    assert "Acme Robotics" in hitouch("referral", "list").out


def test_referral_mistakes(hitouch, people):
    both_them = hitouch("referral", "add", "--from", "zoe", "--to", "adaeze")
    assert both_them.code == 1 and "one side must be 'me'" in both_them.err
    assert hitouch("referral", "add", "--from", "me", "--to", "me").code == 1
    assert hitouch("referral", "add", "--from", "me", "--to", "zoe", "--value", "lots").code == 1
    assert hitouch("referral", "status", "7", "won").code == 1
    assert hitouch("referral", "status", "1", "maybe").code == 2
    assert hitouch("referral", "list", "--json").json() == []


def test_the_default_cadence_from_the_settings_file_applies_to_contact_add(hitouch, own_settings):
    own_settings.parent.mkdir(parents=True)
    own_settings.write_text("[General]\ndefault_cadence=4w\n", encoding="utf-8")
    hitouch("contact", "add", "Ada Lovelace")
    assert hitouch("contact", "show", "ada", "--json").json()["cadence"] == {"every": "4w", "due": "2026-12-20"}
