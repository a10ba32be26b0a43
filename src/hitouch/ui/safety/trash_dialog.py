"""Edit > Trash: contacts deleted in the last 30 days, and bringing them back."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from hitouch.domain.records import TrashedContact
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import medium_date, tr
from hitouch.ui.common.paged_model import Column
from hitouch.ui.safety.restore_list import RestoreList


def trash_columns() -> list[Column[TrashedContact]]:
    def deleted(item: TrashedContact) -> str:
        moment = QDateTime(item.deleted_at.replace(tzinfo=UTC)).toLocalTime()
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    return [
        Column(tr("Name"), lambda item: item.name),
        Column(tr("Deleted"), deleted),
        Column(tr("Gone for good on"), lambda item: medium_date(item.purge_on)),
    ]


class TrashDialog(RestoreList[TrashedContact]):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        workspace.trash.purge_expired()
        self.items = workspace.trash.list()
        super().__init__(
            parent,
            title=tr("Trash"),
            intro=tr(
                "Deleted contacts stay here for 30 days, with their journal, follow-ups and referrals. "
                "Choose the ones to bring back."
            ),
            columns=trash_columns(),
            records=self.items,
            table=("trashList", tr("Deleted contacts")),
            empty=tr("The trash is empty."),
            restore_button="restoreFromTrashButton",
            close=QDialogButtonBox.StandardButton.Close,
        )
        self.setObjectName("trashDialog")
        self._ws = workspace
        self.choose_many()
        self.resize(520, 360)

    def accept(self) -> None:
        ids = [item.id for item in self.chosen()]
        if not ids:
            return
        self.changes = guarded(self, lambda: self._ws.trash.restore(*ids))
        if self.changes is not None:
            super().accept()
