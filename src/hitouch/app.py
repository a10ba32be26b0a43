"""The composition root: opens the journal, builds the services and the window.

Nothing else creates services or windows; tests and benchmarks come through here too.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from hitouch.paths import APP_ID, APP_NAME, default_journal_path
from hitouch.services.clock import Clock
from hitouch.services.errors import JournalError
from hitouch.services.workspace import open_workspace
from hitouch.store.connect import looks_encrypted
from hitouch.ui.common.icons import app_icon
from hitouch.ui.common.theme import apply_theme
from hitouch.ui.common.translations import install_translations
from hitouch.ui.settings.settings_store import SettingsStore
from hitouch.ui.shell.main_window import MainWindow
from hitouch.ui.shell.single_instance import SingleInstance
from hitouch.ui.shell.unexpected_error import install_excepthook


def create_main_window(
    db_path: Path | str,
    *,
    clock: Clock | None = None,
    settings_store: SettingsStore | None = None,
    passphrase: str | None = None,
) -> MainWindow:
    """The main window on the journal at `db_path`, built but not shown, with the user's settings
    (from `settings_store`, by default the user's preferences file).

    A QApplication must exist. Raises JournalError when the journal cannot be opened.
    """
    store = settings_store or SettingsStore()
    settings = store.load()
    workspace = open_workspace(Path(db_path), clock=clock, passphrase=passphrase, settings=settings)
    return MainWindow(workspace, store, settings)


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


def start_gui(app: QApplication, db_path: Path | None, files: list[Path]) -> MainWindow | None:
    """Everything `hitouch` does before the event loop: the window shown, on `files` if given."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland and the dock find the icon and the .desktop file
    app.setWindowIcon(app_icon())
    install_translations()
    install_excepthook()
    try:
        window = open_window(Path(db_path or default_journal_path()))
    except JournalError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return None
    if window is None:
        return None
    apply_theme(window.settings.theme)
    window.show()
    if files:
        window.open_files(files)
    return window


def log_to_file() -> None:
    """Warnings and unexpected errors to stderr and a small rotating log in the user's log folder."""
    from logging.handlers import RotatingFileHandler

    from platformdirs import user_log_path

    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    form = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    folder = user_log_path(APP_NAME, appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(
            RotatingFileHandler(folder / "hitouch.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8")
        )
    except OSError:
        pass  # a read-only home still gets its window
    for handler in handlers:
        handler.setFormatter(form)
        root.addHandler(handler)


def run_gui(db_path: Path | None, files: list[Path]) -> int:
    log_to_file()
    app = QApplication.instance() or QApplication(sys.argv)
    journal = Path(db_path or default_journal_path())
    instance = SingleInstance(journal)
    if instance.hand_over(files):
        return 0  # the running window raises itself and takes the files
    window = start_gui(app, journal, files)
    if window is None:
        return 3
    instance.listen()
    instance.activated.connect(window.bring_forward)
    return app.exec()
