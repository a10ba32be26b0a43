"""From a nudge to a coffee: pick the day, copy an invitation worth sending, and it is planned."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.dates import parse_time
from hitouch.services.changes import Changes
from hitouch.services.errors import typed_in
from hitouch.services.relationships.nudges import coffee_day
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import day_of, tr
from hitouch.ui.common.widgets import dim, heading


class CoffeeDialog(FormDialog):
    def __init__(self, workspace: Workspace, contact_id: int, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Schedule a coffee"))
        self.setObjectName("coffeeDialog")
        self._ws = workspace
        self._contact_id = contact_id
        self.changes = Changes()
        self.followup_id: int | None = None
        name = workspace.contacts.summaries([contact_id])[0].name

        title = heading(tr("Coffee with {name}").format(name=name), 1.25)
        why = dim(QLabel(reason))
        why.setWordWrap(True)
        why.setVisible(bool(reason))

        self.day = QDateEdit(QDate(coffee_day(workspace.clock.today())))
        self.day.setObjectName("coffeeDateEdit")
        self.day.setCalendarPopup(True)
        self.day.setMinimumDate(QDate(workspace.clock.today()))
        self.at = QLineEdit()
        self.at.setObjectName("coffeeTimeEdit")
        self.at.setPlaceholderText(tr("optional, e.g. 10:00"))
        self.at.setMaximumWidth(160)
        self.invitation = QPlainTextEdit()
        self.invitation.setObjectName("invitationEdit")
        self.invitation.setAccessibleName(tr("Invitation to send"))
        self.invitation.setTabChangesFocus(True)
        self.invitation.setMinimumHeight(90)
        self._suggested = self._suggestion()
        self.invitation.setPlainText(self._suggested)
        self.day.dateChanged.connect(self._day_changed)

        self.copy_button = QPushButton(tr("Copy invitation"))
        self.copy_button.setObjectName("copyInvitationButton")
        self.copy_button.setToolTip(tr("Copy the invitation, to paste into an email or a message"))
        self.copy_button.clicked.connect(self.copy_invitation)
        self.copied = dim(QLabel(""))
        self.copied.setObjectName("copiedLabel")
        self.buttons.button(self.buttons.StandardButton.Save).setText(tr("Schedule coffee"))

        form = QFormLayout()
        form.addRow(tr("&Day"), self.day)
        form.addRow(tr("&Time"), self.at)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(why)
        layout.addSpacing(6)
        layout.addLayout(form)
        label = QLabel(tr("&Invitation (edit it to sound like you):"))
        label.setBuddy(self.invitation)
        layout.addWidget(label)
        layout.addWidget(self.invitation)
        layout.addLayout(copy_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(500)
        self.invitation.setFocus()

    def _suggestion(self) -> str:
        return self._ws.nudges.invitation(self._contact_id, day_of(self.day.date()))

    def _day_changed(self) -> None:
        """'this week' or 'next week' follows the day, unless the text was already made one's own."""
        if self.invitation.toPlainText() == self._suggested:
            self._suggested = self._suggestion()
            self.invitation.setPlainText(self._suggested)

    def copy_invitation(self) -> None:
        QGuiApplication.clipboard().setText(self.invitation.toPlainText())
        self.copied.setText(tr("Copied. Paste it into an email or a message."))
        QTimer.singleShot(4000, self.copied.clear)

    def save(self) -> None:
        at = typed_in(parse_time, self.at.text()) if self.at.text().strip() else None
        self.followup_id, self.changes = self._ws.nudges.schedule_coffee(
            self._contact_id, day_of(self.day.date()), at=at
        )
