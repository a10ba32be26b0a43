"""Help > My Card: my details from Preferences as a QR code, scanned back from the screen, and
exported as PNG and SVG."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.interop.qr.payloads import read_payload
from hitouch.services.importing.photos import read_photo
from hitouch.settings import Settings
from hitouch.ui.settings.my_card_dialog import MyCardDialog

ME = replace(
    Settings(),
    my_name="Zoë Müller",
    my_email="zoe@fjord.vc",
    my_phone="+44 20 7946 0958",
    my_company="Fjord Ventures",
    my_title="Partner",
    my_url="https://fjord.vc",
)


def scanned(widget, tmp_path) -> str:
    """The code as the screen shows it, read back as a phone would read a photo of it."""
    path = tmp_path / "screen.png"
    assert widget.grab().save(str(path))
    (text,) = read_photo(path, QtPhotoReader()).codes
    return text


def test_my_card_on_screen_scans_back_as_my_details(qtbot, tmp_path):
    dialog = MyCardDialog(ME)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    code = dialog.findChild(QWidget, "myCardCode")
    assert code.module_pixels() >= 5  # big enough for a phone held at arm's length
    (card,) = read_payload(scanned(code, tmp_path)).cards
    assert (card.name, card.company, card.title) == ("Zoë Müller", "Fjord Ventures", "Partner")
    assert [e.value for e in card.emails] == ["zoe@fjord.vc"] and [u.value for u in card.urls] == ["https://fjord.vc"]
    assert dialog.findChild(QLabel, "myCardName").text() == "Zoë Müller"


def test_my_card_exports_png_and_svg(qtbot, tmp_path, monkeypatch):
    dialog = MyCardDialog(ME)
    qtbot.addWidget(dialog)
    targets = iter([str(tmp_path / "badge.png"), str(tmp_path / "slides")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(targets), ""))
    dialog.findChild(QPushButton, "exportCardPngButton").click()
    dialog.findChild(QPushButton, "exportCardSvgButton").click()
    (text,) = read_photo(tmp_path / "badge.png", QtPhotoReader()).codes
    assert read_payload(text).cards[0].name == "Zoë Müller"
    assert (tmp_path / "slides.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_without_a_name_my_card_says_where_to_set_it(window, qtbot, when_dialog_opens):
    seen = {}

    def look(dialog):
        seen["text"] = dialog.findChild(QLabel, "myCardEmpty").text()
        dialog.reject()

    when_dialog_opens("myCardDialog", look)
    window.findChild(QAction, "myCardAction").trigger()
    assert "Preferences (My card)" in seen["text"]
