"""The composition root: opens the journal, builds the services and the window.

Nothing else creates services or windows; tests and benchmarks come through here too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from hitouch.paths import APP_NAME, default_journal_path
from hitouch.services.clock import Clock
from hitouch.services.errors import JournalError
from hitouch.services.workspace import open_workspace
from hitouch.store.connect import looks_encrypted
from hitouch.ui.main_window import MainWindow
from hitouch.ui.single_instance import SingleInstance


def create_main_window(
    db_path: Path | str, *, clock: Clock | None = None, passphrase: str | None = None
) -> MainWindow:
    """The main window on the journal at `db_path`, built but not shown.

    A QApplication must exist. Raises JournalError when the journal cannot be opened.
    """
    workspace = open_workspace(Path(db_path), clock=clock, passphrase=passphrase)
    return MainWindow(workspace)


def open_window(journal: Path) -> MainWindow | None:
    """The window, asking for the passphrase of an encrypted journal; None if the user gave up."""
    passphrase = os.environ.get("HITOUCH_PASSPHRASE") or None
    for _attempt in range(3):
        if passphrase is None and looks_encrypted(journal):
            text, ok = QInputDialog.getText(
                None, APP_NAME, f"{journal.name} is encrypted. Passphrase:", QLineEdit.EchoMode.Password
            )
            if not ok:
                return None
            passphrase = text
        try:
            return create_main_window(journal, passphrase=passphrase)
        except JournalError as exc:
            if passphrase is None or "passphrase does not open" not in str(exc):
                raise
            passphrase = None
    raise JournalError(f"{journal} could not be opened with the passphrases given.")


def run_gui(db_path: Path | None, files: list[Path]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    journal = Path(db_path or default_journal_path())
    instance = SingleInstance(journal)
    if instance.hand_over(files):
        return 0  # the running window raises itself and takes the files
    try:
        window = open_window(journal)
    except JournalError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 3
    if window is None:
        return 0
    instance.listen()
    instance.activated.connect(window.bring_forward)
    window.show()
    return app.exec()
