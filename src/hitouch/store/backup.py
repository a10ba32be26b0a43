"""Consistent copies of a journal through SQLite's online backup API (never a file copy),
kept on a rotation in a private folder beside the journal."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hitouch.store.connect import connect, database_errors

_NAME = re.compile(r"-(\d{8}-\d{6})-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    created: datetime
    reason: str
    size: int


def backups_dir(journal: Path) -> Path:
    return journal.parent / f"{journal.stem}-backups"


def copy_journal(source: Path, target: Path, passphrase: str | None = None) -> Path:
    """Write a consistent copy of `source` to `target` (0600), even while others write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = connect(source, readonly=True, passphrase=passphrase)
    dst = connect(partial, passphrase=passphrase)  # an encrypted journal's backups stay encrypted
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.replace(partial, target)
    return target


def restore_into(journal: Path, source: Path, passphrase: str | None = None) -> None:
    """Replace the journal's content with `source`'s, page by page, through SQLite itself,
    so other open connections see the restored journal and the WAL stays consistent."""
    src = connect(source, readonly=True, passphrase=passphrase)
    dst = connect(journal, passphrase=passphrase)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def list_backups(journal: Path) -> list[BackupFile]:
    """The journal's backups, newest first."""
    folder = backups_dir(journal)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{journal.stem}-*.sqlite3"):
        if m := _NAME.search(path.name):
            found.append(BackupFile(path, datetime.strptime(m[1], "%Y%m%d-%H%M%S"), m[2], path.stat().st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def make_backup(
    journal: Path,
    reason: str,
    now: datetime,
    policy: BackupPolicy,
    passphrase: str | None = None,
) -> Path:
    """A timestamped backup in the journal's private backup folder, then the rotation.
    `now` is the local wall-clock time (from the caller's clock); it names the file."""
    folder = backups_dir(journal)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    target = folder / f"{journal.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    counter = 1
    while target.exists():  # two backups in one second (a migration right after a restore)
        counter += 1
        target = folder / f"{journal.stem}-{now:%Y%m%d-%H%M%S}-{reason}-{counter}.sqlite3"
    copy_journal(journal, target, passphrase)
    rotate(journal, policy, now)
    return target


def backups_to_keep(backups: list[BackupFile], policy: BackupPolicy, now: datetime) -> set[Path]:
    """The newest backup of each of the last `daily` days, `weekly` weeks and `monthly` months
    that have one. Backups made on request are never rotated away, and those made before a
    restore or an upgrade stay for the `daily` days, so undoing a restore cannot lose a state."""
    newest = sorted(backups, key=lambda b: b.created, reverse=True)
    keep = {b.path for b in newest if b.reason.startswith("manual")}
    keep |= {b.path for b in newest if b.reason.startswith("before-") and (now - b.created).days < policy.daily}
    for count, period in (
        (policy.daily, lambda d: d.date()),
        (policy.weekly, lambda d: d.isocalendar()[:2]),
        (policy.monthly, lambda d: (d.year, d.month)),
    ):
        seen: list[object] = []
        for backup in newest:
            key = period(backup.created)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(backup.path)
    if newest:
        keep.add(newest[0].path)
    return keep


def rotate(journal: Path, policy: BackupPolicy, now: datetime) -> list[Path]:
    backups = list_backups(journal)
    keep = backups_to_keep(backups, policy, now)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backed_up_on(journal: Path, day: date) -> bool:
    return any(b.created.date() == day for b in list_backups(journal))


def is_sound(path: Path, passphrase: str | None = None) -> bool:
    """A quick integrity check that never writes."""
    try:
        connection = connect(path, readonly=True, passphrase=passphrase, timeout=5)
        try:
            return bool(connection.execute("PRAGMA quick_check").fetchone() == ("ok",))
        finally:
            connection.close()
    except database_errors():
        return False


def integrity_problems(path: Path, passphrase: str | None = None) -> list[str]:
    """Everything PRAGMA integrity_check and foreign_key_check report; empty when sound."""
    try:
        connection = connect(path, readonly=True, passphrase=passphrase)
        try:
            rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
            problems = [] if rows == ["ok"] else rows
            problems += [
                f"{t} row {r} points to a missing {p}" for t, r, p, _ in connection.execute("PRAGMA foreign_key_check")
            ]
            return problems
        finally:
            connection.close()
    except database_errors() as exc:
        return [str(exc)]


def live_contact_count(path: Path, passphrase: str | None = None) -> int | None:
    """How many contacts a journal or backup holds (None when it cannot be read)."""
    try:
        connection = connect(path, readonly=True, passphrase=passphrase, timeout=5)
        try:
            return int(connection.execute("SELECT count(*) FROM contact WHERE deleted_at IS NULL").fetchone()[0])
        finally:
            connection.close()
    except database_errors():
        return None
