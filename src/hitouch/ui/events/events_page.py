"""Events: the list, and for the chosen one the people met there and how it paid off."""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.relationships.event_payoff import EventPayoff, EventPerson, EventSummary
from hitouch.domain.relationships.referrals import amount_text
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import day_of, medium_date, short_date, tr
from hitouch.ui.common.paged_model import Column, PagedTableModel, RecordsTableModel
from hitouch.ui.common.roles import Role
from hitouch.ui.common.tables import record_table
from hitouch.ui.common.widgets import RedrawnWhenShown, dim, heading
from hitouch.ui.events.event_mode import EventModePanel


def event_columns() -> list[Column[EventSummary]]:
    return [
        Column(tr("Date"), lambda e: short_date(e.on) if e.on else ""),
        Column(tr("Event"), lambda e: e.name),
        Column(tr("People"), lambda e: str(e.people), align_right=True),
    ]


def people_columns() -> list[Column[EventPerson]]:
    yes = tr("yes")
    return [
        Column(tr("Name"), lambda p: p.contact.name),
        Column(tr("Company"), lambda p: p.company),
        Column(tr("Met there"), lambda p: tr("in person") if p.in_person else tr("online")),
        Column(tr("Followed up"), lambda p: yes if p.followed_up else ""),
        Column(tr("Met again"), lambda p: yes if p.met_again else ""),
    ]


class NewEventDialog(FormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("New event"))
        self.setObjectName("newEventDialog")
        self._ws = workspace
        self.event_id: int | None = None
        self.changes = Changes()
        self.name = QLineEdit()
        self.name.setObjectName("eventNameEdit")
        self.name.setPlaceholderText(tr("Web Summit 2026"))
        self.on = QDateEdit(QDate(workspace.clock.today()))
        self.on.setObjectName("eventDateEdit")
        self.on.setCalendarPopup(True)
        self.place = QLineEdit()
        self.place.setObjectName("eventPlaceEdit")
        self.place.setPlaceholderText(tr("Lisbon"))
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&Date"), self.on)
        form.addRow(tr("&Place"), self.place)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)

    def save(self) -> None:
        self.event_id, self.changes = self._ws.events.add(
            self.name.text(), day_of(self.on.date()), place=self.place.text().strip()
        )


