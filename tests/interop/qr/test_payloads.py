"""What a QR code's text becomes: a vCard, a MECARD or BIZCARD, a LinkedIn profile, another web
address, or an opaque attendee id. And which bytes are a whole photo."""

from __future__ import annotations

import struct
import zlib

import pytest

from hitouch.interop.qr.payloads import CodeKind, name_from_profile, read_payload
from hitouch.interop.qr.photo_files import missing_end, photo_kind


def test_a_mecard_is_read_with_its_escapes_and_fields():
    payload = read_payload(
        r"MECARD:N:Tanaka,Kenji;TEL:+81 3 1234 5678;EMAIL:kenji\;work@example.jp;ORG:Kaisha\, Ltd;"
        r"TITLE:CTO;URL:kaisha.example;NOTE:Met at the booth\: robots;BDAY:19800315;;"
    )
    assert payload.kind == CodeKind.MECARD
    (card,) = payload.cards
    assert (card.given, card.family, card.name) == ("Kenji", "Tanaka", "Kenji Tanaka")
    assert [e.value for e in card.emails] == ["kenji;work@example.jp"]
    assert card.company == "Kaisha, Ltd" and card.title == "CTO" and card.notes == "Met at the booth: robots"
    assert [u.value for u in card.urls] == ["https://kaisha.example"]
    assert card.birthday is not None and card.birthday.iso() == "1980-03-15"


def test_a_mecard_with_one_name_and_a_bad_birthday_keeps_the_rest():
    (card,) = read_payload("MECARD:N:Madonna;BDAY:not-a-date;TEL:+1 555 0100;;").cards
    assert card.name == "Madonna" and card.birthday is None and [p.value for p in card.phones] == ["+1 555 0100"]


def test_a_bizcard_is_read():
    (card,) = read_payload("BIZCARD:N:Sean;X:Owen;T:Engineer;C:Acme;B:+12345;E:sean@acme.example;;").cards
    assert (card.name, card.title, card.company) == ("Sean Owen", "Engineer", "Acme")
    assert [e.value for e in card.emails] == ["sean@acme.example"] and [p.value for p in card.phones] == ["+12345"]


def test_a_card_code_that_names_nobody_says_so():
    payload = read_payload("MECARD:NOTE:nothing here;;", "badge.jpg")
    assert payload.cards == [] and "names nobody" in payload.problems[0].message
    assert payload.problems[0].file == "badge.jpg"


def test_a_broken_vcard_in_a_code_is_a_problem_not_a_crash():
    payload = read_payload("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half", "cut.jpg")
    assert payload.kind == CodeKind.VCARD and payload.cards == []
    assert payload.problems and payload.problems[0].file == "cut.jpg"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("https://www.linkedin.com/in/jane-doe-1a2b3c4d/", CodeKind.LINKEDIN),
        ("linkedin.com/in/jane-doe", CodeKind.LINKEDIN),
        ("https://de.linkedin.com/in/jürgen-müller", CodeKind.LINKEDIN),
        ("https://www.linkedin.com/company/acme", CodeKind.URL),
        ("https://notlinkedin.com/in/jane-doe", CodeKind.URL),
        ("www.acme.example/people", CodeKind.URL),
        ("ATT-2026-000451", CodeKind.ID),
        ("hello world", CodeKind.ID),
    ],
)
def test_each_kind_of_address_is_told_apart(text, kind):
    assert read_payload(text).kind == kind


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.linkedin.com/in/jane-doe-1a2b3c4d/", "Jane Doe"),
        ("linkedin.com/in/j%C3%BCrgen-m%C3%BCller", "Jürgen Müller"),
        ("linkedin.com/in/ronan-mcDonald-12345678", "Ronan McDonald"),
        ("linkedin.com/in/mary_jane_watson", "Mary Jane Watson"),
        ("linkedin.com/in/janedoe", ""),
        ("linkedin.com/in/jd1980", ""),
        ("linkedin.com/in/ACoAABcdEfG", ""),
    ],
)
def test_a_name_is_read_from_a_profile_address_only_where_it_is_plain(url, name):
    assert name_from_profile(url) == name


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


PNG = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
PNG += chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b"")


def test_photo_kinds_come_from_the_first_bytes():
    assert photo_kind(b"\xff\xd8\xff\xe0" + b"\0" * 12) == "jpeg"
    assert photo_kind(PNG[:16]) == "png"
    assert photo_kind(b"\0\0\0\x18ftypheic\0\0\0\0") == "heic"
    assert photo_kind(b"\0\0\0\x18ftypisom\0\0\0\0") is None  # a video
    assert photo_kind(b"GIF89a") is None


def test_a_png_cut_short_is_told_from_a_whole_one():
    assert not missing_end(PNG, "png")
    assert missing_end(PNG[:-12], "png")  # no IEND
    assert missing_end(PNG[:30], "png")  # stops inside a chunk
    assert not missing_end(b"\0\0\0\x18ftypheic", "heic")  # left to the decoder


def test_a_jpeg_with_restart_markers_fill_bytes_and_a_trailer_is_whole():
    scan = b"\x12\xff\x00\x34\xff\xd0\x56"  # stuffed 0xFF, a restart marker
    jpeg = b"\xff\xd8" + b"\xff\xe0\x00\x04ab" + b"\xff\xff\xda\x00\x02" + scan + b"\xff\xd9"
    assert not missing_end(jpeg, "jpeg")
    assert not missing_end(jpeg + b"motion photo video after the end", "jpeg")
    assert missing_end(jpeg[:-2], "jpeg")
    assert missing_end(b"\xff\xd8\xff\xe0\x00\x10", "jpeg")  # a header and nothing else
    assert missing_end(b"\xff\xd8garbage", "jpeg")
