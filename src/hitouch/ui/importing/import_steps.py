"""What every import dialog does the same way: its pages, one after another (working, preview,
summary, or a message), and its long steps run off the GUI thread with progress and Cancel.

A dialog built on this says what its pages hold and what its work is; `_run` starts the work
and calls back on the GUI thread. Cancel while reading closes at once (nothing is written
then); Cancel while importing waits for the import to roll back, then shows the preview again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.errors import JournalError, UserError
from hitouch.services.importing.writing import ImportCancelled
from hitouch.ui.common.background import Runner, Task, Work
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import dim, heading


def files_among(mime: QMimeData, suffixes: tuple[str, ...]) -> list[Path]:
    """The local files being dragged whose names end in one of `suffixes`."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in suffixes]


class ImportSteps(QDialog):
    """A dialog built on this gives its paths, how to undo a batch, and its pages: `_build_preview`
    (which sets `notice` and `import_button`, see `preview_page`), `_build_summary`, `_undone_text`."""

    changed = Signal(object)  # Changes, after the import and after an undo
    imported = Signal(object)  # the report, so the window's Edit > Undo can take it back

    def __init__(
        self, runner: Runner, paths: list[Path], undo_batch: Callable[[int], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._paths = [Path(p) for p in paths]
        self._undo_batch = undo_batch
        self._task: Task | None = None
        self._close_when_done = False
        self.plan: Any = None
        self.report: Any = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_working())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # The steps every import takes ---------------------------------------------------------------

    def _planned(self, plan: Any) -> None:
        self.plan = plan
        self._show(self._build_preview(plan))

    def _imported(self, report: Any) -> None:
        self.report = report
        self.changed.emit(report.changes)
        self.imported.emit(report)
        self._show(self._build_summary(report))

    def undo(self) -> None:
        self.undo_button.setEnabled(False)
        undo_batch, batch_id = self._undo_batch, self.report.batch_id
        self._run(lambda _progress, _cancelled: undo_batch(batch_id), self._undone)

    def _undone(self, undone: Any) -> None:
        self.changed.emit(undone.changes)
        self.summary_text.setText(self._undone_text(undone))

    def _show_preview_again(self) -> None:
        """After Cancel while importing: the preview, saying that nothing was imported."""
        self._show(self._build_preview(self.plan))
        self.notice.setText(tr("Cancelled: nothing was imported."))
        self.notice.show()

    def _build_preview(self, plan: Any) -> QWidget:
        raise NotImplementedError

    def _build_summary(self, report: Any) -> QWidget:
        raise NotImplementedError

    def _undone_text(self, undone: Any) -> str:
        raise NotImplementedError

    # Running off the GUI thread ---------------------------------------------------------------

    def _run(self, work: Work, on_success: Callable[[Any], None]) -> None:
        self._task = task = Task(work)
        self._on_success = on_success
        # Bound methods, not lambdas: Qt drops the connections when the dialog is gone.
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        self._runner.start(task)

    def _progressed(self, done: int, total: int) -> None:
        raise NotImplementedError

    def _finished(self, result: Any) -> None:
        self._task = None
        if self._close_when_done:
            super().reject()
            return
        self._on_success(result)

    def _failed(self, exc: Exception) -> None:
        self._task = None
        if self._close_when_done:
            super().reject()
        elif isinstance(exc, ImportCancelled):
            self._show_preview_again()
        elif isinstance(exc, (UserError, JournalError)):
            self._show_message(tr("Nothing was imported"), str(exc))
        else:
            raise exc

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            if self._planning:  # nothing is written while planning: no need to wait for it
                self._close_when_done = True
                super().reject()

    def reject(self) -> None:
        if self._task is not None and not self._planning:
            self._close_when_done = True  # closes once the import has rolled back
            self._task.cancel()
            return
        if self._task is not None:
            self._task.cancel()
        super().reject()

    # Pages ----------------------------------------------------------------------------------

    def _show(self, page: QWidget) -> None:
        old = self.pages.currentWidget()
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        if old is not None and old is not self._working_page:
            self.pages.removeWidget(old)
            old.setParent(None)  # out of findChild's reach at once, deleted when control returns
            old.deleteLater()

    def _build_working(self) -> QWidget:
        self._working_page = page = QWidget()
        self._planning = True
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(tr("Import progress"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        self.working_hint = hint = dim(QLabel())
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(hint)
        layout.addStretch()
        layout.addLayout(buttons)
        return page

    def _working(self, text: str, planning: bool) -> None:
        self._planning = planning
        self.status.setText(text)
        self.working_hint.setText(
            tr("Nothing is written to your journal before you press Import.")
            if planning
            else tr("Cancel takes the whole import back: your journal stays as it was.")
        )
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self._show(self._working_page)

    def _show_message(self, title: str, message: str) -> None:
        page = QWidget()
        page.setObjectName("importMessage")
        text = QLabel(message)
        text.setObjectName("importMessageText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(tr("Close"))
        close.setObjectName("closeImportButton")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(heading(title, 1.3))
        layout.addWidget(text)
        layout.addStretch()
        layout.addLayout(buttons)
        self._show(page)

    def preview_page(
        self, page_name: str, files: list[str], counts: QWidget, lists: QWidget, notice_name: str
    ) -> QWidget:
        """The preview: which files, what will happen, the lists, and Cancel / Import. Sets
        `notice` (a line beside the buttons, hidden until something is said) and `import_button`."""
        page = QWidget()
        page.setObjectName(page_name)
        self.notice = dim(QLabel())
        self.notice.setObjectName(notice_name)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_now)
        cancel = QPushButton(tr("Cancel"))
        cancel.setObjectName("cancelPreviewButton")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        buttons.addStretch(0)  # keeps the buttons on the right while the notice is hidden
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        names = dim(QLabel(", ".join(Path(f).name for f in files)))
        names.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(tr("What this import will do"), 1.3))
        layout.addWidget(names)
        layout.addWidget(counts)
        layout.addWidget(lists, 1)
        layout.addLayout(buttons)
        return page

    def import_now(self) -> None:
        raise NotImplementedError

    def summary_page(
        self,
        page_name: str,
        stats: QWidget,
        lines: list[str],
        text_name: str,
        undo_tip: str,
        problems: QWidget | None,
    ) -> QWidget:
        """The last step: what was done, the problems if any, Undo and Close."""
        page = QWidget()
        page.setObjectName(page_name)
        self.summary_text = QLabel(" ".join(lines))
        self.summary_text.setObjectName(text_name)
        self.summary_text.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo This Import"))
        self.undo_button.setObjectName("undoImportButton")
        self.undo_button.setToolTip(undo_tip)
        self.undo_button.clicked.connect(self.undo)
        close = QPushButton(tr("Close"))
        close.setObjectName("closeImportButton")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(heading(tr("Import done"), 1.3))
        layout.addSpacing(8)
        layout.addWidget(stats)
        layout.addSpacing(8)
        layout.addWidget(self.summary_text)
        if problems is not None:
            layout.addWidget(problems, 1)
        else:
            layout.addStretch()
        layout.addLayout(buttons)
        return page
