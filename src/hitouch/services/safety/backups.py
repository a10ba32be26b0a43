"""Backups, restore and integrity checks: the journal's safety net.

`check_journal` and `restore_journal` work on a path, without opening the journal through the
normal route, because they are what a person reaches for when that route fails.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.errors import JournalDamaged, UserError
from hitouch.store import migrate
from hitouch.store.backup import (
    BackupFile,
    BackupPolicy,
    backups_dir,
    copy_journal,
    integrity_problems,
    is_sound,
    list_backups,
    live_contact_count,
    make_backup,
    restore_into,
)
from hitouch.store.connect import connect, database_errors, driver, looks_encrypted, passphrase_for
from hitouch.store.database import Journal
from hitouch.store.journal import open_journal


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    reason: str
    contacts: int | None


@dataclass(frozen=True, slots=True)
class CheckReport:
    path: Path
    problems: list[str]
    newest_sound_backup: BackupFile | None

    @property
    def sound(self) -> bool:
        return not self.problems


class Backups:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def back_up(self, out: Path | None = None) -> Path:
        """A consistent copy now: to `out`, or into the backup folder (then rotated by the
        journal's policy, the one Preferences set)."""
        journal = self._journal
        now = self._clock.now()
        if out is not None:
            out = Path(out).expanduser()
            if out.is_dir():
                out = out / f"{journal.path.stem}-{now:%Y%m%d-%H%M%S}.sqlite3"
            return copy_journal(journal.path, out, journal.passphrase)
        return make_backup(journal.path, "manual", now, journal.backup_policy, journal.passphrase)

    def list(self) -> list[BackupInfo]:
        return [
            BackupInfo(b.path, b.created, b.size, b.reason, live_contact_count(b.path, self._journal.passphrase))
            for b in list_backups(self._journal.path)
        ]

    def restore(self, source: Path) -> Changes:
        """Replace the open journal with `source`; the current state is backed up first."""
        restore_journal(
            self._journal.path,
            Path(source),
            clock=self._clock,
            policy=self._journal.backup_policy,
            passphrase=self._journal.passphrase,
            journal=self._journal,
        )
        return Changes(contact_set=True, interactions=True, events=True, followups=True, referrals=True)


def check_journal(path: Path, passphrase: str | None = None) -> CheckReport:
    passphrase = passphrase_for(path, passphrase)
    problems = integrity_problems(path, passphrase) if path.exists() else [f"{path} does not exist"]
    newest = None
    if problems:
        newest = next((b for b in list_backups(path) if is_sound(b.path, passphrase)), None)
    return CheckReport(path, problems, newest)


def restore_journal(
    journal_path: Path,
    source: Path,
    *,
    clock: Clock,
    policy: BackupPolicy,
    passphrase: str | None = None,
    journal: Journal | None = None,
) -> None:
    """Check `source`, back up the current journal, then restore; upgrade if `source` is older.
    The backup of the current journal is rotated by `policy` (the one Preferences set)."""
    passphrase = passphrase_for(journal_path, passphrase)
    source = source.expanduser()
    if not source.is_file():
        raise UserError(f"{source} is not a file")
    if source.resolve() == journal_path.resolve():
        raise UserError("that is the journal itself; choose a backup")
    revision = migrate.current_revision(source, passphrase)  # refuses files that are not journals
    migrate.check_version(source, revision)
    if not is_sound(source, passphrase):
        raise JournalDamaged(f"{source} is damaged; it was not restored and the journal is unchanged.")
    if journal_path.exists() and journal_path.stat().st_size:
        _keep_current(journal_path, passphrase, clock.now(), policy)
    restore_into(journal_path, source, passphrase)
    if revision != migrate.HEAD:
        if journal is not None:
            migrate.upgrade(journal.engine)
        else:
            open_journal(journal_path, passphrase, clock=clock, backup_policy=policy).close()


def encrypt_journal(path: Path, passphrase: str) -> None:
    """Encrypt a plain journal in place (SQLCipher's sqlcipher_export into a new file)."""
    if not passphrase:
        raise UserError("an empty passphrase would not protect anything")
    if looks_encrypted(path):
        raise UserError(f"{path} is already encrypted")
    migrate.check_version(path, migrate.current_revision(path))
    plain = connect(path, passphrase=None)
    plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    plain.close()
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    module = driver(passphrase)
    connection = module.connect(str(path))
    try:
        quoted_target = str(target).replace("'", "''")
        quoted_key = passphrase.replace("'", "''")
        connection.execute(f"ATTACH DATABASE '{quoted_target}' AS encrypted KEY '{quoted_key}'")
        connection.execute("SELECT sqlcipher_export('encrypted')")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    os.chmod(target, 0o600)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(target, path)
    with connect(path, passphrase=passphrase) as check:
        check.execute("PRAGMA journal_mode=WAL")


def _keep_current(journal_path: Path, passphrase: str | None, now: datetime, policy: BackupPolicy) -> None:
    try:
        make_backup(journal_path, "before-restore", now, policy, passphrase)
    except database_errors():
        # The journal is too damaged for SQLite to copy: keep its bytes as they are.
        folder = backups_dir(journal_path)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copy2(journal_path, folder / f"{journal_path.stem}-{now:%Y%m%d-%H%M%S}-damaged.sqlite3")
