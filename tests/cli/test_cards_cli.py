"""`hitouch import PHOTO...` and `hitouch card qr OUT`, as a script would run them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.interop.qr.payloads import CodeKind, read_payload
from hitouch.services.importing.photos import read_photo
from hitouch.settings import Settings, SettingsFile
from photo_fixtures import badge, blank, vcard

ZOE = vcard("Zoë Müller", "zoe@fjord.vc", "+44 20 7946 0958", "Fjord Ventures")


@pytest.fixture
def evening(tmp_path):
    folder = tmp_path / "evening"
    badge(folder / "zoe.jpg", ZOE)
    badge(folder / "kenji.png", "MECARD:N:Tanaka,Kenji;EMAIL:kenji@example.jp;;")
    blank(folder / "stage.jpg")
    return folder


def test_photos_import_as_contacts_met_at_todays_event(hitouch, evening):
    assert hitouch("contact", "add", "Someone Else", "--met-at", "Web Summit", "--met-on", "today").code == 0
    result = hitouch(
        "import", str(evening / "zoe.jpg"), str(evening / "kenji.png"), str(evening / "stage.jpg"), "--json"
    )
    assert result.code == 0, result.err
    document = result.json()
    assert {k: document[k] for k in ("files", "created", "merged", "unchanged", "photos", "to_enter")} == {
        "files": 3,
        "created": 2,
        "merged": 0,
        "unchanged": 0,
        "photos": 3,
        "to_enter": 1,
    }
    assert document["event"]["name"] == "Web Summit" and document["errors"] == []
    zoe = hitouch("contact", "show", "Zoë Müller", "--json").json()
    assert zoe["events"] == ["Web Summit"] and zoe["met_in_person"] and zoe["next_followup"] == "2026-11-25"
    again = hitouch("import", str(evening), "--json").json()
    assert (again["created"], again["unchanged"]) == (0, 2)
    assert hitouch("import", "undo", str(document["batch"])).code == 0
    assert [c["name"] for c in hitouch("contact", "list", "--json").json()] == ["Someone Else"]


def test_the_event_may_be_named_and_is_made_when_new(hitouch, evening):
    result = hitouch("import", str(evening), "--event", "Founders Breakfast")
    assert result.code == 0, result.err
    assert "Imported 3 photos: 2 new" in result.out and "Met in person at Founders Breakfast" in result.out
    assert "1 photo named nobody" in result.out and "hitouch import undo" in result.out
    assert hitouch("events", "--json").json()[0]["name"] == "Founders Breakfast"


def test_a_dry_run_writes_nothing(hitouch, evening):
    result = hitouch("import", str(evening), "--dry-run")
    assert result.code == 0 and "Would import 3 photos: 2 new" in result.out
    assert hitouch("contact", "list", "--json").json() == []


def test_photos_and_contacts_files_are_not_mixed(hitouch, evening, tmp_path):
    cards = tmp_path / "cards.vcf"
    cards.write_text(ZOE, encoding="utf-8")
    result = hitouch("import", str(evening / "zoe.jpg"), str(cards))
    assert result.code == 1 and "one kind at a time" in result.err


def save_preferences(**values: str) -> None:
    """The user's preferences, as the window's Preferences would save them."""
    SettingsFile().save(replace(Settings(), **values))


def test_my_card_comes_from_preferences_and_round_trips(hitouch, tmp_path):
    save_preferences(
        my_name="Zoë Müller",
        my_email="zoe@fjord.vc",
        my_phone="+44 20 7946 0958",
        my_company="Fjord Ventures",
        my_title="Partner",
        my_url="https://fjord.vc",
    )
    out = tmp_path / "me.png"
    result = hitouch("card", "qr", str(out))
    assert result.code == 0, result.err
    assert "Zoë Müller" in result.out
    (text,) = read_photo(out, QtPhotoReader()).codes
    payload = read_payload(text)
    assert payload.kind == CodeKind.VCARD and "PRODID:-//HiTouch//HiTouch//EN" in text
    (card,) = payload.cards
    assert (card.name, card.given, card.family, card.company, card.title) == (
        "Zoë Müller",
        "Zoë",
        "Müller",
        "Fjord Ventures",
        "Partner",
    )
    assert [e.value for e in card.emails] == ["zoe@fjord.vc"]
    assert [p.value for p in card.phones] == ["+44 20 7946 0958"]
    assert [u.value for u in card.urls] == ["https://fjord.vc"]


def test_options_replace_the_preferences_one_by_one(hitouch, tmp_path):
    save_preferences(my_name="Zoe Muller", my_email="zoe@fjord.vc")
    out = tmp_path / "badge.svg"
    assert hitouch("card", "qr", str(out), "--email", "zoe@conference.example", "--company", "Fjord").code == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    card = read_payload(svg_code(out)).cards[0]
    assert card.name == "Zoe Muller" and [e.value for e in card.emails] == ["zoe@conference.example"]
    assert card.company == "Fjord"


def svg_code(path) -> str:
    """The SVG drawn as Qt draws it, then read as any photo is."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = path.with_suffix(".png")
    image.save(str(png))
    (text,) = read_photo(png, QtPhotoReader()).codes
    return text


def test_without_a_name_it_says_where_to_set_one(hitouch, tmp_path):
    result = hitouch("card", "qr", str(tmp_path / "me.png"))
    assert result.code == 1 and "Preferences (My Card)" in result.err and "--name" in result.err
    assert not (tmp_path / "me.png").exists()
    assert hitouch("card", "qr", str(tmp_path / "me.png"), "--name", "Zoe Muller").code == 0


def test_only_png_and_svg_are_written(hitouch, tmp_path):
    result = hitouch("card", "qr", str(tmp_path / "me.jpg"), "--name", "Zoe")
    assert result.code == 1 and "must end in .png or .svg" in result.err
