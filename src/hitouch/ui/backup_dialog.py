"""File > Restore from Backup: the backups kept, with their dates and contact counts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDateTime, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.changes import Changes
from hitouch.services.safety import BackupInfo, Backups
from hitouch.ui.dialogs import guarded
from hitouch.ui.formatting import tr

Index = QModelIndex | QPersistentModelIndex

def reason_text(reason: str) -> str:
    if reason.startswith("before-upgrade"):
        return tr("Before an upgrade")
    if reason.startswith("before-restore"):
        return tr("Before a restore")
    if reason.startswith("manual"):
        return tr("Made by you")
    return tr("Daily")


class BackupListModel(QAbstractTableModel):
    HEADERS = ("Made", "Contacts", "Size", "Why")

    def __init__(self, backups: list[BackupInfo], parent=None) -> None:
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        backup = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QLocale().toString(QDateTime(backup.created), QLocale.FormatType.ShortFormat),
                QLocale().toString(backup.contacts) if backup.contacts is not None else tr("unreadable"),
                QLocale().formattedDataSize(backup.size),
                reason_text(backup.reason),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        return None


class RestoreDialog(QDialog):
    def __init__(self, backups: Backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(tr("Restore from Backup"))
        self._backups = backups
        self.changes: Changes | None = None
        intro = QLabel(tr("Choose the state to go back to. Your journal as it is now is kept as a backup first, "
                          "so a restore can itself be undone."))
        intro.setWordWrap(True)
        self.model = BackupListModel(backups.list(), self)
        self.table = QTableView()
        self.table.setObjectName("backupList")
        self.table.setAccessibleName(tr("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
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
        return self.model.backups[rows[0].row()] if rows else None

    def accept(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self, tr("Restore from Backup"),
            tr("Replace the journal with the backup made {when}?").format(
                when=self.model.index(self.table.currentIndex().row(), 0).data()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.changes = guarded(self, lambda: self._backups.restore(backup.path))
        if self.changes is not None:
            super().accept()
