"""The composition root: opens the journal, builds the services and the window.

Nothing else creates services or windows; tests and benchmarks come through here too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from hitouch.paths import APP_NAME, default_journal_path
from hitouch.services.clock import Clock
from hitouch.services.errors import JournalError
from hitouch.services.workspace import open_workspace
from hitouch.ui.main_window import MainWindow
from hitouch.ui.settings_store import load_settings


def create_main_window(db_path: Path | str, *, clock: Clock | None = None) -> MainWindow:
    """The main window on the journal at `db_path`, built but not shown.

    A QApplication must exist. Raises JournalError when the journal cannot be opened.
    """
    workspace = open_workspace(Path(db_path), clock=clock, settings=load_settings())
    return MainWindow(workspace)


def run_gui(db_path: Path | None, files: list[Path]) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    try:
        window = create_main_window(db_path or default_journal_path())
    except JournalError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 3
    window.show()
    return app.exec()
