"""Paths for the interop tests: our own small fixtures, and the shared corpus of real files."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "interop"
# Real files written by other programs live beside the repository, never inside it.
CORPUS = REPO / ".." / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not here ({CORPUS.resolve()})")
    return CORPUS
