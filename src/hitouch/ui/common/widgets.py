"""Small shared widgets: headings, an error line, an initials avatar, a status chip."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from hitouch.ui.common.theme import is_dark

# The red of an error line: a deep one on light backgrounds, a light one on dark backgrounds,
# where the deep red is hard to read.
ERROR_ON_LIGHT, ERROR_ON_DARK = QColor("#c62828"), QColor("#ff8a80")


def heading(text: str, scale: float = 1.0, object_name: str = "") -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def dim(label: QLabel) -> QLabel:
    """Secondary text, in the palette's placeholder colour: follows a switch to dark or light."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def error_colour(palette: QPalette) -> QColor:
    return ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT


class ErrorLine(QLabel):
    """A line saying what went wrong, in the error red of the theme shown: it follows a switch
    between light and dark as it happens. `set_error(False)` shows ordinary text in it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._error = True
        self._follow_palette()

    def set_error(self, error: bool) -> None:
        self._error = error
        self._follow_palette()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._follow_palette()
        super().changeEvent(event)

    def _follow_palette(self) -> None:
        if not self._error:
            if self.palette().resolveMask():
                self.setPalette(QPalette())  # nothing of its own: the text colour around it
            return
        palette = QPalette(self.palette())
        wanted = error_colour(palette)  # the Window colour is inherited: it says light or dark
        if palette.color(QPalette.ColorRole.WindowText) != wanted:  # else setting it would loop
            palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.setPalette(palette)


def initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


class Avatar(QWidget):
    """A coloured circle with the person's initials; the colour is stable per name."""

    def __init__(self, size: int = 56, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self._name = ""
        self.setFixedSize(size, size)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_name(self, name: str) -> None:
        self._name = name
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        hue = sum(ord(ch) for ch in self._name) * 37 % 360
        painter.setBrush(QColor.fromHsl(hue, 110, 120))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(0, 0, self._size, self._size))
        font = painter.font()
        font.setPixelSize(int(self._size * 0.38))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, self._size, self._size), Qt.AlignmentFlag.AlignCenter, initials(self._name))


class Chip(QLabel):
    """A rounded label: 'Met in person' or 'Not met in person yet'."""

    def set_state(self, text: str, positive: bool) -> None:
        self.setText(text)
        color = "#2e7d32" if positive else "#b26a00"
        self.setStyleSheet(
            f"QLabel {{ color: {color}; border: 1px solid {color}; border-radius: 9px; padding: 1px 8px; }}"
        )


# A mixin for widgets: the type checker sees the QWidget it is mixed into, Python a plain class
# (a second Qt base class would make Qt's multiple inheritance ambiguous).
if TYPE_CHECKING:
    _Screen = QWidget
else:
    _Screen = object


class RedrawnWhenShown(_Screen):
    """For a screen (mixed in before its Qt class, as in `class Page(RedrawnWhenShown, QScrollArea)`):
    what changed is redrawn now if the screen is on show, else when it is next shown. The screen
    defines `reload()`, which redraws it all."""

    _stale = True

    def reload(self) -> None:
        raise NotImplementedError

    def redraw_soon(self) -> None:
        self._stale = True
        if self.isVisible() and self.may_redraw_now():
            self.reload()

    def may_redraw_now(self) -> bool:
        return True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)
