"""File > Restore from Backup: the backups kept, with their dates and contact counts."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.changes import Changes
from hitouch.services.safety.backups import BackupInfo, Backups
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.paged_model import Column, RecordsTableModel
from hitouch.ui.common.tables import record_table


def reason_text(reason: str) -> str:
    if reason.startswith("before-upgrade"):
        return tr("Before an upgrade")
    if reason.startswith("before-restore"):
        return tr("Before a restore")
    if reason.startswith("manual"):
        return tr("Made by you")
    return tr("Daily")


def backup_columns() -> list[Column[BackupInfo]]:
    locale = QLocale()
    return [
        Column(tr("Made"), lambda b: locale.toString(QDateTime(b.created), QLocale.FormatType.ShortFormat)),
        Column(
            tr("Contacts"),
            lambda b: locale.toString(b.contacts) if b.contacts is not None else tr("unreadable"),
            align_right=True,
        ),
        Column(tr("Size"), lambda b: locale.formattedDataSize(b.size), align_right=True),
        Column(tr("Why"), lambda b: reason_text(b.reason)),
    ]


class RestoreDialog(QDialog):
    def __init__(self, backups: Backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Restore from Backup"))
        self._backups = backups
        self.changes: Changes | None = None
        intro = QLabel(
            tr(
                "Choose the state to go back to. Your journal as it is now is kept as a backup first, "
                "so a restore can itself be undone."
            )
        )
        intro.setWordWrap(True)
        self.backups = backups.list()
        self.model = RecordsTableModel(backup_columns(), self)
        self.model.set_records(self.backups)
        self.table = record_table(self.model, "backupList", tr("Backups"), stretch=3)
        if self.model.rowCount():
            self.table.selectRow(0)
        empty = QLabel(tr("No backups yet. HiTouch makes one before the first change of each day."))
        empty.setVisible(not self.model.rowCount())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(bool(self.model.rowCount()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def accept(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Restore from Backup"),
            tr("Replace the journal with the backup made {when}?").format(
                when=self.model.index(self.table.currentIndex().row(), 0).data()
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.changes = guarded(self, lambda: self._backups.restore(backup.path))
        if self.changes is not None:
            super().accept()
