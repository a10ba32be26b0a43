"""Ctrl+Z takes back the last delete or merge in the window."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QRadioButton

from hitouch.domain.cards import ContactCard, Labelled


def names(window):
    model = window.contacts.model
    return [model.index(r).data() for r in range(model.rowCount())]


def test_ctrl_z_brings_back_a_deleted_contact(window, qtbot, services):
    cid, _ = services.contacts.add(ContactCard(name="Oops Deleted"))
    window.contacts.reload()
    window.contacts.select_contact(cid)
    window.delete_selected()
    assert names(window) == []  # welcome again: the journal looks empty
    assert "Delete Oops Deleted" in window.undo_action.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names(window) == ["Oops Deleted"]
    assert services.trash.list() == []
    assert not window.undo_action.isEnabled()


def test_merge_two_selected_contacts_then_undo(window, qtbot, services, when_dialog_opens):
    a, _ = services.contacts.add(ContactCard(name="Kate Johnson", emails=[Labelled("kate@nasa.example")]))
    b, _ = services.contacts.add(ContactCard(name="Katherine Johnson", phones=[Labelled("+1 757 555 0100")]))
    window.contacts.reload()
    selection = window.contacts.list.selectionModel()
    for cid in (a, b):
        selection.select(
            window.contacts.model.index(window.contacts.model.row_of(cid)), QItemSelectionModel.SelectionFlag.Select
        )
    assert window.merge_action.isEnabled()

    def keep_katherine(dialog):
        dialog.findChild(QRadioButton, "keepSecond").setChecked(True)
        dialog.accept()

    when_dialog_opens("mergeDialog", keep_katherine)
    window.merge_selected()
    assert names(window) == ["Katherine Johnson"]
    merged = services.contacts.summaries([b])[0]
    assert merged.emails == ["kate@nasa.example"] and merged.phones == ["+17575550100"]

    window.undo()
    assert names(window) == ["Kate Johnson", "Katherine Johnson"]
    assert services.contacts.summaries([a])[0].emails == ["kate@nasa.example"]
    assert services.contacts.summaries([b])[0].emails == []


def test_edit_trash_lists_deleted_contacts_and_brings_them_back(window, services, when_dialog_opens):
    from PySide6.QtWidgets import QTableView

    _keep, _ = services.contacts.add(ContactCard(name="Still Here"))
    gone, _ = services.contacts.add(ContactCard(name="Deleted Last Week"))
    services.contacts.delete([gone])
    window.contacts.reload()
    seen = {}

    def restore(dialog):
        table = dialog.findChild(QTableView, "trashList")
        seen["rows"] = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
        table.selectRow(0)
        dialog.accept()

    when_dialog_opens("trashDialog", restore)
    window.trash_action.trigger()
    assert seen["rows"] == ["Deleted Last Week"]
    assert names(window) == ["Deleted Last Week", "Still Here"]
    assert services.trash.list() == []
