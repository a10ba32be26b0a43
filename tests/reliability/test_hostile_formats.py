"""A file's kind is its name and its first line, never text inside a field.

HiTouch's own CSV export once came back as vCard or calendar data when a note quoted
`BEGIN:VCARD ... END:VCARD` or `BEGIN:VCALENDAR`, and the real rows vanished. Every place that
sends a file to a reader is checked: the contacts import, `CalendarImport.is_calendar`,
`MainWindow.open_files` and `hitouch import`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from hitouch.cli import main
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.interop.contacts_io import detect_format
from hitouch.interop.ics.read import looks_like_calendar
from hitouch.services.workspace import open_workspace

HOSTILE_NOTES = [
    "Met at the fjord.\nBEGIN:VCARD\nVERSION:3.0\nFN:Mallory Forged\nEMAIL:mallory@evil.example\nEND:VCARD\nBye.",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:forged\nDTSTART:20261201T090000Z\nSUMMARY:Forged\n"
    "END:VEVENT\nEND:VCALENDAR",
    "BEGIN:VCARD",
    "Notes:\nLinkedIn puts this before its header",
    'She said "call me", then left; a comma, and a quote: "',
    '=HYPERLINK("http://evil.example","click")\n+1 555 0100\n@SUM(A1)',
    "END:VCARD\nEND:VCALENDAR\n\n\nthree blank lines above",
]


def hostile_people() -> list[ContactCard]:
    people = [
        ContactCard(
            name=f"Person {n}",
            emails=[Labelled(f"person{n}@example.com")],
            company="Fjord Ventures",
            tags=["met, twice", "vip"],
            notes=note,
        )
        for n, note in enumerate(HOSTILE_NOTES)
    ]
    people.append(ContactCard(name="BEGIN:VCARD", emails=[Labelled("begin@example.com")], notes="BEGIN:VCALENDAR"))
    return people


def people_of(ws) -> list[tuple]:
    found = []
    for contact_id in ws.contacts.ids():
        card = ws.contacts.card(contact_id)
        found.append((card.name, [e.value for e in card.emails], card.company, sorted(card.tags), card.notes))
    return sorted(found)


@pytest.fixture
def exported(workspace, tmp_path) -> Path:
    for card in hostile_people():
        workspace.contacts.add(card)
    out = tmp_path / "export" / "people.csv"
    out.parent.mkdir()
    assert workspace.exporting.csv(out) == len(HOSTILE_NOTES) + 1
    return out


def test_a_csv_hitouch_exported_comes_back_as_the_same_people_whatever_its_notes_say(workspace, exported, tmp_path):
    assert detect_format(exported.read_bytes(), str(exported)) == "csv"
    assert not workspace.calendar_import.is_calendar(exported)
    other = open_workspace(tmp_path / "other.sqlite3", clock=workspace.clock)
    try:
        plan = other.importing.plan([exported])
        assert plan.problems == []
        other.importing.apply(plan)
        assert people_of(other) == people_of(workspace)
        assert len(people_of(other)) == len(HOSTILE_NOTES) + 1
    finally:
        other.close()


def test_the_same_export_under_another_name_or_none_is_still_csv(workspace, exported, tmp_path):
    for name in ("people", "people.txt", "PEOPLE.CSV"):
        renamed = tmp_path / name
        renamed.write_bytes(exported.read_bytes())
        assert detect_format(renamed.read_bytes(), name) == "csv", name
        assert not workspace.calendar_import.is_calendar(renamed), name


def test_hitouch_import_of_the_export_reads_every_row(exported, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HITOUCH_NOW", "2026-11-22T10:30")
    code = main(["--db", str(tmp_path / "fresh.sqlite3"), "import", str(exported), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (report["created"], report["errors"]) == (len(HOSTILE_NOTES) + 1, [])


def test_the_window_sends_the_export_to_the_contacts_import(qtbot, workspace, exported, tmp_path, clock):
    from hitouch.app import create_main_window
    from hitouch.settings import SettingsFile
    from hitouch.ui.common.background import InlineRunner

    window = create_main_window(
        tmp_path / "window.sqlite3",
        clock=clock,
        settings_file=SettingsFile(tmp_path / "settings.json"),
        runner=InlineRunner(),
    )
    qtbot.addWidget(window)
    window.open_files([exported])
    assert window.findChild(QDialog, "calendarImportPreview") is None
    dialog = window.findChild(QDialog, "importPreview")
    assert dialog is not None and dialog.plan.files == [str(exported)]
    assert dialog.plan.problems == [] and len(dialog.plan.entries) == len(HOSTILE_NOTES) + 1


def test_a_file_is_a_vcard_or_a_calendar_by_its_first_line_or_its_name():
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoe\r\nEND:VCARD\r\n"
    calendar = b"\r\n\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    header_then_card = b'Name,Notes\r\nZoe,"x\r\n' + card + b'"\r\n'
    header_then_calendar = b'Name,Notes\r\nZoe,"x\r\n' + calendar + b'"\r\n'
    assert detect_format(card, "") == detect_format(card, "export.csv") == "vcard"
    assert detect_format(header_then_card, "people.csv") == "csv"
    assert detect_format(header_then_card, "") == "csv"
    assert looks_like_calendar(calendar, "") and looks_like_calendar(calendar, "people.csv")
    assert not looks_like_calendar(header_then_calendar, "people.csv")
    assert not looks_like_calendar(header_then_calendar, "")
    assert looks_like_calendar(header_then_calendar, "meetings.ics")  # the name says calendar: its reader says why not
