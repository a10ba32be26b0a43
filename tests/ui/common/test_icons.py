"""Icons: HiTouch's own at every size, and symbolic icons that read on light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from hitouch.ui.common.icons import APP_ICON_SIZES, app_icon, icon, icon_names
from hitouch.ui.common.theme import apply_theme

WANTED = {
    "today",
    "contacts",
    "events",
    "referrals",
    "insights",
    "add-contact",
    "log",
    "import",
    "export",
    "settings",
    "search",
    "coffee",
    "call",
    "video",
    "email",
    "message",
    "in-person",
    "meal",
    "event",
    "social",
    "follow-up",
    "done",
    "snooze",
    "undo",
}


def painted(image: QImage) -> list[QColor]:
    """The colours of the pixels that are not transparent."""
    return [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128
    ]


@pytest.mark.parametrize("size", APP_ICON_SIZES)
def test_the_app_icon_is_drawn_at_every_size(qapp, size):
    image = app_icon().pixmap(QSize(size, size)).toImage()
    assert (image.width(), image.height()) == (size, size)
    colours = painted(image) if size <= 64 else painted(image.scaled(64, 64))
    assert len(colours) > 0.6 * min(size, 64) ** 2  # a full tile, not a speck
    assert len({c.name() for c in colours}) > 3  # a drawing, not a flat square


def test_every_icon_the_window_needs_is_there(qapp):
    assert set(icon_names()) >= WANTED


def test_an_unknown_icon_name_says_which(qapp):
    with pytest.raises(KeyError, match="no-such-icon"):
        icon("no-such-icon")


@pytest.mark.parametrize("name", sorted(WANTED))
def test_symbolic_icons_are_drawn_in_the_text_colour_of_light_and_dark(qapp, name):
    try:
        for theme in ("light", "dark"):
            apply_theme(theme)
            text = qapp.palette().windowText().color()
            image = icon(name).pixmap(QSize(24, 24)).toImage()
            ink = painted(image)
            assert len(ink) > 12, f"{name} is nearly empty"
            assert all(abs(c.lightness() - text.lightness()) < 40 for c in ink), f"{name} in {theme}"
    finally:
        apply_theme("system")


def test_disabled_icons_are_drawn_dimmer(qapp):
    try:
        apply_theme("light")
        normal = painted(icon("coffee").pixmap(QSize(24, 24), QIcon.Mode.Normal).toImage())
        disabled = painted(icon("coffee").pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage())
        assert disabled and sum(c.lightness() for c in disabled) / len(disabled) > sum(
            c.lightness() for c in normal
        ) / len(normal)
    finally:
        apply_theme("system")


def test_icons_are_sharp_on_high_dpi_screens(qapp):
    """At a device pixel ratio of 2 the icon is drawn with twice the pixels, not scaled up."""
    pixmap = icon("coffee").pixmap(QSize(24, 24), 2.0)
    assert (pixmap.width(), pixmap.height()) == (48, 48) and pixmap.devicePixelRatio() == 2.0
    assert app_icon().pixmap(QSize(32, 32), 2.0).width() == 64
