"""The import preview's building blocks: a row of figures and the tables of people and problems."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from hitouch.ui.common.formatting import number
from hitouch.ui.common.widgets import dim, heading


class Stats(QWidget):
    """A row of figures, each a big number over a small word: 12 new, 3 merged, ..."""

    def __init__(self, name: str, captions: tuple[tuple[str, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._captions = dict(captions)
        self.numbers: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(28)
        for key, caption in captions:
            number = heading("0", 1.8)
            number.setObjectName(f"{name}:{key}")
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(number)
            column.addWidget(dim(QLabel(caption)))
            layout.addLayout(column)
            self.numbers[key] = number
        layout.addStretch()

    def show_values(self, **values: int) -> None:
        for key, value in values.items():
            self.numbers[key].setText(number(value))
        self.setAccessibleName(", ".join(f"{values[k]} {self._captions[k]}" for k in self.numbers if k in values))

    def value(self, key: str) -> int:
        return int(self.numbers[key].text().replace(",", ""))


def plan_table(model: QAbstractItemModel, name: str, accessible_name: str, hint: str = "") -> QWidget:
    """A list of the preview: one row per person or problem, a hint above it if given."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    # The style's own box is dark on dark in the dark theme: a plain one in the palette's text colour.
    view.setStyleSheet(
        "QTableView::indicator { width: 12px; height: 12px; border: 1px solid palette(text); border-radius: 2px; }"
        "QTableView::indicator:checked { background: palette(highlight); border-color: palette(highlight); }"
    )
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, 200)
    header.setStretchLastSection(True)
    if model.columnCount() == 3:
        header.resizeSection(1, 380)
    if not hint:
        return view
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 0)
    label = dim(QLabel(hint))
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addWidget(view, 1)
    return box
