"""Backups, restore and integrity checks: the journal's safety net.

`check_journal` and `restore_journal` work on a path, without opening the journal through the
normal route, because they are what a person reaches for when that route fails.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hitouch.services.changes import Changes
from hitouch.services.errors import JournalDamaged, UserError
from hitouch.store import migrate
from hitouch.store.backup import (
    BackupFile,
    copy_journal,
    integrity_problems,
    is_sound,
    list_backups,
    live_contact_count,
    make_backup,
    restore_into,
)
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
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def back_up(self, out: Path | None = None) -> Path:
        """A consistent copy now: to `out`, or into the backup folder (then rotated)."""
        if out is not None:
            out = Path(out).expanduser()
            if out.is_dir():
                out = out / f"{self._journal.path.stem}-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
            return copy_journal(self._journal.path, out)
        return make_backup(self._journal.path, "manual", policy=self._journal.backup_policy)

    def list(self) -> list[BackupInfo]:
        return [
            BackupInfo(b.path, b.created, b.size, b.reason, live_contact_count(b.path))
            for b in list_backups(self._journal.path)
        ]

    def restore(self, source: Path) -> Changes:
        """Replace the open journal with `source`; the current state is backed up first."""
        restore_journal(self._journal.path, Path(source), self._journal)
        return Changes(contact_set=True, interactions=True, events=True, followups=True, referrals=True)


def check_journal(path: Path) -> CheckReport:
    problems = integrity_problems(path) if path.exists() else [f"{path} does not exist"]
    newest = None
    if problems:
        newest = next((b for b in list_backups(path) if is_sound(b.path)), None)
    return CheckReport(path, problems, newest)


def restore_journal(journal_path: Path, source: Path, journal: Journal | None = None) -> None:
    """Check `source`, back up the current journal, then restore; upgrade if `source` is older."""
    source = source.expanduser()
    if not source.is_file():
        raise UserError(f"{source} is not a file")
    if source.resolve() == journal_path.resolve():
        raise UserError("that is the journal itself; choose a backup")
    revision = migrate.current_revision(source)  # refuses files that are not journals
    migrate.check_version(source, revision)
    if not is_sound(source):
        raise JournalDamaged(f"{source} is damaged; it was not restored and the journal is unchanged.")
    if journal_path.exists() and journal_path.stat().st_size:
        _keep_current(journal_path, journal)
    restore_into(journal_path, source)
    if revision != migrate.HEAD:
        if journal is not None:
            migrate.upgrade(journal.engine)
        else:
            open_journal(journal_path).close()


def _keep_current(journal_path: Path, journal: Journal | None) -> None:
    policy = journal.backup_policy if journal else None
    try:
        make_backup(journal_path, "before-restore", policy=policy)
    except sqlite3.DatabaseError:
        # The journal is too damaged for SQLite to copy: keep its bytes as they are.
        folder = journal_path.parent / f"{journal_path.stem}-backups"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copy2(journal_path, folder / f"{journal_path.stem}-{datetime.now():%Y%m%d-%H%M%S}-damaged.sqlite3")
