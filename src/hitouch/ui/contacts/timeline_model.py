"""A contact's journal, newest first: interactions, and the changes imports noticed in their life."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from hitouch.domain.records import InteractionRecord, LifeChangeRecord
from hitouch.domain.vocabulary import Channel
from hitouch.ui.common.formatting import long_date, tr
from hitouch.ui.common.roles import Role

Index = QModelIndex | QPersistentModelIndex
Entry = InteractionRecord | LifeChangeRecord


def _day(entry: Entry) -> date:
    return entry.on if isinstance(entry, InteractionRecord) else entry.noticed_on


class TimelineModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._contact_id: int | None = None

    def set_entries(
        self,
        contact_id: int | None,
        entries: list[InteractionRecord],
        life_changes: Sequence[LifeChangeRecord] = (),
    ) -> None:
        """Both lists newest first; a life change noticed on the day of an interaction comes first."""
        self.beginResetModel()
        self._contact_id = contact_id
        self._entries = sorted([*life_changes, *entries], key=_day, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._heading(entry)
        if role == Role.Secondary:
            return self._secondary(entry)
        if role == Role.Trailing:
            return long_date(_day(entry))
        if role == Role.Record:
            return entry
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._heading(entry)}, {long_date(_day(entry))}. {self._secondary(entry)}"
        return None

    def _heading(self, entry: Entry) -> str:
        if isinstance(entry, LifeChangeRecord):
            if entry.kind == "company":
                return tr("Moved to {company}").format(company=entry.new_value)
            return tr("New position: {title}").format(title=entry.new_value)
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

    def _secondary(self, entry: Entry) -> str:
        if isinstance(entry, LifeChangeRecord):
            return tr("Before: {old}. Noticed in an import.").format(old=entry.old_value) if entry.old_value else ""
        return entry.note
