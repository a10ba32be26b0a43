"""How long work reports how far it got and learns that the person cancelled it."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total)
Cancelled = Callable[[], bool]


def no_progress(_done: int, _total: int) -> None:
    return None


def not_cancelled() -> bool:
    return False
