"""Reading LinkedIn, Google, Outlook and arbitrary CSV files."""

from __future__ import annotations

import time
from datetime import date

import pytest

from hitouch.domain.birthday import Birthday
from hitouch.domain.vocabulary import Source
from hitouch.interop.contacts_io import (
    MAPPABLE_FIELDS,
    UnreadableFile,
    csv_columns,
    guess_mapping,
    read_contacts,
    read_contacts_bytes,
)
from interop_paths import DATA, TODAY


def read(name: str, **kwargs):
    return read_contacts(DATA / name, **kwargs, today=TODAY)


def values(items) -> list[tuple[str, str]]:
    return [(item.value, item.label) for item in items]


def test_linkedin_with_notes_preamble():
    result = read("linkedin_2024.csv")
    zoe, chidi, ravi = result.cards
    assert result.format == "linkedin" and not result.problems
    assert result.skipped == 2  # a row with only a date, and an empty one
    assert [card.line for card in result.cards] == [5, 7, 9]
    assert (zoe.given, zoe.family, zoe.name) == ("Zoë", "Müller", "Zoë Müller")
    assert (zoe.company, zoe.title) == ("Blue Heron Studio", "Founder & CEO")
    assert zoe.source is Source.LINKEDIN and zoe.connected_on == date(2023, 2, 8)
    assert values(zoe.urls) == [("https://www.linkedin.com/in/zoe-muller", "LinkedIn")]
    assert chidi.company == "Okafor, Ethics & Co" and values(chidi.emails) == [("chidi@example.net", "")]
    assert ravi.connected_on is None and not result.problems


def test_older_linkedin_without_url_and_short_dates():
    result = read("linkedin_old.csv")
    asa, taro = result.cards
    assert result.format == "linkedin" and result.skipped == 1
    assert asa.connected_on == date(2023, 2, 8) and taro.connected_on == date(2019, 11, 15)
    assert asa.urls == [] and values(asa.emails) == [("asa.berg@example.se", "")]


def test_linkedin_with_url_last_and_a_date_that_is_not_one():
    result = read("linkedin_url_last.csv")
    priya, lars = result.cards
    assert values(priya.urls) == [("https://www.linkedin.com/in/priya-raman", "LinkedIn")]
    assert lars.connected_on is None
    (problem,) = result.problems
    assert problem.line == 3 and "“not a date” is not a date" in problem.message


def test_google_current_layout():
    result = read("google_current.csv")
    zoe, chidi = result.cards
    assert result.format == "google"
    assert (zoe.given, zoe.family, zoe.company, zoe.title) == ("Zoë", "Müller", "Blue Heron Studio", "Founder")
    # '* ' marks the primary value: it comes first, without the star; ' ::: ' joins values.
    assert values(zoe.emails) == [("zoe@example.org", "work"), ("zoe.work@example.com", "work")]
    assert values(zoe.phones) == [("+44 7700 900123", "mobile"), ("020 7946 0958", "work")]
    assert values(zoe.urls) == [("https://blueheron.example", "portfolio")]
    assert zoe.tags == ["Friends"]  # myContacts and starred are Google's, not the person's
    assert zoe.birthday == Birthday(3, 15, None)
    assert zoe.notes == "Met at the print fair.\nLikes risograph."
    assert chidi.birthday == Birthday(7, 4, 1990) and chidi.tags == []
    assert zoe.line == 2 and chidi.line == 4  # the quoted note spans two lines


def test_google_legacy_layout():
    (ravi,) = read("google_legacy.csv").cards
    assert (ravi.name, ravi.given, ravi.family) == ("Ravi Patel", "Ravi", "Patel")
    assert values(ravi.emails) == [("ravi@example.co.uk", "work"), ("ravi.home@example.com", "home")]
    assert [p.value for p in ravi.phones] == ["07700 900789", "020 7946 0111"]
    assert (ravi.company, ravi.title) == ("Patel Partners", "Partner")
    assert ravi.tags == ["Book Club"]
    assert ravi.notes == 'Said "call me" twice'
    assert ravi.birthday == Birthday(11, 2, 1984)


def test_outlook_windows_1252_with_multi_line_notes_and_null_birthday():
    result = read("outlook_cp1252.csv")
    zoe, emile = result.cards
    assert result.format == "outlook" and not result.problems
    assert (zoe.name, zoe.company) == ("Zoë Müller", "Société Générale")
    assert "Ã" not in zoe.name + zoe.company + zoe.notes
    assert zoe.title == "Directrice"  # 'Job Title', not the 'Title' column (Ms.)
    assert values(zoe.phones) == [("07700 900456", "mobile"), ("(020) 7946 0958", "work")]
    assert zoe.notes == "Café on Tuesday.\nBring the contract."
    assert zoe.tags == ["Clients", "VIP"] and zoe.birthday == Birthday(3, 15, 1985)
    assert [u.value for u in zoe.urls] == ["www.example.fr"]
    assert emile.birthday is None and emile.line == 4


def test_outlook_utf8_with_bom_and_day_first_birthday():
    (taro,) = read("outlook_utf8_bom.csv").cards
    assert (taro.name, taro.company) == ("Taro Yamada", "山田商店")
    assert taro.birthday == Birthday(11, 15, 1979)


