"""Keyboard reach, accessible names, translations, and errors a person understands."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from hitouch.settings import Settings
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.translations import install_translations
from hitouch.ui.contacts.contact_dialog import ContactDialog
from hitouch.ui.contacts.log_dialog import LogDialog
from hitouch.ui.settings.settings_dialog import SettingsDialog
from hitouch.ui.shell.unexpected_error import show_unexpected_error

REPO = Path(__file__).resolve().parents[3]


def test_every_menu_action_has_a_keyboard_shortcut(window):
    """Menu items have a shortcut; items of a submenu (File > Export) at least an Alt key."""
    missing = []
    for menu in window.menuBar().actions():
        assert "&" in menu.text(), f"menu {menu.text()} has no Alt key"
        for action in menu.menu().actions():
            if action.menu() is not None:
                assert "&" in action.text(), f"submenu {action.text()} has no Alt key"
                missing += [a.text() for a in action.menu().actions() if not a.isSeparator() and "&" not in a.text()]
            elif not action.isSeparator() and action.shortcut().isEmpty():
                missing.append(action.text())
    assert missing == []


def tab_order(qtbot, dialog, first, steps: int) -> list[str]:
    """Object names of the widgets Tab visits, starting at `first`; a widget that keeps the focus for
    a few presses (Tab walks a date's day, month and year) is named once."""
    dialog.show()
    qtbot.waitExposed(dialog)
    first.setFocus()
    seen = [first.objectName()]
    for _ in range(steps):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        widget = dialog.focusWidget()
        while widget is not None and not widget.objectName():  # a combo's line edit, a spin's inner edit
            widget = widget.parentWidget()
        name = widget.objectName() if widget else ""
        if name != seen[-1]:
            seen.append(name)
    return seen


def test_tab_walks_the_contact_dialog_top_to_bottom(qtbot, services):
    dialog = ContactDialog(services)
    qtbot.addWidget(dialog)
    assert tab_order(qtbot, dialog, dialog.name, 13) == [
        "nameEdit",
        "companyEdit",
        "titleEdit",
        "emailsEdit",
        "phonesEdit",
        "urlsEdit",
        "tagsEdit",
        "metAtCombo",
        "metOnEdit",
        "sourceCombo",
        "birthdayEdit",
        "notesEdit",
    ]


def test_tab_walks_the_log_dialog_top_to_bottom(qtbot, services):
    from hitouch.domain.cards import ContactCard

    contact_id, _ = services.contacts.add(ContactCard(name="Ama Owusu"))
    dialog = LogDialog(services, [contact_id])
    qtbot.addWidget(dialog)
    assert tab_order(qtbot, dialog, dialog.others, 6) == [
        "logOthersEdit",
        "channelCombo",
        "logDateEdit",
        "logEventCombo",
        "logNoteEdit",
    ]


def test_tab_walks_the_preferences_column_by_column(qtbot, settings_file):
    dialog = SettingsDialog(Settings(), settings_file)
    qtbot.addWidget(dialog)
    assert tab_order(qtbot, dialog, dialog.editors["reminder_minutes"], 20) == [
        "reminderMinutes",
        "allDayReminderHour",
        "calendarUseTodos",
        "calendarFeedPath",
        "chooseCalendarFeedButton",
        "caldavUrl",
        "caldavUser",
        "caldavCalendar",
        "myName",
        "myEmail",
        "myPhone",
        "myCompany",
        "myTitle",
        "myUrl",
        "eventFollowupDays",
        "defaultCadence",
        "phoneRegion",
        "backupsDaily",
        "backupsWeekly",
        "backupsMonthly",
        "theme",
    ]


def test_the_main_widgets_have_accessible_names(window):
    named = {
        w.objectName(): w.accessibleName()
        for w in (window.contacts.search_box, window.contacts.list, window.contacts.detail)
    }
    assert all(named.values()), named


# Unexpected errors --------------------------------------------------------------------------------


def test_an_unexpected_error_is_a_calm_dialog_with_the_details_behind_a_button(window, qtbot, caplog):
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen["name"] = box.objectName()
        seen["text"] = box.text() + box.informativeText()
        seen["details"] = box.detailedText()
        seen["button"] = any(b.text().startswith("Show Details") for b in box.findChildren(QPushButton))
        box.accept()

    note = "Met Zoë at the bakery; she is expecting in March"
    try:
        raise ValueError(note)
    except ValueError:
        kind, error, tb = sys.exc_info()
    QTimer.singleShot(50, read_and_close)
    with caplog.at_level(logging.ERROR, logger="hitouch"):
        show_unexpected_error(kind, error, tb)

    assert seen["name"] == "unexpectedErrorDialog"
    assert "Traceback" not in seen["text"] and "journal is safe" in seen["text"]
    assert "Traceback" in seen["details"] and "bakery" in seen["details"] and seen["button"]
    logged = caplog.text
    assert "ValueError" in logged and "test_look_and_feel.py" in logged
    assert "bakery" not in logged  # the person's notes stay out of the log


# Translations ----------------------------------------------------------------------------------


def test_lupdate_extracts_the_windows_strings_and_the_template_has_them(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    sources = [str(p) for p in sorted((REPO / "src" / "hitouch" / "ui").rglob("*.py"))]
    fresh = tmp_path / "hitouch_en.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True, timeout=120)
    template = (REPO / "resources" / "translations" / "hitouch_en.ts").read_text(encoding="utf-8")
    for source in ("Welcome to HiTouch", "Preferences", "Something went wrong, and HiTouch stopped what it was doing."):
        assert f"<source>{source}</source>" in fresh.read_text(encoding="utf-8")
        assert f"<source>{source}</source>" in template, "run packaging/update_translations.sh"


@pytest.mark.slow
def test_a_translation_for_the_users_language_is_loaded(qapp, tmp_path):
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "hitouch_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE">\n'
        "<context><name></name><message><source>Welcome to HiTouch</source>"
        "<translation>Willkommen bei HiTouch</translation></message></context>\n</TS>\n",
        encoding="utf-8",
    )
    subprocess.run([str(lrelease), str(ts), "-qm", str(tmp_path / "hitouch_de.qm")], check=True, capture_output=True)
    translator = install_translations(QLocale("de_AT"), folder=tmp_path)
    try:
        assert translator is not None
        assert tr("Welcome to HiTouch") == "Willkommen bei HiTouch"
    finally:
        qapp.removeTranslator(translator)
    assert tr("Welcome to HiTouch") == "Welcome to HiTouch"
    assert install_translations(QLocale("fr_FR"), folder=tmp_path) is None


def test_form_labels_show_no_stray_ampersands(qtbot, services, settings_file):
    from PySide6.QtWidgets import QLabel

    for dialog in (ContactDialog(services), SettingsDialog(Settings(), settings_file)):
        qtbot.addWidget(dialog)
        stray = [
            label.text()
            for label in dialog.findChildren(QLabel)
            if "&" in label.text().replace("&&", "") and label.buddy() is None
        ]
        assert stray == []


def test_tables_follow_a_switch_to_dark_at_once(window, qtbot):
    """Tables carry a style sheet (for cell padding); they must not keep the light palette."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QTableView

    from hitouch.ui.common.theme import apply_theme

    table = window.events.findChild(QTableView)
    try:
        apply_theme("dark")
        qtbot.waitUntil(lambda: table.palette().color(QPalette.ColorRole.Base).lightness() < 128)
    finally:
        apply_theme("light")


def test_every_error_line_is_one_red_that_follows_the_theme(qtbot, services, settings_file, qapp):
    from PySide6.QtGui import QPalette

    from hitouch.ui.common.theme import apply_theme
    from hitouch.ui.common.widgets import ERROR_ON_DARK, ERROR_ON_LIGHT, ErrorLine
    from hitouch.ui.events.event_mode import EventModePanel

    dialogs = [SettingsDialog(Settings(), settings_file), EventModePanel(services)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    lines = [dialog.findChild(ErrorLine) for dialog in dialogs]

    def colours() -> set[str]:
        return {line.palette().color(QPalette.ColorRole.WindowText).name() for line in lines}

    try:
        apply_theme("light")
        qtbot.waitUntil(lambda: colours() == {ERROR_ON_LIGHT.name()})
        apply_theme("dark")
        qtbot.waitUntil(lambda: colours() == {ERROR_ON_DARK.name()})  # readable on the dark background
    finally:
        apply_theme("system")
