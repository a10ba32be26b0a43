"""How this run of `hitouch` reaches its journal: the one path every command opens it by.

`cli/main.py` builds one `JournalAccess` from the command line, the environment and the user's
settings; a command either gets the workspace it opens, or (backup, restore, check, encrypt,
search, which must work on a journal in trouble or stay quick) the access itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hitouch.services.clock import Clock
from hitouch.settings import Settings

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace
    from hitouch.store.backup import BackupPolicy


@dataclass(frozen=True)
class JournalAccess:
    path: Path
    settings: Settings
    clock: Clock
    passphrase: str | None = None
    busy_timeout: float | None = None
    caldav_password: str | None = None

    def open(self) -> Workspace:
        """The workspace on the journal (created or upgraded as needed), with the user's settings."""
        from hitouch.services.workspace import open_workspace

        return open_workspace(
            self.path,
            clock=self.clock,
            passphrase=self.passphrase,
            settings=self.settings,
            busy_timeout=self.busy_timeout,
            caldav_password=self.caldav_password,
        )

    @property
    def backup_policy(self) -> BackupPolicy:
        from hitouch.services.workspace import backup_policy

        return backup_policy(self.settings)
