"""Event mode's photos to type in: badges and cards whose code named nobody readable, as
thumbnails; the one chosen shown large beside the form while its person is typed in."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hitouch.services.importing.card_images import WaitingPhoto
from hitouch.services.workspace import Workspace
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import dim, heading
from hitouch.ui.importing.photo_widgets import photo_grid, thumbnail_icon

LARGE = 320  # pixels on the long side of the photo being typed in

_ENTRY = Qt.ItemDataRole.UserRole + 1


class WaitingPhotos(QWidget):
    chosen = Signal(object)  # the WaitingPhoto chosen, or None
    setAside = Signal(object)  # Changes

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("waitingPhotos")
        self._ws = workspace
        self.model = QStandardItemModel(self)
        self.grid = photo_grid("waitingPhotoGrid", tr("Photos to type in"))
        self.grid.setModel(self.model)
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.title = heading("")
        self.large = QLabel()
        self.large.setObjectName("waitingPhotoLarge")
        self.large.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.large.setMinimumSize(LARGE * 3 // 4, LARGE * 9 // 16)
        self.hint = dim(QLabel())
        self.hint.setObjectName("waitingPhotoHint")
        self.hint.setWordWrap(True)
        self.aside = QPushButton(tr("Nobody to Type In"))
        self.aside.setObjectName("setPhotoAsideButton")
        self.aside.setToolTip(tr("Take this photo off the list (a blurred shot, the stage)"))
        self.aside.clicked.connect(self.set_aside)
        shown = QVBoxLayout()
        shown.addWidget(self.large, 1)
        shown.addWidget(self.hint)
        shown.addWidget(self.aside, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.grid, 3)
        row.addLayout(shown, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row, 1)

    def load(self, event_id: int) -> None:
        self.model.clear()
        for photo in self._ws.card_images.waiting(event_id):
            item = QStandardItem(thumbnail_icon(photo.thumbnail), f"{photo.file_name}\n{photo.hint}")
            item.setData(photo, _ENTRY)
            item.setData(f"{photo.file_name}: {photo.hint}", Qt.ItemDataRole.AccessibleTextRole)
            self.model.appendRow(item)
        count = self.model.rowCount()
        self.title.setText(tr("Photos to type in ({n})").format(n=count))
        self.setVisible(count > 0)
        if count:
            self.grid.setCurrentIndex(self.model.index(0, 0))
        else:
            self.chosen.emit(None)

    def current(self) -> WaitingPhoto | None:
        index = self.grid.currentIndex()
        return index.data(_ENTRY) if index.isValid() else None

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        photo: WaitingPhoto | None = index.data(_ENTRY) if index.isValid() else None
        if photo is None:
            self.large.clear()
            self.hint.clear()
        else:
            image = QImage.fromData(self._ws.card_images.image(photo.image_id))
            self.large.setPixmap(
                QPixmap.fromImage(
                    image.scaled(
                        LARGE, LARGE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
            )
            self.large.setAccessibleName(photo.file_name)
            self.hint.setText(photo.hint)
        self.aside.setEnabled(photo is not None)
        self.chosen.emit(photo)

    def set_aside(self) -> None:
        photo = self.current()
        if photo is None:
            return
        changes = self._ws.card_images.set_aside(photo.id)
        self.take_out(photo.id)
        self.setAside.emit(changes)

    def take_out(self, entry_id: int) -> None:
        """The photo was typed in (or set aside): off the list, the next one chosen."""
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(_ENTRY).id == entry_id:
                self.model.removeRow(row)
                break
        count = self.model.rowCount()
        self.title.setText(tr("Photos to type in ({n})").format(n=count))
        if count:
            self.grid.setCurrentIndex(self.model.index(0, 0))
        else:
            self.setVisible(False)
            self.chosen.emit(None)
