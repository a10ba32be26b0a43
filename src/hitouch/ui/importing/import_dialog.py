"""Importing from the window: column mapping where needed, a preview of what will happen,
the import off the GUI thread with progress and Cancel, and a summary that offers Undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QTabWidget, QWidget

from hitouch.services.errors import JournalError, UserError
from hitouch.services.importing.importing import ColumnChoice, EntryKind, ImportPlan, ImportReport, UndoReport
from hitouch.services.importing.matching import Suggestion
from hitouch.services.workspace import Workspace
from hitouch.ui.common.background import Runner
from hitouch.ui.common.formatting import number, plural, tr
from hitouch.ui.importing.column_mapping import ColumnMappingPage
from hitouch.ui.importing.import_models import EntriesModel, ProblemsModel
from hitouch.ui.importing.import_steps import ImportSteps, files_among
from hitouch.ui.importing.import_widgets import Stats, plan_table

CONTACT_FILES = (".vcf", ".vcard", ".csv")


def contact_files(mime: QMimeData) -> list[Path]:
    """The vCard and CSV files among what is being dragged."""
    return files_among(mime, CONTACT_FILES)


class ImportPreviewDialog(ImportSteps):
    plan: ImportPlan
    report: ImportReport

    def __init__(self, workspace: Workspace, paths: list[Path], runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, paths, workspace.importing.undo, parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(tr("Import contacts"))
        self.setAccessibleName(tr("Import contacts"))
        self.resize(780, 540)
        self._ws = workspace
        self._mapping: dict[str, str] = {}
        self.confirmed: set[Suggestion] = set()  # the possible duplicates the person ticked: merge them

    # Steps -------------------------------------------------------------------------------

    def start(self) -> None:
        """Map the columns of CSVs in no known layout, then read and match."""
        try:
            choices = [c for path in self._paths if (c := self._ws.importing.columns_to_map(path)) is not None]
        except (UserError, JournalError) as exc:
            self._show_message(tr("These files cannot be imported"), str(exc))
            return
        self._map_next(choices)

    def _map_next(self, choices: list[ColumnChoice]) -> None:
        if not choices:
            self._plan_import()
            return
        page = ColumnMappingPage(choices[0])

        def mapped(mapping: dict[str, str]) -> None:
            self._mapping.update(mapping)
            self._map_next(choices[1:])

        page.confirmed.connect(mapped)
        page.cancelled.connect(self.reject)
        self._show(page)

    def _plan_import(self) -> None:
        self._working(tr("Reading {files}…").format(files=", ".join(p.name for p in self._paths)), planning=True)
        importing, paths, mapping = self._ws.importing, list(self._paths), dict(self._mapping) or None
        self._run(
            lambda progress, cancelled: importing.plan(paths, mapping=mapping, progress=progress, cancelled=cancelled),
            self._planned,
        )

    def import_now(self) -> None:
        importing, plan, confirmed = self._ws.importing, self.plan, set(self.confirmed)
        self._working(tr("Importing…"), planning=False)
        self._run(
            lambda progress, cancelled: importing.apply(plan, confirmed, progress=progress, cancelled=cancelled),
            self._imported,
        )

    def _undone_text(self, undone: UndoReport) -> str:
        return plural(
            undone.removed,
            tr("Import undone: the contact it created is gone and the people it merged into are as they were."),
            tr("Import undone: the {n} contacts it created are gone and the people it merged into are as they were."),
        ).format(n=number(undone.removed))

    # Off the GUI thread (see ImportSteps) ---------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        if self._planning:
            if done < total:  # a file is being read: how long is not known
                self.progress.setRange(0, 0)
                self.status.setText(
                    tr("Reading {file} ({n} of {total})…").format(file=self._paths[done].name, n=done + 1, total=total)
                )
            else:
                self.progress.setRange(0, 0)
                self.status.setText(tr("Looking for these people in your journal…"))
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(tr("Importing… {done} of {total} people").format(done=number(done), total=number(total)))

    # Pages ----------------------------------------------------------------------------------

    def _build_preview(self, plan: ImportPlan) -> QWidget:
        self.counts = Stats(
            "importCounts",
            (
                ("created", tr("new")),
                ("merged", tr("merged")),
                ("unchanged", tr("unchanged")),
                ("problems", tr("problems")),
                ("skipped", tr("skipped")),
            ),
        )
        self.lists = QTabWidget()
        self.lists.setObjectName("importLists")
        tabs = {
            EntryKind.SUGGESTION: (tr("Possible duplicates ({n})"), tr("Possible duplicates")),
            EntryKind.NEW: (tr("New ({n})"), tr("New contacts")),
            EntryKind.MERGE: (tr("Merged ({n})"), tr("Merged into contacts you have")),
            EntryKind.UNCHANGED: (tr("Unchanged ({n})"), tr("Already in your journal")),
        }
        for kind, (label, accessible) in tabs.items():
            entries = plan.of_kind(kind)
            if not entries:
                continue
            model = EntriesModel(entries, kind, self.confirmed, self)
            hint = ""
            if kind == EntryKind.SUGGESTION:
                model.confirmedChanged.connect(self._show_counts)
                hint = tr(
                    "Tick the people who are the same person as the one in your journal: they are "
                    "merged. The others are imported as new contacts."
                )
            self.lists.addTab(
                plan_table(model, f"{kind.value}List", accessible, hint), label.format(n=number(len(entries)))
            )
        if plan.problems:
            self.lists.addTab(
                plan_table(ProblemsModel(plan.problems, self), "problemList", tr("Problems")),
                tr("Problems ({n})").format(n=number(len(plan.problems))),
            )
        page = self.preview_page("importPreviewPage", plan.files, self.counts, self.lists, "importNotice")
        self._show_counts()
        return page

    def _show_counts(self) -> None:
        plan = self.plan
        counts = plan.counts(self.confirmed)
        self.counts.show_values(
            created=counts.created,
            merged=counts.merged,
            unchanged=counts.unchanged,
            problems=len(plan.problems),
            skipped=counts.skipped,
        )
        nothing = counts.created == 0 and counts.merged == 0
        self.import_button.setEnabled(not nothing)
        if nothing:
            self.notice.setText(tr("Everything in these files is in your journal already."))
            self.notice.show()

    def _build_summary(self, report: ImportReport) -> QWidget:
        c = report.counts
        stats = Stats(
            "importSummaryCounts",
            (
                ("created", tr("new contacts")),
                ("merged", tr("merged")),
                ("unchanged", tr("unchanged")),
                ("problems", tr("problems")),
            ),
        )
        stats.show_values(created=c.created, merged=c.merged, unchanged=c.unchanged, problems=len(report.problems))
        lines = [
            tr(
                "The people in the files are in your journal now; those you had already gained what the "
                "files added, and nothing of theirs was lost."
            )
        ]
        if report.moves:
            lines.append(
                plural(
                    report.moves,
                    tr("1 new company or position was noticed and added to that person's journal."),
                    tr("{n} new companies or positions were noticed and added to those people's journals."),
                ).format(n=report.moves)
            )
        if report.problems:
            lines.append(
                plural(
                    len(report.problems),
                    tr("This line of the files could not be imported:"),
                    tr("These {n} lines of the files could not be imported:"),
                ).format(n=len(report.problems))
            )
        problems = (
            plan_table(ProblemsModel(report.problems, self), "summaryProblemList", tr("Problems"))
            if report.problems
            else None
        )
        return self.summary_page(
            "importSummary",
            stats,
            lines,
            "importSummaryText",
            tr("Remove the new contacts and take back what was added to the others"),
            problems,
        )
