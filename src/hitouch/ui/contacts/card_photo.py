"""On a contact's page, the photo of the badge or card they came from (a photo import kept it):
a thumbnail under "How we met"; a click shows it large."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from hitouch.services.workspace import Workspace
from hitouch.ui.common.formatting import tr

SIDE = 160
LARGE = 900


class CardPhoto(QLabel):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPhoto")
        self._ws = workspace
        self._image_id: int | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hide()

    def show_for(self, contact_id: int) -> None:
        images = self._ws.card_images.of_contact(contact_id)
        self._image_id = images[0].id if images else None
        self.setVisible(bool(images))
        if images:
            thumbnail = QImage.fromData(images[0].thumbnail)
            self.setPixmap(
                QPixmap.fromImage(
                    thumbnail.scaled(
                        SIDE, SIDE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
            )
            self.setToolTip(
                tr("The photo of their badge or card ({name}): click to see it large").format(name=images[0].file_name)
            )
            self.setAccessibleName(tr("Photo of their badge or card"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._image_id is None or event.button() != Qt.MouseButton.LeftButton:
            return
        dialog = QDialog(self.window())
        dialog.setObjectName("cardPhotoDialog")
        dialog.setWindowTitle(tr("Badge or card"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        large = QLabel()
        image = QImage.fromData(self._ws.card_images.image(self._image_id))
        large.setPixmap(
            QPixmap.fromImage(
                image.scaled(
                    LARGE, LARGE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        )
        QVBoxLayout(dialog).addWidget(large)
        dialog.open()
