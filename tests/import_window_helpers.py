"""What the tests of the two import dialogs (contacts, calendars) read off them, in one place.

A module of its own (not conftest) so that both folders import it by a name no other uses.
"""

from __future__ import annotations

import threading
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableView, QWidget

from hitouch.ui.common.background import Task, ThreadedRunner


def open_dialog(window: QWidget, name: str) -> QDialog:
    dialog = window.findChild(QDialog, name)
    assert dialog is not None and dialog.isVisible()
    return dialog


def stat_counts(dialog: QWidget, name: str) -> dict[str, int]:
    stats = dialog.findChild(QWidget, name)
    return {key: stats.value(key) for key in stats.numbers}


def rows(dialog: QWidget, list_name: str) -> list[list[str]]:
    model = dialog.findChild(QTableView, list_name).model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


class ThreadWatchingRunner(ThreadedRunner):
    """Qt's thread pool, as the user's window has it, noting for each task the threads it reported
    its progress from (a direct connection runs in the thread that emits)."""

    def __init__(self) -> None:
        self.tasks: list[set[threading.Thread]] = []

    def start(self, task: Task) -> None:
        threads: set[threading.Thread] = set()
        self.tasks.append(threads)
        task.progressed.connect(partial(self._note, threads), Qt.ConnectionType.DirectConnection)
        super().start(task)

    @staticmethod
    def _note(threads: set[threading.Thread], _done: int, _total: int) -> None:
        threads.add(threading.current_thread())
