"""Importing meetings from calendar files in the window: a preview of each meeting and what
becomes of it, the import off the GUI thread with progress and Cancel, and a summary that
offers Undo."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QHeaderView,
    QTableView,
    QTabWidget,
    QWidget,
)

from hitouch.services.calendar.importing import CalendarPlan, CalendarReport, CalendarUndoReport, Outcome
from hitouch.services.workspace import Workspace
from hitouch.ui.calendar.calendar_import_models import MEETING, PEOPLE, WHEN, MeetingsModel
from hitouch.ui.common.background import Runner
from hitouch.ui.common.formatting import number, plural, tr
from hitouch.ui.importing.import_models import ProblemsModel
from hitouch.ui.importing.import_steps import ImportSteps, files_among
from hitouch.ui.importing.import_widgets import Stats, plan_table

CALENDAR_FILES = (".ics", ".ical", ".icalendar")


def calendar_files(mime: QMimeData) -> list[Path]:
    """The calendar files among what is being dragged."""
    return files_among(mime, CALENDAR_FILES)


class CalendarImportDialog(ImportSteps):
    plan: CalendarPlan
    report: CalendarReport

    def __init__(self, workspace: Workspace, paths: list[Path], runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(runner, paths, workspace.calendar_import.undo, parent)
        self.setObjectName("calendarImportPreview")
        self.setWindowTitle(tr("Import meetings"))
        self.setAccessibleName(tr("Import meetings from a calendar"))
        self.resize(900, 560)
        self._ws = workspace

    # Steps -------------------------------------------------------------------------------

    def start(self) -> None:
        """Read the calendars and find their people in the journal."""
        self._working(tr("Reading {files}…").format(files=", ".join(p.name for p in self._paths)), planning=True)
        calendar_import, paths = self._ws.calendar_import, list(self._paths)
        self._run(
            lambda progress, cancelled: calendar_import.plan(paths, progress=progress, cancelled=cancelled),
            self._planned,
        )

    def import_now(self) -> None:
        calendar_import, plan = self._ws.calendar_import, self.plan
        self._working(tr("Importing…"), planning=False)
        self._run(
            lambda progress, cancelled: calendar_import.apply(plan, progress=progress, cancelled=cancelled),
            self._imported,
        )

    def _undone_text(self, undone: CalendarUndoReport) -> str:
        return tr("Import undone: the journal entries and follow-ups it made are gone.")

    # Off the GUI thread (see ImportSteps) ---------------------------------------------------

    def _progressed(self, done: int, total: int) -> None:
        if self._planning:
            self.progress.setRange(0, 0)  # how long a file takes is not known
            self.status.setText(
                tr("Reading {file} ({n} of {total})…").format(file=self._paths[done].name, n=done + 1, total=total)
                if done < total
                else tr("Looking for the people of these meetings in your journal…")
            )
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(tr("Importing… {done} of {total} meetings").format(done=number(done), total=number(total)))

    # Pages ----------------------------------------------------------------------------------

    def _build_preview(self, plan: CalendarPlan) -> QWidget:
        counts = plan.counts()
        self.counts = _stats("calendarImportCounts")
        self.counts.show_values(
            interactions=counts.interactions,
            followups=counts.followups,
            unchanged=counts.unchanged,
            skipped=counts.skipped,
            problems=len(plan.problems),
        )
        self.lists = QTabWidget()
        self.lists.setObjectName("calendarImportLists")
        in_time = sorted(plan.meetings, key=lambda m: (m.day or date.min, m.at or time.min))
        to_import = [m for m in in_time if m.outcome in (Outcome.INTERACTION, Outcome.FOLLOW_UP)]
        left_out = [m for m in in_time if m.outcome in (Outcome.UNCHANGED, Outcome.SKIPPED)]
        for meetings, name, label, accessible, hint in (
            (
                to_import,
                "meetingsToImportList",
                tr("To import ({n})"),
                tr("Meetings to import"),
                tr(
                    "Meetings that have begun go into your journal with the people who were there; "
                    "those ahead become follow-ups at their time."
                ),
            ),
            (left_out, "meetingsLeftOutList", tr("Left out ({n})"), tr("Meetings left out"), ""),
        ):
            if meetings:
                self.lists.addTab(
                    _meetings_table(MeetingsModel(meetings, self), name, accessible, hint),
                    label.format(n=number(len(meetings))),
                )
        if plan.problems:
            self.lists.addTab(
                plan_table(ProblemsModel(plan.problems, self), "calendarProblemList", tr("Problems")),
                tr("Problems ({n})").format(n=number(len(plan.problems))),
            )
        page = self.preview_page("calendarPreviewPage", plan.files, self.counts, self.lists, "calendarImportNotice")
        self.import_button.setEnabled(bool(to_import))
        if not to_import:
            self.notice.setText(
                tr("Nothing in these calendars to import: no new meeting with someone in your journal.")
            )
            self.notice.show()
        return page

    def _build_summary(self, report: CalendarReport) -> QWidget:
        c = report.counts
        stats = _stats("calendarSummaryCounts")
        stats.show_values(
            interactions=c.interactions,
            followups=c.followups,
            unchanged=c.unchanged,
            skipped=c.skipped,
            problems=len(report.problems),
        )
        lines = [
            tr(
                "The meetings that happened are in your journal now, and those ahead are follow-ups. "
                "They came from your calendar, so HiTouch does not put them on a calendar again."
            )
        ]
        if report.problems:
            lines.append(
                plural(
                    len(report.problems),
                    tr("This event of the calendars could not be imported:"),
                    tr("These {n} events of the calendars could not be imported:"),
                ).format(n=len(report.problems))
            )
        problems = (
            plan_table(ProblemsModel(report.problems, self), "calendarSummaryProblemList", tr("Problems"))
            if report.problems
            else None
        )
        return self.summary_page(
            "calendarImportSummary",
            stats,
            lines,
            "calendarSummaryText",
            tr("Remove the journal entries and follow-ups this import made"),
            problems,
        )


def _stats(name: str) -> Stats:
    return Stats(
        name,
        (
            ("interactions", tr("journal entries")),
            ("followups", tr("follow-ups")),
            ("unchanged", tr("imported before")),
            ("skipped", tr("left out")),
            ("problems", tr("problems")),
        ),
    )


def _meetings_table(model: MeetingsModel, name: str, accessible_name: str, hint: str) -> QWidget:
    box = plan_table(model, name, accessible_name, hint)
    view = box if isinstance(box, QTableView) else box.findChild(QTableView, name)
    assert view is not None  # plan_table puts the table in the box
    header = view.horizontalHeader()
    for column, width in ((WHEN, 150), (MEETING, 240), (PEOPLE, 190)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    return box
