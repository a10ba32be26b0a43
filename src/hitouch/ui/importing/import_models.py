"""The import preview's lists: the people of one kind (new, merged, unchanged, possible
duplicates, with a box to confirm each), and the problems found in the files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from hitouch.domain.cards import Problem
from hitouch.services.importing.importing import EntryKind, PlanEntry, Suggestion
from hitouch.services.importing.merge import Additions
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.roles import Role

Index = QModelIndex | QPersistentModelIndex


def _where(file: str, line: int) -> str:
    return f"{Path(file).name}:{line}" if line else Path(file).name


def _column_names() -> dict[str, str]:
    return {
        "given": tr("given name"),
        "family": tr("family name"),
        "company": tr("company"),
        "title": tr("position"),
        "notes": tr("notes"),
        "birthday_mmdd": tr("birthday"),
        "birthday_year": tr("year of birth"),
        "connected_on": tr("connection date"),
        "vcard_uid": tr("vCard UID"),
        "photo": tr("photo"),
    }


def added_text(adds: Additions) -> str:
    """'2 emails, 1 phone, tags Investor, Sailing, notes; moved to Fjord Ventures'."""
    parts = []
    for count, one, many in (
        (len(adds.emails), tr("1 email"), tr("{n} emails")),
        (len(adds.phones), tr("1 phone"), tr("{n} phones")),
        (len(adds.urls), tr("1 web address"), tr("{n} web addresses")),
    ):
        if count:
            parts.append(one if count == 1 else many.format(n=count))
    if adds.tags:
        parts.append(tr("tags {tags}").format(tags=", ".join(adds.tags)))
    names = _column_names()
    parts += [names.get(column, column) for column in adds.filled()]
    for move in adds.moves:
        parts.append(
            tr("moved to {company}").format(company=move.new)
            if move.kind == "company"
            else tr("now {title}").format(title=move.new)
        )
    return ", ".join(parts)


class EntriesModel(QAbstractTableModel):
    """Plan entries of one kind. For possible duplicates the first column has a check box:
    checked means "the same person: merge"."""

    confirmedChanged = Signal()

    def __init__(
        self, entries: list[PlanEntry], kind: EntryKind, confirmed: set[Suggestion], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._entries = entries
        self._kind = kind
        self.confirmed = confirmed  # shared with the dialog, which passes it to the import

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        second = {
            EntryKind.NEW: tr("Details"),
            EntryKind.MERGE: tr("Merged into, adding"),
            EntryKind.UNCHANGED: tr("Already in the journal as"),
            EntryKind.SUGGESTION: tr("May be the same person as"),
        }[self._kind]
        return (tr("Name"), second, tr("From"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._kind == EntryKind.SUGGESTION and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and self._kind == EntryKind.SUGGESTION:
            checked = entry.suggestion in self.confirmed
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return entry.name
            if column == 1:
                return self._details(entry)
            return ", ".join(_where(s.file, s.line) for s in entry.origins)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.name}: {self._details(entry)}"
        if role == Role.Record:
            return entry
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or self._kind != EntryKind.SUGGESTION or index.column() != 0:
            return False
        suggestion = self._entries[index.row()].suggestion
        if suggestion is None:  # every possible duplicate has its suggestion
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.confirmed.add(suggestion)
        else:
            self.confirmed.discard(suggestion)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.confirmedChanged.emit()
        return True

    def _details(self, entry: PlanEntry) -> str:
        card = entry.person.card
        if entry.kind == EntryKind.NEW:
            first = card.emails[0].value if card.emails else card.phones[0].value if card.phones else ""
            return " · ".join(part for part in (card.title, card.company, first) if part)
        if entry.kind == EntryKind.SUGGESTION and (s := entry.suggestion) is not None:
            who = f"#{s.contact.id} {s.contact.name}" + (f" ({s.company})" if s.company else "")
            return tr("{who}, {score}% alike").format(who=who, score=s.score)
        if entry.contact is None:
            return ""
        into = f"#{entry.contact.id} {entry.contact.name}"
        if entry.kind == EntryKind.MERGE and entry.adds is not None:
            return f"{into}: {added_text(entry.adds)}"
        return into


class ProblemsModel(QAbstractTableModel):
    def __init__(self, problems: list[Problem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems = problems

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Where"), tr("Problem"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _where(problem.file, problem.line) if index.column() == 0 else problem.message
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(problem)
        return None
