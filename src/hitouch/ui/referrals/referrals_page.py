"""Referrals: the balance with each person (whom I owe, who was never helped back) and the ledger."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from hitouch.domain.relationships.referrals import ReferralBalance, ReferralRecord, amount_text
from hitouch.domain.vocabulary import ReferralStatus
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.formatting import number, short_date, tr
from hitouch.ui.common.paged_model import Column, PagedTableModel, RecordsTableModel
from hitouch.ui.common.roles import Role
from hitouch.ui.common.tables import record_table
from hitouch.ui.common.widgets import RedrawnWhenShown, dim, heading
from hitouch.ui.referrals.referral_dialog import ReferralDialog


def standing(balance: ReferralBalance) -> str:
    """What the balance means to act on."""
    if balance.received and not balance.given:
        return tr("never helped back")
    if balance.owed > 0:
        return tr("you owe {n}").format(n=balance.owed)
    if balance.owed < 0:
        return tr("they owe {n}").format(n=-balance.owed)
    return tr("even")


def balance_columns() -> list[Column[ReferralBalance]]:
    return [
        Column(tr("Contact"), lambda b: b.contact.name),
        Column(tr("Given"), lambda b: str(b.given), align_right=True),
        Column(tr("Received"), lambda b: str(b.received), align_right=True),
        Column(tr("Won"), lambda b: str(b.won), align_right=True),
        Column(tr("Standing"), standing),
    ]


def status_label(status: str) -> str:
    return {"open": tr("open"), "met": tr("met"), "won": tr("won"), "lost": tr("lost")}.get(status, status)


def ledger_columns() -> list[Column[ReferralRecord]]:
    return [
        Column(tr("Date"), lambda r: short_date(r.on)),
        Column(tr("Way"), lambda r: tr("given to") if r.direction == "given" else tr("received from")),
        Column(tr("Contact"), lambda r: r.contact.name),
        Column(tr("Lead"), lambda r: r.lead_label),
        Column(tr("Status"), lambda r: status_label(r.status)),
        Column(
            tr("Value"), lambda r: amount_text(r.value_cents) if r.value_cents is not None else "", align_right=True
        ),
    ]


class ReferralsPage(RedrawnWhenShown, QSplitter):
    changed = Signal(object)
    openContact = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("referralsPage")
        self.setAccessibleName(tr("Referrals"))
        self.setChildrenCollapsible(False)
        self._ws = workspace

        self.balance_model: RecordsTableModel[ReferralBalance] = RecordsTableModel(balance_columns(), self)
        self.balance = record_table(self.balance_model, "referralBalance", tr("Balance per person"))
        self.balance.doubleClicked.connect(self._open_from_balance)
        self.ledger_model: PagedTableModel[ReferralRecord] = PagedTableModel(
            ledger_columns(), workspace.referrals.records, lambda r: r.id, self
        )
        self.ledger = record_table(self.ledger_model, "referralLedger", tr("Referral ledger"), stretch=3)
        self.ledger.selectionModel().currentRowChanged.connect(self._update_buttons)

        add = QPushButton(tr("Record a referral…"))
        add.setObjectName("addReferralButton")
        add.clicked.connect(self.add_referral)
        self.summary = dim(QLabel())
        self.summary.setObjectName("referralSummary")
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(16, 12, 16, 4)
        header = QHBoxLayout()
        header.addWidget(heading(tr("Referrals"), 1.6), 1)
        header.addWidget(add)
        top_column.addLayout(header)
        top_column.addWidget(self.summary)
        top_column.addWidget(heading(tr("Balance")))
        top_column.addWidget(
            dim(QLabel(tr("Whom you owe comes first: they have referred more to you than you to them.")))
        )
        top_column.addWidget(self.balance, 1)

        self.status_buttons: dict[str, QPushButton] = {}
        status_row = QHBoxLayout()
        status_row.addWidget(heading(tr("Ledger")), 1)
        status_row.addWidget(dim(QLabel(tr("Mark as:"))))
        for status in (ReferralStatus.MET, ReferralStatus.WON, ReferralStatus.LOST, ReferralStatus.OPEN):
            button = QPushButton(status_label(status.value).capitalize())
            button.setObjectName(f"mark{status.value.capitalize()}Button")
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, s=status: self.set_status(s))
            self.status_buttons[status.value] = button
            status_row.addWidget(button)
        bottom = QWidget()
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(16, 4, 16, 8)
        bottom_column.addLayout(status_row)
        bottom_column.addWidget(self.ledger, 1)
        self.addWidget(top)
        self.addWidget(bottom)
        self.setSizes([320, 380])

    def apply(self, changes: Changes) -> None:
        if changes.referrals or changes.contact_set or changes.contacts:
            self.redraw_soon()

    def reload(self) -> None:
        self._stale = False
        balances = self._ws.referrals.balance()
        self.balance_model.set_records(balances)
        self.ledger_model.set_ids(self._ws.referrals.ids())
        given = sum(b.given for b in balances)
        received = sum(b.received for b in balances)
        unreturned = sum(1 for b in balances if b.received and not b.given)
        self.summary.setText(
            tr(
                "{given} given, {received} received; {n} people have referred to you and were never helped back."
            ).format(given=number(given), received=number(received), n=number(unreturned))
        )
        self._update_buttons()

    def current_referral(self) -> ReferralRecord | None:
        index = self.ledger.currentIndex()
        return index.data(Role.Record) if index.isValid() else None

    def _update_buttons(self, *_args: object) -> None:
        current = self.current_referral()
        for status, button in self.status_buttons.items():
            button.setEnabled(current is not None and current.status != status)

    def set_status(self, status: ReferralStatus) -> None:
        current = self.current_referral()
        if current is None:
            return
        row = self.ledger.currentIndex().row()
        changes = guarded(self, lambda: self._ws.referrals.set_status(current.id, status))
        if changes is not None:
            self.changed.emit(changes)
            self.reload()
            self.ledger.selectRow(row)

    def add_referral(self) -> None:
        dialog = ReferralDialog(self._ws, parent=self)
        if dialog.exec():
            self.changed.emit(dialog.changes)
            self.reload()

    def _open_from_balance(self, index: QModelIndex) -> None:
        record = index.data(Role.Record)
        if record is not None:
            self.openContact.emit(record.contact.id)
