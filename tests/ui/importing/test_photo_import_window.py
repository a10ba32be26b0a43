"""Photos of badges and cards in the window, driven as a user would: dropping a folder, the
preview with its event, names and photos to type in, 50 photos read with progress and Cancel,
Undo; then event mode typing in the photos that named nobody."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QWidget,
)

from hitouch.services.importing import writing as import_writing
from photo_fixtures import Code, badge, blank, photo, save, vcard

TODAY = date(2026, 11, 22)


@pytest.fixture
def evening(tmp_path):
    folder = tmp_path / "evening"
    badge(folder / "1-zoe.jpg", vcard("Zoë Müller", "zoe@fjord.vc", company="Fjord Ventures"))
    badge(folder / "2-profile.jpg", "https://www.linkedin.com/in/jd1980")
    badge(folder / "3-attendee.png", "ATT-2026-000451")
    blank(folder / "4-stage.jpg")
    return folder


def photo_dialog(window) -> QDialog:
    dialog = window.findChild(QDialog, "photoImport")
    assert dialog is not None and dialog.isVisible()
    return dialog


def counts(dialog, name="photoCounts") -> dict[str, int]:
    stats = dialog.findChild(QWidget, name)
    return {key: stats.value(key) for key in stats.numbers}


def drop(window, paths) -> tuple[bool, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    rest = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # A QPoint for the enter event: PySide6 before 6.12 takes no QPointF there.
    enter, dropped = QDragEnterEvent(QPoint(50, 50), *rest), QDropEvent(QPointF(50, 50), *rest)
    QApplication.sendEvent(window, enter)
    if enter.isAccepted():
        QApplication.sendEvent(window, dropped)
    return enter.isAccepted(), mime


def test_a_dropped_folder_of_photos_opens_the_photo_preview_at_todays_event(inline, services, evening):
    event_id, _ = services.events.add("Web Summit", on=TODAY)
    accepted, _mime = drop(inline, [evening])
    assert accepted
    dialog = photo_dialog(inline)
    assert counts(dialog) == {"created": 1, "merged": 0, "unchanged": 0, "waiting": 3, "problems": 0}
    combo = dialog.findChild(QComboBox, "photoEvent")
    assert combo.currentText() == "Web Summit — today" and dialog.event_choice.chosen() == event_id
    assert "follow-up on" in dialog.findChild(QWidget, "photoEventHint").text()
    waiting = dialog.findChild(QListView, "waitingPhotos").model()
    assert [waiting.index(r, 0).data().split("\n") for r in range(waiting.rowCount())] == [
        ["3-attendee.png", "Badge code ATT-2026-000451"],
        ["4-stage.jpg", "No code on this photo"],
    ]
    names = dialog.findChild(QTableView, "unnamedList").model()
    names.setData(names.index(0, 2), "Jan Dekker")
    assert counts(dialog)["created"] == 2 and counts(dialog)["waiting"] == 2

    dialog.findChild(QPushButton, "importButton").click()
    summary = counts(dialog, "importSummaryCounts")
    assert summary == {"created": 2, "merged": 0, "met": 2, "waiting": 2}
    assert "met at Web Summit" in dialog.findChild(QWidget, "importSummaryText").text()
    jan = services.contacts.detail(services.contacts.resolve("Jan Dekker")).summary
    assert jan.events == ["Web Summit"] and jan.urls == ["https://www.linkedin.com/in/jd1980"]
    assert "Import of 1-zoe.jpg, 2-profile.jpg, 3-attendee.png and 1 more" in inline.undo_action.text()
    dialog.findChild(QPushButton, "undoImportButton").click()
    assert services.contacts.ids() == [] and services.card_images.waiting(event_id) == []


def test_a_new_event_typed_in_the_preview_is_where_they_were_met(inline, services, evening):
    dialog = inline.open_photo_import([evening / "1-zoe.jpg"])
    combo = dialog.findChild(QComboBox, "photoEvent")
    assert combo.currentText() == "No event: met in person today"
    combo.setEditText("Founders Breakfast")
    assert "A new event, “Founders Breakfast”, today" in dialog.findChild(QWidget, "photoEventHint").text()
    dialog.findChild(QPushButton, "importButton").click()
    zoe = services.contacts.detail(services.contacts.resolve("Zoë Müller")).summary
    assert zoe.events == ["Founders Breakfast"] and zoe.met_in_person


def test_photos_that_cannot_be_read_are_named_and_nothing_is_imported(inline, services, tmp_path):
    fake = tmp_path / "scan.jpg"
    fake.write_text("not a photo")
    data = save(photo([Code(vcard("Cut Short", "cut@example.org"))]), tmp_path / "whole.jpg").read_bytes()
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(data[: len(data) // 3])
    dialog = inline.open_photo_import([fake, cut])
    text = dialog.findChild(QWidget, "importMessageText").text()
    assert "none of the 2 photos could be read" in text
    assert "scan.jpg: it is not a JPEG, PNG or HEIC photo" in text and "cut.jpg: the JPEG file is cut short" in text
    assert services.contacts.ids() == []


@pytest.fixture
def fifty(tmp_path):
    folder = tmp_path / "fifty"
    for n in range(50):
        image = photo([Code(vcard(f"Guest Number{n:02}", f"guest{n}@example.org"), module=4, angle=n * 7)], 900, 700)
        save(image, folder / f"guest-{n:02}.jpg")
    return folder


def test_fifty_photos_are_read_off_the_gui_thread_with_progress_then_imported(window, qtbot, services, fifty):
    dialog = window.open_photo_import([fifty])
    progress = dialog.findChild(QWidget, "importProgress")
    seen: list[int] = []
    progress.valueChanged.connect(seen.append)
    assert progress.isVisible() and dialog.findChild(QPushButton, "cancelImportButton").isEnabled()
    with qtbot.waitSignal(dialog.planned, timeout=120_000):
        pass
    assert progress.maximum() == 50 and seen and seen[-1] == 50 and len(set(seen)) > 10
    assert counts(dialog)["created"] == 50
    with qtbot.waitSignal(dialog.changed, timeout=60_000):
        dialog.findChild(QPushButton, "importButton").click()
    assert len(services.contacts.ids()) == 50


def test_cancel_while_the_photos_are_read_closes_and_writes_nothing(window, qtbot, services, fifty):
    dialog = window.open_photo_import([fifty])
    qtbot.waitUntil(lambda: dialog.findChild(QWidget, "importProgress").value() >= 3, timeout=60_000)
    assert "Reading photo" in dialog.findChild(QWidget, "importStatus").text()
    dialog.findChild(QPushButton, "cancelImportButton").click()
    assert not dialog.isVisible()
    QThreadPool.globalInstance().waitForDone(60_000)
    qtbot.wait(50)
    assert services.contacts.ids() == []


def test_cancel_while_importing_takes_it_all_back_and_shows_the_preview(inline, services, fifty, monkeypatch):
    monkeypatch.setattr(import_writing, "STEP", 1)
    dialog = inline.open_photo_import([fifty])
    cancel = dialog.findChild(QPushButton, "cancelImportButton")
    dialog.findChild(QWidget, "importProgress").valueChanged.connect(lambda value: value and cancel.click())
    dialog.findChild(QPushButton, "importButton").click()
    assert services.contacts.ids() == []
    assert dialog.findChild(QWidget, "importNotice").text() == "Cancelled: nothing was imported."
    assert dialog.findChild(QPushButton, "importButton").isEnabled()


def test_event_mode_types_in_the_photos_that_named_nobody(inline, qtbot, services, evening):
    event_id, _ = services.events.add("Web Summit", on=TODAY)
    dialog = inline.open_photo_import([evening / "3-attendee.png", evening / "4-stage.jpg"])
    dialog.findChild(QPushButton, "importButton").click()
    dialog.accept()
    qtbot.keyClick(inline, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = inline.findChild(QWidget, "eventsPage")
    page.select_event(event_id)
    qtbot.mouseClick(page.findChild(QPushButton, "eventModeButton"), Qt.MouseButton.LeftButton)
    mode = inline.findChild(QWidget, "eventMode")
    grid = mode.findChild(QListView, "waitingPhotoGrid")
    assert grid.isVisible() and grid.model().rowCount() == 2
    assert mode.findChild(QWidget, "waitingPhotoHint").text() == "Badge code ATT-2026-000451"
    assert not mode.findChild(QWidget, "waitingPhotoLarge").pixmap().isNull()
    name = mode.findChild(QLineEdit, "eventModeName")
    qtbot.keyClicks(name, "Sam Lee")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    sam = services.contacts.resolve("Sam Lee")
    assert "Badge code ATT-2026-000451" in services.contacts.card(sam).notes
    assert len(services.card_images.of_contact(sam)) == 1
    assert grid.model().rowCount() == 1
    qtbot.mouseClick(mode.findChild(QPushButton, "setPhotoAsideButton"), Qt.MouseButton.LeftButton)
    assert not grid.isVisible() and services.card_images.waiting(event_id) == []

    inline.open_contact(sam)
    card = inline.findChild(QWidget, "cardPhoto")
    assert card.isVisible() and not card.pixmap().isNull()
