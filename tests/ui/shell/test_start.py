"""What `hitouch` does before its event loop: the window, its icon and theme, files it was given."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QDialog

from hitouch.app import start_gui
from hitouch.paths import APP_ID


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


def test_files_go_to_the_import_preview_when_the_window_has_one(started, qtbot, tmp_path):
    card = tmp_path / "card.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n", encoding="utf-8")
    window = started([card])
    dialog = window.findChild(QDialog, "importPreview")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)  # read off the GUI thread
    assert dialog.plan.files == [str(card)] and [e.name for e in dialog.plan.entries] == ["Ada Lovelace"]
    dialog.reject()
