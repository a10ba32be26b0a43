"""File > Restore from Backup, as a user does it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QTableView

from hitouch.domain.cards import ContactCard


def test_restore_from_backup_shows_counts_and_brings_the_state_back(window, services, monkeypatch, when_dialog_opens):
    services.contacts.add(ContactCard(name="Before The Mistake"))
    window.back_up()
    services.contacts.add(ContactCard(name="Added Later"))
    window.contacts.reload()
    assert window.contacts.model.rowCount() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen = {}

    def choose(dialog):
        table = dialog.findChild(QTableView, "backupList")
        seen["rows"] = [[table.model().index(r, c).data() for c in range(4)] for r in range(table.model().rowCount())]
        dialog.accept()

    when_dialog_opens("restoreDialog", choose)
    window.restore_backup()
    assert seen["rows"][0][1] == "1" and seen["rows"][0][3] == "Made by you"
    assert [window.contacts.model.index(r).data() for r in range(window.contacts.model.rowCount())] == [
        "Before The Mistake"
    ]
    kept = [b for b in services.backups.list() if b.reason == "before-restore"]
    assert kept and kept[0].contacts == 2
