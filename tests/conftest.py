"""Shared fixtures: a real journal file in a temporary folder, a fixed clock, offscreen Qt."""

from __future__ import annotations

import os
import socket
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from calendar_fixtures import MemoryKeyring, broken_server, radicale  # noqa: F401  (fixtures for any folder)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("HITOUCH_DB", None)
# Preferences and logs of the person running the tests stay out of them, and untouched.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="hitouch-config-")
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="hitouch-state-")

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
DATA = Path(__file__).resolve().parent / "data"

# A Sunday in late November: far from DST changes unless a test picks one.
NOW = datetime(2026, 11, 22, 10, 30)
ZONE = "Europe/London"  # the tests' user lives in London (GMT in November)


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory, monkeypatch):
    """No test reads or writes the real settings, caches or keyring of whoever runs it."""
    import keyring

    home = tmp_path_factory.mktemp("home")
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.delenv("HITOUCH_CALDAV_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.sqlite3"


@pytest.fixture
def clock():
    """The tests' clock: a fixed moment in a fixed zone, passed in wherever time is asked."""
    from zoneinfo import ZoneInfo

    from hitouch.services.clock import Clock

    return Clock(fixed=NOW, zone=ZoneInfo(ZONE))


@pytest.fixture
def workspace(journal_path: Path, clock):
    from hitouch.services.workspace import open_workspace

    ws = open_workspace(journal_path, clock=clock, region="GB")
    yield ws
    ws.close()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not here ({CORPUS}); it lives beside the repository")
    return CORPUS


@pytest.fixture
def connections(monkeypatch):
    """Every attempt to open a network connection, refused and recorded."""
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network use is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or [])
    return attempts
