"""File > Restore from Backup: the backups kept, with their dates and contact counts."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from hitouch.services.safety.backups import BackupInfo, Backups
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.paged_model import Column
from hitouch.ui.safety.restore_list import RestoreList


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


class RestoreDialog(RestoreList[BackupInfo]):
    def __init__(self, backups: Backups, parent: QWidget | None = None) -> None:
        self.backups = backups.list()
        super().__init__(
            parent,
            title=tr("Restore from Backup"),
            intro=tr(
                "Choose the state to go back to. Your journal as it is now is kept as a backup first, "
                "so a restore can itself be undone."
            ),
            columns=backup_columns(),
            records=self.backups,
            table=("backupList", tr("Backups")),
            empty=tr("No backups yet. HiTouch makes one before the first change of each day."),
            restore_button="restoreButton",
            close=QDialogButtonBox.StandardButton.Cancel,
            stretch=3,
        )
        self.setObjectName("restoreDialog")
        self._backups = backups
        if self.backups:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.backups))
        self.resize(560, 360)

    def selected(self) -> BackupInfo | None:
        chosen = self.chosen()
        return chosen[0] if chosen else None

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
