"""Importing: the preview writes nothing, matching merges without losing anything, the same file
twice creates nothing, a batch is all or nothing and can be undone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.relationships.small_acts import suggestion_for
from hitouch.services.errors import NotFound, UserError
from hitouch.services.importing import writing as import_writing
from hitouch.services.importing.importing import EntryKind, ImportCancelled
from hitouch.store.models import Contact, ContactEmail, ContactTag, ImportBatch, LifeChange

ZOE_VCF = """BEGIN:VCARD
VERSION:3.0
N:Müller;Zoë;;;
FN:Zoë Müller
ORG:Fjord Ventures
EMAIL;TYPE=INTERNET,WORK:zoe@fjord.vc
TEL;TYPE=CELL:+44 7700 900123
URL:https://www.linkedin.com/in/zoe-muller/
CATEGORIES:Investor,Web Summit
NOTE:Met at the Web Summit.
BDAY:1990-03-15
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:O'Brien;Marcus;;;
FN:Marcus O'Brien
ORG:Northwind
TITLE:Head of Sales
EMAIL:marcus@northwind.example
END:VCARD
"""

LINKEDIN_HEADER = (
    'Notes:\n"When exporting your connection data, you may notice that some of the fields are empty."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_text(text, encoding=encoding, newline="")
    return path


def import_file(ws, *paths, **options):
    return ws.importing.apply(ws.importing.plan(list(paths)), **options)


def people(ws):
    return {s.name: s for s in ws.contacts.summaries(ws.contacts.ids())}


def count(ws, model) -> int:
    with ws.journal.read() as session:
        return session.scalar(select(func.count()).select_from(model))


# The preview --------------------------------------------------------------------------------


def test_the_preview_says_what_would_happen_and_writes_nothing(workspace, tmp_path):
    existing, _ = workspace.contacts.add(
        ContactCard(name="Marcus O'Brien", emails=[Labelled("Marcus@Northwind.example")])
    )
    plan = workspace.importing.plan([write(tmp_path, "people.vcf", ZOE_VCF)])
    zoe, marcus = plan.entries
    assert (zoe.kind, zoe.name) == (EntryKind.NEW, "Zoë Müller")
    assert marcus.kind == EntryKind.MERGE and marcus.contact.id == existing
    assert marcus.adds.filled() == ["company", "title"] and marcus.adds.emails == []
    assert (zoe.origins[0].line, marcus.origins[0].line) == (1, 13)
    counts = plan.counts()
    assert (counts.created, counts.merged, counts.unchanged) == (1, 1, 0)
    assert list(people(workspace)) == ["Marcus O'Brien"]
    assert count(workspace, ImportBatch) == 0


@pytest.mark.parametrize(
    "make_bad, says",
    [
        (lambda folder: folder / "missing.vcf", "there is no such file"),
        (lambda folder: folder, "it is a folder"),
        (lambda folder: write(folder, "empty.vcf", ""), "it is empty"),
        (lambda folder: (folder / "photo.vcf").write_bytes(bytes(range(256)) * 40) and folder / "photo.vcf", "binary"),
    ],
)
def test_a_file_that_cannot_be_read_names_it_and_nothing_of_any_file_is_imported(workspace, tmp_path, make_bad, says):
    good = write(tmp_path, "good.vcf", ZOE_VCF)
    bad = make_bad(tmp_path)
    with pytest.raises(UserError) as error:
        workspace.importing.plan([good, bad])
    assert str(bad) in str(error.value) and says in str(error.value)
    assert "\n" not in str(error.value)
    assert workspace.contacts.ids() == []


def test_a_bad_card_never_stops_the_file_and_each_problem_names_file_and_line(workspace, tmp_path):
    text = ZOE_VCF + "BEGIN:VCARD\nVERSION:3.0\nFN:No End\n" + ZOE_VCF.replace("Zoë", "Zoe").split("BEGIN:VCARD", 2)[2]
    path = write(tmp_path, "mixed.vcf", "stray line\n" + text)
    report = import_file(workspace, path)
    assert [(p.file, p.line) for p in report.problems][:1] == [(str(path), 1)]
    assert any("END:VCARD" in p.message for p in report.problems)
    assert {"Zoë Müller", "Marcus O'Brien"} <= set(people(workspace))


# Creating --------------------------------------------------------------------------------------


def test_an_import_keeps_every_detail_in_one_batch_and_search_finds_it(workspace, tmp_path):
    report = import_file(workspace, write(tmp_path, "people.vcf", ZOE_VCF))
    assert (report.counts.created, report.counts.merged, report.batch_id) == (2, 0, 1)
    zoe = people(workspace)["Zoë Müller"]
    assert zoe.emails == ["zoe@fjord.vc"] and zoe.phones == ["+447700900123"]
    assert zoe.tags == ["Investor", "Web Summit"] and zoe.birthday.iso() == "1990-03-15"
    assert zoe.source == "import" and (zoe.given, zoe.family) == ("Zoë", "Müller")
    detail = workspace.contacts.detail(zoe.id)
    assert detail.notes == "Met at the Web Summit."
    assert [u.label for u in detail.url_labels] == ["linkedin"]
    with workspace.journal.read() as session:
        assert set(session.scalars(select(Contact.import_batch_id))) == {1}
        assert set(session.scalars(select(ContactEmail.import_batch_id))) == {1}
        assert set(session.scalars(select(ContactTag.import_batch_id))) == {1}
    assert workspace.search.contact_ids("fjord") == [zoe.id]
    assert workspace.search.contact_ids("investor") == [zoe.id]
    assert workspace.search.contact_ids("+447700900123") == [zoe.id]


def test_linkedin_rows_are_linkedin_contacts_with_their_connection_date(workspace, tmp_path):
    path = write(
        tmp_path,
        "Connections.csv",
        LINKEDIN_HEADER + "Zoë,Müller,https://www.linkedin.com/in/zoe-muller,,Fjord Ventures,Partner,08 Feb 2023\n"
        ",,,,,,12 Jan 2022\n",
    )
    report = import_file(workspace, path)
    assert (report.counts.created, report.counts.skipped) == (1, 1)
    zoe = people(workspace)["Zoë Müller"]
    assert zoe.source == "linkedin" and zoe.urls == ["https://www.linkedin.com/in/zoe-muller"]
    assert workspace.contacts.detail(zoe.id).connected_on == date(2023, 2, 8)


def test_a_card_that_names_its_source_keeps_it(workspace, tmp_path):
    workspace.contacts.add(
        ContactCard(name="Ada Lovelace", source="referral", emails=[Labelled("ada@engines.example")])
    )
    out = tmp_path / "export.csv"
    workspace.exporting.csv(out)
    workspace.contacts.delete(workspace.contacts.ids())
    import_file(workspace, out)
    assert people(workspace)["Ada Lovelace"].source == "referral"


# Matching ---------------------------------------------------------------------------------------


def test_importing_the_same_file_twice_creates_nothing_the_second_time(workspace, tmp_path):
    files = [
        write(tmp_path, "people.vcf", ZOE_VCF),
        write(tmp_path, "Connections.csv", LINKEDIN_HEADER + "Ravi,Patel,,,Acme,,01 Dec 2021\n"),
    ]
    import_file(workspace, *files)
    before = people(workspace)
    again = workspace.importing.plan(files)
    assert {e.kind for e in again.entries} == {EntryKind.UNCHANGED}
    report = workspace.importing.apply(again)
    assert (report.counts.created, report.counts.merged, report.counts.unchanged) == (0, 0, 3)
    assert people(workspace).keys() == before.keys()


@pytest.mark.parametrize(
    "card_line, existing",
    [
        ("EMAIL:ZOE@FJORD.VC", ContactCard(name="Zoe M", emails=[Labelled("zoe@fjord.vc")])),
        ("TEL:07700 900123", ContactCard(name="Zoe M", phones=[Labelled("+44 7700 900123")])),
        (
            "URL:http://linkedin.com/in/Zoe-Muller",
            ContactCard(name="Zoe M", urls=[Labelled("https://www.linkedin.com/in/zoe-muller/")]),
        ),
        ("UID:urn:uuid:4fbe8971", ContactCard(name="Zoe M", uid="urn:uuid:4fbe8971")),
    ],
)
def test_exact_matches_on_email_phone_linkedin_profile_and_uid(workspace, tmp_path, card_line, existing):
    contact_id, _ = workspace.contacts.add(existing)
    path = write(tmp_path, "one.vcf", f"BEGIN:VCARD\nVERSION:3.0\nFN:Zoë Müller\n{card_line}\nNOTE:Sails.\nEND:VCARD\n")
    [entry] = workspace.importing.plan([path]).entries
    assert entry.kind == EntryKind.MERGE and entry.contact.id == contact_id
    import_file(workspace, path)
    assert workspace.contacts.ids() == [contact_id]
    assert workspace.contacts.detail(contact_id).notes == "Sails."


def test_a_web_address_that_is_not_a_linkedin_profile_is_no_reason_to_merge(workspace, tmp_path):
    workspace.contacts.add(ContactCard(name="Someone Else", urls=[Labelled("https://fjord.vc")]))
    path = write(tmp_path, "one.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Zoë Müller\nURL:https://fjord.vc\nEND:VCARD\n")
    assert workspace.importing.plan([path]).entries[0].kind == EntryKind.NEW


def test_the_same_person_twice_in_the_files_becomes_one_contact_with_everything(workspace, tmp_path):
    first = write(tmp_path, "phone.vcf", ZOE_VCF)
    second = write(
        tmp_path,
        "google.csv",
        "First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value,Labels,Notes\n"
        "Zoë,Müller,ZOE@fjord.vc,zoe@home.example,+44 20 7946 0958,Sailing ::: Investor,Prefers mornings.\n",
    )
    plan = workspace.importing.plan([first, second])
    zoe = plan.entries[0]
    assert [o.line for o in zoe.origins] == [1, 2] and len(plan.entries) == 2
    counts = import_file(workspace, first, second).counts
    assert (counts.created, counts.merged) == (2, 1)
    s = people(workspace)["Zoë Müller"]
    assert s.emails == ["zoe@fjord.vc", "zoe@home.example"]
    assert s.phones == ["+447700900123", "+442079460958"]
    assert s.tags == ["Investor", "Sailing", "Web Summit"]
    assert workspace.contacts.detail(s.id).notes == "Met at the Web Summit.\n\nPrefers mornings."


def test_a_linkedin_row_and_a_phone_card_of_one_colleague_become_one_contact(workspace, tmp_path):
    """No email on LinkedIn, no profile on the phone: the same full name at the same company is enough."""
    phone = write(
        tmp_path,
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nORG:Blue Heron Studio\r\nTEL:+44 20 7946 0958\r\nEND:VCARD\r\n",
    )
    linkedin = write(
        tmp_path,
        "Connections.csv",
        LINKEDIN_HEADER + "Zoe,Muller,https://www.linkedin.com/in/zoe-m,,Blue Heron Studio,Founder,08 Feb 2023\n"
        "Ravi,Patel,https://www.linkedin.com/in/ravi,,Elsewhere Ltd,CTO,09 Feb 2023\n",
    )
    counts = import_file(workspace, phone, linkedin).counts
    assert counts.created == 2
    zoe = people(workspace)["Zoë Müller"]
    assert zoe.phones == ["+442079460958"] and zoe.urls == ["https://www.linkedin.com/in/zoe-m"]
    again = write(
        tmp_path,
        "later.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nORG:Blue Heron Studio\r\n"
        "EMAIL:zoe@blueheron.example\r\nEND:VCARD\r\n",
    )
    assert import_file(workspace, again).counts.merged == 1
    assert people(workspace)["Zoë Müller"].emails == ["zoe@blueheron.example"]


def test_two_people_of_one_name_at_one_company_with_their_own_emails_stay_two(workspace, tmp_path):
    first = write(
        tmp_path,
        "a.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li Wei\r\nORG:Jade Bridge\r\n"
        "EMAIL:li.wei@jadebridge.cn\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li Wei\r\nORG:Jade Bridge\r\n"
        "EMAIL:wei.li@jadebridge.cn\r\nEND:VCARD\r\n",
    )
    assert import_file(workspace, first).counts.created == 2
    later = write(
        tmp_path,
        "b.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Li Wei\r\nORG:Jade Bridge\r\nEMAIL:third.li@jadebridge.cn\r\nEND:VCARD\r\n",
    )
    counts = import_file(workspace, later).counts
    assert (counts.created, counts.merged) == (1, 0)


def test_a_merge_adds_what_is_new_fills_what_is_empty_and_throws_nothing_away(workspace, tmp_path):
    cid, _ = workspace.contacts.add(
        ContactCard(
            name="Zoë Müller",
            emails=[Labelled("zoe@fjord.vc", "work")],
            company="Fjord Ventures GmbH",
            tags=["investor"],
            notes="Two kids.",
        )
    )
    path = write(tmp_path, "zoe.vcf", ZOE_VCF.replace("ORG:Fjord Ventures", "ORG:Blue Heron"))
    report = import_file(workspace, path)
    assert report.counts.merged == 1 and report.moves == 0
    detail = workspace.contacts.detail(cid)
    s = detail.summary
    assert s.company == "Fjord Ventures GmbH"  # only a LinkedIn export moves someone to a new company
    assert s.emails == ["zoe@fjord.vc"] and [e.label for e in detail.email_labels] == ["work"]
    assert s.phones == ["+447700900123"] and s.tags == ["investor", "Web Summit"]
    assert s.birthday.iso() == "1990-03-15"
    assert detail.notes == "Two kids.\n\nMet at the Web Summit."


# Fuzzy suggestions ----------------------------------------------------------------------------


def test_a_near_name_at_the_same_company_is_a_suggestion_the_person_confirms(workspace, tmp_path):
    john, _ = workspace.contacts.add(ContactCard(name="John Smith", company="Acme Robotics"))
    workspace.contacts.add(ContactCard(name="Johanna Smithers", company="Globex"))
    path = write(
        tmp_path,
        "jon.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Jon Smith\nORG:Acme Robotics\nEMAIL:jon@acme.example\nEND:VCARD\n",
    )
    plan = workspace.importing.plan([path])
    [entry] = plan.entries
    assert entry.kind == EntryKind.SUGGESTION
    assert entry.suggestion.contact.id == john and entry.suggestion.score >= 85
    assert plan.counts().created == 1 and plan.counts([entry.suggestion]).merged == 1
    report = workspace.importing.apply(plan, confirmed={entry.suggestion})
    assert report.counts.merged == 1 and len(workspace.contacts.ids()) == 2
    assert people(workspace)["John Smith"].emails == ["jon@acme.example"]


def test_an_unconfirmed_suggestion_is_imported_as_a_new_contact(workspace, tmp_path):
    workspace.contacts.add(ContactCard(name="John Smith", company="Acme Robotics"))
    path = write(tmp_path, "jon.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:Jon Smith\nORG:Acme\nEND:VCARD\n")
    plan = workspace.importing.plan([path])
    report = workspace.importing.apply(plan)
    assert report.counts.created == 1 and report.suggestions == plan.suggestions
    assert sorted(people(workspace)) == ["John Smith", "Jon Smith"]


def test_different_people_are_not_suggested(workspace, tmp_path):
    workspace.contacts.add(ContactCard(name="John Smith", company="Acme Robotics"))
    path = write(
        tmp_path,
        "x.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Smithson\nORG:Globex\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:John Smith\nORG:Umbrella Pharma\nEND:VCARD\n",
    )
    assert [e.kind for e in workspace.importing.plan([path]).entries] == [EntryKind.NEW, EntryKind.NEW]


# Newer LinkedIn exports -----------------------------------------------------------------------


def test_a_newer_linkedin_export_notices_a_new_company_and_position(workspace, tmp_path, clock):
    old = write(
        tmp_path,
        "Connections-2025.csv",
        LINKEDIN_HEADER
        + "Marcus,O'Brien,https://www.linkedin.com/in/marcus-obrien,,Northwind,Head of Sales,08 Feb 2023\n"
        "Zoë,Müller,https://www.linkedin.com/in/zoe-muller,,Fjord Ventures,Partner,08 Feb 2023\n",
    )
    new = write(
        tmp_path,
        "Connections-2026.csv",
        LINKEDIN_HEADER
        + "Marcus,O'Brien,https://www.linkedin.com/in/marcus-obrien,,Fjord Ventures,VP Sales,08 Feb 2023\n"
        "Zoë,Müller,https://www.linkedin.com/in/zoe-muller,,Fjord Ventures GmbH,Partner,08 Feb 2023\n",
    )
    import_file(workspace, old)
    report = import_file(workspace, new)
    assert report.moves == 2 and report.counts.merged == 1 and report.counts.unchanged == 1
    marcus = people(workspace)["Marcus O'Brien"]
    assert (marcus.company, marcus.title) == ("Fjord Ventures", "VP Sales")
    updates = workspace.contacts.detail(marcus.id).life_changes
    assert {(u.kind, u.old_value, u.new_value) for u in updates} == {
        ("company", "Northwind", "Fjord Ventures"),
        ("title", "Head of Sales", "VP Sales"),
    }
    assert {u.noticed_on for u in updates} == {clock.today()}
    company = next(u for u in updates if u.kind == "company")
    assert suggestion_for(company).startswith("Marcus O'Brien moved to Fjord Ventures")
    assert people(workspace)["Zoë Müller"].company == "Fjord Ventures"  # 'GmbH' is no move


# Undo ----------------------------------------------------------------------------------------


def test_undo_removes_what_the_batch_added_and_restores_what_it_changed(workspace, tmp_path):
    cid, _ = workspace.contacts.add(
        ContactCard(
            name="Marcus O'Brien",
            urls=[Labelled("https://www.linkedin.com/in/marcus-obrien")],
            company="Northwind",
            notes="Likes rugby.",
            tags=["sales"],
        )
    )
    path = write(
        tmp_path,
        "Connections.csv",
        LINKEDIN_HEADER
        + "Marcus,O'Brien,https://www.linkedin.com/in/marcus-obrien,marcus@fjord.vc,Fjord Ventures,VP,08 Feb 2023\n"
        "Zoë,Müller,https://www.linkedin.com/in/zoe-muller,,Fjord Ventures,Partner,08 Feb 2023\n",
    )
    before = workspace.contacts.detail(cid)
    report = import_file(workspace, path)
    assert workspace.contacts.detail(cid).life_changes

    undone = workspace.importing.undo(report.batch_id)
    assert (undone.removed, undone.restored) == (1, 1)
    assert undone.changes.contact_set and cid in undone.changes.contacts
    after = workspace.contacts.detail(cid)
    assert after.summary.company == "Northwind" and after.summary.title == ""
    assert after.summary.emails == [] and after.connected_on is None
    assert after.notes == before.notes and after.summary.tags == ["sales"]
    assert after.life_changes == [] and count(workspace, LifeChange) == 0
    assert list(people(workspace)) == ["Marcus O'Brien"]
    assert workspace.search.contact_ids("fjord") == []

    with pytest.raises(UserError, match="already undone"):
        workspace.importing.undo(report.batch_id)
    with pytest.raises(NotFound):
        workspace.importing.undo(99)


# All or nothing -------------------------------------------------------------------------------


def test_cancel_rolls_the_whole_import_back(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(import_writing, "STEP", 1)  # a progress report and a cancel check per person
    plan = workspace.importing.plan([write(tmp_path, "people.vcf", ZOE_VCF)])
    reports = []
    with pytest.raises(ImportCancelled):
        workspace.importing.apply(
            plan, progress=lambda done, total: reports.append(done), cancelled=lambda: bool(reports)
        )
    assert reports == [1]  # the first person was written, then the cancel came
    assert workspace.contacts.ids() == [] and count(workspace, ImportBatch) == 0
    assert workspace.search.contact_ids("zoe") == []


def test_an_error_half_way_leaves_the_journal_as_it_was(workspace, tmp_path, monkeypatch):
    workspace.contacts.add(ContactCard(name="Marcus O'Brien", emails=[Labelled("marcus@northwind.example")]))
    plan = workspace.importing.plan([write(tmp_path, "people.vcf", ZOE_VCF)])

    def broken(*_args, **_kwargs):
        raise OSError("disk went away")

    monkeypatch.setattr(import_writing, "_write_additions", broken)  # after the new contacts went in
    with pytest.raises(OSError):
        workspace.importing.apply(plan)
    assert list(people(workspace)) == ["Marcus O'Brien"] and count(workspace, ImportBatch) == 0


def test_apply_matches_again_against_the_journal_as_it_is_now(workspace, tmp_path):
    plan = workspace.importing.plan([write(tmp_path, "people.vcf", ZOE_VCF)])
    assert plan.entries[0].kind == EntryKind.NEW
    workspace.contacts.add(ContactCard(name="Zoë", emails=[Labelled("zoe@fjord.vc")]))  # added meanwhile
    report = workspace.importing.apply(plan)
    assert (report.counts.created, report.counts.merged) == (1, 1)
    assert len(people(workspace)) == 2


# Real files --------------------------------------------------------------------------------------


def test_every_corpus_file_imports_without_an_unhandled_error(workspace, corpus):
    files = sorted((corpus / "vcard").glob("*")) + sorted((corpus / "csv").glob("*"))
    assert files
    imported = 0
    for path in files:
        try:
            plan = workspace.importing.plan([path])
        except UserError as exc:  # a file that is not contacts at all is a clear error naming it
            assert str(path) in str(exc)
            continue
        report = workspace.importing.apply(plan)
        imported += report.counts.created + report.counts.merged
        again = workspace.importing.plan([path]).counts()
        assert again.created == 0, path  # the same file twice creates nothing
    assert imported > len(files)
