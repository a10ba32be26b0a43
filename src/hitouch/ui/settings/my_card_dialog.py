"""Help > My Card: my own details as a QR code holding a vCard, big enough to be scanned from
the screen, and exported as PNG or SVG for a badge, slides or a printed card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.cards import ContactCard
from hitouch.interop.qr.my_card import card_text, modules, write_qr
from hitouch.services.contacts.my_card import my_card
from hitouch.services.errors import UserError
from hitouch.settings import Settings
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import dim, heading

MODULE_PIXELS = 6  # on screen: a phone held at arm's length reads 6 px modules easily


class QrCode(QWidget):
    """The code's modules painted square and sharp, black on white whatever the theme (a
    phone's camera reads dark on light), at a whole number of pixels each."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myCardCode")
        self.setAccessibleName(tr("My card as a QR code"))
        self.modules = modules(text)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)

    def sizeHint(self) -> QSize:
        side = len(self.modules) * MODULE_PIXELS
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = len(self.modules) * 4
        return QSize(side, side)

    def module_pixels(self) -> int:
        return max(1, min(self.width(), self.height()) // len(self.modules))

    def paintEvent(self, _event: QPaintEvent) -> None:
        count = len(self.modules)
        size = self.module_pixels()
        side = size * count
        left, top = (self.width() - side) // 2, (self.height() - side) // 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, side, side), QColor("white"))
        black = QColor("black")
        for y, row in enumerate(self.modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + x * size, top + y * size, size, size, black)
        painter.end()


class MyCardDialog(QDialog):
    preferencesRequested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myCardDialog")
        self.setWindowTitle(tr("My Card"))
        self.setAccessibleName(tr("My Card"))
        self.card: ContactCard | None = None
        self.code: QrCode | None = None
        try:
            self.card = my_card(settings)
        except UserError:
            self._no_name()
            return
        self._show_card(self.card)

    def _show_card(self, card: ContactCard) -> None:
        self.text = card_text(card)
        self.code = QrCode(self.text)
        details = [card.title, card.company, *(e.value for e in card.emails), *(p.value for p in card.phones)]
        details += [u.value for u in card.urls]
        lines = dim(QLabel("\n".join(d for d in details if d)))
        lines.setObjectName("myCardDetails")
        lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lines.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        hint = dim(QLabel(tr("Point a phone's camera at the code: it offers to add you to its contacts.")))
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        png = QPushButton(tr("Export &PNG…"))
        png.setObjectName("exportCardPngButton")
        png.clicked.connect(self.export_png)
        svg = QPushButton(tr("Export &SVG…"))
        svg.setObjectName("exportCardSvgButton")
        svg.setToolTip(tr("For print: sharp at any size"))
        svg.clicked.connect(self.export_svg)
        edit = QPushButton(tr("&Edit in Preferences…"))
        edit.setObjectName("editMyCardButton")
        edit.clicked.connect(self._edit)
        close = QPushButton(tr("Close"))
        close.setObjectName("closeMyCardButton")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addStretch()
        buttons.addWidget(png)
        buttons.addWidget(svg)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        name = heading(card.name, 1.6, "myCardName")
        layout.addWidget(name, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(lines, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addWidget(self.code, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(4)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.adjustSize()

    def _no_name(self) -> None:
        text = QLabel(
            tr(
                "Your card has no name yet. Set your details in Preferences (My card): HiTouch then "
                "shows them here as a QR code to be scanned."
            )
        )
        text.setObjectName("myCardEmpty")
        text.setWordWrap(True)
        edit = QPushButton(tr("Open &Preferences…"))
        edit.setObjectName("editMyCardButton")
        edit.setDefault(True)
        edit.clicked.connect(self._edit)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(close)
        buttons.addWidget(edit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("My Card"), 1.3))
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.resize(440, 160)

    def _edit(self) -> None:
        self.reject()
        self.preferencesRequested.emit()

    def export_png(self) -> Path | None:
        return self.export(".png")

    def export_svg(self) -> Path | None:
        return self.export(".svg")

    def export(self, kind: str) -> Path | None:
        """Ask where, then write the code there; the path written, or None."""
        start = str(Path.home() / f"my-card{kind}")
        filters = tr("PNG image (*.png)") if kind == ".png" else tr("SVG image (*.svg)")
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Export my card"), start, filters)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != kind:
            path = path.with_name(path.name + kind)
        try:
            write_qr(self.text, path)
        except OSError as exc:
            QMessageBox.warning(
                self, tr("My Card"), tr("{path} could not be written: {why}").format(path=path, why=exc.strerror or exc)
            )
            return None
        return path
