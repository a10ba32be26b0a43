"""Recording a referral: given (I referred someone to them) or received (they referred to me)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from hitouch.domain.relationships.referrals import parse_amount
from hitouch.services.changes import Changes
from hitouch.services.errors import NotFound, typed_in
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import day_of, tr


class ReferralDialog(FormDialog):
    def __init__(self, workspace: Workspace, contact_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Record a referral"))
        self.setObjectName("referralDialog")
        self._ws = workspace
        self.changes = Changes()
        self.referral_id: int | None = None

        self.direction = QComboBox()
        self.direction.setObjectName("referralDirection")
        self.direction.addItem(tr("They referred someone to me (received)"), "received")
        self.direction.addItem(tr("I referred someone to them (given)"), "given")
        self.person = QLineEdit()
        self.person.setObjectName("referralPerson")
        self.person.setPlaceholderText(tr("Name or email of a contact"))
        if contact_id is not None:
            self.person.setText(workspace.contacts.summaries([contact_id])[0].name)
            self.person.setReadOnly(True)
        self.lead = QLineEdit()
        self.lead.setObjectName("referralLead")
        self.lead.setPlaceholderText(tr("Who or what: a contact's name, or a few words"))
        self.on = QDateEdit(QDate(workspace.clock.today()))
        self.on.setObjectName("referralDate")
        self.on.setCalendarPopup(True)
        self.value = QLineEdit()
        self.value.setObjectName("referralValue")
        self.value.setPlaceholderText(tr("optional, e.g. 1500"))
        self.note = QLineEdit()
        self.note.setObjectName("referralNote")
        self._contact_id = contact_id

        form = QFormLayout()
        form.addRow(tr("&Which way"), self.direction)
        form.addRow(tr("&Contact"), self.person)
        form.addRow(tr("&Lead"), self.lead)
        form.addRow(tr("&Date"), self.on)
        form.addRow(tr("&Value"), self.value)
        form.addRow(tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        contact_id = self._contact_id or self._ws.contacts.resolve(self.person.text())
        lead, lead_text = None, ""
        if self.lead.text().strip():
            try:
                lead = self._ws.contacts.resolve(self.lead.text())
            except NotFound:
                lead_text = self.lead.text().strip()
        given = self.direction.currentData() == "given"
        value = typed_in(parse_amount, self.value.text()) if self.value.text().strip() else None
        self.referral_id, self.changes = self._ws.referrals.add(
            None if given else contact_id,
            contact_id if given else None,
            lead=lead,
            lead_text=lead_text,
            on=day_of(self.on.date()),
            note=self.note.text(),
            value_cents=value,
        )
