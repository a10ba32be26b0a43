"""Consistent copies of a journal through SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path


def backups_dir(journal: Path) -> Path:
    return journal.parent / f"{journal.stem}-backups"


def copy_journal(source: Path, target: Path) -> Path:
    """Write a consistent copy of `source` to `target` (0600), even while others write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.replace(partial, target)
    return target


def make_backup(journal: Path, reason: str, now: datetime | None = None) -> Path:
    """A timestamped backup in the journal's private backup folder."""
    folder = backups_dir(journal)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return copy_journal(journal, folder / f"{journal.stem}-{stamp}-{reason}.sqlite3")
