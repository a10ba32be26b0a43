"""Writing vCard 3.0/4.0 and HiTouch CSV, and reading both back unchanged."""

from __future__ import annotations

import csv
import io

import pytest
import vobject

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled, Photo
from hitouch.domain.vocabulary import Source
from hitouch.interop.contacts_io import read_contacts_bytes, write_csv, write_vcards
from interop_paths import TODAY

PHOTO = Photo(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "image/jpeg")


def people() -> list[ContactCard]:
    return [
        ContactCard(
            given="Zoë",
            family="Müller",
            name="Zoë Müller",
            emails=[Labelled("zoe@example.org", "work"), Labelled("zoe@home.example", "home")],
            phones=[Labelled("+44 7700 900123", "mobile"), Labelled("020 7946 0958", "studio line")],
            urls=[Labelled("https://blueheron.example", "home page")],
            company="Blue Heron; Studio, Ltd",
            title="Founder",
            tags=["Friends", "Print fair"],
            birthday=Birthday(3, 15, None),
            notes="Met at the fair, stand 12; liked risograph.\nFollow up: C:\\prints\\new\n\nThird line",
            uid="urn:uuid:0b7e5c8e-1c1d-4a59-9b1d-4f2a3b6f1a01",
            photo=PHOTO,
        ),
        ContactCard(
            given="太郎",
            family="山田",
            name="山田太郎",
            phones=[Labelled("090-1234-5678", "mobile")],
            birthday=Birthday(2, 29, 1988),
            notes="東京の友達。" * 30,
        ),
        ContactCard(
            given="Ωmega",
            family="Ωlson",
            name="Ωmega Ωlson",
            emails=[Labelled("omega@example.gr", "other")],
            tags=["Ελληνικά"],
            birthday=Birthday(12, 31, 1970),
        ),
    ]


def fields(card: ContactCard) -> tuple:
    return (
        card.name,
        card.given,
        card.family,
        card.company,
        card.title,
        card.notes,
        card.tags,
        card.birthday,
        [(e.value, e.label) for e in card.emails],
        [(p.value, p.label) for p in card.phones],
        [(u.value, u.label) for u in card.urls],
        card.uid,
    )


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcards_round_trip(version):
    text = write_vcards(people(), version)
    result = read_contacts_bytes(text.encode("utf-8"), "export.vcf", today=TODAY)
    assert not result.problems
    assert [fields(card) for card in result.cards] == [fields(card) for card in people()]
    assert result.cards[0].photo == PHOTO


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_lines_are_crlf_and_folded_at_75_octets_between_characters(version):
    data = write_vcards(people(), version).encode("utf-8")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a character


def test_birthdays_without_a_year_as_each_version_expects():
    card = [ContactCard(name="Zoë", birthday=Birthday(3, 15, None))]
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15\r\n" in write_vcards(card, "3.0")
    assert "BDAY:--0315\r\n" in write_vcards(card, "4.0")
    assert "BDAY:19880229\r\n" in write_vcards([ContactCard(name="T", birthday=Birthday(2, 29, 1988))], "4.0")


def test_text_is_escaped_and_photos_are_embedded():
    text = write_vcards([ContactCard(name="A, B; C", notes="x\\y\nz", photo=PHOTO)], "3.0")
    assert "FN:A\\, B\\; C\r\n" in text
    assert "NOTE:x\\\\y\\nz\r\n" in text
    assert "PHOTO;ENCODING=b;TYPE=JPEG:/9j/" in text
    assert "PHOTO:data:image/jpeg;base64,/9j/" in write_vcards([ContactCard(name="A", photo=PHOTO)], "4.0")


def test_vobject_reads_what_we_write():
    for version in ("3.0", "4.0"):
        components = list(vobject.readComponents(write_vcards(people(), version)))
        assert [c.fn.value for c in components] == ["Zoë Müller", "山田太郎", "Ωmega Ωlson"]


def test_unknown_vcard_version_is_refused():
    with pytest.raises(ValueError, match=r"3\.0, 4\.0"):
        write_vcards([], "2.1")


def test_csv_header_and_multi_values():
    rows = list(csv.reader(io.StringIO(write_csv(people()), newline="")))
    assert rows[0] == [
        "Name",
        "Given Name",
        "Family Name",
        "Emails",
        "Phones",
        "Company",
        "Title",
        "URLs",
        "Tags",
        "Birthday",
        "Notes",
        "Source",
    ]
    assert rows[1][3] == "zoe@example.org ::: zoe@home.example"
    assert rows[1][4] == "'+44 7700 900123 ::: 020 7946 0958"
    assert rows[1][9] == "'--03-15"  # starts with '-', so it is protected too
    assert len(rows) == 4


def test_csv_cells_a_spreadsheet_would_run_are_neutralised():
    card = ContactCard(
        name='=HYPERLINK("http://evil")', company="@SUM(A1)", title="-2+3", notes="\tTabbed", tags=["+tag"]
    )
    row = list(csv.reader(io.StringIO(write_csv([card]), newline="")))[1]
    assert row[0] == '\'=HYPERLINK("http://evil")'
    assert (row[5], row[6], row[10], row[8]) == ("'@SUM(A1)", "'-2+3", "'\tTabbed", "'+tag")


def test_csv_round_trips_through_its_own_reader():
    tricky = ContactCard(
        name="'=not a formula",
        given="'quoted",
        notes="-minus first",
        source=Source.LINKEDIN,
        phones=[Labelled("+1 415 555 0134")],
    )
    cards = [*people(), tricky]
    result = read_contacts_bytes(write_csv(cards).encode("utf-8"), "hitouch.csv", today=TODAY)
    assert result.format == "csv" and not result.problems
    for read, written in zip(result.cards, cards, strict=True):
        assert (read.name, read.given, read.family, read.notes, read.tags, read.birthday, read.source) == (
            written.name,
            written.given,
            written.family,
            written.notes,
            written.tags,
            written.birthday,
            written.source,
        )
        assert [p.value for p in read.phones] == [p.value for p in written.phones]
        assert [e.value for e in read.emails] == [e.value for e in written.emails]
