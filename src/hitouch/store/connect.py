"""Plain connections to a journal file, outside SQLAlchemy: for checks, backups and restores,
and for journals encrypted at rest with SQLCipher (when the `sqlcipher3` binding is installed)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from types import ModuleType

SQLITE_MAGIC = b"SQLite format 3\x00"
INSTALL_HINT = "encrypted journals need the sqlcipher3 package (pip install 'hitouch[encryption]')"


def encryption_available() -> bool:
    return importlib.util.find_spec("sqlcipher3") is not None


def driver(passphrase: str | None) -> ModuleType:
    """sqlite3, or SQLCipher's drop-in replacement for an encrypted journal."""
    if passphrase is None:
        return sqlite3
    if not encryption_available():
        from hitouch.store.errors import JournalError

        raise JournalError(f"This journal is encrypted, and {INSTALL_HINT}.")
    from sqlcipher3 import dbapi2

    module: ModuleType = dbapi2
    return module


def database_errors() -> tuple[type[Exception], ...]:
    if encryption_available():
        from sqlcipher3 import dbapi2

        return (sqlite3.DatabaseError, dbapi2.DatabaseError)
    return (sqlite3.DatabaseError,)


def looks_encrypted(path: Path) -> bool:
    """A non-empty file that does not start like a plain SQLite database."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return bool(head) and head != SQLITE_MAGIC


def key_statements(passphrase: str) -> list[str]:
    """Run first on every connection to an encrypted journal."""
    quoted = passphrase.replace("'", "''")
    return ["PRAGMA cipher_log_level = NONE", f"PRAGMA key = '{quoted}'"]


def connect(
    path: Path, *, readonly: bool = False, passphrase: str | None = None, timeout: float = 10
) -> sqlite3.Connection:
    """A DB-API connection: sqlite3's, or SQLCipher's (the same interface) for a passphrase."""
    module = driver(passphrase)
    target = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    connection: sqlite3.Connection = module.connect(target, uri=True, timeout=timeout)
    if passphrase is not None:
        for statement in key_statements(passphrase):
            connection.execute(statement)
    return connection


def passphrase_for(path: Path, given: str | None) -> str | None:
    """The passphrase to use: none for a plain journal, even when one was given."""
    if given and path.exists() and path.stat().st_size and not looks_encrypted(path):
        return None
    return given or None
