"""Importing and exporting from the window, driven as a user would: the preview, the mapping
step, possible duplicates, Cancel, Undo, dropping files, and the export menu."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QListView,
    QPushButton,
    QTableView,
    QWidget,
)

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.importing import writing as import_writing
from hitouch.ui.common.roles import Role
from import_window_helpers import ThreadWatchingRunner, open_dialog, rows, stat_counts

PEOPLE_VCF = """BEGIN:VCARD
VERSION:3.0
FN:Zoë Müller
ORG:Fjord Ventures
EMAIL:zoe@fjord.vc
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Jon Smith
ORG:Acme Robotics
EMAIL:jon@acme.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ravi Patel
EMAIL:ravi@example.com
TEL:+44 7700 900555
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Broken
"""


@pytest.fixture
def people_vcf(tmp_path) -> Path:
    path = tmp_path / "people.vcf"
    path.write_text(PEOPLE_VCF, encoding="utf-8")
    return path


def preview(window) -> QDialog:
    return open_dialog(window, "importPreview")


def counts(dialog, name: str = "importCounts") -> dict[str, int]:
    return stat_counts(dialog, name)


def names_in_list(window) -> list[str]:
    model = window.findChild(QAbstractItemView, "contactList").model()
    return [model.index(r).data() for r in range(model.rowCount())]


def test_ctrl_i_opens_a_preview_with_counts_and_lists_and_import_writes_it(
    inline, qtbot, services, people_vcf, monkeypatch
):
    services.contacts.add(ContactCard(name="Ravi Patel", emails=[Labelled("ravi@example.com")]))
    inline.contacts.reload()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(people_vcf)], ""))
    qtbot.keyClick(inline, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)

    dialog = preview(inline)
    assert counts(dialog) == {"created": 2, "merged": 1, "unchanged": 0, "problems": 1, "skipped": 0}
    assert [r[0] for r in rows(dialog, "newList")] == ["Zoë Müller", "Jon Smith"]
    assert rows(dialog, "mergeList") == [["Ravi Patel", "#1 Ravi Patel: 1 phone", "people.vcf:13"]]
    assert rows(dialog, "problemList")[0][0] == "people.vcf:19"
    assert names_in_list(inline) == ["Ravi Patel"]  # nothing written yet

    dialog.findChild(QPushButton, "importButton").click()
    assert dialog.findChild(QWidget, "importSummary").isVisible()
    assert counts(dialog, "importSummaryCounts")["created"] == 2
    assert names_in_list(inline) == ["Jon Smith", "Ravi Patel", "Zoë Müller"]
    dialog.findChild(QPushButton, "closeImportButton").click()
    assert not dialog.isVisible()

    again = inline.open_import_preview([people_vcf])  # the same file twice: nothing to do
    assert counts(again)["unchanged"] == 3 and counts(again)["created"] == 0
    assert not again.findChild(QPushButton, "importButton").isEnabled()
    assert "already" in again.findChild(QWidget, "importNotice").text()


def test_the_welcome_panels_import_button_opens_the_preview(inline, qtbot, people_vcf, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(people_vcf)], ""))
    qtbot.mouseClick(inline.findChild(QPushButton, "importContactsButton"), Qt.MouseButton.LeftButton)
    assert counts(preview(inline))["created"] == 3


def test_reading_and_importing_run_off_the_gui_thread(qtbot, journal_path, clock, settings_file, people_vcf):
    from hitouch.app import create_main_window

    runner = ThreadWatchingRunner()
    window = create_main_window(journal_path, clock=clock, settings_file=settings_file, runner=runner)
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_import_preview([people_vcf])
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "importButton") is not None, timeout=10_000)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.findChild(QPushButton, "importButton").click()
    qtbot.waitUntil(lambda: dialog.findChild(QWidget, "importSummary") is not None)
    assert len(names_in_list(window)) == 3
    reading, importing = runner.tasks  # each reported its progress, and from a pool thread
    assert reading and importing and threading.main_thread() not in reading | importing


def test_a_csv_in_no_known_layout_gets_a_column_mapping_step(inline, qtbot, tmp_path):
    path = tmp_path / "club.csv"
    path.write_text(
        "Nom,Prénom,Courriel,Portable,Remarque\nDupont,Marie,marie@club.fr,06 12 34 56 78,Trésorière\n",
        encoding="utf-8",
    )
    dialog = inline.open_import_preview([path])
    mapping = dialog.findChild(QWidget, "columnMapping")
    assert mapping.isVisible()
    combo = {c.objectName(): c for c in mapping.findChildren(QComboBox)}
    assert combo["mapping Nom"].currentData() == "family" and combo["mapping Courriel"].currentData() == "email"
    assert combo["mapping Portable"].currentData() == ""  # not guessed: the person says
    combo["mapping Portable"].setCurrentIndex(combo["mapping Portable"].findData("phone"))
    combo["mapping Remarque"].setCurrentIndex(combo["mapping Remarque"].findData("title"))
    dialog.findChild(QPushButton, "mappingContinueButton").click()

    assert rows(dialog, "newList")[0][:2] == ["Marie Dupont", "Trésorière · marie@club.fr"]
    dialog.findChild(QPushButton, "importButton").click()
    [marie] = inline.ws.contacts.summaries(inline.ws.contacts.ids())
    assert marie.phones == ["06 12 34 56 78"] or marie.phones[0].startswith("+")
    assert marie.title == "Trésorière"


def test_the_mapping_step_needs_a_name_email_or_phone_column(inline, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Nom,Prénom,Courriel\nDupont,Marie,marie@club.fr\n", encoding="utf-8")
    mapping = inline.open_import_preview([path]).findChild(QWidget, "columnMapping")
    for combo in mapping.findChildren(QComboBox):
        combo.setCurrentIndex(0)  # leave every column out
    assert not mapping.findChild(QPushButton, "mappingContinueButton").isEnabled()
    assert mapping.findChild(QWidget, "mappingError").isVisible()


def test_ticking_a_possible_duplicate_merges_it(inline, services, people_vcf):
    john, _ = services.contacts.add(ContactCard(name="John Smith", company="Acme Robotics"))
    dialog = inline.open_import_preview([people_vcf])
    assert counts(dialog)["created"] == 3
    [[name, maybe, _]] = rows(dialog, "suggestionList")
    assert name == "Jon Smith" and maybe.startswith(f"#{john} John Smith (Acme Robotics)")
    model = dialog.findChild(QTableView, "suggestionList").model()
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert (counts(dialog)["created"], counts(dialog)["merged"]) == (2, 1)
    dialog.findChild(QPushButton, "importButton").click()
    assert sorted(names_in_list(inline)) == ["John Smith", "Ravi Patel", "Zoë Müller"]
    assert services.contacts.summaries([john])[0].emails == ["jon@acme.example"]


def test_cancel_during_the_import_leaves_the_journal_untouched(inline, services, people_vcf, monkeypatch):
    monkeypatch.setattr(import_writing, "STEP", 1)
    dialog = inline.open_import_preview([people_vcf])
    cancel = dialog.findChild(QPushButton, "cancelImportButton")
    dialog.findChild(QWidget, "importProgress").valueChanged.connect(lambda value: value and cancel.click())
    dialog.findChild(QPushButton, "importButton").click()
    assert services.contacts.ids() == []
    assert dialog.findChild(QWidget, "importNotice").text() == "Cancelled: nothing was imported."
    assert dialog.findChild(QPushButton, "importButton").isEnabled()  # the preview is back, to try again


def test_cancel_while_reading_closes_the_preview_and_writes_nothing(window, qtbot, services, tmp_path):
    from PySide6.QtCore import QThreadPool

    big = tmp_path / "big.vcf"
    big.write_text(
        "".join(f"BEGIN:VCARD\nVERSION:3.0\nFN:Person {i}\nEMAIL:p{i}@example.com\nEND:VCARD\n" for i in range(2000)),
        encoding="utf-8",
    )
    dialog = window.open_import_preview([big])  # read on a pool thread
    assert dialog.findChild(QWidget, "importProgress").isVisible()
    dialog.findChild(QPushButton, "cancelImportButton").click()
    assert not dialog.isVisible()
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)  # let any late signal arrive: there is no one left to act on it
    assert services.contacts.ids() == []


def test_undo_from_the_summary_takes_the_import_back(inline, services, people_vcf):
    cid, _ = services.contacts.add(ContactCard(name="Ravi Patel", emails=[Labelled("ravi@example.com")]))
    inline.contacts.reload()
    dialog = inline.open_import_preview([people_vcf])
    dialog.findChild(QPushButton, "importButton").click()
    assert len(names_in_list(inline)) == 3
    dialog.findChild(QPushButton, "undoImportButton").click()
    assert names_in_list(inline) == ["Ravi Patel"]
    assert services.contacts.summaries([cid])[0].phones == []
    assert "undone" in dialog.findChild(QWidget, "importSummaryText").text()
    assert not dialog.findChild(QPushButton, "undoImportButton").isEnabled()


def test_ctrl_z_in_the_window_takes_the_last_import_back(inline, qtbot, services, people_vcf):
    cid, _ = services.contacts.add(ContactCard(name="Ravi Patel", emails=[Labelled("ravi@example.com")]))
    inline.contacts.reload()
    dialog = inline.open_import_preview([people_vcf])
    dialog.findChild(QPushButton, "importButton").click()
    dialog.accept()
    assert len(names_in_list(inline)) == 3
    assert "Import of people.vcf" in inline.undo_action.text()
    qtbot.keyClick(inline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names_in_list(inline) == ["Ravi Patel"]
    assert services.contacts.summaries([cid])[0].phones == []


def test_a_file_that_cannot_be_read_is_named_and_nothing_is_imported(inline, services, people_vcf, tmp_path):
    dialog = inline.open_import_preview([people_vcf, tmp_path / "gone.vcf"])
    text = dialog.findChild(QWidget, "importMessageText").text()
    assert "gone.vcf" in text and "no such file" in text
    assert services.contacts.ids() == []


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


def test_dropping_contact_files_on_the_window_opens_the_preview(inline, people_vcf, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not contacts")
    _mime, enter, _ = drag_events([notes])  # the events point to the mime data: keep it alive
    QApplication.sendEvent(inline, enter)
    assert not enter.isAccepted()

    _mime, enter, drop = drag_events([people_vcf, notes])
    QApplication.sendEvent(inline, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(inline, drop)
    dialog = preview(inline)
    assert dialog.plan.files == [str(people_vcf)]


def test_hitouch_gui_with_a_file_opens_its_preview(qtbot, journal_path, people_vcf, monkeypatch):
    from hitouch import app

    seen = {}

    def fake_exec():
        dialog = QApplication.activeModalWidget() or next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "importPreview"
        )
        seen["dialog"] = dialog.objectName()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert app.run_gui(journal_path, [people_vcf]) == 0
    assert seen["dialog"] == "importPreview"


def test_export_from_the_file_menu_writes_the_file_off_the_gui_thread(window, qtbot, services, tmp_path, monkeypatch):
    services.contacts.add(ContactCard(name="Zoë Müller", emails=[Labelled("zoe@fjord.vc")]))
    out = tmp_path / "contacts.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.findChild(type(window.import_action), "exportVcard4Action").trigger()
    qtbot.waitUntil(
        lambda: "Exported 1 contact to contacts.vcf." in window.statusBar().currentMessage(), timeout=10_000
    )
    assert "VERSION:4.0" in out.read_text(encoding="utf-8") and "zoe@fjord.vc" in out.read_text(encoding="utf-8")


def test_a_noticed_move_shows_on_the_contacts_journal_among_the_interactions(inline, services, tmp_path, clock):
    cid, _ = services.contacts.add(
        ContactCard(
            name="Marcus O'Brien", company="Northwind", urls=[Labelled("https://www.linkedin.com/in/marcus-obrien")]
        )
    )
    services.interactions.log([cid], "coffee", on=date(2026, 11, 25), note="Flat white")
    services.interactions.log([cid], "call", on=date(2026, 10, 1))
    inline.contacts.reload()
    inline.contacts.select_contact(cid)
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Marcus,O'Brien,https://www.linkedin.com/in/marcus-obrien,,Fjord Ventures,,08 Feb 2023\n"
    )
    inline.open_import_preview([path]).findChild(QPushButton, "importButton").click()
    timeline = inline.findChild(QListView, "journalTimeline").model()
    assert [timeline.index(r, 0).data() for r in range(timeline.rowCount())] == [
        "Coffee",
        "Moved to Fjord Ventures",
        "Phone call",
    ]  # by date: 25 Nov, 22 Nov (today), 1 Oct
    assert "Northwind" in timeline.index(1, 0).data(Role.Secondary)
