from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """The window reads the user's settings file: each test gets its own, empty one."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "HiTouch" / "HiTouch.ini"


@pytest.fixture
def runner(request):
    """What runs the window's long work, passed in when the window is built: Qt's thread pool,
    as for the user; an InlineRunner (the work runs at once) for a test that asks for `inline`."""
    from hitouch.ui.common.background import InlineRunner, ThreadedRunner

    return InlineRunner() if "inline" in request.fixturenames else ThreadedRunner()


@pytest.fixture
def inline(window):
    """The window, built with an InlineRunner: imports, exports and counts run at once, in order."""
    return window


@pytest.fixture
def window(qtbot, journal_path, clock, settings_file, runner):
    """The real main window on a real journal file, offscreen, built with the test's clock,
    preferences file and runner."""
    from hitouch.app import create_main_window

    win = create_main_window(journal_path, clock=clock, settings_file=settings_file, runner=runner)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def settings_file(tmp_path):
    """A preferences file of the test's own."""
    from hitouch.settings import SettingsFile

    return SettingsFile(tmp_path / "config" / "settings.json")


@pytest.fixture
def services(window):
    """The same services the window uses, for arranging a scene."""
    return window.ws


@pytest.fixture
def when_dialog_opens():
    """when_dialog_opens("contactDialog", act): act on that modal dialog as soon as it shows
    (exec() blocks the test otherwise). Gives up after two seconds, so a dialog that never
    opens fails the test instead of hanging it."""

    def arrange(object_name: str, act) -> None:
        tries = [200]

        def find_and_act():
            dialog = QApplication.activeModalWidget()
            if dialog is None or dialog.objectName() != object_name:
                tries[0] -= 1
                if tries[0]:
                    QTimer.singleShot(10, find_and_act)
                return
            act(dialog)

        QTimer.singleShot(0, find_and_act)

    return arrange
