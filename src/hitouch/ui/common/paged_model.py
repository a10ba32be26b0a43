"""Models over a list of ids from a query, their records fetched a page at a time when shown
(`PagedRecords`, the one place that does it: the contact list and the paged tables use it), and
tables whose columns are described once (`Column`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from hitouch.ui.common.roles import Role

PAGE = 100
CACHE_LIMIT = 5000

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class PagedRecords(Generic[R]):
    """Ids in the order a query gave them, and the records behind them, read a page at a time
    the first time a row is asked for; a bounded cache keeps memory flat at 100,000 rows."""

    def __init__(self, fetch: Callable[[Sequence[int]], list[R]], id_of: Callable[[R], int]) -> None:
        self._fetch = fetch
        self._id_of = id_of
        self.ids: list[int] = []
        self._cache: dict[int, R] = {}

    def set_ids(self, ids: list[int]) -> None:
        self.ids = ids
        self._cache.clear()

    def __len__(self) -> int:
        return len(self.ids)

    def record(self, row: int) -> R | None:
        record_id = self.ids[row]
        if record_id not in self._cache:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = row - row % PAGE
            page = [i for i in self.ids[start : start + PAGE] if i not in self._cache]
            for record in self._fetch(page):
                self._cache[self._id_of(record)] = record
        return self._cache.get(record_id)

    def row_of(self, record_id: int) -> int | None:
        try:
            return self.ids.index(record_id)  # a C loop: well under a millisecond at 100,000 rows
        except ValueError:
            return None

    def forget(self, record_id: int) -> None:
        """Read this record again when it is next asked for (after an edit)."""
        self._cache.pop(record_id, None)


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    align_right: bool = False


class ColumnsTableModel(QAbstractTableModel, Generic[R]):
    """A table of records, one per row, its columns described by `Column`s. Subclasses say how
    many rows there are and which record a row shows."""

    def __init__(self, columns: list[Column[R]], parent: QObject | None = None) -> None:
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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self._records = PagedRecords(fetch, id_of)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._records.set_ids(ids)
        self.endResetModel()

    def ids(self) -> list[int]:
        return self._records.ids

    def record_at(self, row: int) -> R | None:
        return self._records.record(row)


class RecordsTableModel(ColumnsTableModel[R]):
    """A table over a short list already read (the people met at one event)."""

    def __init__(self, columns: list[Column[R]], parent: QObject | None = None) -> None:
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
