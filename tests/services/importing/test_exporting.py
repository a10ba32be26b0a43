"""Exporting: what goes out comes back, into an empty journal, the same."""

from __future__ import annotations

import pytest

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.errors import UserError
from hitouch.services.importing.exporting import ExportCancelled
from hitouch.services.workspace import open_workspace

PEOPLE = [
    ContactCard(
        name="Zoë Müller",
        emails=[Labelled("zoe@fjord.vc", "work"), Labelled("zoe@home.example", "home")],
        phones=[Labelled("+44 7700 900123", "mobile")],
        company="Fjord Ventures",
        title="Partner",
        tags=["Investor", "Web Summit"],
        notes="Met at the Web Summit; likes sailing,\nand risograph.",
        birthday=Birthday(3, 15),
        urls=[Labelled("https://www.linkedin.com/in/zoe-muller")],
    ),
    ContactCard(
        name="Marcus O'Brien",
        emails=[Labelled("marcus@northwind.example")],
        tags=["sales"],
        phones=[Labelled("+1 415 555 0100"), Labelled("+44 20 7946 0958", "work")],
        notes="=SUM(A1) is not a formula",
    ),
    ContactCard(name="山田 太郎", phones=[Labelled("+81 3-1234-5678")], notes="名刺交換"),
    ContactCard(name="Ольга Петрова", emails=[Labelled("olga@example.ru")], birthday=Birthday(7, 4, 1990)),
]


def details(ws):
    found = {}
    for s in ws.contacts.summaries(ws.contacts.ids()):
        found[s.name] = (
            sorted(s.emails),
            sorted(s.phones),
            ws.contacts.detail(s.id).notes,
            sorted(s.tags),
            s.birthday,
            s.company,
        )
    return found


@pytest.mark.parametrize("kind", ["vcard 3.0", "vcard 4.0", "csv"])
def test_an_export_imported_into_an_empty_journal_gives_back_the_same_people(workspace, tmp_path, clock, kind):
    for card in PEOPLE:
        workspace.contacts.add(card)
    out = tmp_path / ("out.csv" if kind == "csv" else "out.vcf")
    written = workspace.exporting.csv(out) if kind == "csv" else workspace.exporting.vcards(out, kind.split()[1])
    assert written == len(PEOPLE)

    fresh = open_workspace(tmp_path / "fresh.sqlite3", clock=clock, region="GB")
    try:
        report = fresh.importing.apply(fresh.importing.plan([out]))
        assert report.problems == [] and report.counts.created == len(PEOPLE)
        assert details(fresh) == details(workspace)
    finally:
        fresh.close()


def test_the_csv_export_opens_in_spreadsheets_and_runs_no_formula(workspace, tmp_path):
    for card in PEOPLE:
        workspace.contacts.add(card)
    out = tmp_path / "out.csv"
    workspace.exporting.csv(out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfName,")  # UTF-8 with a BOM
    text = data.decode("utf-8-sig")
    assert "'=SUM(A1)" in text and "'+44" in text
    assert "山田 太郎" in text


def test_a_cancelled_export_leaves_no_file(workspace, tmp_path):
    workspace.contacts.add(PEOPLE[0])
    out = tmp_path / "out.vcf"
    with pytest.raises(ExportCancelled):
        workspace.exporting.vcards(out, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == [tmp_path / "journal"]


def test_an_export_into_a_missing_folder_is_a_clear_error(workspace, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        workspace.exporting.csv(tmp_path / "nowhere" / "out.csv")
