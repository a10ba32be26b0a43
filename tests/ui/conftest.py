from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot, journal_path, clock, settings_store):
    """The real main window on a real journal file, offscreen."""
    from hitouch.app import create_main_window

    win = create_main_window(journal_path, clock=clock, settings_store=settings_store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def settings_store(tmp_path):
    """A preferences file of the test's own."""
    from hitouch.ui.settings_store import SettingsStore

    return SettingsStore(tmp_path / "config" / "HiTouch.ini")


@pytest.fixture
def services(window):
    """The same services the window uses, for arranging a scene."""
    return window.ws
