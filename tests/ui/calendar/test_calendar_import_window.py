"""Importing meetings from calendar files in the window, as a user would: opened files, Ctrl+I
and dropped files reach the preview; Import runs off the GUI thread; Cancel and Undo take
everything back; Edit > Undo does too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QListView,
    QPushButton,
    QTabWidget,
    QWidget,
)

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.calendar import importing as calendar_import
from import_window_helpers import open_dialog, rows, stat_counts

CALENDARS = Path(__file__).resolve().parents[2] / "data" / "calendars"
GOOGLE = CALENDARS / "google.ics"


@pytest.fixture(autouse=True)
def london(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/London")


@pytest.fixture
def people(services) -> dict[str, int]:
    ids = {}
    for name, email in (
        ("Zoë Müller", "zoe@fjord.vc"),
        ("Adaeze Okonkwo", "ada@lagoslabs.ng"),
        ("Marcus O'Brien", "marcus@northwind.example"),
    ):
        ids[name.split()[0]], _ = services.contacts.add(ContactCard(name=name, emails=[Labelled(email)]))
    return ids


def preview(window) -> QDialog:
    return open_dialog(window, "calendarImportPreview")


def counts(dialog, name: str = "calendarImportCounts") -> dict[str, int]:
    return stat_counts(dialog, name)


def timeline(window, contact_id: int) -> list[str]:
    window.contacts.select_contact(contact_id)
    model = window.findChild(QListView, "journalTimeline").model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def interactions(services, people) -> int:
    return sum(len(services.interactions.timeline(cid)) for cid in people.values())


def test_an_opened_calendar_shows_each_meeting_its_people_and_what_happens_then_imports(inline, services, people):
    inline.contacts.reload()
    inline.open_files([GOOGLE])
    dialog = preview(inline)
    assert dialog.accessibleName() == "Import meetings from a calendar"
    assert counts(dialog) == {"interactions": 2, "followups": 1, "unchanged": 0, "skipped": 5, "problems": 0}
    tabs = dialog.findChild(QTabWidget, "calendarImportLists")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["To import (3)", "Left out (5)"]
    to_import = rows(dialog, "meetingsToImportList")
    assert [r[1:] for r in to_import] == [  # by date
        ["Coffee with Zoë", "Zoë Müller", "Journal entry: Coffee"],
        ["Pilot review", "Adaeze Okonkwo", "Journal entry: Video call"],
        ["Lunch with Marcus", "Marcus O'Brien", "Follow-up: Meeting"],
    ]
    assert to_import[0][0].endswith("08:30")
    assert ["Weekly 1:1", "Zoë Müller", "A recurring meeting is left out"] in [
        r[1:] for r in rows(dialog, "meetingsLeftOutList")
    ]
    assert interactions(services, people) == 0  # nothing written yet

    dialog.findChild(QPushButton, "importButton").click()
    assert dialog.findChild(QWidget, "calendarImportSummary").isVisible()
    assert counts(dialog, "calendarSummaryCounts")["interactions"] == 2
    assert timeline(inline, people["Zoë"]) == ["Coffee"]
    dialog.findChild(QPushButton, "closeImportButton").click()
    assert not dialog.isVisible()

    again = inline.open_calendar_import([GOOGLE])  # the same file twice: nothing to do
    assert counts(again)["unchanged"] == 3 and counts(again)["interactions"] == 0
    assert not again.findChild(QPushButton, "importButton").isEnabled()
    assert "Nothing in these calendars to import" in again.findChild(QWidget, "calendarImportNotice").text()


def test_ctrl_i_takes_calendars_too(inline, people, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(GOOGLE)], ""))
    assert inline.import_action.text() == "&Import…"
    inline.import_action.trigger()
    assert counts(preview(inline))["interactions"] == 2


def test_a_calendar_is_known_by_its_content_whatever_its_name(inline, people, tmp_path):
    renamed = tmp_path / "export.txt"
    shutil.copy(GOOGLE, renamed)
    inline.open_files([renamed])
    assert preview(inline).plan.files == [str(renamed)]


def test_importing_runs_off_the_gui_thread_and_edit_undo_takes_it_back(window, qtbot, services, people):
    window.contacts.reload()
    dialog = window.open_calendar_import([GOOGLE])
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "importButton") is not None, timeout=10_000)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.findChild(QPushButton, "importButton").click()
    qtbot.waitUntil(lambda: dialog.findChild(QWidget, "calendarImportSummary") is not None)
    assert interactions(services, people) == 2
    assert window.undo_action.text() == "&Undo Import of google.ics"
    dialog.findChild(QPushButton, "closeImportButton").click()
    window.undo_action.trigger()
    assert interactions(services, people) == 0
    assert timeline(window, people["Zoë"]) == []


def test_cancel_during_the_import_leaves_the_journal_untouched(inline, services, people, monkeypatch):
    monkeypatch.setattr(calendar_import, "STEP", 1)
    dialog = inline.open_calendar_import([GOOGLE])
    cancel = dialog.findChild(QPushButton, "cancelImportButton")
    dialog.findChild(QWidget, "importProgress").valueChanged.connect(lambda value: value and cancel.click())
    dialog.findChild(QPushButton, "importButton").click()
    assert interactions(services, people) == 0
    assert dialog.findChild(QWidget, "calendarImportNotice").text() == "Cancelled: nothing was imported."
    assert dialog.findChild(QPushButton, "importButton").isEnabled()  # the preview is back, to try again


def test_undo_from_the_summary_takes_the_import_back(inline, services, people):
    dialog = inline.open_calendar_import([GOOGLE])
    dialog.findChild(QPushButton, "importButton").click()
    assert interactions(services, people) == 2
    dialog.findChild(QPushButton, "undoImportButton").click()
    assert interactions(services, people) == 0
    assert "undone" in dialog.findChild(QWidget, "calendarSummaryText").text()
    assert not dialog.findChild(QPushButton, "undoImportButton").isEnabled()


def test_a_calendar_that_cannot_be_read_is_named_and_nothing_is_imported(inline, services, people, tmp_path):
    junk = tmp_path / "junk.ics"
    junk.write_bytes(b"\x00\x01PK\x03\x04" * 100)
    dialog = inline.open_calendar_import([GOOGLE, junk])
    text = dialog.findChild(QWidget, "importMessageText").text()
    assert "junk.ics" in text and "binary" in text and "nothing was imported" in text
    assert interactions(services, people) == 0


def test_problems_in_a_calendar_have_a_tab_of_their_own(inline, people):
    dialog = inline.open_calendar_import([CALENDARS / "broken.ics"])
    assert [r[0] for r in rows(dialog, "calendarProblemList")] == ["broken.ics:4", "broken.ics:9", "broken.ics:15"]
    assert counts(dialog)["problems"] == 3


def drag_events(paths: list[Path]):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    return mime, enter, drop


def test_dropping_a_calendar_on_the_window_opens_its_preview(inline, people):
    _mime, enter, drop = drag_events([GOOGLE])  # the events point to the mime data: keep it alive
    QApplication.sendEvent(inline, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(inline, drop)
    assert preview(inline).plan.files == [str(GOOGLE)]


def test_contacts_and_calendars_together_import_the_contacts_first(inline, services, tmp_path):
    people_vcf = tmp_path / "people.vcf"
    people_vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nEMAIL:zoe@fjord.vc\r\nEND:VCARD\r\n", encoding="utf-8"
    )
    inline.open_files([GOOGLE, people_vcf])
    contacts = inline.findChild(QDialog, "importPreview")
    assert contacts.isVisible() and inline.findChild(QDialog, "calendarImportPreview") is None
    contacts.findChild(QPushButton, "importButton").click()
    contacts.findChild(QPushButton, "closeImportButton").click()
    calendar = preview(inline)  # now the meetings find the person just imported
    assert [r[2] for r in rows(calendar, "meetingsToImportList")] == ["Zoë Müller"]


def test_hitouch_with_a_calendar_file_opens_the_window_on_its_preview(qtbot, journal_path, monkeypatch):
    from hitouch import app

    seen = {}

    def fake_exec():
        seen["dialog"] = QApplication.activeModalWidget().objectName()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app.run_gui(journal_path, [GOOGLE]) == 0
    assert seen["dialog"] == "calendarImportPreview"
