"""Backups: online copies, automatic before the day's first write, rotated, private."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

from hitouch.domain.cards import ContactCard
from hitouch.store.backup import (
    BackupFile,
    BackupPolicy,
    backups_dir,
    backups_to_keep,
    copy_journal,
    list_backups,
    make_backup,
)


def fake_backups(now: datetime, days: int, reason: str = "daily") -> list[BackupFile]:
    return [BackupFile(Path(f"b{i}"), now - timedelta(days=i), reason, 1) for i in range(days)]


def test_rotation_keeps_seven_days_four_weeks_twelve_months():
    now = datetime(2026, 11, 22, 9, 0)
    backups = fake_backups(now, 500)
    kept = [b for b in backups if b.path in backups_to_keep(backups, BackupPolicy(), now)]
    days = {b.created.date() for b in kept}
    assert all((now - timedelta(days=i)).date() in days for i in range(7))
    weeks = {b.created.isocalendar()[:2] for b in kept}
    assert len({(now - timedelta(weeks=i)).isocalendar()[:2] for i in range(4)} - weeks) == 0
    months = {(b.created.year, b.created.month) for b in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert min(b.created for b in kept) > now - timedelta(days=366)


def test_backups_made_on_request_are_never_rotated_and_safety_points_stay_a_week():
    now = datetime(2026, 11, 22, 9, 0)
    backups = [
        *fake_backups(now, 30),
        BackupFile(Path("manual-old"), now - timedelta(days=200), "manual", 1),
        BackupFile(Path("restore-1"), now - timedelta(minutes=5), "before-restore", 1),
        BackupFile(Path("restore-2"), now - timedelta(minutes=1), "before-restore", 1),
        BackupFile(Path("restore-old"), now - timedelta(days=20), "before-restore", 1),
    ]
    keep = backups_to_keep(backups, BackupPolicy(), now)
    assert {Path("manual-old"), Path("restore-1"), Path("restore-2")} <= keep
    assert Path("restore-old") not in keep


def test_the_first_write_of_a_day_backs_up_the_journal_first(workspace, clock):
    workspace.contacts.add(ContactCard(name="First"))
    assert list_backups(workspace.path) == []  # an empty journal has nothing to lose
    clock.fixed += timedelta(days=1)  # the journal asks the clock which day it is
    workspace.contacts.add(ContactCard(name="Second"))
    [backup] = list_backups(workspace.path)
    assert backup.reason == "daily" and backup.created == clock.now()  # named by the clock too
    with sqlite3.connect(backup.path) as db:
        assert db.execute("SELECT name FROM contact").fetchall() == [("First",)]
    workspace.contacts.add(ContactCard(name="Third"))
    assert len(list_backups(workspace.path)) == 1  # once a day, not once a write


def test_backups_are_private(workspace):
    workspace.contacts.add(ContactCard(name="Secret Notes"))
    path = make_backup(workspace.path, "manual", datetime(2026, 11, 22, 10, 30), BackupPolicy())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups_dir(workspace.path).stat().st_mode) == 0o700


def test_a_backup_taken_while_another_program_writes_is_consistent(workspace, tmp_path):
    workspace.contacts.add(ContactCard(name="Committed"))
    other = sqlite3.connect(workspace.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE contact SET name = 'Half-written'")
    copy = copy_journal(workspace.path, tmp_path / "copy.sqlite3")
    other.execute("ROLLBACK")
    other.close()
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT name FROM contact").fetchall() == [("Committed",)]
