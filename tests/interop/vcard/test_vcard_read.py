"""Reading vCards as Apple, Google, Outlook, Android, feature phones and RFC 6350 write them."""

from __future__ import annotations

import base64
import socket

import pytest

from hitouch.domain.birthday import Birthday
from hitouch.interop.contacts_io import UnreadableFile, detect_format, read_contacts, read_contacts_bytes
from interop_paths import DATA, TODAY

JPEG_START = b"\xff\xd8\xff\xe0"
PNG_START = b"\x89PNG\r\n\x1a\n"


def read(name: str):
    return read_contacts(DATA / name, today=TODAY)


def emails(card) -> list[tuple[str, str]]:
    return [(e.value, e.label) for e in card.emails]


def phones(card) -> list[tuple[str, str]]:
    return [(p.value, p.label) for p in card.phones]


def test_apple_contacts_labels_birthdays_without_year_and_photos():
    result = read("apple_contacts.vcf")
    zoe, ravi = result.cards
    assert result.format == "vcard" and not result.problems
    assert (zoe.name, zoe.given, zoe.family, zoe.company) == ("Zoë Müller", "Zoë", "Müller", "Blue Heron Studio")
    assert emails(zoe) == [("zoe@example.org", "other"), ("zoe.work@example.com", "conference")]
    # The same number twice (mobile and home) is kept once.
    assert phones(zoe) == [("+44 7700 900123", "mobile")]
    assert [(u.value, u.label) for u in zoe.urls] == [("https://blueheron.example", "home page")]
    assert zoe.birthday == Birthday(3, 15, None)
    assert zoe.photo is not None and zoe.photo.data.startswith(JPEG_START) and zoe.photo.mime == "image/jpeg"
    assert ravi.birthday == Birthday(1, 1, None)  # BDAY:16040101
    assert ravi.photo is not None and ravi.photo.data.startswith(PNG_START) and ravi.photo.mime == "image/png"


def test_apple_cr_cr_lf_line_ends_count_as_one_line_each():
    raw = (DATA / "apple_contacts.vcf").read_bytes().split(b"\r\r\n")
    second_begin = raw.index(b"BEGIN:VCARD", 1) + 1
    assert [card.line for card in read("apple_contacts.vcf").cards] == [1, second_begin]


def test_google_bare_comma_in_name_tags_without_system_groups_and_yearless_birthday():
    (chidi,) = read("google_contacts.vcf").cards
    assert chidi.name == "Chidi Okafor, PhD"  # a strict reader would keep only "Chidi Okafor"
    assert chidi.tags == ["Friends", "Book Club"]
    assert chidi.birthday == Birthday(3, 15, None)
    assert phones(chidi) == [("+1 415 555 0134", "studio line")]
    assert chidi.notes == "Philosophy teacher, loves ethics; hates almond milk.\nCall on Sundays."


def test_outlook_windows_1252_quoted_printable_and_raw_bytes_are_not_garbled():
    (zoe,) = read("outlook_21_cp1252.vcf").cards
    assert (zoe.name, zoe.given, zoe.family) == ("Zoë Müller", "Zoë", "Müller")
    assert zoe.company == "Société Générale"
    assert "Ã" not in zoe.name + zoe.company + zoe.notes
    assert phones(zoe) == [("(020) 7946 0958", "work"), ("07700 900456", "mobile"), ("(020) 7946 0959", "work fax")]
    assert zoe.notes == "Café on Tuesday\nBring the contract"
    assert zoe.birthday == Birthday(3, 15, 1985)


def test_android_soft_line_breaks_give_whole_names_even_inside_a_character():
    asa, lars = read("android_21_qp.vcf").cards
    assert (asa.name, asa.given, asa.family) == ("Åsa Ångström", "Åsa", "Ångström")
    assert asa.notes == "Träffade på mässan i Göteborg\nFika nästa gång"
    assert phones(asa) == [("+46 70 123 45 67", "mobile")]
    # A card with only an email is named after it.
    assert lars.name == "lars.berg@example.se"


def test_feature_phone_shift_jis_gives_japanese():
    (taro,) = read("feature_phone_sjis.vcf").cards
    assert (taro.name, taro.family, taro.given) == ("山田太郎", "山田", "太郎")
    assert taro.notes == "東京の友達"


