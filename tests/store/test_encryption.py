"""Encryption at rest with SQLCipher, where the sqlcipher3 binding is installed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from hitouch.domain.cards import ContactCard
from hitouch.services.errors import JournalError
from hitouch.services.safety.backups import encrypt_journal
from hitouch.services.workspace import open_workspace
from hitouch.store import connect as connect_module
from hitouch.store.backup import list_backups

needs_sqlcipher = pytest.mark.skipif(
    importlib.util.find_spec("sqlcipher3") is None, reason="the sqlcipher3 binding is not installed"
)


def contents(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


@needs_sqlcipher
def test_an_encrypted_journal_keeps_its_notes_unreadable_on_disk(journal_path, clock):
    ws = open_workspace(journal_path, clock=clock, passphrase="correct horse")
    ws.contacts.add(ContactCard(name="Secret Person", notes="Confidential acquisition talks"))
    ws.journal._backed_up_on = None
    ws.contacts.add(ContactCard(name="Second"))  # makes today's backup
    ws.close()
    assert b"Confidential" not in contents(journal_path)
    [backup] = list_backups(journal_path)
    assert b"Confidential" not in backup.path.read_bytes()

    again = open_workspace(journal_path, clock=clock, passphrase="correct horse")
    assert {s.name for s in again.contacts.summaries(again.contacts.ids())} == {"Secret Person", "Second"}
    again.close()


@needs_sqlcipher
def test_without_or_with_a_wrong_passphrase_the_journal_is_refused_untouched(journal_path, clock):
    open_workspace(journal_path, clock=clock, passphrase="right").close()
    before = journal_path.read_bytes()
    with pytest.raises(JournalError, match="encrypted"):
        open_workspace(journal_path, clock=clock)
    with pytest.raises(JournalError, match="passphrase does not open"):
        open_workspace(journal_path, clock=clock, passphrase="wrong")
    assert journal_path.read_bytes() == before


@needs_sqlcipher
def test_encrypt_an_existing_journal_then_use_it_from_the_command_line(workspace):
    workspace.contacts.add(ContactCard(name="Ada Lovelace", notes="Poetical science"))
    workspace.close()
    encrypt_journal(workspace.path, "s3cret")
    assert b"Poetical" not in contents(workspace.path)
    env = {**os.environ, "HITOUCH_PASSPHRASE": "s3cret"}
    listed = subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(workspace.path), "contact", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert "Ada Lovelace" in listed.stdout
    check = subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(workspace.path), "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr
    refused = subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(workspace.path), "contact", "list"],
        capture_output=True,
        text=True,
        env={k: v for k, v in env.items() if k != "HITOUCH_PASSPHRASE"},
        timeout=60,
    )
    assert refused.returncode == 3 and "encrypted" in refused.stderr and "Traceback" not in refused.stderr


def test_without_the_binding_the_message_says_what_to_install(journal_path, clock, monkeypatch):
    monkeypatch.setattr(connect_module, "encryption_available", lambda: False)
    with pytest.raises(JournalError, match="sqlcipher3"):
        open_workspace(journal_path, clock=clock, passphrase="anything")
