"""CSVs with a quote left open, and names no one could read: reported, and the rest still read.

An unclosed quote once swallowed the rest of a file into one 15,000-character name ("2 new, 0
problems" for 1,002 rows).
"""

from __future__ import annotations

from datetime import date

import pytest

from hitouch.interop.contacts_io import read_contacts_bytes
from hitouch.interop.names import NAME_LIMIT

TODAY = date(2026, 11, 22)  # the tests' clock (tests/conftest.py)

PEOPLE = 1_000


def people_csv(*broken: tuple[int, str]) -> bytes:
    rows = [f"Person {n:04d},person{n}@example.com" for n in range(PEOPLE)]
    for at, row in sorted(broken, reverse=True):
        rows.insert(at, row)
    return ("Name,Email\r\n" + "\r\n".join(rows) + "\r\n").encode()


def names(result) -> set[str]:
    return {card.name for card in result.cards}


def expected_people() -> set[str]:
    return {f"Person {n:04d}" for n in range(PEOPLE)}


@pytest.mark.parametrize("at", [0, 1, 500, PEOPLE], ids=["first-row", "second-row", "middle", "last-row"])
def test_an_unclosed_quote_is_reported_with_its_line_and_the_rows_after_it_are_read(at):
    result = read_contacts_bytes(people_csv((at, '"Una Closed,una@example.com')), "people.csv", today=TODAY)
    line = at + 2  # the header is line 1
    assert [(p.line, "quote" in p.message) for p in result.problems] == [(line, True)]
    assert expected_people() <= names(result)
    una = next(card for card in result.cards if card.line == line)
    assert (una.name, [e.value for e in una.emails]) == ("Una Closed", ["una@example.com"])
    assert max(len(card.name) for card in result.cards) <= NAME_LIMIT


def test_a_quote_closed_in_the_middle_of_a_later_field_costs_only_its_line():
    data = people_csv((3, '"Una,una@example.com'), (5, 'Bo "Brave" Bold,"bo@example.com"x'))
    result = read_contacts_bytes(data, "people.csv", today=TODAY)
    assert [p.line for p in result.problems] == [5]
    assert expected_people() <= names(result) and "Una" in names(result)
    assert len(result.cards) == PEOPLE + 2


def test_quotes_used_as_spreadsheets_write_them_are_no_problem():
    data = (
        'Name,Email,Notes\r\n"Zoë ""Zed"" Müller",zoe@fjord.vc,"two\r\nlines, and a comma"\r\n'
        '"Jon Smith" ,jon@acme.example,\r\nAl "the pal" Jones,al@example.com,\r\n'
    ).encode()
    result = read_contacts_bytes(data, "people.csv", today=TODAY)
    assert result.problems == []
    assert [(c.name, c.notes) for c in result.cards] == [
        ('Zoë "Zed" Müller', "two\nlines, and a comma"),
        ("Jon Smith", ""),
        ('Al "the pal" Jones', ""),
    ]


def test_no_cell_longer_than_the_limit_becomes_a_name_and_nothing_of_it_is_lost():
    long_name = "Ada " * 5_000
    data = f'Name,Email\r\nGood Person,good@example.com\r\n"{long_name}",ada@example.com\r\n"{long_name}",\r\n'.encode()
    result = read_contacts_bytes(data, "people.csv", today=TODAY)
    assert [p.line for p in result.problems] == [3, 4]
    assert "19,999 characters is not a name" in result.problems[0].message
    assert "left out" in result.problems[1].message  # nothing else to know that one by
    ada = result.cards[1]
    assert ada.name == "ada@example.com" and long_name.strip() in ada.notes
    assert len(result.cards) == 2 and result.skipped == 1


def test_a_long_note_in_a_csv_is_read_whole():
    note = "networking " * 200_000  # 2.2 MB in one cell: over the csv module's default field limit
    result = read_contacts_bytes(f'Name,Notes\r\nLong Note,"{note}"\r\n'.encode(), "people.csv", today=TODAY)
    assert result.problems == []
    assert result.cards[0].notes == note.strip()


INVISIBLE = ["\u200b", "\u200e\u200f", "\u3164", " \u2800 ", "\u202e\u2066", "\u0301\u0301", "\x1b\x07"]


@pytest.mark.parametrize("name", INVISIBLE, ids=[f"U+{ord(n.strip()[0]):04X}" for n in INVISIBLE])
def test_a_name_of_invisible_characters_is_refused_with_its_line_in_a_vcard_and_a_csv(name):
    vcard = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Good Person\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:ghost@example.com\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:{name};;;;\r\nEND:VCARD\r\n"
    )
    csv = f"Name,Email\r\nGood Person,\r\n{name},ghost@example.com\r\n{name},\r\n"
    for data, filename, lines in ((vcard, "people.vcf", [5, 10]), (csv, "people.csv", [3, 4])):
        result = read_contacts_bytes(data.encode(), filename, today=TODAY)
        assert [p.line for p in result.problems] == lines, filename
        assert all("only invisible characters" in p.message for p in result.problems)
        assert "card kept" in result.problems[0].message and "card was left out" in result.problems[1].message
        assert [c.name for c in result.cards] == ["Good Person", "ghost@example.com"], filename
        assert result.skipped >= 1


def test_names_with_some_visible_letters_are_kept_as_they_are():
    data = "Name,Email\r\nZoë\u200d Müller,zoe@fjord.vc\r\n\u05e9\u05dc\u05d5\u05dd \u200fCohen,c@example.com\r\n"
    result = read_contacts_bytes(data.encode(), "people.csv", today=TODAY)
    assert result.problems == []
    assert [c.name for c in result.cards] == ["Zoë\u200d Müller", "\u05e9\u05dc\u05d5\u05dd \u200fCohen"]
