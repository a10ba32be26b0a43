"""The photo import's own lists: photos to type in by hand (thumbnails with what their code
said), profiles to give a name, and the choice of the event where everyone was met."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.importing.photo_import import EventChoice, PhotoPlan
from hitouch.ui.common.formatting import medium_date, tr
from hitouch.ui.common.widgets import dim

THUMBNAIL = QSize(132, 99)
_KIND_HINTS = {
    "none": "No code on this photo",
    "id": "Badge code {code}",
    "url": "{code}",
    "linkedin": "LinkedIn: {code}",
}


def thumbnail_icon(jpeg: bytes) -> QIcon:
    image = QImage.fromData(jpeg)
    pixmap = QPixmap.fromImage(
        image.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    )
    return QIcon(pixmap)


def waiting_hint(kind: str, code: str) -> str:
    return tr(_KIND_HINTS.get(kind, _KIND_HINTS["none"])).format(code=code)


def photo_grid(name: str, accessible_name: str) -> QListView:
    """Thumbnails in rows, each captioned; the list the person types names in from."""
    view = QListView()
    view.setObjectName(name)
    view.setAccessibleName(accessible_name)
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(THUMBNAIL)
    view.setGridSize(QSize(THUMBNAIL.width() + 64, THUMBNAIL.height() + 56))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setSpacing(6)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def waiting_model(plan: PhotoPlan, parent: QWidget) -> QStandardItemModel:
    """The photos of this import that name nobody readable, with what their code said."""
    model = QStandardItemModel(parent)
    for item in plan.waiting:
        photo = plan.photos[item.photo]
        row = QStandardItem(
            thumbnail_icon(photo.picture.thumbnail), f"{photo.name}\n{waiting_hint(item.kind, item.code)}"
        )
        row.setToolTip(f"{photo.path}\n{waiting_hint(item.kind, item.code)}")
        row.setData(f"{photo.name}: {waiting_hint(item.kind, item.code)}", Qt.ItemDataRole.AccessibleTextRole)
        model.appendRow(row)
    return model


class NamesModel(QStandardItemModel):
    """LinkedIn profiles whose address names nobody: the person types each name in (or leaves
    it empty, and the photo waits in event mode)."""

    namesChanged = Signal()

    def __init__(self, plan: PhotoPlan, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([tr("Photo"), tr("LinkedIn profile"), tr("Name (type it in)")])
        for item in plan.unnamed:
            photo = plan.photos[item.photo]
            cells = [QStandardItem(thumbnail_icon(photo.picture.thumbnail), photo.name), QStandardItem(item.url)]
            cells.append(QStandardItem(item.name))
            for cell in cells[:2]:
                cell.setEditable(False)
            self.appendRow(cells)
        self.itemChanged.connect(self._item_changed)

    def _item_changed(self, _item: QStandardItem) -> None:
        self.namesChanged.emit()

    def names(self) -> dict[int, str]:
        return {row: text for row in range(self.rowCount()) if (text := self.item(row, 2).text().strip())}


def names_table(model: NamesModel) -> QTableView:
    view = QTableView()
    view.setObjectName("unnamedList")
    view.setAccessibleName(tr("Profiles to name"))
    view.setModel(model)
    view.setIconSize(QSize(48, 36))
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(44)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(2, 240)
    return view


class EventChooser(QWidget):
    """Where everyone in the photos was met: today's event first, another, a new one typed in,
    or none (met in person today)."""

    changed = Signal()

    def __init__(
        self, choices: list[EventChoice], followup_days: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._days, self._today = followup_days, today
        self.combo = QComboBox()
        self.combo.setObjectName("photoEvent")
        self.combo.setAccessibleName(tr("Met at event"))
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(28)
        line = self.combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("Type a new event's name"))
        for choice in choices:
            when = tr("today") if choice.today else medium_date(choice.on) if choice.on else ""
            self.combo.addItem(f"{choice.name} — {when}" if when else choice.name, choice.id)
        self.combo.addItem(tr("No event: met in person today"), None)
        self.combo.setCurrentIndex(0 if choices and choices[0].today else self.combo.count() - 1)
        self.combo.currentTextChanged.connect(self._update)
        caption = QLabel(tr("&Met in person at"))
        caption.setBuddy(self.combo)
        self.hint = dim(QLabel())
        self.hint.setObjectName("photoEventHint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self._update()

    def chosen(self) -> int | str | None:
        """An event's id, a new event's name, or None."""
        index = self.combo.currentIndex()
        text = self.combo.currentText().strip()
        if index >= 0 and text == self.combo.itemText(index):
            chosen: int | None = self.combo.itemData(index)
            return chosen
        return text or None

    def _update(self) -> None:
        due = medium_date(self._today + timedelta(days=self._days))
        chosen = self.chosen()
        if isinstance(chosen, str):
            text = tr("A new event, “{name}”, today. Everyone is met in person there, with a follow-up on {due}.")
        elif chosen is None:
            text = tr("Everyone is met in person today, with a follow-up on {due}.")
        else:
            text = tr("Everyone is met in person there, with a follow-up on {due}.")
        self.hint.setText(text.format(name=chosen, due=due, days=self._days))
        self.changed.emit()