class EventDetail(QWidget):
    """The chosen event: its figures and its people."""

    eventModeRequested = Signal(int)
    openContact = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDetail")
        self._event_id: int | None = None
        self.title = heading("", 1.6, "eventTitle")
        self.where = dim(QLabel())
        event_mode = QPushButton(tr("Event mode…"))
        event_mode.setObjectName("eventModeButton")
        event_mode.setToolTip(tr("Type in the people you met there, one after another"))
        event_mode.clicked.connect(self._event_mode)
        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.where)
        header.addLayout(names, 1)
        header.addWidget(event_mode, 0, Qt.AlignmentFlag.AlignTop)

        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for column, (key, caption) in enumerate(
            (
                ("people", tr("people met")),
                ("followed_up", tr("got a follow-up")),
                ("met_again", tr("met again face to face")),
                ("referrals", tr("referrals since")),
            )
        ):
            number = heading("0", 1.8)
            number.setObjectName(f"{key}Figure")
            self.figures[key] = number
            grid.addWidget(number, 0, column)
            grid.addWidget(dim(QLabel(caption)), 1, column)
        grid.setColumnStretch(4, 1)
        self.referral_note = dim(QLabel())

        self.people_model = RecordsTableModel(people_columns(), self)
        self.people = record_table(self.people_model, "eventPeople", tr("People met at the event"))
        self.people.doubleClicked.connect(self._open)
        self.empty = dim(QLabel(tr("Nobody recorded yet. Event mode makes typing them in quick.")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(header)
        layout.addSpacing(10)
        layout.addLayout(grid)
        layout.addWidget(self.referral_note)
        layout.addSpacing(10)
        layout.addWidget(heading(tr("People")))
        layout.addWidget(self.people, 1)
        layout.addWidget(self.empty)

    def show_payoff(self, payoff: EventPayoff) -> None:
        event = payoff.event
        self._event_id = event.id
        self.title.setText(event.name)
        self.where.setText(" · ".join(p for p in (medium_date(event.on) if event.on else "", event.place) if p))
        people = len(payoff.people)
        self.figures["people"].setText(str(people))
        self.figures["followed_up"].setText(f"{payoff.followed_up}")
        self.figures["met_again"].setText(f"{payoff.met_again}")
        self.figures["referrals"].setText(str(payoff.referrals))
        won = tr("{won} won, worth {value}").format(
            won=payoff.referrals_won, value=amount_text(payoff.referral_value_cents)
        )
        self.referral_note.setText(won if payoff.referrals_won else "")
        self.people_model.set_records(payoff.people)
        self.people.setVisible(people > 0)
        self.empty.setVisible(people == 0)

    def _event_mode(self) -> None:
        if self._event_id is not None:
            self.eventModeRequested.emit(self._event_id)

    def _open(self, index: QModelIndex) -> None:
        person = index.data(Role.Record)
        if person is not None:
            self.openContact.emit(person.contact.id)


class EventsPage(RedrawnWhenShown, QSplitter):
    changed = Signal(object)
    openContact = Signal(int)

    DETAIL, MODE = 1, 2

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("eventsPage")
        self.setAccessibleName(tr("Events"))
        self.setChildrenCollapsible(False)
        self._ws = workspace

        self.model: PagedTableModel[EventSummary] = PagedTableModel(
            event_columns(), workspace.event_people.summaries, lambda e: e.id, self
        )
        self.list = record_table(self.model, "eventList", tr("Events"), stretch=1)
        self.list.selectionModel().currentRowChanged.connect(self._current_changed)
        new = QPushButton(tr("New event…"))
        new.setObjectName("newEventButton")
        new.clicked.connect(self.new_event)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(10, 10, 0, 6)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Events"), 1.3), 1)
        top.addWidget(new)
        column.addLayout(top)
        column.addWidget(self.list, 1)
        left.setMinimumWidth(300)

        self.detail = EventDetail()
        self.detail.eventModeRequested.connect(self.start_event_mode)
        self.detail.openContact.connect(self.openContact)
        self.event_mode = EventModePanel(workspace)
        self.event_mode.changed.connect(self.changed)
        self.event_mode.finished.connect(self._back_to_detail)
        placeholder = dim(QLabel(tr("Choose an event to see who you met there and what came of it.")))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        self.right = QStackedWidget()
        for widget in (placeholder, self.detail, self.event_mode):
            self.right.addWidget(widget)
        self.addWidget(left)
        self.addWidget(self.right)
        self.setStretchFactor(1, 1)
        self.setSizes([380, 700])

    def apply(self, changes: Changes) -> None:
        if changes.events or changes.contact_set or changes.followups or changes.referrals or changes.interactions:
            self.redraw_soon()

    def may_redraw_now(self) -> bool:
        return self.right.currentIndex() != self.MODE  # not under the fingers typing in event mode

    def reload(self) -> None:
        self._stale = False
        current = self.current_event_id()
        self.model.set_ids(self._ws.event_people.ids())
        ids = self.model.ids()
        self.select_event(current if current in ids else (ids[0] if ids else None))

    def current_event_id(self) -> int | None:
        index = self.list.currentIndex()
        return self.model.ids()[index.row()] if index.isValid() else None

    def select_event(self, event_id: int | None) -> None:
        if event_id is None:
            self.right.setCurrentIndex(0)
            return
        row = self.model.ids().index(event_id)
        self.list.setCurrentIndex(self.model.index(row, 1))
        self._show(event_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.right.currentIndex() != self.MODE:
            self._show(self.model.ids()[current.row()])

    def _show(self, event_id: int) -> None:
        self.detail.show_payoff(self._ws.event_people.payoff(event_id))
        self.right.setCurrentIndex(self.DETAIL)

    def start_event_mode(self, event_id: int) -> None:
        self.right.setCurrentIndex(self.MODE)
        self.event_mode.start(event_id)

    def _back_to_detail(self) -> None:
        self.right.setCurrentIndex(self.DETAIL)
        self.reload()

    def new_event(self) -> None:
        dialog = NewEventDialog(self._ws, self)
        if dialog.exec():
            self.changed.emit(dialog.changes)
            self.reload()
            self.select_event(dialog.event_id)
            if dialog.event_id is not None:
                self.start_event_mode(dialog.event_id)
