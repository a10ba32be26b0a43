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


def keep_few_backups(settings_file: Path) -> None:
    """Preferences that keep 2 daily backups and no weekly or monthly ones."""
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("[General]\nbackups_daily=2\nbackups_weekly=0\nbackups_monthly=0\n", encoding="utf-8")


def old_daily_backups(journal_path: Path, seed: Path, days: int) -> Path:
    """`days` daily backups from the first days of November, copies of `seed`."""
    from hitouch.store.backup import backups_dir

    folder = backups_dir(journal_path)
    folder.mkdir(exist_ok=True)
    for day in range(1, days + 1):
        shutil.copy(seed, folder / f"{journal_path.stem}-202611{day:02d}-090000-daily.sqlite3")
    return folder


def test_backup_rotates_as_preferences_say_not_by_the_default(hitouch, journal_path, own_settings):
    hitouch("contact", "add", "Ada Lovelace")
    folder = old_daily_backups(journal_path, Path(hitouch("backup").out.strip()), days=9)
    keep_few_backups(own_settings)
    assert hitouch("backup").code == 0
    # The newest backup of each of the last two days that have one: today's (made on request) and 9 November's.
    assert [p.name for p in folder.glob("*-daily.sqlite3")] == ["journal-20261109-090000-daily.sqlite3"]
    assert len(list(folder.glob("*-manual*.sqlite3"))) == 2  # made on request: never rotated away


def test_restore_rotates_as_preferences_say_not_by_the_default(hitouch, journal_path, own_settings, tmp_path):
    hitouch("contact", "add", "Ada Lovelace")
    copy = Path(hitouch("backup", str(tmp_path / "copy.sqlite3")).out.strip())
    folder = old_daily_backups(journal_path, copy, days=9)
    keep_few_backups(own_settings)
    assert hitouch("restore", str(copy)).code == 0
    assert [p.name for p in folder.glob("*-daily.sqlite3")] == ["journal-20261109-090000-daily.sqlite3"]
