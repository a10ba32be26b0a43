"""Faults from the environment: a full disk, a lock held by another program."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import event

from hitouch.domain.cards import ContactCard
from hitouch.services.errors import JournalBusy, JournalFull


def test_a_full_disk_rolls_back_with_a_clear_message(workspace):
    workspace.contacts.add(ContactCard(name="Already Here", notes="kept"))

    @event.listens_for(workspace.journal.engine, "connect")
    def tiny_disk(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    workspace.journal.engine.dispose()  # new connections see the tiny disk
    with pytest.raises(JournalFull, match=r"full.*Nothing was changed"):
        workspace.contacts.add(ContactCard(name="Big", notes="x" * 200_000))
    assert [s.name for s in workspace.contacts.summaries(workspace.contacts.ids())] == ["Already Here"]


def test_a_lock_held_too_long_is_a_clear_message(workspace):
    from hitouch.services.workspace import open_workspace

    workspace.contacts.add(ContactCard(name="Someone"))
    other = sqlite3.connect(workspace.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    impatient = open_workspace(workspace.path, busy_timeout=0.3)
    try:
        with pytest.raises(JournalBusy, match="busy"):
            impatient.contacts.add(ContactCard(name="Waiting"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.close()


def test_the_command_line_waits_for_a_writer_beside_it(workspace, tmp_path):
    """The window writes; the command line started meanwhile waits for the lock, then succeeds."""
    workspace.contacts.add(ContactCard(name="From The Window"))
    other = sqlite3.connect(workspace.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE contact SET notes = 'writing...'")
    release = threading.Timer(1.0, lambda: (other.execute("COMMIT"), other.close()))
    release.start()
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(workspace.path), "contact", "add", "From The Command Line"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HITOUCH_BUSY_TIMEOUT": "20"},
    )
    release.join()
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 0.9
    names = {s.name for s in workspace.contacts.summaries(workspace.contacts.ids())}
    assert names == {"From The Window", "From The Command Line"}


def test_the_command_line_says_busy_in_one_line_when_the_lock_stays(workspace):
    workspace.contacts.add(ContactCard(name="Someone"))
    other = sqlite3.connect(workspace.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "hitouch", "--db", str(workspace.path), "contact", "add", "Blocked"],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "HITOUCH_BUSY_TIMEOUT": "0.5"},
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 3
    assert "busy" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
