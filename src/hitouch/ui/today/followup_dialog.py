"""Adding or editing a follow-up: what kind, when (a day, maybe a time), how long, a note."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from hitouch.domain.dates import parse_time
from hitouch.domain.relationships.followups import default_title
from hitouch.domain.vocabulary import FollowUpKind
from hitouch.services.changes import Changes
from hitouch.services.errors import typed_in
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import day_of, tr


def kind_labels() -> dict[FollowUpKind, str]:
    return {
        FollowUpKind.COFFEE: tr("Coffee"),
        FollowUpKind.MEETING: tr("Meeting"),
        FollowUpKind.CALL: tr("Call"),
        FollowUpKind.EMAIL: tr("Email"),
        FollowUpKind.OTHER: tr("Other"),
    }


class FollowUpDialog(FormDialog):
    def __init__(
        self, workspace: Workspace, contact_id: int, followup_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, tr("Edit follow-up") if followup_id else tr("New follow-up"))
        self.setObjectName("followupDialog")
        self._ws = workspace
        self._contact_id = contact_id
        self._followup_id = followup_id
        self._name = workspace.contacts.summaries([contact_id])[0].name
        self.changes = Changes()

        self.kind = QComboBox()
        self.kind.setObjectName("followupKind")
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind.value)
        self.title = QLineEdit()
        self.title.setObjectName("followupTitle")
        self.day = QDateEdit(QDate(workspace.clock.today() + timedelta(days=3)))
        self.day.setObjectName("followupDate")
        self.day.setCalendarPopup(True)
        self.at = QLineEdit()
        self.at.setObjectName("followupTime")
        self.at.setPlaceholderText(tr("optional, e.g. 09:30"))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("followupMinutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSpecialValueText(tr("not set"))
        self.minutes.setSuffix(tr(" min"))
        self.note = QLineEdit()
        self.note.setObjectName("followupNote")
        if followup_id is not None:
            existing = workspace.followups.get(followup_id)
            self.kind.setCurrentIndex(self.kind.findData(existing.kind))
            self.title.setText(existing.title)
            self.day.setDate(QDate(existing.due))
            self.at.setText(existing.due_time.strftime("%H:%M") if existing.due_time else "")
            self.minutes.setValue(existing.minutes or 0)
            self.note.setText(existing.note)
        self._placeholder()
        self.kind.currentIndexChanged.connect(self._placeholder)

        form = QFormLayout()
        form.addRow(tr("&Kind"), self.kind)
        form.addRow(tr("T&itle"), self.title)
        form.addRow(tr("&Day"), self.day)
        form.addRow(tr("&Time"), self.at)
        form.addRow(tr("&Length"), self.minutes)
        form.addRow(tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _placeholder(self) -> None:
        self.title.setPlaceholderText(default_title(self.kind.currentData(), self._name))

    def save(self) -> None:
        at = typed_in(parse_time, self.at.text()) if self.at.text().strip() else None
        minutes = self.minutes.value() or None
        day = day_of(self.day.date())
        if self._followup_id is None:
            self._followup_id, self.changes = self._ws.followups.add(
                self._contact_id,
                day,
                kind=self.kind.currentData(),
                title=self.title.text(),
                note=self.note.text(),
                at=at,
                minutes=minutes,
            )
        else:
            self.changes = self._ws.followups.edit(
                self._followup_id,
                due_on=day,
                at=at,
                kind=self.kind.currentData(),
                title=self.title.text(),
                note=self.note.text(),
                minutes=minutes,
            )
