"""What a drop on the window will do, said over the window while files are dragged over it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget


class DropHint(QLabel):
    """A panel in the middle of `parent`, over everything, until the drag leaves or drops."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._over = parent
        self.setObjectName("dropHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "#dropHint { background: palette(base); color: palette(text); border: 2px dashed palette(highlight);"
            " border-radius: 14px; padding: 28px; font-size: 15pt; }"
        )
        parent.installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self._place()
        self.raise_()
        self.show()

    def _place(self) -> None:
        parent = self._over
        width = min(560, parent.width() - 80)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - width) // 2, (parent.height() - self.height()) // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
