"""Importing photos of badges and business cards from the window: the photos read off the GUI
thread (progress and Cancel), then the usual preview (new, merged, possible duplicates) with
the event where everyone was met, the profiles to name and the photos to type in later, the
import as one batch, and a summary that offers Undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hitouch.services.importing.importing import EntryKind, Suggestion, UndoReport
from hitouch.services.importing.photo_import import PhotoNames, PhotoPlan, PhotoReport, PhotosUnreadable
from hitouch.services.importing.photos import PhotoReader
from hitouch.services.workspace import Workspace
from hitouch.ui.common.background import Runner
from hitouch.ui.common.formatting import number, plural, tr
from hitouch.ui.common.widgets import dim
from hitouch.ui.importing.import_models import EntriesModel, ProblemsModel
from hitouch.ui.importing.import_steps import ImportSteps
from hitouch.ui.importing.import_widgets import Stats, plan_table
from hitouch.ui.importing.photo_widgets import EventChooser, NamesModel, names_table, photo_grid, waiting_model

PHOTO_FILES = (".jpg", ".jpeg", ".jfif", ".png", ".heic", ".heif")


def dropped_photos(mime: QMimeData) -> list[Path]:
    """The photos and folders being dragged."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in PHOTO_FILES or path.is_dir()]


def _with_hint(hint: str, widget: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 6, 0, 0)
    note = dim(QLabel(hint))
    note.setWordWrap(True)
    column.addWidget(note)
    column.addWidget(widget, 1)
    return box


