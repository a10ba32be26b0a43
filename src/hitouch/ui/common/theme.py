"""Light and dark: follow the system's colour scheme, or the one the user chose.

Qt 6.8+ can ask the platform for a scheme (`styleHints().setColorScheme`); where the platform
cannot change its palette (older desktops, the offscreen and Xvfb platforms), the Fusion
palette for that scheme is set instead, so the choice always shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def application() -> QApplication:
    """The running QApplication (the window's composition root made it)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("HiTouch's window needs a QApplication")
    return app


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(theme: str) -> None:
    """'system', 'light' or 'dark', applied to the running application at once."""
    app = application()
    hints = QGuiApplication.styleHints()
    wanted = _SCHEMES.get(theme)
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+
        if wanted is None:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(wanted)
    app.setPalette(app.style().standardPalette())  # the platform's own palette again
    scheme = wanted or hints.colorScheme()
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setPalette(dark_palette())
    elif scheme == Qt.ColorScheme.Light and is_dark(app.palette()):
        app.setPalette(light_palette())
    # A widget with a style sheet keeps the palette it was polished with; polish it again.
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


def dark_palette() -> QPalette:
    """A calm dark palette: warm greys, readable text, HiTouch's accent for the selection."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2a2b2e",
        QPalette.ColorRole.WindowText: "#e8e6e3",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#27282b",
        QPalette.ColorRole.ToolTipBase: "#3a3c40",
        QPalette.ColorRole.ToolTipText: "#e8e6e3",
        QPalette.ColorRole.PlaceholderText: "#9b9893",
        QPalette.ColorRole.Text: "#e8e6e3",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#e8e6e3",
        QPalette.ColorRole.BrightText: "#ff8a80",
        QPalette.ColorRole.Light: "#4a4c51",
        QPalette.ColorRole.Midlight: "#3c3e42",
        QPalette.ColorRole.Mid: "#2b2c30",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#c9553a",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#ffa07a",
        QPalette.ColorRole.LinkVisited: "#e08b6b",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d7b78"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor("#55575b"))
    return palette
