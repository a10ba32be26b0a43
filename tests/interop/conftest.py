from __future__ import annotations

from pathlib import Path

import pytest

from interop_paths import CORPUS


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus of real files is not beside the repository ({CORPUS.resolve()})")
    return CORPUS
