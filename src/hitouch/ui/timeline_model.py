"""A contact's journal, newest first."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from hitouch.domain.records import InteractionRecord
from hitouch.domain.vocabulary import Channel
from hitouch.ui.formatting import long_date, tr
from hitouch.ui.roles import Role

Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[InteractionRecord] = []
        self._contact_id: int | None = None

    def set_entries(self, contact_id: int | None, entries: list[InteractionRecord]) -> None:
        self.beginResetModel()
        self._contact_id = contact_id
        self._entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._heading(entry)
        if role == Role.Secondary:
            return entry.note
        if role == Role.Trailing:
            return long_date(entry.on)
        if role == Role.Record:
            return entry
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._heading(entry)}, {long_date(entry.on)}. {entry.note}"
        return None

    def _heading(self, entry: InteractionRecord) -> str:
        if entry.channel == Channel.EVENT and entry.event:
            heading = tr("At {event}").format(event=entry.event)
        else:
            heading = Channel(entry.channel).label
            if entry.event:
                heading += " " + tr("at {event}").format(event=entry.event)
        others = [ref.name for ref in entry.contacts if ref.id != self._contact_id]
        if others:
            heading += " " + tr("with {people}").format(people=", ".join(others))
        return heading
