"""Adding and editing a contact: name first, Enter saves."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.birthday import Birthday
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.vocabulary import Source
from hitouch.services.changes import Changes
from hitouch.services.errors import typed_in
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import day_of, tr


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class ContactDialog(FormDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent, tr("Edit contact") if contact_id else tr("New contact"))
        self.setObjectName("contactDialog")
        self._ws = workspace
        self._contact_id = contact_id
        self.changes = Changes()
        self.saved_id: int | None = None
        self._labels: dict[str, str] = {}  # labels ('work', 'mobile') survive an edit of the list

        self.name = self._line("nameEdit", tr("Full name"))
        self.company = self._line("companyEdit", tr("Company"))
        self.title = self._line("titleEdit", tr("Position"))
        self.emails = self._line("emailsEdit", tr("name@example.com, another@example.com"))
        self.phones = self._line("phonesEdit", tr("+44 20 7946 0958"))
        self.urls = self._line("urlsEdit", tr("linkedin.com/in/…, website"))
        self.tags = self._line("tagsEdit", tr("investor, fintech"))
        self.birthday = self._line("birthdayEdit", tr("1990-03-15, or --03-15 without the year"))
        self.met_at = QComboBox()
        self.met_at.setObjectName("metAtCombo")
        self.met_at.setEditable(True)
        self.met_at.addItems(["", *workspace.events.names()])
        if (line := self.met_at.lineEdit()) is not None:  # an editable combo box has one
            line.setPlaceholderText(tr("Event where you met (optional)"))
        self.met_on = QDateEdit(QDate(workspace.clock.today()))  # the clock's today, not the machine's
        self.met_on.setObjectName("metOnEdit")
        self.met_on.setCalendarPopup(True)
        self.source = QComboBox()
        self.source.setObjectName("sourceCombo")
        for source in Source:
            self.source.addItem(source.label, source.value)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(tr("What matters to them, what you talked about"))
        self.notes.setFixedHeight(90)

        met = QHBoxLayout()
        met.addWidget(self.met_at, 1)
        met.addWidget(self.met_on)
        form = QFormLayout()
        form.addRow(tr("&Name"), self.name)
        form.addRow(tr("&Company"), self.company)
        form.addRow(tr("&Position"), self.title)
        form.addRow(tr("&Email"), self.emails)
        form.addRow(tr("P&hone"), self.phones)
        form.addRow(tr("&Web"), self.urls)
        form.addRow(tr("&Tags"), self.tags)
        met_label = QLabel(tr("&Met at"))
        met_label.setBuddy(self.met_at)  # a row holding a layout gets no buddy of its own: Alt+M needs one
        form.addRow(met_label, met)
        form.addRow(tr("&Source"), self.source)
        form.addRow(tr("&Birthday"), self.birthday)
        form.addRow(tr("N&otes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.source.setCurrentIndex(self.source.findData(Source.ONLINE.value))
        self.met_at.currentTextChanged.connect(self._source_follows_event)
        if contact_id is not None:
            self._load(contact_id)
        self.name.setFocus()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _source_follows_event(self, text: str) -> None:
        if text.strip() and self._contact_id is None:
            self.source.setCurrentIndex(self.source.findData(Source.IN_PERSON.value))

    def _load(self, contact_id: int) -> None:
        card = self._ws.contacts.card(contact_id)
        self._labels = {item.value.lower(): item.label for item in card.emails + card.phones + card.urls}
        self.name.setText(card.name)
        self.company.setText(card.company)
        self.title.setText(card.title)
        self.emails.setText(", ".join(e.value for e in card.emails))
        self.phones.setText(", ".join(p.value for p in card.phones))
        self.urls.setText(", ".join(u.value for u in card.urls))
        self.tags.setText(", ".join(card.tags))
        self.birthday.setText(card.birthday.iso() if card.birthday else "")
        self.notes.setPlainText(card.notes)
        if card.source:
            self.source.setCurrentIndex(self.source.findData(card.source.value))

    def _labelled(self, text: str) -> list[Labelled]:
        return [Labelled(v, self._labels.get(v.lower(), "")) for v in _split(text)]

    def _met_on(self) -> date:
        return day_of(self.met_on.date())

    def save(self) -> None:
        birthday = typed_in(Birthday.parse, self.birthday.text()) if self.birthday.text().strip() else None
        met_at = self.met_at.currentText().strip() or None
        if self._contact_id is None:
            card = ContactCard(
                name=self.name.text(),
                company=self.company.text(),
                title=self.title.text(),
                emails=[Labelled(v) for v in _split(self.emails.text())],
                phones=[Labelled(v) for v in _split(self.phones.text())],
                urls=[Labelled(v) for v in _split(self.urls.text())],
                tags=_split(self.tags.text()),
                birthday=birthday,
                notes=self.notes.toPlainText(),
                source=Source(self.source.currentData()),
            )
            self.saved_id, self.changes = self._ws.contacts.add(card, met_at=met_at, met_on=self._met_on())
            return
        fields: dict[str, Any] = {
            "name": self.name.text(),
            "company": self.company.text(),
            "title": self.title.text(),
            "emails": self._labelled(self.emails.text()),
            "phones": self._labelled(self.phones.text()),
            "urls": self._labelled(self.urls.text()),
            "tags": _split(self.tags.text()),
            "birthday": birthday,
            "notes": self.notes.toPlainText(),
            "source": self.source.currentData(),
        }
        if met_at:
            fields.update(met_at=met_at, met_on=self._met_on())
        self.changes = self._ws.contacts.edit(self._contact_id, fields)
        self.saved_id = self._contact_id
