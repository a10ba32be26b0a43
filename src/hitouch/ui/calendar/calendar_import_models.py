"""The calendar import preview's list: each meeting, when it is, who from the journal is in
it, and what importing does with it (an entry in the journal, a follow-up, or why not)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from hitouch.services.calendar.importing import Meeting, Outcome
from hitouch.ui.common.formatting import short_date, short_time, tr
from hitouch.ui.common.icons import icon
from hitouch.ui.common.roles import Role

Index = QModelIndex | QPersistentModelIndex
WHEN, MEETING, PEOPLE, WHAT = range(4)


def when_text(meeting: Meeting) -> str:
    if meeting.day is None:
        return tr("no date")
    day = short_date(meeting.day)
    return f"{day}  {short_time(meeting.at)}" if meeting.at else tr("{day}, all day").format(day=day)


def what_text(meeting: Meeting) -> str:
    """'Journal entry: Coffee', 'Follow-up: Call', 'Imported before', or why it is left out."""
    if meeting.outcome == Outcome.INTERACTION and meeting.channel is not None:
        return tr("Journal entry: {channel}").format(channel=meeting.channel.label)
    if meeting.outcome == Outcome.FOLLOW_UP and meeting.kind is not None:
        kinds = {"coffee": tr("Coffee"), "meeting": tr("Meeting"), "call": tr("Call")}
        return tr("Follow-up: {kind}").format(kind=kinds.get(meeting.kind.value, meeting.kind.value))
    if meeting.outcome == Outcome.UNCHANGED:
        return tr("Imported before")
    return meeting.reason[:1].upper() + meeting.reason[1:]


class MeetingsModel(QAbstractTableModel):
    def __init__(self, meetings: list[Meeting], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._meetings = meetings

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._meetings)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (tr("When"), tr("Meeting"), tr("With"), tr("What happens"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        meeting = self._meetings[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(meeting, column)
        if role == Qt.ItemDataRole.DecorationRole and column == WHAT:
            if meeting.outcome == Outcome.INTERACTION and meeting.channel is not None:
                return icon(meeting.channel.value)
            if meeting.outcome == Outcome.FOLLOW_UP:
                return icon("follow-up")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(self._text(meeting, c) for c in range(4) if self._text(meeting, c))
        if role == Role.Record:
            return meeting
        return None

    @staticmethod
    def _text(meeting: Meeting, column: int) -> str:
        if column == WHEN:
            return when_text(meeting)
        if column == MEETING:
            return meeting.event.summary or tr("(no title)")
        if column == PEOPLE:
            return ", ".join(person.name for person in meeting.people)
        return what_text(meeting)
