"""Today, the home screen: what is overdue and due, who to keep in touch with, birthdays, small
acts and the people worth meeting in person, each with the one-click action it calls for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from hitouch.domain.relationships.agenda import Agenda, BirthdayRecord
from hitouch.domain.relationships.cadences import CadenceRecord
from hitouch.domain.relationships.followups import FollowUpRecord
from hitouch.domain.relationships.nudge_reasons import Nudge
from hitouch.domain.relationships.small_acts import SmallAct
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import birthday_text, long_date, number, relative_day, tr
from hitouch.ui.common.widgets import RedrawnWhenShown, dim, heading
from hitouch.ui.today.agenda_rows import AgendaRow, SnoozeButton, followup_detail
from hitouch.ui.today.coffee_dialog import CoffeeDialog

WEEK = 7
SHOWN_PER_SECTION = 8  # the rest are counted, not drawn: Today is a list to act on, not an archive


T = TypeVar("T")


class TodayPage(RedrawnWhenShown, QScrollArea):
    changed = Signal(object)  # Changes from an action taken here
    openContact = Signal(int)
    logRequested = Signal(int)
    addToCalendarRequested = Signal(int)  # a follow-up's id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.setAccessibleName(tr("Today"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._ws = workspace
        self.agenda: Agenda | None = None
        self._layout = QVBoxLayout()

    # Refreshing -------------------------------------------------------------------------

    def apply(self, _changes: Changes) -> None:
        """Anything can change the day's list."""
        self.redraw_soon()

    def reload(self) -> None:
        self._stale = False
        self.agenda = self._ws.agenda.agenda(WEEK)
        body = QWidget()
        body.setMaximumWidth(960)  # lines stay readable on a wide screen
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(28, 20, 28, 20)
        self._layout.setSpacing(4)
        self._build(self.agenda)
        old = self.takeWidget()
        self.setWidget(body)
        if old is not None:
            # Deleted later, not now: the button that asked for this reload may still be mid-click.
            old.setParent(self)
            old.hide()
            old.deleteLater()

    # Building ---------------------------------------------------------------------------

    def _build(self, agenda: Agenda) -> None:
        today = agenda.today
        self._layout.addWidget(heading(tr("Today"), 1.8, "todayHeading"))
        self._layout.addWidget(dim(QLabel(long_date(today))))
        self._layout.addSpacing(10)
        if agenda.is_empty():
            self._layout.addWidget(self._calm())
            self._layout.addStretch()
            return
        due_today = [f for f in agenda.due if f.due == today]
        later = [f for f in agenda.due if f.due > today]
        # The most recent first: those are the ones still worth saving.
        self._section("overdueSection", tr("Overdue"), agenda.overdue[::-1], self._followup_row)
        self._section("dueTodaySection", tr("Due today"), due_today, self._followup_row)
        self._section("cadenceSection", tr("Time to get in touch"), agenda.cadence, self._cadence_row)
        self._section("birthdaySection", tr("Birthdays this week"), agenda.birthdays, self._birthday_row)
        self._section("smallActsSection", tr("Small acts"), agenda.small_acts, self._small_act_row)
        self._section("nudgeSection", tr("Worth meeting in person"), agenda.nudges, self._nudge_row)
        self._section("laterSection", tr("Later this week"), later, self._followup_row)
        self._layout.addStretch()

    def _calm(self) -> QWidget:
        box = QWidget()
        box.setObjectName("todayEmpty")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 60, 0, 0)
        title = heading(tr("All clear for today"), 1.4)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = dim(
            QLabel(
                tr(
                    "No follow-ups due, nobody waiting to hear from you. "
                    "A good day to reach out to someone you have not seen in a while."
                )
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(title)
        column.addWidget(text)
        return box

    def _section(self, name: str, title: str, items: Sequence[T], make_row: Callable[[T], AgendaRow]) -> None:
        if not items:
            return
        section = QWidget()
        section.setObjectName(name)
        section.setAccessibleName(title)
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 10, 0, 4)
        column.setSpacing(0)
        column.addWidget(heading(f"{title}  ({number(len(items))})" if len(items) > 1 else title, 1.1))
        for item in items[:SHOWN_PER_SECTION]:
            row = make_row(item)
            row.openRequested.connect(self.openContact)
            column.addWidget(row)
        if len(items) > SHOWN_PER_SECTION:
            more = dim(QLabel(tr("and {n} more").format(n=number(len(items) - SHOWN_PER_SECTION))))
            more.setObjectName("moreLabel")
            column.addWidget(more)
        self._layout.addWidget(section)

    def _followup_row(self, followup: FollowUpRecord) -> AgendaRow:
        today = self._ws.clock.today()
        row = AgendaRow(followup.title, followup.contact, followup_detail(followup, today), "followupRow")
        row.add_button(
            tr("Done"), "doneButton", tr("Mark it done"), lambda: self._act(self._ws.followups.done, followup.id)
        )
        snooze = SnoozeButton(today)
        snooze.snoozeRequested.connect(lambda day: self._act(self._ws.followups.snooze, followup.id, day))
        row.add_widget(snooze)
        row.add_button(
            tr("Log…"), "logButton", tr("Log how it went"), lambda: self.logRequested.emit(followup.contact.id)
        )
        row.add_button(
            tr("Calendar"),
            "addToCalendarButton",
            tr("Add to your calendar app"),
            lambda: self.addToCalendarRequested.emit(followup.id),
        )
        return row

    def _cadence_row(self, cadence: CadenceRecord) -> AgendaRow:
        today = self._ws.clock.today()
        last = relative_day(cadence.last, today) if cadence.last else tr("nothing logged yet")
        detail = tr("every {period}, last in touch {last}").format(period=_period_words(cadence.period), last=last)
        row = AgendaRow(
            tr("Get in touch with {name}").format(name=cadence.contact.name), cadence.contact, detail, "cadenceRow"
        )
        row.add_button(
            tr("Log…"),
            "logButton",
            tr("Log a call, a coffee or a message"),
            lambda: self.logRequested.emit(cadence.contact.id),
        )
        return row

    def _birthday_row(self, birthday: BirthdayRecord) -> AgendaRow:
        today = self._ws.clock.today()
        when = relative_day(birthday.on, today)
        turns = tr(", turns {age}").format(age=birthday.age) if birthday.age else ""
        row = AgendaRow(
            tr("{name}'s birthday").format(name=birthday.contact.name),
            birthday.contact,
            f"{when}{turns} ({birthday_text(birthday.birthday)})",
            "birthdayRow",
        )
        row.add_button(
            tr("Log…"), "logButton", tr("Log your wishes"), lambda: self.logRequested.emit(birthday.contact.id)
        )
        return row

    def _small_act_row(self, act: SmallAct) -> AgendaRow:
        row = AgendaRow(
            act.suggestion, act.contact, relative_day(act.change.noticed_on, self._ws.clock.today()), "smallActRow"
        )
        row.add_button(
            tr("Done"),
            "ackButton",
            tr("Done, or not needed: take it off the list"),
            lambda: self._act(self._ws.small_acts.acknowledge, *act.change_ids),
        )
        row.add_button(
            tr("Log…"), "logButton", tr("Log the note you sent"), lambda: self.logRequested.emit(act.contact.id)
        )
        return row

    def _nudge_row(self, nudge: Nudge) -> AgendaRow:
        row = AgendaRow(
            tr("Meet {name} in person").format(name=nudge.contact.name), nudge.contact, nudge.reason, "nudgeRow"
        )
        row.add_button(
            tr("Schedule coffee…"),
            "coffeeButton",
            tr("Plan a coffee and copy an invitation"),
            lambda: self.schedule_coffee(nudge),
        )
        row.add_button(
            tr("Not now"),
            "dismissButton",
            tr("Leave this out for four weeks"),
            lambda: self._act(self._ws.nudges.dismiss, nudge.contact.id),
        )
        return row

    # Acting -----------------------------------------------------------------------------

    def _act(self, action: Callable[..., Changes], *args: int) -> None:
        changes = guarded(self, lambda: action(*args))
        if changes is not None:
            self.changed.emit(changes)

    def schedule_coffee(self, nudge: Nudge) -> None:
        dialog = CoffeeDialog(self._ws, nudge.contact.id, nudge.reason, self)
        if dialog.exec():
            self.changed.emit(dialog.changes)


def _period_words(period: str) -> str:
    count, unit = int(period[:-1]), period[-1]
    words = {"d": (tr("day"), tr("{n} days")), "w": (tr("week"), tr("{n} weeks")), "m": (tr("month"), tr("{n} months"))}
    one, many = words[unit]
    return one if count == 1 else many.format(n=count)
