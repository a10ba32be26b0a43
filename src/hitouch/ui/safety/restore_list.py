"""What Restore from Backup and the Trash share: a few words, a table of what can be brought
back, a line for when there is nothing, and a Restore button."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from hitouch.services.changes import Changes
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.paged_model import Column, RecordsTableModel
from hitouch.ui.common.tables import record_table

R = TypeVar("R")


class RestoreList(QDialog, Generic[R]):
    """Subclasses say what restoring the chosen records does (`accept`); `changes` is what it changed."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        intro: str,
        columns: list[Column[R]],
        records: list[R],
        table: tuple[str, str],  # object name, accessible name
        empty: str,
        restore_button: str,  # its object name
        close: QDialogButtonBox.StandardButton,
        stretch: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.changes: Changes | None = None
        self.records = records
        self.model: RecordsTableModel[R] = RecordsTableModel(columns, self)
        self.model.set_records(records)
        words = QLabel(intro)
        words.setWordWrap(True)
        self.table: QTableView = record_table(self.model, *table, stretch=stretch)
        nothing = QLabel(empty)
        nothing.setVisible(not records)
        buttons = QDialogButtonBox(close)
        self.restore_button = buttons.addButton(tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName(restore_button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addWidget(self.table, 1)
        layout.addWidget(nothing)
        layout.addWidget(buttons)

    def chosen(self) -> list[R]:
        return [self.records[index.row()] for index in self.table.selectionModel().selectedRows()]

    def choose_many(self) -> None:
        """Several at once; Restore only while something is chosen."""
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.restore_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(self._chosen_changed)

    def _chosen_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.chosen()))
