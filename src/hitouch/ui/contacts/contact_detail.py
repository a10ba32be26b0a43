"""One contact's page: who they are, how we met, and the journal of everything since."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.phones import pretty_phone
from hitouch.domain.records import ContactDetail
from hitouch.domain.vocabulary import Source
from hitouch.services.errors import NotFound
from hitouch.services.workspace import Workspace
from hitouch.ui.common.delegates import WrappingDelegate
from hitouch.ui.common.formatting import birthday_text, medium_date, relative_day, shown, tr
from hitouch.ui.common.icons import icon
from hitouch.ui.common.widgets import Avatar, Chip, dim, heading
from hitouch.ui.contacts.card_photo import CardPhoto
from hitouch.ui.contacts.contact_relations import ContactRelationsView
from hitouch.ui.contacts.timeline_model import TimelineModel


class ContactDetailView(QStackedWidget):
    logRequested = Signal(int)
    editRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDetail")
        self.setAccessibleName(tr("Contact details"))
        self._ws = workspace
        self._contact_id: int | None = None

        placeholder = dim(QLabel(tr("Select a contact to see how you met and everything since.")))
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setWordWrap(True)
        self.addWidget(placeholder)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(12)
        layout.addLayout(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_facts())
        splitter.addWidget(self._build_journal())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 420])
        layout.addWidget(splitter, 1)
        self.addWidget(page)

    # Building ---------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self._avatar = Avatar(56)
        self._name = heading("", 1.6, "contactName")
        self._role = dim(QLabel())
        self._role.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._chip = Chip()
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self._name)
        names.addWidget(self._role)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self._chip)
        chip_row.addStretch()
        names.addLayout(chip_row)

        self._log_button = QPushButton(tr("Log interaction…"))
        self._log_button.setObjectName("logInteractionButton")
        self._log_button.setIcon(icon("log"))
        self._log_button.setToolTip(tr("Log a coffee, call or message (Ctrl+L)"))
        self._log_button.clicked.connect(lambda: self._emit(self.logRequested))
        edit = QPushButton(tr("Edit…"))
        edit.setObjectName("editContactButton")
        edit.setToolTip(tr("Edit this contact (Ctrl+E)"))
        edit.clicked.connect(lambda: self._emit(self.editRequested))
        delete = QPushButton(tr("Delete"))
        delete.setObjectName("deleteContactButton")
        delete.setToolTip(tr("Move this contact to the trash (Delete)"))
        delete.clicked.connect(lambda: self._emit(self.deleteRequested))

        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self._avatar, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(names, 1)
        for button in (self._log_button, edit, delete):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _build_facts(self) -> QWidget:
        self._facts = QFormLayout()
        self._facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._facts.setHorizontalSpacing(12)
        self._facts.setVerticalSpacing(8)
        self._facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 12, 0)
        column.addWidget(heading(tr("Details")))
        column.addLayout(self._facts)
        column.addSpacing(10)
        column.addWidget(heading(tr("How we met")))
        self._met = QLabel()
        self._met.setWordWrap(True)
        self._met.setObjectName("howWeMet")
        column.addWidget(self._met)
        self._card_photo = CardPhoto(self._ws)
        column.addWidget(self._card_photo)
        column.addSpacing(10)
        self.relations = ContactRelationsView(self._ws)  # follow-ups, cadence, referrals
        column.addWidget(self.relations)
        column.addSpacing(10)
        column.addWidget(heading(tr("Notes")))
        self._notes = QLabel()
        self._notes.setWordWrap(True)
        self._notes.setObjectName("contactNotes")
        self._notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self._notes)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(300)
        # Everything in the column wraps; a sideways scroll bar would only hide the ends of lines.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def _build_journal(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 0, 0, 0)
        self._journal_heading = heading(tr("Journal"))
        column.addWidget(self._journal_heading)
        self._timeline_model = TimelineModel(self)
        self._timeline = QListView()
        self._timeline.setObjectName("journalTimeline")
        self._timeline.setAccessibleName(tr("Journal timeline"))
        self._timeline.setModel(self._timeline_model)
        self._timeline.setItemDelegate(WrappingDelegate(self._timeline))
        self._timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._timeline.setWordWrap(True)
        self._timeline.setResizeMode(QListView.ResizeMode.Adjust)
        self._timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        column.addWidget(self._timeline, 1)
        self._empty_journal = dim(QLabel(tr("Nothing logged yet. Press Ctrl+L to log a coffee, a call or a message.")))
        self._empty_journal.setWordWrap(True)
        column.addWidget(self._empty_journal)
        return box

    # Showing ----------------------------------------------------------------------------

    def contact_id(self) -> int | None:
        return self._contact_id

    def timeline(self) -> QListView:
        return self._timeline

    def show_contact(self, contact_id: int | None) -> None:
        self._contact_id = contact_id
        if contact_id is None:
            self._timeline_model.set_entries(None, [])
            self.setCurrentIndex(0)
            return
        try:
            detail = self._ws.contacts.detail(contact_id)
        except NotFound:  # gone meanwhile (a restore, another HiTouch on this journal): nothing to show
            self.show_contact(None)
            return
        self._fill(detail)
        self.setCurrentIndex(1)

    def refresh(self) -> None:
        self.show_contact(self._contact_id)

    def _emit(self, signal: SignalInstance) -> None:
        if self._contact_id is not None:
            signal.emit(self._contact_id)

    def _fill(self, detail: ContactDetail) -> None:
        s = detail.summary
        today = self._ws.clock.today()
        self._avatar.set_name(s.name)
        self._name.setText(shown(s.name))
        self._role.setText(shown(" · ".join(part for part in (s.title, s.company) if part)))
        self._role.setVisible(bool(s.title or s.company))
        if s.met_in_person:
            self._chip.set_state(tr("Met in person"), True)
        else:
            self._chip.set_state(tr("Not met in person yet"), False)

        while self._facts.rowCount():
            self._facts.removeRow(0)
        rows = (
            (tr("Email"), [(e.value, "mailto:" + e.value) for e in detail.email_labels]),
            (tr("Phone"), [(pretty_phone(p.value), "tel:" + p.value.replace(" ", "")) for p in detail.phone_labels]),
            (tr("Web"), [(u.value, u.value if "://" in u.value else "https://" + u.value) for u in detail.url_labels]),
        )
        for label, links in rows:
            if links:
                self._facts.addRow(dim(QLabel(label)), _links(links))
        if s.tags:
            self._facts.addRow(dim(QLabel(tr("Tags"))), _text(", ".join(s.tags)))
        if s.birthday:
            self._facts.addRow(dim(QLabel(tr("Birthday"))), _text(birthday_text(s.birthday)))
        try:
            source = Source(s.source).label
        except ValueError:
            source = s.source
        self._facts.addRow(dim(QLabel(tr("Source"))), _text(source))
        if detail.connected_on:
            self._facts.addRow(dim(QLabel(tr("Connected"))), _text(medium_date(detail.connected_on)))
        if s.last_interaction:
            self._facts.addRow(dim(QLabel(tr("Last contact"))), _text(relative_day(s.last_interaction, today)))
        if s.next_followup:
            self._facts.addRow(dim(QLabel(tr("Next follow-up"))), _text(medium_date(s.next_followup)))

        self._met.setText(_how_we_met(detail) or tr("Not recorded yet."))
        self._card_photo.show_for(detail.summary.id)
        self.relations.show_contact(detail.id)
        self._notes.setText(detail.notes or tr("No notes yet."))

        self._timeline_model.set_entries(detail.id, detail.timeline, detail.life_changes)
        count = len(detail.timeline) + len(detail.life_changes)
        self._journal_heading.setText(tr("Journal") + (f"  ({count})" if count else ""))
        self._empty_journal.setVisible(count == 0)
        self._timeline.setVisible(count > 0)


def _text(value: str) -> QLabel:
    label = QLabel(value)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _links(links: list[tuple[str, str]]) -> QLabel:
    """Shown text with its target: mailto:, tel: or a web address."""
    html_links = [f'<a href="{html.escape(target, quote=True)}">{html.escape(text)}</a>' for text, target in links]
    label = QLabel("<br>".join(html_links))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


def _how_we_met(detail: ContactDetail) -> str:
    lines: list[str] = []
    for meeting in detail.meetings:
        where = meeting.name + (f", {meeting.place}" if meeting.place else "")
        when = f" ({medium_date(meeting.on)})" if meeting.on else ""
        how = tr("in person") if meeting.in_person else tr("online")
        lines.append(f"{where}{when}, {how}")
    if not lines:
        source = detail.summary.source
        how = {
            Source.LINKEDIN.value: tr("Connected on LinkedIn"),
            Source.ONLINE.value: tr("Met online"),
            Source.REFERRAL.value: tr("Introduced by a referral"),
            Source.IMPORT.value: tr("Imported from an address book"),
        }.get(source, "")
        if how and detail.connected_on:
            how += tr(" on {day}").format(day=medium_date(detail.connected_on))
        if how:
            lines.append(how)
    return "\n".join(lines)
