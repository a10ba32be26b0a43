"""`hitouch export ics` and `hitouch sync caldav`, as CLI.md promises them."""

from __future__ import annotations

import os
import stat
from datetime import date, time
from pathlib import Path

import icalendar
import pytest
import vobject

from calendar_fixtures import add_followup, finish_followup, uid_of
from hitouch.services.workspace import open_workspace


@pytest.fixture(autouse=True)
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")


@pytest.fixture
def journal(journal_path, hitouch, clock):
    """A journal with Adaeze, her birthday, and a coffee on 1 December."""
    assert (
        hitouch(
            "contact",
            "add",
            "Adaeze Okonkwo",
            "--email",
            "adaeze@northwind.example",
            "--met-at",
            "Web Summit",
            "--met-on",
            "2026-11-10",
            "--birthday=--03-15",
        ).code
        == 0
    )
    ws = open_workspace(journal_path, clock=clock)
    ws.coffee = add_followup(ws, 1, date(2026, 12, 1), time(9, 30))
    yield ws
    ws.close()


def write_settings(**values: str) -> None:
    """What the window's settings dialog leaves in the INI file the command line reads."""
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "HiTouch"
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["[General]"] + [f"{key}={value}" for key, value in values.items()]
    (folder / "HiTouch.ini").write_text("\n".join(lines) + "\n", encoding="utf-8")


def uids(path: Path) -> set[str]:
    data = path.read_bytes()
    vobject.readOne(data.decode("utf-8"))
    return {str(c["UID"]) for c in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_export_ics_writes_follow_ups_and_birthdays_with_stable_uids(hitouch, journal, tmp_path):
    out = tmp_path / "hitouch.ics"
    result = hitouch("export", "ics", str(out))
    assert result.code == 0 and result.err == ""
    assert result.out == f"Wrote 1 follow-up and 1 birthday to {out}.\n"
    first = uids(out)
    assert first == {uid_of(journal, journal.coffee), "birthday-1@hitouch"}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    hitouch("export", "ics", str(out))
    assert uids(out) == first
    assert b"TRIGGER:-PT15M" in out.read_bytes()


def test_export_ics_reads_the_reminder_settings(hitouch, journal, tmp_path):
    write_settings(reminder_minutes="45", all_day_reminder_hour="7")
    out = tmp_path / "hitouch.ics"
    assert hitouch("export", "ics", str(out)).code == 0
    data = out.read_bytes()
    assert b"TRIGGER:-PT45M" in data and b"TRIGGER:PT7H" in data


def test_export_ics_days_and_the_cancellation_round(hitouch, journal, tmp_path):
    out = tmp_path / "week.ics"
    assert hitouch("export", "ics", str(out), "--days", "14").out == f"Wrote 1 follow-up and 0 birthdays to {out}.\n"
    finish_followup(journal, journal.coffee)
    assert hitouch("export", "ics", str(out), "--days", "14").out == (
        f"Wrote 0 follow-ups, 0 birthdays and 1 cancellation to {out}.\n"
    )
    assert hitouch("export", "ics", str(out), "--days", "14").out == f"Wrote 0 follow-ups and 0 birthdays to {out}.\n"


def test_export_ics_mistakes(hitouch, journal, tmp_path):
    negative = hitouch("export", "ics", str(tmp_path / "x.ics"), "--days=-3")
    assert negative.code == 2 and "cannot be negative" in negative.err
    folder = hitouch("export", "ics", str(tmp_path))
    assert folder.code == 1 and folder.err.startswith("hitouch: ") and "is a folder" in folder.err
    assert folder.err.count("\n") == 1


@pytest.mark.slow
def test_sync_caldav_pushes_and_says_what_it_did(hitouch, journal, radicale, monkeypatch):
    monkeypatch.setenv("HITOUCH_CALDAV_PASSWORD", radicale.password)
    result = hitouch("sync", "caldav", "--url", radicale.url, "--user", radicale.user, "--calendar", "Networking")
    assert result.code == 0, result.err
    assert result.out.startswith(f"Synced “Networking” (a new calendar) at {radicale.url}zoe/")
    assert result.out.endswith(": 1 created, 0 updated, 0 removed, 0 unchanged.\n")
    again = hitouch(
        "sync", "caldav", "--url", radicale.url, "--user", radicale.user, "--calendar", "Networking", "--json"
    )
    assert again.code == 0
    document = again.json()
    assert {k: document[k] for k in ("calendar", "calendar_created", "created", "updated", "removed", "unchanged")} == {
        "calendar": "Networking",
        "calendar_created": False,
        "created": 0,
        "updated": 0,
        "removed": 0,
        "unchanged": 1,
    }
    assert document["url"].startswith(radicale.url)
    assert list(radicale.events("Networking")) == [uid_of(journal, journal.coffee)]


@pytest.mark.slow
def test_sync_caldav_takes_server_user_and_calendar_from_the_settings(hitouch, journal, radicale, monkeypatch):
    import keyring

    write_settings(caldav_url=radicale.url, caldav_user=radicale.user, caldav_calendar="From settings")
    keyring.set_password("HiTouch CalDAV", radicale.user, radicale.password)
    result = hitouch("sync", "caldav")
    assert result.code == 0, result.err
    assert "“From settings”" in result.out
    assert len(radicale.events("From settings")) == 1


@pytest.mark.slow
def test_sync_caldav_with_the_server_down_is_one_line_and_exit_1(hitouch, journal, radicale, monkeypatch):
    monkeypatch.setenv("HITOUCH_CALDAV_PASSWORD", radicale.password)
    radicale.stop()
    result = hitouch("sync", "caldav", "--url", radicale.url, "--user", radicale.user)
    assert result.code == 1 and result.out == ""
    assert result.err == (
        f"hitouch: Cannot reach the CalDAV server at {radicale.url} (connection refused). "
        "Nothing was lost; HiTouch will send the changes next time.\n"
    )


def test_sync_caldav_without_a_server_or_password_says_what_to_do(hitouch, journal):
    no_server = hitouch("sync", "caldav")
    assert no_server.code == 1 and "give --url" in no_server.err
    no_password = hitouch("sync", "caldav", "--url", "http://127.0.0.1:9/", "--user", "zoe")
    assert no_password.code == 1 and "No CalDAV password for 'zoe'" in no_password.err
    assert "HITOUCH_CALDAV_PASSWORD" in no_password.err


def test_export_ics_joins_an_export_group_made_before_it():
    """At merge time another module owns `export` (vcard, csv); `ics` joins that group."""
    import argparse

    from hitouch.cli import calendar

    parser = argparse.ArgumentParser(prog="hitouch")
    commands = parser.add_subparsers(dest="command")
    export = commands.add_parser("export").add_subparsers(dest="export_format", required=True)
    export.add_parser("vcard").add_argument("out")
    calendar.register(commands)
    args = parser.parse_args(["export", "ics", "out.ics", "--days", "3"])
    assert args.run is calendar.run_export_ics and args.days == 3
    assert parser.parse_args(["export", "vcard", "x.vcf"]).export_format == "vcard"
