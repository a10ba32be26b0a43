"""Text from imported cards never drives the terminal or forges output, and the window shows it written out.

An FN of `ESC ] 0 ; title BEL ESC [ 2 J` once set the terminal's title and cleared the screen
from `contact list` and `search`; a line break in a name printed a row of its own.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from hitouch.cli import main
from hitouch.domain.visible import shown

ESCAPES = "\x1b]0;pwned\x07\x1b[2J"
HOSTILE = f"Eve{ESCAPES}\u202eelbaT\u2066\x9b31m\x7f"
FORGED = "Mallory\r\n99    Forged Row    forged@evil.example"
# Anything a terminal acts on or that reorders text; line feeds and tabs are checked apart.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """A journal whose names, companies, notes, events, follow-ups and referrals carry escapes."""
    monkeypatch.setenv("HITOUCH_NOW", "2026-11-22T10:30")
    db = tmp_path / "hostile.sqlite3"
    card = tmp_path / "eve.vcf"
    card.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{HOSTILE}\r\nORG:{HOSTILE}\r\nTITLE:{HOSTILE}\r\n"
        f"EMAIL:eve@example.com\r\nNOTE:{HOSTILE}\\n{HOSTILE}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )

    def run(*args: str) -> tuple[int, str]:
        out, err = tmp_path / "out", tmp_path / "err"
        with open(out, "w", encoding="utf-8") as o, open(err, "w", encoding="utf-8") as e:
            saved = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = o, e
            try:
                code = main(["--db", str(db), *args])
            except SystemExit as exc:  # a usage error, from argparse
                code = exc.code
            finally:
                sys.stdout, sys.stderr = saved
        return code, out.read_text(encoding="utf-8") + err.read_text(encoding="utf-8")

    assert run("import", str(card))[0] == 0
    assert run("contact", "add", FORGED, "--email", "mallory@example.com", "--company", HOSTILE)[0] == 0
    assert run("log", "eve@example.com", "--channel", "coffee", "--note", HOSTILE, "--event", HOSTILE)[0] == 0
    assert run("followup", "add", "mallory@example.com", "--due", "+3d", "--title", HOSTILE)[0] == 0
    assert run("referral", "add", "--from", "me", "--to", "eve@example.com", "--lead", HOSTILE)[0] == 0
    return run


TEXT_COMMANDS = [
    ("contact", "list"),
    ("contact", "show", "eve@example.com"),
    ("contact", "show", "mallory@example.com"),
    ("search", "Eve"),
    ("search", "pwned"),
    ("events",),
    ("followup", "list"),
    ("agenda", "--days", "30"),
    ("referral", "list"),
    ("referral", "balance"),
    ("nudges",),
    ("contact", "show", HOSTILE),  # the error message quotes what was asked for
    ("contact", "list", HOSTILE),  # so does argparse's, for an argument it does not know
]


@pytest.mark.parametrize("command", TEXT_COMMANDS, ids=[" ".join(c)[:30] for c in TEXT_COMMANDS])
def test_no_text_output_carries_a_control_or_bidi_character(hostile, command):
    _code, output = hostile(*command)
    assert RAW.findall(output) == []
    assert "pwned" in output or command[0] in ("nudges", "referral", "followup", "agenda") or "\\x1b" in output


def test_a_line_break_in_a_name_cannot_forge_a_row(hostile):
    code, output = hostile("contact", "list")
    lines = output.splitlines()
    assert code == 0 and len(lines) == 3  # the header and two contacts
    assert not any(line.startswith("99") for line in lines)
    assert "Mallory\\r\\n99" in output


def strings(document):
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for value in document.values():
            yield from strings(value)
    elif isinstance(document, list):
        for value in document:
            yield from strings(value)


JSON_COMMANDS = [
    ("contact", "list", "--json"),
    ("contact", "show", "eve@example.com", "--json"),
    ("search", "Eve", "--json"),
]


@pytest.mark.parametrize("command", JSON_COMMANDS, ids=[" ".join(c) for c in JSON_COMMANDS])
def test_json_stays_json_with_the_exact_names_and_nothing_raw(hostile, command):
    code, output = hostile(*command)
    assert code == 0
    assert RAW.findall(output) == []
    document = json.loads(output)
    assert HOSTILE in set(strings(document))  # the exact text, once decoded


def test_a_real_terminal_gets_the_escapes_written_out(hostile, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(tmp_path / "hostile.sqlite3"), "contact", "list"],
        capture_output=True,
        timeout=60,
        env={"HITOUCH_NOW": "2026-11-22T10:30", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout and "\u202e".encode() not in result.stdout
    assert b"Eve\\x1b]0;pwned\\x07\\x1b[2J\\u202e" in result.stdout


def test_a_name_of_invisible_characters_is_refused_on_the_command_line(hostile):
    code, output = hostile("contact", "add", "\u200b\u200e\u3164")
    assert code == 1 and "a person can see" in output


class Recording(QPainter):
    """A real painter on an image that also keeps the text it was asked to draw."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.texts: list[str] = []

    def drawText(self, *args) -> None:
        self.texts.append(args[-1])
        super().drawText(*args)


def test_the_window_shows_names_written_out_in_the_list_and_on_the_contact_page(qtbot, hostile, tmp_path, clock):
    from hitouch.app import create_main_window
    from hitouch.settings import SettingsFile
    from hitouch.ui.common.roles import Role

    window = create_main_window(
        tmp_path / "hostile.sqlite3", clock=clock, settings_file=SettingsFile(tmp_path / "settings.json")
    )
    qtbot.addWidget(window)
    window.show()
    page = window.contacts
    window.pages.setCurrentWidget(page)
    eve = window.ws.contacts.resolve("eve@example.com")
    page.select_contact(eve)
    page.show_current_contact()
    name = page.detail.findChild(type(page.detail._name), "contactName")
    assert name.text() == shown(HOSTILE) and RAW.findall(name.text()) == []

    model = page.list.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(Role.ContactId) == eve)
    image = QImage(400, 80, QImage.Format.Format_ARGB32)
    painter = Recording(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 80)
    option.font = page.list.font()
    option.palette = page.list.palette()
    page.list.itemDelegate().paint(painter, option, model.index(row, 0))
    painter.end()
    drawn = "".join(painter.texts)
    assert "Eve\\x1b]0;pwned" in drawn and RAW.findall(drawn) == []
