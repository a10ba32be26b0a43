"""A change of thousands of contacts redraws the list with one signal, not one per contact.

Each emit costs time and, on some PySide6 releases, memory (see tests/reliability/test_qt_release.py).
"""

from __future__ import annotations

from hitouch.domain.cards import ContactCard
from hitouch.services.changes import Changes
from hitouch.ui.common.roles import Role

PEOPLE = 5_000


def import_people(ws, path, company: str = ""):
    rows = [f"Person {n:05d},person{n}@example.com,{company}" for n in range(PEOPLE)]
    path.write_text("Name,Email,Company\r\n" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    return ws.importing.apply(ws.importing.plan([path]))


def emissions(model) -> list[tuple]:
    seen: list[tuple] = []
    model.dataChanged.connect(lambda first, last, *_: seen.append(("dataChanged", first.row(), last.row())))
    model.modelReset.connect(lambda: seen.append(("modelReset",)))
    model.layoutChanged.connect(lambda *_: seen.append(("layoutChanged",)))
    return seen


def test_a_change_of_five_thousand_contacts_is_one_emission(window, services, tmp_path):
    window.apply(import_people(services, tmp_path / "first.csv").changes)
    model = window.contacts.model
    assert model.rowCount() == PEOPLE
    assert model.index(0).data(Role.Record).company == ""  # a page is cached, as when the list is on screen

    report = import_people(services, tmp_path / "second.csv", company="Fjord Ventures")
    assert len(report.changes.contacts) == PEOPLE and not report.changes.contact_set
    seen = emissions(model)
    window.apply(report.changes)
    assert seen == [("dataChanged", 0, PEOPLE - 1)]
    assert model.index(0).data(Role.Record).company == "Fjord Ventures"  # redrawn from fresh data


def test_only_the_rows_changed_are_named_and_a_contact_not_listed_emits_nothing(window, services):
    ids = [services.contacts.add(ContactCard(name=name))[0] for name in ("Ada", "Bea", "Cy", "Dee")]
    window.apply(Changes(contacts=set(ids), contact_set=True))
    model = window.contacts.model
    rows = {model.index(row).data(Role.ContactId): row for row in range(model.rowCount())}
    seen = emissions(model)
    window.apply(Changes(contacts={ids[1], ids[2]}))
    window.apply(Changes(contacts={10**9}))  # not in the list: nothing to redraw
    first, last = sorted((rows[ids[1]], rows[ids[2]]))
    assert seen == [("dataChanged", first, last)]
