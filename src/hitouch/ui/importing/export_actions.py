"""File > Export: every contact to a vCard or CSV file, off the GUI thread, with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from hitouch.services.errors import JournalError, UserError
from hitouch.services.importing.exporting import ExportCancelled
from hitouch.services.workspace import Workspace
from hitouch.ui.common.background import Runner, Task
from hitouch.ui.common.formatting import number, plural, tr

# kind -> (file name, file type filter)
KINDS = {
    "vcard 3.0": ("contacts.vcf", "vCard (*.vcf)"),
    "vcard 4.0": ("contacts.vcf", "vCard (*.vcf)"),
    "csv": ("contacts.csv", "CSV (*.csv)"),
}


class Exporter(QObject):
    """Asks where, then writes the file in the background; the window stays usable."""

    def __init__(self, window: QMainWindow, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self._path = Path()
        self._ws = workspace
        self._task: Task | None = None
        self._progress: QProgressDialog | None = None

    def ask_and_export(self, kind: str, runner: Runner) -> None:
        name, file_filter = KINDS[kind]
        path, _ = QFileDialog.getSaveFileName(self._window, tr("Export contacts"), str(Path.home() / name), file_filter)
        if path:
            self.export(kind, Path(path), runner)

    def export(self, kind: str, path: Path, runner: Runner) -> None:
        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
            if kind == "csv":
                return self._ws.exporting.csv(path, progress, cancelled)
            return self._ws.exporting.vcards(path, kind.split()[1], progress, cancelled)

        self._progress = progress = QProgressDialog(
            tr("Exporting to {file}…").format(file=path.name), tr("Cancel"), 0, 0, self._window
        )
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(tr("Export contacts"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        self._path = path
        self._task = task = Task(work)
        progress.canceled.connect(task.cancel)
        # Bound methods of a QObject in the GUI thread: the results arrive there, queued.
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        runner.start(task)

    def _progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _done(self, count: int) -> None:
        self._finish()
        message = plural(count, tr("Exported 1 contact to {file}."), tr("Exported {n} contacts to {file}.")).format(
            n=number(count), file=self._path.name
        )
        self._window.statusBar().showMessage(message, 8000)

    def _failed(self, exc: Exception) -> None:
        self._finish()
        if isinstance(exc, ExportCancelled):
            self._window.statusBar().showMessage(tr("Export cancelled; no file was written."), 6000)
        elif isinstance(exc, (UserError, JournalError)):
            QMessageBox.warning(self._window, tr("Export contacts"), str(exc))
        else:
            raise exc

    def _finish(self) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
