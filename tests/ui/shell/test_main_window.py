"""The window as a user drives it: first run, add a contact, search, open one, log an interaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QWidget

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.ui.common.roles import Role


def test_first_run_explains_hitouch_and_offers_to_add_or_import(window):
    welcome = window.findChild(QWidget, "welcomePanel")
    assert welcome.isVisible()
    assert window.findChild(QWidget, "addFirstContactButton").isVisible()
    assert window.findChild(QWidget, "importContactsButton").isVisible()
    assert (
        window.findChild(QAbstractItemView, "contactList").isHidden()
        or not window.findChild(QAbstractItemView, "contactList").isVisible()
    )


def test_add_a_contact_with_ctrl_n_in_a_few_keystrokes(window, qtbot, when_dialog_opens):
    def fill(dialog):
        dialog.findChild(QLineEdit, "nameEdit").insert("Zoë Müller")  # QTest types ASCII only
        qtbot.keyClick(dialog.findChild(QLineEdit, "nameEdit"), Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "Fjord Ventures")
        qtbot.keyClick(dialog.findChild(QLineEdit, "companyEdit"), Qt.Key.Key_Return)

    when_dialog_opens("contactDialog", fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    contact_list = window.findChild(QAbstractItemView, "contactList")
    qtbot.waitUntil(contact_list.isVisible)
    assert contact_list.model().rowCount() == 1
    assert contact_list.currentIndex().data() == "Zoë Müller"
    detail = window.findChild(QWidget, "contactDetail")
    assert detail.findChild(QWidget, "contactName").text() == "Zoë Müller"
    assert window.ws.contacts.summaries(window.ws.contacts.ids())[0].company == "Fjord Ventures"


def test_an_invalid_birthday_keeps_the_dialog_open_with_a_reason(window, qtbot, when_dialog_opens):
    seen = {}

    def fill(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "nameEdit"), "Ada Lovelace")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "birthdayEdit"), "sometime in December")
        dialog.accept()
        seen["error"] = dialog.findChild(QWidget, "formError").text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens("contactDialog", fill)
    window.add_contact()
    assert seen["open"] is True
    assert "not a birthday" in seen["error"]
    assert window.ws.contacts.ids() == []


def test_search_as_you_type_filters_the_list(window, qtbot, services):
    for name, company in (("Zoë Müller", "Fjord"), ("Hans Muller", "Bosch"), ("Ada Lovelace", "Engines")):
        services.contacts.add(ContactCard(name=name, company=company))
    window.contacts.reload()
    contact_list = window.findChild(QAbstractItemView, "contactList")
    assert contact_list.model().rowCount() == 3

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.findChild(QLineEdit, "searchBox")
    assert search.hasFocus()
    qtbot.keyClicks(search, "mull")
    names = {contact_list.model().index(r).data() for r in range(contact_list.model().rowCount())}
    assert names == {"Zoë Müller", "Hans Muller"}
    qtbot.keyClicks(search, "er fj")
    assert [contact_list.model().index(r).data() for r in range(contact_list.model().rowCount())] == ["Zoë Müller"]
    name = window.findChild(QWidget, "contactDetail").findChild(QWidget, "contactName")
    qtbot.waitUntil(lambda: name.text() == "Zoë Müller")  # the page follows once typing pauses
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert contact_list.model().rowCount() == 3


def test_search_with_no_match_says_so(window, qtbot, services):
    services.contacts.add(ContactCard(name="Ada Lovelace"))
    window.contacts.reload()
    qtbot.keyClicks(window.findChild(QLineEdit, "searchBox"), "zzz")
    assert window.contacts.empty_search.isVisible()
    assert "zzz" in window.contacts.empty_search.text()


def test_opening_a_contact_shows_details_how_we_met_and_the_journal(window, qtbot, services):
    from datetime import date

    cid, _ = services.contacts.add(
        ContactCard(name="Marcus O'Brien", company="Northwind", emails=[Labelled("marcus@northwind.example")]),
        met_at="SaaStr Europa",
        met_on=date(2026, 6, 3),
    )
    services.interactions.log([cid], "coffee", on=date(2026, 11, 18), note="Talked about the Q1 pilot")
    window.contacts.reload()
    window.contacts.select_contact(cid)
    detail = window.findChild(QWidget, "contactDetail")
    assert "SaaStr Europa" in detail.findChild(QWidget, "howWeMet").text()
    timeline = detail.findChild(QListView, "journalTimeline")
    assert timeline.model().rowCount() == 2
    assert timeline.model().index(0, 0).data() == "Coffee"
    assert timeline.model().index(1, 0).data() == "At SaaStr Europa"


def test_log_an_interaction_with_ctrl_l(window, qtbot, services, when_dialog_opens):
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    cid, _ = services.contacts.add(ContactCard(name="Li Wei", company="Shenzhen Robotics"))
    window.contacts.reload()
    window.contacts.select_contact(cid)
    assert window.findChild(QWidget, "contactDetail").findChild(QWidget, "contactName").text() == "Li Wei"

    def fill(dialog):
        channel = dialog.findChild(QComboBox, "channelCombo")
        channel.setCurrentIndex(channel.findData("video"))
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "logNoteEdit"), "Demo of the new arm")
        qtbot.keyClick(
            dialog.findChild(QPlainTextEdit, "logNoteEdit"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )

    when_dialog_opens("logDialog", fill)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    timeline = window.findChild(QListView, "journalTimeline")
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 1)
    assert timeline.model().index(0, 0).data() == "Video call"
    [entry] = services.interactions.timeline(cid)
    assert entry.note == "Demo of the new arm" and entry.channel == "video"
    row = window.contacts.model.row_of(cid)
    assert window.contacts.model.index(row).data(Role.Trailing) == "today"  # last contact


def test_delete_moves_to_the_trash_and_the_list_follows(window, qtbot, services):
    a, _ = services.contacts.add(ContactCard(name="Keep Me"))
    b, _ = services.contacts.add(ContactCard(name="Remove Me"))
    window.contacts.reload()
    window.contacts.select_contact(b)
    window.delete_selected()
    assert window.contacts.model.ids() == [a]
    assert [t.name for t in services.trash.list()] == ["Remove Me"]
    assert "trash" in window.statusBar().currentMessage()


def test_a_contact_deleted_elsewhere_while_shown_leaves_an_empty_page(window, services, journal_path, clock):
    from hitouch.services.workspace import open_workspace

    cid, _ = services.contacts.add(ContactCard(name="Gone Soon"))
    window.contacts.reload()
    window.contacts.select_contact(cid)
    window.contacts.show_current_contact()
    detail = window.contacts.detail
    assert detail.contact_id() == cid
    beside = open_workspace(journal_path, clock=clock)  # the command line, beside the window
    try:
        beside.contacts.delete([cid])
    finally:
        beside.close()
    detail.refresh()  # a follow-up saved, a timer fired: the page is read again
    assert detail.contact_id() is None and detail.currentIndex() == 0
