"""The window's composition root: reads the environment, opens the journal, builds the services
and the window, and passes each what it uses (clock, settings file, runner).

Nothing else creates services or windows; tests and benchmarks come through here too, passing
their own clock, settings file and runner at construction.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from hitouch.environment import Environment, system_zone
from hitouch.paths import APP_ID, APP_NAME
from hitouch.services.clock import Clock
from hitouch.services.errors import JournalError
from hitouch.services.workspace import open_workspace
from hitouch.settings import SettingsFile
from hitouch.store.connect import looks_encrypted
from hitouch.ui.common.background import Runner, ThreadedRunner
from hitouch.ui.common.icons import app_icon
from hitouch.ui.common.theme import apply_theme
from hitouch.ui.common.translations import install_translations
from hitouch.ui.shell.main_window import MainWindow
from hitouch.ui.shell.single_instance import SingleInstance
from hitouch.ui.shell.unexpected_error import install_excepthook


def create_main_window(
    db_path: Path | str,
    *,
    clock: Clock | None = None,
    settings_file: SettingsFile | None = None,
    runner: Runner | None = None,
    passphrase: str | None = None,
    environment: Environment | None = None,
) -> MainWindow:
    """The main window on the journal at `db_path`, built but not shown. What is not given is the
    user's own: the system's clock and zone, the user's preferences file, Qt's thread pool, and
    the environment's busy timeout and CalDAV password.

    A QApplication must exist. Raises JournalError when the journal cannot be opened.
    """
    environment = environment or Environment.read()
    settings_file = settings_file or SettingsFile()
    workspace = open_workspace(
        Path(db_path),
        clock=clock or Clock(zone=system_zone()),
        passphrase=passphrase,
        settings=settings_file.load(),
        busy_timeout=environment.busy_timeout,
        caldav_password=environment.caldav_password,
    )
    return MainWindow(workspace, settings_file, runner or ThreadedRunner())


def open_window(journal: Path, environment: Environment) -> MainWindow | None:
    """The window, asking for the passphrase of an encrypted journal; None if the user gave up."""
    passphrase = environment.passphrase
    for _attempt in range(3):
        if passphrase is None and looks_encrypted(journal):
            text, ok = QInputDialog.getText(
                None, APP_NAME, f"{journal.name} is encrypted. Passphrase:", QLineEdit.EchoMode.Password
            )
            if not ok:
                return None
            passphrase = text
        try:
            return create_main_window(journal, passphrase=passphrase, environment=environment)
        except JournalError as exc:
            if passphrase is None or "passphrase does not open" not in str(exc):
                raise
            passphrase = None
    raise JournalError(f"{journal} could not be opened with the passphrases given.")


def start_gui(
    app: QApplication, db_path: Path | None, files: list[Path], environment: Environment | None = None
) -> MainWindow | None:
    """Everything `hitouch` does before the event loop: the window shown, on `files` if given."""
    environment = environment or Environment.read()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland and the dock find the icon and the .desktop file
    app.setWindowIcon(app_icon())
    install_translations()
    install_excepthook()
    try:
        window = open_window(environment.journal_path(db_path), environment)
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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    environment = Environment.read()
    journal = environment.journal_path(db_path)
    instance = SingleInstance(journal)
    if instance.hand_over(files):
        return 0  # the running window raises itself and takes the files
    window = start_gui(app, journal, files, environment)
    if window is None:
        return 3
    instance.listen()
    instance.activated.connect(window.bring_forward)
    return app.exec()
