"""Where the interop tests find files: our own small fixtures, and the shared corpus of real ones.

A module of its own (not conftest) so that tests can import it by a name no other folder uses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "interop"
CALENDARS = REPO / "tests" / "data" / "calendars"
# Real files written by other programs live beside the repository, never inside it.
CORPUS = REPO / ".." / "shared" / "corpus"

# The tests' today (tests/conftest.py's NOW): two-digit years in files are read against it.
TODAY = date(2026, 11, 22)
