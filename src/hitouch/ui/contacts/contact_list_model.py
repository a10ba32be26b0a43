"""The contact list: a list of ids from a query, rows fetched a page at a time on demand
(`PagedRecords`), drawn by the list's delegate from its roles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from hitouch.domain.records import ContactSummary
from hitouch.ui.common.formatting import relative_day, tr
from hitouch.ui.common.paged_model import PagedRecords
from hitouch.ui.common.roles import Role

Index = QModelIndex | QPersistentModelIndex


class ContactListModel(QAbstractListModel):
    def __init__(
        self,
        fetch: Callable[[Sequence[int]], list[ContactSummary]],
        today: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._records = PagedRecords(fetch, lambda summary: summary.id)
        self._today = today

    # Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if role == Role.ContactId:
            return self._records.ids[index.row()]
        if role not in _ROLES:
            return None
        summary = self.summary_at(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.name
        if role == Role.Secondary:
            return " · ".join(part for part in (summary.title, summary.company) if part) or (
                summary.emails[0] if summary.emails else ""
            )
        if role == Role.Trailing:
            return relative_day(summary.last_interaction, self._today()) if summary.last_interaction else ""
        if role == Role.Badge:
            return "" if summary.met_in_person else tr("not met yet")
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(summary)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{summary.name}, {summary.company}" if summary.company else summary.name
        if role == Role.Record:
            return summary
        return None

    # HiTouch ----------------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._records.set_ids(ids)
        self.endResetModel()

    def ids(self) -> list[int]:
        return self._records.ids

    def row_of(self, contact_id: int) -> int | None:
        return self._records.row_of(contact_id)

    def summary_at(self, row: int) -> ContactSummary | None:
        return self._records.record(row)

    def refresh(self, contact_ids: Iterable[int]) -> None:
        """Forget and redraw these rows (after an edit), without resetting the list."""
        for contact_id in contact_ids:
            self._records.forget(contact_id)
            row = self.row_of(contact_id)
            if row is not None:
                index = self.index(row)
                self.dataChanged.emit(index, index)


_ROLES = {
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Role.Secondary,
    Role.Trailing,
    Role.Badge,
    Role.Record,
}


def _tooltip(summary: ContactSummary) -> str:
    lines = [summary.name]
    lines += [part for part in (summary.title, summary.company) if part]
    lines += summary.emails[:2]
    if summary.last_interaction:
        lines.append(tr("Last contact: {day}").format(day=summary.last_interaction.isoformat()))
    return "\n".join(lines)
