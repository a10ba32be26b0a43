"""Privacy: no network connection but to the CalDAV server the user set up; no notes in logs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
SECRET = "negotiating the Lisbon office lease"


def test_a_day_of_work_makes_no_network_connection(workspace, connections, tmp_path):
    plan = workspace.importing.plan([DATA / "photo_url.vcf"])
    report = workspace.importing.apply(plan, set())
    assert report.counts.created == 2
    pia = workspace.contacts.resolve("pia@photo.example")
    assert workspace.contacts.photo(pia) is None  # a photo given as an address is never fetched
    workspace.interactions.log([pia], "coffee", on=date(2026, 11, 20), note="Talked about " + SECRET)
    workspace.search.everything("lisbon")
    workspace.exporting.vcards(tmp_path / "out.vcf", "4.0")
    workspace.calendar.export()
    workspace.backups.back_up()
    assert connections == []
