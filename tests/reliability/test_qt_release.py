"""The Qt binding HiTouch runs on: a release that corrupts memory on every signal is never used.

PySide6 6.12.0 on CPython 3.11 drops a reference to `True` on each `Signal.emit()`; after some
tens of thousands of emits the interpreter frees `True` and aborts ("bool_dealloc"). A large
import emits that many, so the window died after it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[2]
BROKEN = ("6.12.0",)

EMITS = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Sender(QObject):
        changed = Signal()
        counted = Signal(int)

    app = QCoreApplication([])
    sender = Sender()
    received = []
    sender.changed.connect(lambda: None)
    sender.counted.connect(received.append)
    for n in range(100_000):
        sender.changed.emit()
        sender.counted.emit(n)
    assert len(received) == 100_000, len(received)
    print("emitted", 2 * len(received))
    """
)


@pytest.mark.slow
def test_a_hundred_thousand_signals_are_emitted_and_the_process_exits_cleanly():
    result = subprocess.run(
        [sys.executable, "-c", EMITS], capture_output=True, text=True, timeout=300, env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "emitted 200000"


def check_release(*version: str) -> subprocess.CompletedProcess[str]:
    script = REPO / "packaging" / "check_qt_release.py"
    return subprocess.run([sys.executable, str(script), *version], capture_output=True, text=True, timeout=60)


def test_the_broken_release_is_excluded_for_both_halves_of_pyside6_alike():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    halves = [Requirement(text) for text in project["dependencies"] if text.startswith("PySide6-")]
    assert sorted(r.name for r in halves) == ["PySide6-Addons", "PySide6-Essentials"]
    assert halves[0].specifier == halves[1].specifier  # the two halves of PySide6 are one release
    for version in BROKEN:
        assert not halves[0].specifier.contains(version)


def test_the_frozen_build_refuses_a_broken_release_and_takes_the_installed_one():
    refused = check_release(*BROKEN)
    assert refused.returncode == 1 and "PySide6-Essentials 6.12.0 is excluded" in refused.stderr
    assert check_release("6.11.3").returncode == 0
    assert check_release().returncode == 0, check_release().stderr  # the release this suite runs on
    assert "check_qt_release.py" in (REPO / "packaging" / "build.sh").read_text(encoding="utf-8")


def test_the_installed_pyside6_is_not_a_broken_release():
    import PySide6

    assert PySide6.__version__ not in BROKEN
