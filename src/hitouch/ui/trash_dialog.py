"""Edit > Trash: contacts deleted in the last 30 days, and bringing them back."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QAbstractTableModel, QDateTime, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from hitouch.domain.records import TrashedContact
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.dialogs import guarded
from hitouch.ui.formatting import medium_date, tr
from hitouch.ui.tables import record_table

Index = QModelIndex | QPersistentModelIndex


class TrashModel(QAbstractTableModel):
    HEADERS = ("Name", "Deleted", "Gone for good on")

    def __init__(self, items: list[TrashedContact], parent=None) -> None:
        super().__init__(parent)
        self.items = items

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        item = self.items[index.row()]
        deleted = QDateTime(item.deleted_at.replace(tzinfo=UTC)).toLocalTime()
        return (item.name, QLocale().toString(deleted, QLocale.FormatType.ShortFormat),
                medium_date(item.purge_on))[index.column()]


class TrashDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(tr("Trash"))
        self._ws = workspace
        self.changes: Changes | None = None
        workspace.trash.purge_expired()
        self.model = TrashModel(workspace.trash.list(), self)
        intro = QLabel(tr("Deleted contacts stay here for 30 days, with their journal, follow-ups and referrals. "
                          "Choose the ones to bring back."))
        intro.setWordWrap(True)
        self.table = record_table(self.model, "trashList", tr("Deleted contacts"), stretch=0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        empty = QLabel(tr("The trash is empty."))
        empty.setVisible(not self.model.items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreFromTrashButton")
        self.restore_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def accept(self) -> None:
        ids = [self.model.items[index.row()].id for index in self.table.selectionModel().selectedRows()]
        if not ids:
            return
        self.changes = guarded(self, lambda: self._ws.trash.restore(*ids))
        if self.changes is not None:
            super().accept()
