"""On a contact's page: their follow-ups, the keep-in-touch cadence, and referrals both ways."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hitouch.domain.relationships.followups import FollowUpRecord
from hitouch.domain.relationships.referrals import amount_text
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import medium_date, relative_day, short_date, tr
from hitouch.ui.common.widgets import dim, heading
from hitouch.ui.referrals.referral_dialog import ReferralDialog
from hitouch.ui.today.agenda_rows import AgendaRow, SnoozeButton, followup_detail
from hitouch.ui.today.followup_dialog import FollowUpDialog

SHOWN_REFERRALS = 5


def cadence_choices() -> list[tuple[str, str]]:
    return [
        ("", tr("No cadence")),
        ("1w", tr("Every week")),
        ("2w", tr("Every two weeks")),
        ("1m", tr("Every month")),
        ("3m", tr("Every quarter")),
        ("6m", tr("Every six months")),
        ("12m", tr("Every year")),
    ]


class ContactRelationsView(QWidget):
    changed = Signal(object)  # Changes from an action taken here
    addToCalendarRequested = Signal(int)  # a follow-up's id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactRelations")
        self._ws = workspace
        self._contact_id: int | None = None

        add_followup = _small_button(tr("Add…"), "addFollowupButton", tr("Add a follow-up"), self.add_followup)
        self._followups = QVBoxLayout()
        self._followups.setSpacing(0)
        self.no_followups = dim(QLabel(tr("Nothing planned.")))

        self.cadence = QComboBox()
        self.cadence.setObjectName("cadenceCombo")
        self.cadence.setAccessibleName(tr("Keep in touch"))
        self.cadence_due = dim(QLabel())
        self.cadence_due.setObjectName("cadenceDue")
        self.cadence_due.setWordWrap(True)
        self.cadence.activated.connect(self._cadence_chosen)

        add_referral = _small_button(tr("Add…"), "addContactReferralButton", tr("Record a referral"), self.add_referral)
        self.referral_summary = QLabel()
        self.referral_summary.setObjectName("contactReferralSummary")
        self.referral_summary.setWordWrap(True)
        self.referral_lines = dim(QLabel())
        self.referral_lines.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(_titled(tr("Follow-ups"), add_followup))
        layout.addLayout(self._followups)
        layout.addWidget(self.no_followups)
        layout.addSpacing(10)
        layout.addWidget(heading(tr("Keep in touch")))
        layout.addWidget(self.cadence)
        layout.addWidget(self.cadence_due)
        layout.addSpacing(10)
        layout.addLayout(_titled(tr("Referrals"), add_referral))
        layout.addWidget(self.referral_summary)
        layout.addWidget(self.referral_lines)

    def show_contact(self, contact_id: int) -> None:
        self._contact_id = contact_id
        today = self._ws.clock.today()
        while self._followups.count():
            item = self._followups.takeAt(0)
            old = item.widget() if item is not None else None
            if old is None:
                continue
            old.hide()  # gone from sight now, deleted when control returns to the event loop
            old.deleteLater()
        followups = self._ws.followups.list(contact_id=contact_id)
        for followup in followups:
            self._followups.addWidget(self._followup_row(followup, today))
        self.no_followups.setVisible(not followups)
        self._show_cadence(contact_id)
        self._show_referrals(contact_id)

    def _followup_row(self, followup: FollowUpRecord, today: date) -> AgendaRow:
        row = AgendaRow(followup.title, None, followup_detail(followup, today), "contactFollowupRow", compact=True)
        row.add_button(
            tr("Done"), "doneButton", tr("Mark it done"), lambda: self._act(self._ws.followups.done, followup.id)
        )
        snooze = SnoozeButton(today)
        snooze.snoozeRequested.connect(lambda day: self._act(self._ws.followups.snooze, followup.id, day))
        row.add_widget(snooze)
        row.add_button(tr("Edit…"), "editFollowupButton", tr("Change it"), lambda: self.edit_followup(followup.id))
        row.add_button(
            tr("Calendar"),
            "addToCalendarButton",
            tr("Add to your calendar app"),
            lambda: self.addToCalendarRequested.emit(followup.id),
        )
        return row

    def _show_cadence(self, contact_id: int) -> None:
        cadence = self._ws.cadences.get(contact_id)
        self.cadence.clear()
        choices = cadence_choices()
        if cadence is not None and cadence.period not in dict(choices):
            choices.append((cadence.period, tr("Every {period}").format(period=cadence.period)))
        for value, label in choices:
            self.cadence.addItem(label, value)
        self.cadence.setCurrentIndex(self.cadence.findData(cadence.period if cadence else ""))
        today = self._ws.clock.today()
        if cadence is None:
            self.cadence_due.setText(tr("HiTouch reminds you when it has been too long."))
        elif cadence.due <= today:
            self.cadence_due.setText(
                tr("Time to get in touch (due {when}).").format(when=relative_day(cadence.due, today))
            )
        else:
            self.cadence_due.setText(tr("Next due {day}").format(day=medium_date(cadence.due)))

    def _show_referrals(self, contact_id: int) -> None:
        referrals = self._ws.referrals.list(contact_id)
        given = sum(1 for r in referrals if r.direction == "given" and r.contact.id == contact_id)
        received = sum(1 for r in referrals if r.direction == "received" and r.contact.id == contact_id)
        self.referral_summary.setText(
            tr("None yet.")
            if not referrals
            else tr("You referred {given} to them; they referred {received} to you.").format(
                given=given, received=received
            )
        )
        lines = []
        for r in referrals[:SHOWN_REFERRALS]:
            way = tr("to {name}") if r.direction == "given" else tr("from {name}")
            value = f", {amount_text(r.value_cents)}" if r.value_cents else ""
            lines.append(
                f"{short_date(r.on)}  {r.lead_label or tr('a lead')} {way.format(name=r.contact.name)} "
                f"({r.status}{value})"
            )
        self.referral_lines.setText("\n".join(lines))
        self.referral_lines.setVisible(bool(lines))

    # Acting -----------------------------------------------------------------------------

    def _act(self, action: Callable[..., Changes], *args: int) -> None:
        changes = guarded(self, lambda: action(*args))
        if changes is not None:
            self.changed.emit(changes)

    def _cadence_chosen(self, _index: int) -> None:
        if self._contact_id is None:
            return
        every = self.cadence.currentData()
        if every:
            self._act(self._ws.cadences.set, self._contact_id, every)
        else:
            self._act(self._ws.cadences.off, self._contact_id)

    def add_followup(self) -> None:
        if self._contact_id is not None:
            dialog = FollowUpDialog(self._ws, self._contact_id, parent=self)
            if dialog.exec():
                self.changed.emit(dialog.changes)

    def edit_followup(self, followup_id: int) -> None:
        if self._contact_id is not None:
            dialog = FollowUpDialog(self._ws, self._contact_id, followup_id, parent=self)
            if dialog.exec():
                self.changed.emit(dialog.changes)

    def add_referral(self) -> None:
        if self._contact_id is not None:
            dialog = ReferralDialog(self._ws, self._contact_id, parent=self)
            if dialog.exec():
                self.changed.emit(dialog.changes)


def _small_button(text: str, name: str, tooltip: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tooltip)
    button.setAccessibleName(tooltip)
    button.clicked.connect(slot)
    return button


def _titled(title: str, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(heading(title), 1)
    row.addWidget(button)
    return row
