"""Edit > Undo: takes back the last delete, merge or import of this session."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from hitouch.services.changes import Changes

LIMIT = 20


@dataclass(frozen=True)
class UndoStep:
    description: str  # "Delete Zoë Müller"
    undo: Callable[[], Changes]


class UndoHistory(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[UndoStep] = []

    def push(self, description: str, undo: Callable[[], Changes]) -> None:
        self._steps = [*self._steps[-(LIMIT - 1) :], UndoStep(description, undo)]
        self.changed.emit()

    def next_description(self) -> str | None:
        return self._steps[-1].description if self._steps else None

    def undo(self) -> Changes | None:
        """Take back the newest step; it leaves the history whether or not it worked."""
        if not self._steps:
            return None
        step = self._steps.pop()
        self.changed.emit()
        return step.undo()
