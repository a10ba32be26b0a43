"""A table over a list of ids from a query; rows are fetched a page at a time, when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from hitouch.ui.common.roles import Role

PAGE = 100
CACHE_LIMIT = 5000

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    align_right: bool = False


class ColumnsTableModel(QAbstractTableModel, Generic[R]):
    """A table of records, one per row, its columns described by `Column`s. Subclasses say how
    many rows there are and which record a row shows."""

    def __init__(self, columns: list[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns

    def record_at(self, row: int) -> R | None:
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = self._columns[index.column()]
        if role == Role.Record:
            return self.record_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            record = self.record_at(index.row())
            return column.text(record) if record is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PagedTableModel(ColumnsTableModel[R]):
    """Over a list of ids from a query: records are fetched a page at a time, when shown."""

    def __init__(
        self,
        columns: list[Column[R]],
        fetch: Callable[[Sequence[int]], list[R]],
        id_of: Callable[[R], int],
        parent=None,
    ) -> None:
        super().__init__(columns, parent)
        self._fetch = fetch
        self._id_of = id_of
        self._ids: list[int] = []
        self._cache: dict[int, R] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return self._ids

    def record_at(self, row: int) -> R | None:
        record_id = self._ids[row]
        if record_id not in self._cache:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = row - row % PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            for record in self._fetch(page):
                self._cache[self._id_of(record)] = record
        return self._cache.get(record_id)


class RecordsTableModel(ColumnsTableModel[R]):
    """A table over a short list already read (the people met at one event)."""

    def __init__(self, columns: list[Column[R]], parent=None) -> None:
        super().__init__(columns, parent)
        self._records: list[R] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def record_at(self, row: int) -> R | None:
        return self._records[row]

    def set_records(self, records: list[R]) -> None:
        self.beginResetModel()
        self._records = records
        self.endResetModel()
