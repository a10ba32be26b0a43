"""The command-line contract for contacts, the journal, events and search (CLI.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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


def test_add_prints_the_id_and_list_json_has_the_contract_keys(hitouch):
    first = hitouch(
        "contact",
        "add",
        "Zoë Müller",
        "--email",
        "zoe@fjord.vc",
        "--phone",
        "+44 20 7946 0958",
        "--company",
        "Fjord Ventures",
        "--title",
        "Partner",
        "--url",
        "linkedin.com/in/zoe",
        "--tag",
        "investor",
        "--birthday=--03-15",
        "--note",
        "Sailing",
    )
    assert first.code == 0 and first.out.strip() == "1" and first.err == ""
    listing = hitouch("contact", "list", "--json")
    assert listing.code == 0
    [zoe] = listing.json()
    assert set(zoe) == CONTACT_KEYS
    assert zoe["phones"] == ["+442079460958"]
    assert zoe["birthday"] == "--03-15"
    assert zoe["source"] == "online" and zoe["met_in_person"] is False
    assert zoe["last_interaction"] is None and zoe["next_followup"] is None


def test_met_at_creates_the_event_and_defaults_the_source_to_in_person(hitouch):
    hitouch("contact", "add", "Marcus O'Brien", "--met-at", "Web Summit", "--met-on", "2026-11-10")
    shown = hitouch("contact", "show", "marcus o'brien", "--json").json()
    assert shown["source"] == "in-person" and shown["met_in_person"] is True
    assert shown["events"] == ["Web Summit"]
    events = hitouch("events", "--json").json()
    assert events == [{"id": 1, "name": "Web Summit", "date": "2026-11-10", "place": "", "people": ["Marcus O'Brien"]}]


def test_log_with_several_contacts_and_relative_dates(hitouch):
    hitouch("contact", "add", "Ada Lovelace", "--email", "ada@engines.example")
    hitouch("contact", "add", "Charles Babbage")
    logged = hitouch(
        "log",
        "ada@engines.example",
        "Charles Babbage",
        "--channel",
        "coffee",
        "--on=-2d",
        "--note",
        "Difference engine",
        "--event",
        "Royal Society",
    )
    assert logged.code == 0
    shown = hitouch("contact", "show", "1", "--json").json()
    assert shown["met_in_person"] is True
    assert shown["journal"][0]["note"] == "Difference engine"
    assert shown["journal"][0]["channel"] == "coffee"
    assert {c["name"] for c in shown["journal"][0]["contacts"]} == {"Ada Lovelace", "Charles Babbage"}
    assert shown["last_interaction"] == shown["journal"][0]["date"]


def test_virtual_only_tag_and_event_filters(hitouch):
    hitouch("contact", "add", "Met Person", "--met-at", "SaaStr", "--tag", "vc")
    hitouch("contact", "add", "Online Person", "--source", "linkedin", "--tag", "VC")
    virtual = hitouch("contact", "list", "--virtual-only", "--json").json()
    assert [c["name"] for c in virtual] == ["Online Person"]
    assert [c["name"] for c in hitouch("contact", "list", "--tag", "vc", "--json").json()] == [
        "Met Person",
        "Online Person",
    ]
    assert [c["name"] for c in hitouch("contact", "list", "--event", "SaaStr", "--json").json()] == ["Met Person"]


def test_edit_replaces_and_delete_restore_go_through_the_trash(hitouch):
    hitouch("contact", "add", "Grace Hopper", "--email", "grace@navy.mil", "--company", "Navy")
    assert hitouch("contact", "edit", "grace", "--company", "Compiler Corp", "--email", "g@compiler.example").code == 0
    shown = hitouch("contact", "show", "grace", "--json").json()
    assert shown["company"] == "Compiler Corp" and shown["emails"] == ["g@compiler.example"]
    assert hitouch("contact", "delete", "grace").code == 0
    assert hitouch("contact", "list", "--json").json() == []
    trash = hitouch("trash", "--json").json()
    assert [t["name"] for t in trash] == ["Grace Hopper"] and set(trash[0]) >= {"id", "name", "deleted_at"}
    assert hitouch("trash", "restore", str(trash[0]["id"])).code == 0
    assert [c["name"] for c in hitouch("contact", "list", "--json").json()] == ["Grace Hopper"]


def test_merge_gives_one_contact_with_the_union(hitouch):
    hitouch("contact", "add", "Kate Johnson", "--email", "kate@nasa.example")
    hitouch("contact", "add", "Katherine Johnson", "--phone", "+1 757 555 0100", "--tag", "math")
    assert hitouch("contact", "merge", "1", "2").code == 0
    [kate] = hitouch("contact", "list", "--json").json()
    assert kate["emails"] == ["kate@nasa.example"] and kate["phones"] == ["+17575550100"] and kate["tags"] == ["math"]


def test_search_ranks_contacts_and_finds_notes_and_events(hitouch):
    hitouch("contact", "add", "Priya Raman", "--company", "Payments Law LLP")
    hitouch("log", "priya", "--channel", "call", "--note", "Walked through payments licensing")
    hitouch("contact", "add", "Jonas Berg", "--met-at", "Payments Summit")
    found = hitouch("search", "payments", "--json").json()
    assert [c["name"] for c in found["contacts"]] == ["Priya Raman", "Jonas Berg"]
    assert found["notes"][0]["contacts"][0]["name"] == "Priya Raman"
    assert found["events"][0]["name"] == "Payments Summit"
    text = hitouch("search", "muller")
    assert text.code == 0 and "Nothing matches" in text.out


def test_user_errors_exit_1_with_one_line(hitouch):
    for args in (
        ("contact", "show", "Nobody"),
        ("log", "Nobody", "--channel", "coffee"),
        ("contact", "add", "X", "--birthday", "March"),
        ("contact", "add", "X", "--met-at", "Y", "--met-on", "someday"),
        ("trash", "restore", "42"),
    ):
        result = hitouch(*args)
        assert result.code == 1, args
        assert result.out == "" and len(result.err.strip().splitlines()) == 1 and result.err.startswith("hitouch: ")


def test_an_ambiguous_name_is_a_user_error_listing_the_matches(hitouch):
    hitouch("contact", "add", "Ada Lovelace")
    hitouch("contact", "add", "Ada Byron")
    result = hitouch("contact", "show", "ada")
    assert result.code == 1
    assert "Ada Lovelace" in result.err and "Ada Byron" in result.err


def test_usage_errors_exit_2(hitouch):
    assert hitouch("contact", "frobnicate").code == 2
    assert hitouch("log", "x", "--channel", "telepathy").code == 2
    assert hitouch("contact", "add").code == 2


def test_a_newer_journal_is_a_data_error_exit_3(hitouch, journal_path):
    import sqlite3

    hitouch("contact", "list")
    with sqlite3.connect(journal_path) as db:
        db.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = hitouch("contact", "list")
    assert result.code == 3 and "newer HiTouch" in result.err


def run(args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "hitouch", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_version_without_qt_or_storage():
    probe = (
        "import sys, runpy; sys.argv=['hitouch','--version']\n"
        "try:\n    runpy.run_module('hitouch', run_name='__main__')\nexcept SystemExit: pass\n"
        "assert not any(m.startswith(('PySide6', 'sqlalchemy')) for m in sys.modules), 'heavy import'\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("hitouch ")


def test_commands_do_not_import_qt(tmp_path):
    probe = (
        "import sys\nfrom hitouch.cli import main\n"
        f"main(['--db', {str(tmp_path / 'j.sqlite3')!r}, 'contact', 'list'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_hitouch_db_environment_variable_picks_the_journal(tmp_path):
    env = {"HITOUCH_DB": str(tmp_path / "env.sqlite3")}
    assert run(["contact", "add", "Env Person"], env).returncode == 0
    listed = run(["contact", "list", "--json"], env)
    assert [c["name"] for c in json.loads(listed.stdout)] == ["Env Person"]
    assert (tmp_path / "env.sqlite3").exists()


def test_the_default_journal_lives_in_the_user_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HITOUCH_DB": ""}
    env_clean = {k: v for k, v in os.environ.items() if k != "HITOUCH_DB"} | {"XDG_DATA_HOME": env["XDG_DATA_HOME"]}
    result = subprocess.run(
        [sys.executable, "-m", "hitouch", "contact", "add", "First Run"],
        capture_output=True,
        text=True,
        env=env_clean,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "HiTouch" / "journal.sqlite3").is_file()


def test_search_reads_without_sqlalchemy(tmp_path):
    """A search from a script costs less than importing SQLAlchemy would."""
    journal = tmp_path / "j.sqlite3"
    assert run(["--db", str(journal), "contact", "add", "Zoë Müller"]).returncode == 0
    probe = (
        "import sys, json, io, contextlib\nfrom hitouch.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main(['--db', {str(journal)!r}, 'search', 'zoe', '--json'])\n"
        "assert code == 0\nassert json.loads(out.getvalue())['contacts'][0]['name'] == 'Zoë Müller'\n"
        "assert not any(m.startswith('sqlalchemy') for m in sys.modules), 'SQLAlchemy imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
