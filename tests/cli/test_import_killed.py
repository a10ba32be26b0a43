"""An import killed while it writes leaves the journal as it was: all of the import or none of it,
the search triggers it sets aside for the bulk insert in place, and the file sound."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from hitouch.cli import main

CARDS = 3000


def state(journal) -> tuple[int, list[tuple[str, str]], str]:
    with sqlite3.connect(journal) as db:
        contacts = db.execute("SELECT count(*) FROM contact").fetchone()[0]
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM contact_search WHERE contact_search MATCH 'example'").fetchone()[0]
        assert indexed == contacts  # every contact the search can find, and no more
    return contacts, triggers, integrity


def writing(journal) -> bool:
    """Whether another connection holds the write lock (the import's one transaction is open)."""
    db = sqlite3.connect(journal, timeout=0, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        db.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_import_killed_while_writing_is_all_or_nothing(tmp_path, capsys, seed):
    journal = tmp_path / "journal.sqlite3"
    assert main(["--db", str(journal), "contact", "add", "Ada Lovelace", "--email", "ada@engines.example"]) == 0
    capsys.readouterr()
    before = state(journal)
    cards = tmp_path / "big.vcf"
    cards.write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {i}\r\nEMAIL:person{i}@example.com\r\nTEL:+44 7700 9{i:05d}\r\n"
            f"CATEGORIES:Friends,Web Summit\r\nNOTE:Met at the meetup {i}\r\nEND:VCARD\r\n"
            for i in range(CARDS)
        ),
        encoding="utf-8",
    )

    process = subprocess.Popen(
        [sys.executable, "-m", "hitouch", "--db", str(journal), "import", str(cards)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if writing(journal):
            time.sleep(random.Random(seed).uniform(0, 0.3))
            break
        time.sleep(0.005)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)

    contacts, triggers, integrity = state(journal)
    assert integrity == "ok"
    assert triggers == before[1]
    assert contacts in (1, 1 + CARDS)
    if not killed:
        assert contacts == 1 + CARDS
