"""Edit > Trash: contacts deleted in the last 30 days, and bringing them back."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from hitouch.domain.records import TrashedContact
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import medium_date, tr
from hitouch.ui.common.paged_model import Column, RecordsTableModel
from hitouch.ui.common.tables import record_table


def trash_columns() -> list[Column[TrashedContact]]:
    def deleted(item: TrashedContact) -> str:
        moment = QDateTime(item.deleted_at.replace(tzinfo=UTC)).toLocalTime()
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    return [
        Column(tr("Name"), lambda item: item.name),
        Column(tr("Deleted"), deleted),
        Column(tr("Gone for good on"), lambda item: medium_date(item.purge_on)),
    ]


class TrashDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(tr("Trash"))
        self._ws = workspace
        self.changes: Changes | None = None
        workspace.trash.purge_expired()
        self.items = workspace.trash.list()
        self.model = RecordsTableModel(trash_columns(), self)
        self.model.set_records(self.items)
        intro = QLabel(
            tr(
                "Deleted contacts stay here for 30 days, with their journal, follow-ups and referrals. "
                "Choose the ones to bring back."
            )
        )
        intro.setWordWrap(True)
        self.table = record_table(self.model, "trashList", tr("Deleted contacts"), stretch=0)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        empty = QLabel(tr("The trash is empty."))
        empty.setVisible(not self.items)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreFromTrashButton")
        self.restore_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def accept(self) -> None:
        ids = [self.items[index.row()].id for index in self.table.selectionModel().selectedRows()]
        if not ids:
            return
        self.changes = guarded(self, lambda: self._ws.trash.restore(*ids))
        if self.changes is not None:
            super().accept()