class PhotoImportDialog(ImportSteps):
    plan: PhotoPlan
    report: PhotoReport
    planned = Signal()  # the preview is showing

    def __init__(
        self,
        workspace: Workspace,
        paths: list[Path],
        reader: PhotoReader,
        runner: Runner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, paths, workspace.importing.undo, parent)
        self.setObjectName("photoImport")
        self.setWindowTitle(tr("Import photos of badges and cards"))
        self.setAccessibleName(tr("Import photos of badges and cards"))
        self.resize(860, 600)
        self._ws = workspace
        self._reader = reader
        self.confirmed: set[Suggestion] = set()

    # Steps -------------------------------------------------------------------------------

    def start(self) -> None:
        self._working(tr("Looking for QR codes in the photos…"), planning=True)
        photo_import, paths, reader = self._ws.photo_import, list(self._paths), self._reader
        self._run(lambda progress, cancelled: photo_import.plan(paths, reader, progress, cancelled), self._planned)

    def _planned(self, plan: PhotoPlan) -> None:
        super()._planned(plan)
        self.planned.emit()

    def import_now(self) -> None:
        chosen = PhotoNames(self.event_choice.chosen(), set(self.confirmed), self.names.names())
        photo_import, plan = self._ws.photo_import, self.plan
        self._working(tr("Importing…"), planning=False)
        self._run(lambda progress, cancelled: photo_import.apply(plan, chosen, progress, cancelled), self._imported)

    def _undone_text(self, undone: UndoReport) -> str:
        return tr("Import undone: the people it added, their meetings, follow-ups and photos are gone again.")

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PhotosUnreadable) and not self._close_when_done:
            self._task = None
            self._show_message(tr("Nothing was imported"), "\n".join([str(exc), *(str(p) for p in exc.problems)]))
            return
        super()._failed(exc)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self._planning:
            self.status.setText(
                tr("Reading photo {n} of {total}…").format(n=number(min(done + 1, total)), total=number(total))
            )
        else:
            self.status.setText(
                tr("Importing… {done} of {total} people").format(done=number(done), total=number(total))
            )

    # Pages ----------------------------------------------------------------------------------

    def _build_preview(self, plan: PhotoPlan) -> QWidget:
        self.counts = Stats(
            "photoCounts",
            (
                ("created", tr("new")),
                ("merged", tr("merged")),
                ("unchanged", tr("unchanged")),
                ("waiting", tr("to type in")),
                ("problems", tr("problems")),
            ),
        )
        # Not `self.event`: that would hide QWidget.event(), which Qt calls on every repaint.
        self.event_choice = EventChooser(
            self._ws.photo_import.events(), self._ws.settings.event_followup_days, self._ws.clock.today()
        )
        self.names = NamesModel(plan, self)
        self.names.namesChanged.connect(self._show_counts)
        self.lists = QTabWidget()
        self.lists.setObjectName("importLists")
        tabs = {
            EntryKind.SUGGESTION: (tr("Possible duplicates ({n})"), tr("Possible duplicates")),
            EntryKind.NEW: (tr("New ({n})"), tr("New contacts")),
            EntryKind.MERGE: (tr("Merged ({n})"), tr("Merged into contacts you have")),
            EntryKind.UNCHANGED: (tr("Unchanged ({n})"), tr("Already in your journal")),
        }
        for kind, (label, accessible) in tabs.items():
            entries = plan.contacts.of_kind(kind)
            if entries:
                model = EntriesModel(entries, kind, self.confirmed, self)
                hint = ""
                if kind == EntryKind.SUGGESTION:
                    model.confirmedChanged.connect(self._show_counts)
                    hint = tr("Tick the people who are the same person as the one in your journal: they are merged.")
                table = plan_table(model, f"{kind.value}List", accessible, hint)
                self.lists.addTab(table, label.format(n=number(len(entries))))
        if plan.unnamed:
            hint = tr(
                "These LinkedIn addresses do not say whose they are. Type the names you know; "
                "the others wait in event mode."
            )
            self.lists.addTab(
                _with_hint(hint, names_table(self.names)),
                tr("Names to give ({n})").format(n=number(len(plan.unnamed))),
            )
        if plan.waiting:
            grid = photo_grid("waitingPhotos", tr("Photos to type in"))
            grid.setModel(waiting_model(plan, grid))
            hint = tr(
                "No code HiTouch can read names these people: they wait in event mode, with their "
                "photos, for you to type them in."
            )
            self.lists.addTab(_with_hint(hint, grid), tr("To type in later ({n})").format(n=number(len(plan.waiting))))
        if plan.problems:
            self.lists.addTab(
                plan_table(ProblemsModel(plan.problems, self), "problemList", tr("Problems")),
                tr("Problems ({n})").format(n=number(len(plan.problems))),
            )
        above = QWidget()
        column = QVBoxLayout(above)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.event_choice)
        column.addWidget(self.counts)
        shown = [p.path for p in plan.photos[:12]] + (["…"] if len(plan.photos) > 12 else [])
        page = self.preview_page("photoPreviewPage", shown, above, self.lists, "importNotice")
        self._show_counts()
        return page

    def _show_counts(self) -> None:
        plan = self.plan
        counts = plan.contacts.counts(self.confirmed)
        named = len(self.names.names())
        self.counts.show_values(
            created=counts.created + named,
            merged=counts.merged,
            unchanged=counts.unchanged,
            waiting=len(plan.waiting) + len(plan.unnamed) - named,
            problems=len(plan.problems),
        )

    def _build_summary(self, report: PhotoReport) -> QWidget:
        c = report.contacts.counts
        stats = Stats(
            "importSummaryCounts",
            (
                ("created", tr("new contacts")),
                ("merged", tr("merged")),
                ("met", tr("met")),
                ("waiting", tr("to type in")),
            ),
        )
        stats.show_values(created=c.created, merged=c.merged, met=report.met, waiting=report.waiting)
        where = report.event.name if report.event else tr("in person today")
        lines = [
            plural(
                report.met,
                tr("1 person was met at {where}, with a follow-up in a few days; their photo is kept with them."),
                tr(
                    "{n} people were met at {where}, each with a follow-up in a few days and their photo "
                    "kept with them."
                ),
            ).format(n=number(report.met), where=where)
        ]
        if report.waiting:
            lines.append(
                plural(
                    report.waiting,
                    tr("1 photo waits in event mode for you to type its person in."),
                    tr("{n} photos wait in event mode for you to type their people in."),
                ).format(n=number(report.waiting))
            )
        problems = report.contacts.problems
        table = plan_table(ProblemsModel(problems, self), "summaryProblemList", tr("Problems")) if problems else None
        return self.summary_page(
            "importSummary",
            stats,
            lines,
            "importSummaryText",
            tr("Remove the people, meetings and photos this import added"),
            table,
        )
