"""`hitouch FILE.vcf` (a double-clicked vCard, `Exec=hitouch %F`) opens the window on that file."""

from __future__ import annotations

from pathlib import Path

import pytest

import hitouch.app
from hitouch.cli import main


@pytest.fixture
def opened(monkeypatch):
    """What the window would have been started with, without starting it."""
    calls = []
    monkeypatch.setattr(hitouch.app, "run_gui", lambda db, files: calls.append((db, files)) or 0)
    return calls


@pytest.fixture
def card(tmp_path) -> Path:
    path = tmp_path / "Zoë Müller.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nEND:VCARD\r\n", encoding="utf-8")
    return path


def test_a_vcard_alone_opens_the_window_on_it(opened, card):
    assert main([str(card)]) == 0
    assert opened == [(None, [card])]


def test_several_files_and_a_journal_before_them(opened, card, tmp_path):
    linkedin = tmp_path / "Connections.CSV"
    calendar = tmp_path / "meetups.ics"
    for path in (linkedin, calendar):
        path.write_text("x", encoding="utf-8")
    journal = tmp_path / "work.sqlite3"
    assert main(["--db", str(journal), str(card), str(linkedin), str(calendar)]) == 0
    assert main([f"--db={journal}", str(calendar)]) == 0
    assert opened == [(journal, [card, linkedin, calendar]), (journal, [calendar])]


def test_commands_and_other_files_are_not_taken_for_files_to_open(opened, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    for argv in ([str(notes)], [str(tmp_path / "missing.vcf")]):
        with pytest.raises(SystemExit) as exit:
            main(argv)
        assert exit.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "j.sqlite3"), "contact", "list", "--json"]) == 0
    assert opened == []
