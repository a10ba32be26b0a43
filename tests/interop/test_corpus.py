"""Every real file in the shared corpus is read without an error, and gives sensible people."""

from __future__ import annotations

import pytest

from hitouch.domain.birthday import Birthday
from hitouch.interop.contacts_io import UnreadableFile, read_contacts
from interop_paths import CORPUS, TODAY


def corpus_names(folder: str, pattern: str) -> list[str]:
    found = sorted(p.name for p in (CORPUS / folder).glob(pattern)) if CORPUS.is_dir() else []
    return found or ["(corpus missing)"]


# Files with several people, counted by hand.
CARD_COUNTS = {
    "ezvcard_gmail-list.vcf": 3,
    "ezvcard_John_Doe_ANDROID.vcf": 6,
    "ezvcard_rfc2426-example.vcf": 2,
    "aosp_v21_multiple_entry.vcf": 3,
    "aosp_v21_nest.vcf": 3,  # the parent and its two nested cards
    "thunderbird_emptylines_vcard_addressbook.vcf": 2,
    "thunderbird_export.vcf": 2,
    "libical_test.vcf": 2,
    "khard_altid.vcf": 1,  # two N alternatives, one person
    "khard_unparsable.vcf": 0,  # no END:VCARD: reported, not read
    "ical4j_vcard-group.vcf": 0,  # only an address: skipped
}
FIRST_NAMES = {
    "aosp_v21_japanese_2.vcf": "安藤 ロイド 1",  # Shift_JIS
    "aosp_v40_sort_as.vcf": "安藤 ロイド",
    "eds_5.vcf": "十城目管理大型知座",  # UTF-8 quoted-printable split inside characters
    "khard_korean-c.vcf": "최유림",
    "roundcube_johndoe.vcf": "John Doë",  # CHARSET=windows-1252 raw bytes
    "roundcube_utf-16_sample.vcf": "Ǽgean ĽdaMonté",  # UTF-16 BE without BOM
    "turba_export_21.vcf": "Jan Schneiderö",
    "ezvcard_John_Doe_GMAIL.vcf": "Mr. John Richter, James Doe Sr.",  # bare comma kept
    "eds_7_missing_begin.vcf": "Frank Dawson",
    "ical4j_vcard-dirk-whitespaceafterbegin.vcf": "Dirk",
    "kcontacts_vcard4_fn_without_colon.vcf": "Ximian, Inc.",
    "thunderbird_dos_vcard_addressbook.vcf": "Name Surname",  # CR CR LF
    "radicale_broken-vcard.vcf": "test-misses-N-or-FN@example.com",  # no N, no FN
    "eds_sorted-6.vcf": "First Name Bäd",
    "ezvcard_John_Doe_ANDROID.vcf": "john.doe@company.com",
}
WITH_PHOTO = {
    "ezvcard_John_Doe_IPHONE.vcf",
    "ezvcard_John_Doe_BLACK_BERRY.vcf",
    "sabre_issue153.vcf",
    "roundcube_apple.vcf",
    "khard_photov4.vcf",
    "radicale_contact_photo_with_data_uri.vcf",
    "aosp_v21_base64_no_2_crlf.vcf",
    "turba_export_21.vcf",
}
BIRTHDAYS = {
    "radicale_contact4-with-bday-no-year.vcf": Birthday(1, 1, None),
    "ezvcard_rfc6350-example.vcf": Birthday(2, 3, None),
    "vobject_simple_3_0_test.vcf": Birthday(2, 10, None),
    "ezvcard_John_Doe_MS_OUTLOOK.vcf": Birthday(3, 22, 1980),
}


def readable_text(card) -> str:
    return " ".join([card.name, card.given, card.family, card.company, card.title, card.notes])


@pytest.mark.parametrize("name", corpus_names("vcard", "*.vcf"))
def test_every_vcard_file_is_read(corpus, name):
    result = read_contacts(corpus / "vcard" / name, today=TODAY)
    assert result.format == "vcard"
    assert result.cards or result.problems or result.skipped
    lines = (corpus / "vcard" / name).read_bytes().count(b"\n") + 1
    for card in result.cards:
        assert card.name.strip()
        assert "Ã" not in readable_text(card) and "\ufffd" not in readable_text(card)
        assert 1 <= card.line <= lines
    if name in CARD_COUNTS:
        assert len(result.cards) == CARD_COUNTS[name]
    if name in FIRST_NAMES:
        assert result.cards[0].name == FIRST_NAMES[name]
    if name in WITH_PHOTO:
        assert result.cards[0].photo is not None and result.cards[0].photo.mime.startswith("image/")
    if name in BIRTHDAYS:
        assert result.cards[0].birthday == BIRTHDAYS[name]


def test_problems_in_the_corpus_name_the_card_and_line(corpus):
    (problem,) = read_contacts(corpus / "vcard" / "khard_unparsable.vcf", today=TODAY).problems
    assert (problem.line, problem.message) == (1, "card 1 could not be read: it has no END:VCARD line")
    text_birthday = read_contacts(corpus / "vcard" / "khard_text-bday.vcf", today=TODAY).cards[0]
    assert text_birthday.birthday is None and "circa 1800" in text_birthday.notes


CSV_FILES = {
    "gmail_2008_sections.csv": ("csv", 2),
    "google_contacts_legacy_gmail.csv": ("google", 1),
    "linkedin_Connections_2024_notes_preamble.csv": ("linkedin", 7),
    "linkedin_Connections_notes_preamble_short.csv": ("linkedin", 10),
    "outlook_contacts_full_export.csv": ("outlook", 1),
    "roundcube_all_fields_bom.csv": ("csv", 1),
    "thunderbird_export.csv": ("csv", 2),
    "thunderbird_shiftjis_addressbook.csv": ("csv", 1),
    "thunderbird_utf16_addressbook.csv": ("csv", 1),
}


@pytest.mark.parametrize("name", corpus_names("csv", "*.csv"))
def test_every_csv_file_is_read(corpus, name):
    result = read_contacts(corpus / "csv" / name, today=TODAY)
    for card in result.cards:
        assert card.name.strip() and "Ã" not in readable_text(card) and "\ufffd" not in readable_text(card)
    if name in CSV_FILES:
        assert (result.format, len(result.cards)) == CSV_FILES[name]


def test_csv_corpus_details(corpus):
    csv_dir = corpus / "csv"
    (nameless,) = read_contacts(csv_dir / "thunderbird_shiftjis_addressbook.csv", today=TODAY).cards
    assert (nameless.name, nameless.family, nameless.given) == ("名無しの権兵衛", "名無し", "権兵衛")
    (john,) = read_contacts(csv_dir / "outlook_contacts_full_export.csv", today=TODAY).cards
    assert (john.name, john.notes, john.birthday) == ("John Smith", "PHP\nPerl\nPython", None)
    (legacy,) = read_contacts(csv_dir / "google_contacts_legacy_gmail.csv", today=TODAY).cards
    assert legacy.tags == ["Test"] and legacy.notes == 'note"note'
    preamble = read_contacts(csv_dir / "linkedin_Connections_2024_notes_preamble.csv", today=TODAY)
    assert preamble.cards[0].line == 6 and preamble.cards[-1].connected_on is None


@pytest.mark.parametrize("name", corpus_names("ics", "*.ics"))
def test_calendar_files_are_not_contacts(corpus, name):
    with pytest.raises(UnreadableFile):
        read_contacts(corpus / "ics" / name, today=TODAY)