def test_generic_csv_guesses_columns():
    result = read("generic.csv")
    priya, lars = result.cards
    assert result.format == "csv"
    assert (priya.name, priya.company, priya.title) == ("Priya Raman", "Raman Labs", "CTO")
    assert values(priya.emails) == [("priya@example.in", "")]
    assert values(priya.phones) == [("+91 98765 43210", "mobile")]
    assert priya.tags == ["Mentors", "Bangalore"] and priya.birthday == Birthday(2, 29, 1988)
    assert priya.notes == "Met at PyCon"
    assert values(lars.phones) == [("+46 8 123 456 78", "work")]


def test_generic_csv_with_a_mapping_given():
    mapping = {"Contact": "name", "Favourite colour": "notes"}
    priya, _lars = read("generic.csv", format="csv", mapping=mapping).cards
    assert priya.name == "Priya Raman" and priya.notes == "teal" and priya.emails == []


def test_a_csv_with_no_people_in_it_says_which_columns_it_found():
    with pytest.raises(
        UnreadableFile, match=r"none of its columns is a name, email or phone \(found: Product, Price\)"
    ):
        read("no_people.csv")


def test_a_named_layout_that_does_not_fit_is_unreadable():
    with pytest.raises(UnreadableFile, match="not those of a Google Contacts export"):
        read("no_people.csv", format="google")
    with pytest.raises(UnreadableFile, match="no header row with First Name, Last Name"):
        read("generic.csv", format="linkedin")


def test_guess_mapping_for_thunderbird_columns():
    columns = [
        "First Name",
        "Last Name",
        "Display Name",
        "Nickname",
        "Primary Email",
        "Secondary Email",
        "Screen Name",
        "Work Phone",
        "Mobile Number",
        "Fax Number",
        "Home Address",
        "Job Title",
        "Department",
        "Organization",
        "Web Page 1",
        "Birth Year",
        "Custom 1",
        "Notes",
        "E-mail Display Name",
    ]
    assert guess_mapping(columns) == {
        "First Name": "given",
        "Last Name": "family",
        "Display Name": "name",
        "Primary Email": "email",
        "Secondary Email": "email",
        "Work Phone": "phone",
        "Mobile Number": "phone",
        "Fax Number": "phone",
        "Job Title": "title",
        "Organization": "company",
        "Web Page 1": "url",
        "Notes": "notes",
    }
    assert set(guess_mapping(columns).values()) <= set(MAPPABLE_FIELDS)


def test_a_bare_title_column_is_a_job_title_only_when_nothing_else_is():
    assert guess_mapping(["Name", "Title"]) == {"Name": "name", "Title": "title"}
    assert guess_mapping(["Name", "Title", "Job Title"]) == {"Name": "name", "Job Title": "title"}


def test_csv_columns_finds_the_header_after_a_preamble():
    assert csv_columns(DATA / "linkedin_2024.csv") == [
        "First Name",
        "Last Name",
        "URL",
        "Email Address",
        "Company",
        "Position",
        "Connected On",
    ]
    assert csv_columns(DATA / "generic.csv")[:3] == ["Contact", "Email address", "Cell"]


def test_utf16_without_bom_and_semicolons():
    text = "Name;E-mail;Telefon\r\nJosé Núñez;jose@example.es;+34 600 000 000\r\n"
    (card,) = read_contacts_bytes(text.encode("utf-16-be"), "export.csv", today=TODAY).cards
    assert card.name == "José Núñez" and [p.value for p in card.phones] == ["+34 600 000 000"]


def test_shift_jis_csv_gives_japanese():
    text = "First Name,Last Name,Display Name,Primary Email\r\n太郎,山田,山田太郎,taro@example.jp\r\n"
    (card,) = read_contacts_bytes(text.encode("shift_jis"), "addressbook.csv", today=TODAY).cards
    assert (card.name, card.given, card.family) == ("山田太郎", "太郎", "山田")


def test_windows_1252_csv_is_not_mistaken_for_shift_jis():
    text = "Name,Email\r\nRenée Müller,renee@example.de\r\nÅke Ström,ake@example.se\r\n"
    cards = read_contacts_bytes(text.encode("cp1252"), "old.csv", today=TODAY).cards
    assert [card.name for card in cards] == ["Renée Müller", "Åke Ström"]


def test_two_thousand_linkedin_rows_read_quickly():
    rows = "\n".join(
        f"Given{i},Family{i},https://www.linkedin.com/in/p{i},,Co {i},Engineer,08 Feb 2023" for i in range(2000)
    )
    data = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + rows).encode()
    start = time.perf_counter()
    result = read_contacts_bytes(data, "Connections.csv", today=TODAY)
    elapsed = time.perf_counter() - start
    assert len(result.cards) == 2000
    assert elapsed < 1.0  # about 20 ms on a developer machine; this only catches quadratic work


def test_two_digit_years_are_read_against_the_clocks_today_not_the_machines():
    data = b"First Name,Last Name,Connected On\nZoe,Muller,8-Feb-23\n"
    for today, year in ((date(2026, 11, 22), 2023), (date(2022, 6, 1), 1923)):
        (card,) = read_contacts_bytes(data, "Connections.csv", today=today).cards
        assert card.connected_on == date(year, 2, 8)