def test_vcard_4_alternatives_are_one_person_and_uri_values_are_plain():
    result = read("rfc6350_v4.vcf")
    taro, old_timer, omega = result.cards
    assert result.skipped == 1  # KIND:group
    assert "Book club" not in [card.name for card in result.cards]
    assert (taro.name, taro.given, taro.family) == ("Taro Yamada", "Taro", "Yamada")
    # PREF=1 first; tel: URIs lose their wrapping, an extension stays readable.
    assert phones(taro) == [("+1-555-555-0100 ext. 42", "work"), ("+1-555-555-5555", "mobile")]
    assert taro.birthday == Birthday(2, 3, None)
    assert taro.photo is not None and taro.photo.data.startswith(PNG_START)  # data: URI with an escaped comma
    assert old_timer.birthday is None and "circa 1800" in old_timer.notes
    assert old_timer.photo is not None and old_timer.photo.mime == "image/png"
    assert omega.name == "Ωmega Ωlson" and omega.photo is None  # a photo URL is never fetched


def test_photo_urls_are_never_fetched(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("interop must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert read("rfc6350_v4.vcf").cards[2].photo is None


@pytest.mark.parametrize("name", ["utf8_bom.vcf", "utf16le_bom.vcf", "utf16be_no_bom.vcf", "cr_only.vcf"])
def test_encodings_and_line_ends(name):
    (card,) = read(name).cards
    assert (card.name, card.given, card.family) == ("Émile Nakamura", "Émile", "Nakamura")
    assert emails(card) == [("emile@example.com", "")]
    assert card.line == 1


def test_lower_case_trailing_spaces_version_with_space_blank_lines_and_no_final_newline():
    result = read("mixed_line_ends.vcf")
    emile, priya = result.cards
    assert not result.problems
    assert emile.name == "Émile Nakamura" and emails(emile) == [("emile@example.com", "work")]
    assert emile.line == 3
    assert priya.name == "Priya Raman"  # folded line: CRLF plus one space removed
    assert priya.line == 10


def test_one_bad_card_never_stops_the_file():
    result = read("broken.vcf")
    assert [card.name for card in result.cards] == ["Good One", "Good Two", "nobody.named@example.org"]
    assert [card.line for card in result.cards] == [2, 11, 22]
    assert result.skipped == 1
    messages = {problem.line: problem.message for problem in result.problems}
    assert messages == {
        1: "line 1 is outside any BEGIN:VCARD … END:VCARD block and ignored",
        7: "card 2 could not be read: it has no END:VCARD line",
        18: "card 4 has no name, email or phone and was skipped",
    }
    assert all(problem.file == str(DATA / "broken.vcf") for problem in result.problems)


def test_a_photo_over_2_mb_is_dropped_but_the_card_is_kept():
    big = base64.b64encode(JPEG_START + bytes(2 * 1024 * 1024 + 10)).decode()
    data = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Picture\r\nPHOTO;ENCODING=b;TYPE=JPEG:{big}\r\nEND:VCARD\r\n"
    result = read_contacts_bytes(data.encode(), "big.vcf", today=TODAY)
    (card,) = result.cards
    assert card.name == "Big Picture" and card.photo is None
    (problem,) = result.problems
    assert problem.line == 1 and "photo larger than 2 MB was not kept" in problem.message


def test_undecodable_bytes_fall_back_to_windows_1252_without_crashing():
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xe9e \xff\xfe Dupont\r\nEND:VCARD\r\n"
    (card,) = read_contacts_bytes(data, "legacy.vcf", today=TODAY).cards
    assert card.name.startswith("Renée") and card.name.endswith("Dupont")


def test_detect_format_looks_at_content_before_the_name():
    vcard = (DATA / "utf8_bom.vcf").read_bytes()
    linkedin = (DATA / "linkedin_2024.csv").read_bytes()
    assert detect_format(vcard, "contacts.csv") == "vcard"
    assert detect_format(linkedin, "contacts.vcf") == "linkedin"
    assert detect_format((DATA / "utf16be_no_bom.vcf").read_bytes()) == "vcard"


def test_unreadable_files_say_why_in_one_line(tmp_path):
    cases = {
        tmp_path / "missing.vcf": "there is no such file",
        tmp_path: "it is a folder, not a file",
    }
    (tmp_path / "empty.vcf").write_bytes(b"")
    cases[tmp_path / "empty.vcf"] = "it is empty"
    (tmp_path / "photo.vcf").write_bytes(JPEG_START + bytes(100) + b"\x00\x01\x02")
    cases[tmp_path / "photo.vcf"] = "binary file"
    for path, reason in cases.items():
        with pytest.raises(UnreadableFile) as caught:
            read_contacts(path, today=TODAY)
        assert reason in caught.value.message
        assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


def test_a_csv_forced_to_be_read_as_vcard_is_unreadable():
    with pytest.raises(UnreadableFile, match="no vCard"):
        read_contacts(DATA / "generic.csv", format="vcard", today=TODAY)
