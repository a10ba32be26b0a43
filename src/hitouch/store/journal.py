"""Opening a journal file: create, check the version, back up and upgrade."""

from __future__ import annotations

from pathlib import Path

from hitouch.store import migrate
from hitouch.store.backup import BackupPolicy, make_backup
from hitouch.store.connect import passphrase_for
from hitouch.store.database import BUSY_TIMEOUT_SECONDS, Journal, WallClock, create_journal_engine, make_private
from hitouch.store.errors import JournalError


def open_journal(
    path: Path,
    passphrase: str | None = None,
    *,
    clock: WallClock,
    backup_policy: BackupPolicy | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> Journal:
    """Open (creating or upgrading) the journal at `path`; JournalError says why not.
    With a passphrase, the journal is encrypted at rest (SQLCipher); a new one is created so.
    The backup before an upgrade, like every later one, is rotated by `backup_policy`."""
    policy = backup_policy or BackupPolicy()
    path = Path(path).expanduser()
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.")
    passphrase = passphrase_for(path, passphrase)
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new:
        make_private(path)
    revision = None if is_new else migrate.current_revision(path, passphrase)
    migrate.check_version(path, revision)
    engine = create_journal_engine(path, passphrase, busy_timeout)
    if revision != migrate.HEAD:
        if revision is not None:
            make_backup(path, f"before-upgrade-{revision}", clock.now(), policy, passphrase)
        migrate.upgrade(engine)
    return Journal(path=path, engine=engine, clock=clock, backup_policy=policy, passphrase=passphrase)
