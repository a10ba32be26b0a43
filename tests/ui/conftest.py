from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """The window reads the user's settings file: each test gets its own, empty one."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "HiTouch" / "HiTouch.ini"


@pytest.fixture
def window(qtbot, journal_path, clock):
    """The real main window on a real journal file, offscreen."""
    from hitouch.app import create_main_window

    win = create_main_window(journal_path, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def services(window):
    """The same services the window uses, for arranging a scene."""
    return window.ws
