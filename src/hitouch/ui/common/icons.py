"""The application icon and the window's symbolic icons, loaded from hitouch.resources.

Symbolic icons are drawn in `currentColor`; they are painted in the palette's text colour each
time they are drawn, so they read on light and dark themes and follow a theme switch live.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from hitouch.paths import APP_ID

APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

_ICONS = files("hitouch.resources") / "icons"


def icon_names() -> list[str]:
    """Every symbolic icon there is, by name ('today', 'add-contact', ...)."""
    return sorted(
        item.name.removesuffix(".svg") for item in (_ICONS / "actions").iterdir() if item.name.endswith(".svg")
    )


@cache
def app_icon() -> QIcon:
    """HiTouch's own icon, with a hand-checked PNG for every size and the SVG beyond them."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        png = (_ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        result.addPixmap(pixmap)
    return result


@cache
def _svg(name: str) -> str:
    path = _ICONS / "actions" / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"no icon named {name!r} in hitouch.resources/icons/actions")
    return path.read_text(encoding="utf-8")


@cache
def icon(name: str) -> QIcon:
    """A symbolic icon ('today', 'coffee', 'undo', ...) in the current palette's text colour."""
    return QIcon(_SymbolicIconEngine(name, _svg(name)))


def _colour_role(mode: QIcon.Mode) -> tuple[QPalette.ColorGroup, QPalette.ColorRole]:
    if mode == QIcon.Mode.Disabled:
        return QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText
    if mode == QIcon.Mode.Selected:
        return QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText
    return QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText


class _SymbolicIconEngine(QIconEngine):
    """Renders the SVG recoloured at paint time; rendered pixmaps are kept per colour and size."""

    def __init__(self, name: str, svg: str) -> None:
        super().__init__()
        self._name = name
        self._svg = svg
        self._pixmaps: dict[tuple[str, int, int], QPixmap] = {}

    def _colour(self, mode: QIcon.Mode) -> str:
        return QGuiApplication.palette().color(*_colour_role(mode)).name()

    def _renderer(self, colour: str) -> QSvgRenderer:
        return QSvgRenderer(QByteArray(self._svg.replace("currentColor", colour).encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        renderer = self._renderer(self._colour(mode))
        side = min(rect.width(), rect.height())
        square = QRectF(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side)
        renderer.render(painter, square)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        colour = self._colour(mode)
        key = (colour, side, int(mode.value))
        if key not in self._pixmaps:
            renderer = self._renderer(colour)
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, side, side))
            painter.end()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(scale)
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def iconName(self) -> str:
        return self._name

    def clone(self) -> QIconEngine:
        return _SymbolicIconEngine(self._name, self._svg)
