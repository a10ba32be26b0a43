"""The table models behind events and referrals, checked as Qt expects models to behave."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from hitouch.ui.common.paged_model import PAGE, Column, PagedTableModel, RecordsTableModel
from hitouch.ui.common.roles import Role


@dataclass
class Row:
    id: int
    name: str


def test_a_paged_model_fetches_only_the_pages_shown(qtmodeltester):
    fetched: list[list[int]] = []

    def fetch(ids):
        fetched.append(list(ids))
        return [Row(i, f"row {i}") for i in ids if i != 7]  # 7 went missing between the two queries

    model = PagedTableModel(
        [Column("Name", lambda r: r.name), Column("Id", lambda r: str(r.id), True)], fetch, lambda r: r.id
    )
    model.set_ids(list(range(1, 1001)))
    assert model.index(250, 0).data() == "row 251"
    assert fetched == [list(range(201, 301))]
    assert model.index(6, 0).data() is None and model.index(0, 0).data(Role.Record) == Row(1, "row 1")
    assert len(fetched) == 2 and len(fetched[1]) == PAGE
    qtmodeltester.check(model)


def test_a_records_model_shows_the_records_given(qtmodeltester):
    model = RecordsTableModel([Column("Name", lambda r: r.name)])
    model.set_records([Row(1, "Ada"), Row(2, "Grace")])
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Ada", "Grace"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    qtmodeltester.check(model)
