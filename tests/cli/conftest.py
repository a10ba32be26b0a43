from __future__ import annotations

from dataclasses import dataclass

import pytest

from hitouch.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        import json

        return json.loads(self.out)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch, clock):
    """The command line's today is the tests' today (tests/conftest.py), whatever day they run."""
    monkeypatch.setenv("HITOUCH_NOW", clock.now().isoformat(timespec="minutes"))


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """The command line reads the window's settings file: each test gets its own, empty one."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "HiTouch" / "HiTouch.ini"


@pytest.fixture
def hitouch(journal_path, capsys):
    """Run the command line in-process on the test journal: hitouch("contact", "list")."""

    def run(*args: str) -> Result:
        try:
            code = main(["--db", str(journal_path), *args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
