"""`hitouch import FILE.ics`: the same contract as a contacts import (CLI.md), for meetings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

IMPORT_KEYS = {"files", "created", "merged", "unchanged", "skipped", "errors", "batch"}
CALENDARS = Path(__file__).resolve().parents[1] / "data" / "calendars"


@pytest.fixture(autouse=True)
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")


@pytest.fixture
def people(hitouch):
    for name, email in (("Zoë Müller", "zoe@fjord.vc"), ("Marcus O'Brien", "marcus@northwind.example")):
        assert hitouch("contact", "add", name, "--email", email).code == 0


def shown(hitouch, who: str) -> dict:
    return hitouch("contact", "show", who, "--json").json()


def test_import_json_has_the_contract_keys_and_a_second_import_creates_nothing(hitouch, people):
    path = CALENDARS / "google.ics"
    first = hitouch("import", str(path), "--json")
    assert first.code == 0 and first.err == ""
    document = first.json()
    assert set(document) >= IMPORT_KEYS
    assert (document["files"], document["created"], document["merged"], document["unchanged"], document["skipped"]) == (
        1,
        2,
        0,
        0,
        6,
    )
    assert (document["interactions"], document["followups"], document["batch"], document["errors"]) == (1, 1, 1, [])
    lunch = next(m for m in document["meetings"] if m["summary"] == "Lunch with Marcus")
    assert lunch == {
        "file": str(path),
        "line": 60,
        "uid": "lunch-marcus@google.com",
        "summary": "Lunch with Marcus",
        "start": "2026-12-03T12:30:00+00:00",
        "outcome": "follow-up",
        "reason": None,
        "people": [{"id": 2, "name": "Marcus O'Brien"}],
        "channel": None,
        "kind": "meeting",
    }
    assert shown(hitouch, "zoe@fjord.vc")["last_interaction"] == "2026-11-18"
    assert shown(hitouch, "marcus@northwind.example")["next_followup"] == "2026-12-03"

    second = hitouch("import", str(path), "--json").json()
    assert (second["created"], second["merged"], second["unchanged"], second["batch"]) == (0, 0, 2, 2)


def test_problems_are_errors_with_file_and_line(hitouch, people):
    path = CALENDARS / "broken.ics"
    document = hitouch("import", str(path), "--json").json()
    assert [(e["file"], e["line"]) for e in document["errors"]] == [(str(path), 4), (str(path), 9), (str(path), 15)]
    assert document["created"] == 1
    text = hitouch("import", str(path), "--dry-run")
    assert f"{path}:15: this event could not be read: it has no END:VEVENT line" in text.err


def test_a_dry_run_changes_nothing_and_has_no_batch(hitouch, people):
    result = hitouch("import", str(CALENDARS / "google.ics"), "--dry-run", "--json")
    assert result.code == 0 and result.json()["batch"] is None and result.json()["created"] == 2
    assert shown(hitouch, "zoe@fjord.vc")["last_interaction"] is None
    assert shown(hitouch, "marcus@northwind.example")["next_followup"] is None


def test_without_json_a_line_per_meeting_and_how_to_take_it_back(hitouch, people):
    result = hitouch("import", str(CALENDARS / "google.ics"))
    assert result.code == 0
    assert "Imported 1 calendar: 1 journal entry, 1 follow-up, 0 imported before, 6 left out, 0 problems." in result.out
    assert "2026-11-18 08:30  coffee with Zoë Müller: Coffee with Zoë" in result.out
    assert "2026-12-03 12:30  follow-up (meeting) with Marcus O'Brien: Lunch with Marcus" in result.out
    assert "2 × a recurring meeting is left out" in result.out
    assert "hitouch import undo 1" in result.out


def test_import_undo_takes_a_calendar_import_back(hitouch, people):
    batch = hitouch("import", str(CALENDARS / "google.ics"), "--json").json()["batch"]
    undone = hitouch("import", "undo", str(batch), "--json")
    assert undone.code == 0 and undone.json() == {"batch": batch, "removed": 2, "restored": 0}
    assert shown(hitouch, "zoe@fjord.vc")["last_interaction"] is None
    assert shown(hitouch, "marcus@northwind.example")["next_followup"] is None
    again = hitouch("import", "undo", str(batch))
    assert again.code == 1 and "already undone" in again.err


def test_calendars_and_contacts_files_together_are_refused_and_nothing_is_imported(hitouch, people, tmp_path):
    contacts = tmp_path / "people.vcf"
    contacts.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ravi Patel\r\nEND:VCARD\r\n", encoding="utf-8")
    result = hitouch("import", str(contacts), str(CALENDARS / "google.ics"), "--json")
    assert result.code == 1 and result.out == "" and result.err.count("\n") == 1
    assert "import the contacts first, then the calendars" in result.err
    assert len(hitouch("contact", "list", "--json").json()) == 2
    assert shown(hitouch, "zoe@fjord.vc")["last_interaction"] is None


def test_the_content_decides_which_import_a_file_goes_to(hitouch, people, tmp_path):
    calendar_as_text = tmp_path / "export.txt"
    shutil.copy(CALENDARS / "apple.ics", calendar_as_text)
    assert hitouch("import", str(calendar_as_text), "--json").json()["interactions"] == 1  # Zoë at Web Summit
    cards_as_ics = tmp_path / "people.ics"
    cards_as_ics.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ravi Patel\r\nEND:VCARD\r\n", encoding="utf-8")
    document = hitouch("import", str(cards_as_ics), "--json").json()
    assert document["created"] == 1 and "meetings" not in document
    assert "Ravi Patel" in [c["name"] for c in hitouch("contact", "list", "--json").json()]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b"\x00\x01PK\x03\x04" * 100), "binary"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: None, "no such file"),
    ],
)
def test_an_unreadable_calendar_is_exit_1_with_one_line_naming_it(hitouch, people, tmp_path, make, words):
    path = tmp_path / "meetings.ics"
    make(path)
    result = hitouch("import", str(CALENDARS / "google.ics"), str(path))
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and str(path) in result.err and words in result.err
    assert shown(hitouch, "zoe@fjord.vc")["last_interaction"] is None


def test_the_calendar_import_is_named_in_the_help(hitouch):
    assert ".ics" in hitouch("import", "--help").out


def test_other_commands_do_not_load_the_calendar_library(tmp_path):
    """Commands other than an import do not pay for the calendar reader's library."""
    import subprocess
    import sys

    probe = (
        "import sys\nfrom hitouch.cli import main\n"
        f"main(['--db', {str(tmp_path / 'j.sqlite3')!r}, 'contact', 'list'])\n"
        "assert 'icalendar' not in sys.modules, 'icalendar imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(tmp_path / "j.sqlite3").exists()
