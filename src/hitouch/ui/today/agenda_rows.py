"""One row of things to do: what, who and when, with the actions for it (Today, a contact's page)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.followups import FollowUpRecord
from hitouch.domain.vocabulary import FollowUpStatus
from hitouch.ui.common.formatting import day_of, relative_day, tr
from hitouch.ui.common.widgets import dim


class AgendaRow(QFrame):
    """'Coffee with Adaeze Okonkwo' over 'Adaeze Okonkwo · 3 days ago', buttons on the right."""

    openRequested = Signal(int)  # a contact id: the name was clicked

    def __init__(
        self,
        title: str,
        contact: ContactRef | None,
        detail: str,
        object_name: str,
        parent: QWidget | None = None,
        *,
        compact: bool = False,
    ) -> None:
        """`compact` puts small buttons under the text, for a narrow column."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.contact = contact
        self.title = QLabel(title)
        self.title.setObjectName("rowTitle")
        font = self.title.font()
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        parts = []
        if contact is not None:
            parts.append(f'<a href="contact:{contact.id}">{html.escape(contact.name)}</a>')
        if detail:
            parts.append(html.escape(detail))
        self.detail = dim(QLabel(" · ".join(parts)))
        self.detail.setObjectName("rowDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.detail.linkActivated.connect(lambda link: self.openRequested.emit(int(link.split(":", 1)[1])))
        self.detail.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        self._compact = compact
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(2 if compact else 6)
        if compact:
            text.addLayout(self._buttons)
            self._buttons.addStretch()
            text.setContentsMargins(0, 4, 0, 4)
            self.setLayout(text)
        else:
            row = QHBoxLayout(self)
            row.setContentsMargins(4, 6, 4, 6)
            row.setSpacing(12)
            row.addLayout(text, 1)
            row.addLayout(self._buttons)
        self.setAccessibleName(f"{title}, {contact.name}" if contact else title)

    def add_button(self, text: str, object_name: str, tooltip: str, slot: Callable[[], None]) -> QAbstractButton:
        button: QAbstractButton = QToolButton() if self._compact else QPushButton()
        button.setText(text)
        button.setObjectName(object_name)
        button.setToolTip(tooltip)
        button.setAccessibleName(f"{text.replace('&', '')}: {self.title.text()}")
        button.clicked.connect(slot)
        self.add_widget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        if self._compact:
            if isinstance(widget, QToolButton):
                widget.setAutoRaise(True)
            self._buttons.insertWidget(self._buttons.count() - 1, widget)
        else:
            self._buttons.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)


def followup_detail(followup: FollowUpRecord, today: date) -> str:
    """'3 days ago · 09:30 · 45 min' or 'snoozed until …'."""
    parts = [relative_day(followup.due, today)]
    if followup.due_time:
        parts.append(followup.due_time.strftime("%H:%M"))
    if followup.minutes:
        parts.append(tr("{n} min").format(n=followup.minutes))
    if followup.status_on(today) == FollowUpStatus.SNOOZED:
        parts[0] = tr("snoozed until {day}").format(day=relative_day(followup.due, today))
    if followup.note:
        parts.append(followup.note)
    return " · ".join(parts)


class SnoozeButton(QToolButton):
    """One click snoozes until tomorrow; the arrow offers a few days, next week, or a day of your choosing."""

    snoozeRequested = Signal(object)  # a date

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeButton")
        self.setText(tr("Snooze"))
        self.setToolTip(tr("Snooze until tomorrow; the arrow offers other days"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._today = today
        next_monday = today + timedelta(days=7 - today.weekday())
        menu = QMenu(self)
        for text, day in (
            (tr("Until tomorrow"), today + timedelta(days=1)),
            (tr("For three days"), today + timedelta(days=3)),
            (tr("Until next week"), next_monday),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _checked=False, d=day: self.snoozeRequested.emit(d))
            menu.addAction(action)
        menu.addSeparator()
        pick = QAction(tr("Pick a day…"), menu)
        pick.setObjectName("pickDayAction")
        pick.triggered.connect(self._pick)
        menu.addAction(pick)
        self.setMenu(menu)
        self.clicked.connect(lambda: self.snoozeRequested.emit(today + timedelta(days=1)))

    def _pick(self) -> None:
        day = pick_day(
            self, tr("Snooze until"), self._today + timedelta(days=7), minimum=self._today + timedelta(days=1)
        )
        if day is not None:
            self.snoozeRequested.emit(day)


def pick_day(parent: QWidget, title: str, initial: date, minimum: date | None = None) -> date | None:
    """A calendar in a small dialog; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName("pickDayDialog")
    dialog.setWindowTitle(title)
    calendar = QCalendarWidget()
    calendar.setObjectName("dayCalendar")
    calendar.setSelectedDate(QDate(initial))
    if minimum is not None:
        calendar.setMinimumDate(QDate(minimum))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    calendar.activated.connect(lambda _d: dialog.accept())
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec():
        return day_of(calendar.selectedDate())
    return None
