"""`hitouch backup`, `restore` and `check` on the contract (CLI.md)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path


def damage(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xff" * 4096
    path.write_bytes(bytes(data))


def test_backup_then_list_with_dates_sizes_and_counts(hitouch, journal_path):
    hitouch("contact", "add", "Ada Lovelace")
    made = hitouch("backup")
    assert made.code == 0 and Path(made.out.strip()).is_file()
    listed = hitouch("backup", "--list", "--json").json()
    assert [set(b) >= {"path", "created", "size"} for b in listed] == [True]
    assert listed[0]["path"] == made.out.strip() and listed[0]["contacts"] == 1 and listed[0]["size"] > 0


def test_backup_to_a_file_of_your_choice(hitouch, tmp_path):
    hitouch("contact", "add", "Ada Lovelace")
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    assert hitouch("backup", str(out)).code == 0
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT name FROM contact").fetchall() == [("Ada Lovelace",)]


def test_restore_brings_a_backup_back_and_keeps_the_current_journal(hitouch):
    hitouch("contact", "add", "Before")
    backup = hitouch("backup").out.strip()
    hitouch("contact", "add", "After")
    result = hitouch("restore", backup)
    assert result.code == 0
    assert [c["name"] for c in hitouch("contact", "list", "--json").json()] == ["Before"]
    kept = [b for b in hitouch("backup", "--list", "--json").json() if "before-restore" in b["path"]]
    assert kept and kept[0]["contacts"] == 2  # what was there is not lost


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(hitouch, tmp_path):
    hitouch("contact", "add", "Keep Me")
    backup = Path(hitouch("backup", str(tmp_path / "b.sqlite3")).out.strip())
    damage(backup)
    assert hitouch("restore", str(backup)).code == 3
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a journal")
    assert hitouch("restore", str(junk)).code == 3
    assert hitouch("restore", str(tmp_path / "missing.sqlite3")).code == 1
    assert [c["name"] for c in hitouch("contact", "list", "--json").json()] == ["Keep Me"]


def test_check_says_sound_or_exit_3_pointing_to_the_newest_sound_backup(hitouch, journal_path):
    hitouch("contact", "add", "Ada Lovelace")
    assert hitouch("check").code == 0
    newest = hitouch("backup").out.strip()
    damage(journal_path)
    result = hitouch("check")
    assert result.code == 3
    assert "damaged" in result.err and newest in result.err and "hitouch restore" in result.err
    assert hitouch("restore", newest).code == 0
    assert hitouch("check").code == 0
    assert [c["name"] for c in hitouch("contact", "list", "--json").json()] == ["Ada Lovelace"]


def test_restore_of_an_older_schema_upgrades_it(hitouch, journal_path, tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "data" / "journals" / "schema-0001.sqlite3"
    copy = tmp_path / "old.sqlite3"
    shutil.copy(fixture, copy)
    hitouch("contact", "add", "Current")
    assert hitouch("restore", str(copy)).code == 0
    names = {c["name"] for c in hitouch("contact", "list", "--json").json()}
    assert names == {"Zoë Müller", "Adaeze Okonkwo"}
