"""The environment is read in one place (environment.py) by the composition roots."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from hitouch.environment import Environment, system_zone


def test_every_variable_is_read_once_into_one_record(tmp_path):
    environment = Environment.read(
        {
            "HITOUCH_DB": str(tmp_path / "j.sqlite3"),
            "HITOUCH_PASSPHRASE": "s3cret",
            "HITOUCH_NOW": "2026-11-22T10:30",
            "HITOUCH_BUSY_TIMEOUT": "0.5",
            "HITOUCH_CALDAV_PASSWORD": "pw",
        }
    )
    assert environment.journal_path() == tmp_path / "j.sqlite3"
    assert environment.journal_path(Path("other.sqlite3")) == Path("other.sqlite3")  # --db wins
    assert environment.passphrase == "s3cret" and environment.caldav_password == "pw"
    assert environment.fixed_now() == datetime(2026, 11, 22, 10, 30)
    assert environment.busy_timeout == 0.5


def test_unset_or_unreadable_values_mean_the_defaults():
    environment = Environment.read({"HITOUCH_BUSY_TIMEOUT": "soon", "HITOUCH_PASSPHRASE": ""})
    assert environment.busy_timeout is None and environment.passphrase is None and environment.fixed_now() is None
    with pytest.raises(ValueError, match=r"\$HITOUCH_NOW is not a date and time"):
        Environment.read({"HITOUCH_NOW": "tuesday"}).fixed_now()


def test_the_system_zone_is_read_afresh_by_its_name(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert system_zone().key == "America/New_York"
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert system_zone().key == "Asia/Tokyo"  # not a value kept from the first call
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert system_zone() is None
