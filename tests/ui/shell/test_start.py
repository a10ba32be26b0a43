"""What `hitouch` does before its event loop: the window, its icon and theme, files it was given."""

from __future__ import annotations

import sys

import pytest

from hitouch.app import start_gui
from hitouch.paths import APP_ID
from hitouch.ui.shell.main_window import MainWindow


@pytest.fixture
def started(qapp, qtbot, journal_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # start_gui installs its own; put it back after

    def start(files):
        window = start_gui(qapp, journal_path, files)
        qtbot.addWidget(window)
        return window

    return start


def test_the_window_starts_with_its_icon_and_desktop_id(started, qapp):
    window = started([])
    assert window.isVisible()
    assert not qapp.windowIcon().isNull() and not window.windowIcon().isNull()
    assert qapp.desktopFileName() == APP_ID
    assert sys.excepthook is not sys.__excepthook__


def test_files_go_to_the_import_preview_when_the_window_has_one(started, tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(MainWindow, "open_import_preview", lambda self, paths: seen.append(paths))
    card = tmp_path / "card.vcf"
    card.write_text("BEGIN:VCARD\r\nEND:VCARD\r\n", encoding="utf-8")
    started([card])
    assert seen == [[card]]
