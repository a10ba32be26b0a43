"""The referral ledger: who referred whom to whom, and the balance with each person."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hitouch.domain.limits import LARGEST_AMOUNT_CENTS
from hitouch.domain.records import ContactRef

_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")


def parse_amount(text: str) -> int:
    """'1500', '1,500.50', '1 500' -> cents; ValueError otherwise."""
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("_", "")
    if not _AMOUNT.match(cleaned):
        raise ValueError(f"not an amount: {text!r} (use a number such as 1500 or 1500.50)")
    whole, _, cents = cleaned.partition(".")
    value = int(whole) * 100 + int((cents + "00")[:2])
    if value > LARGEST_AMOUNT_CENTS:
        raise ValueError(f"{text.strip()!r} is too large an amount (at most {amount_text(LARGEST_AMOUNT_CENTS)})")
    return value


def amount_text(cents: int) -> str:
    """12345 -> '123.45', 150000 -> '1,500'."""
    whole, rest = divmod(cents, 100)
    return f"{whole:,}" + (f".{rest:02d}" if rest else "")


@dataclass(slots=True)
class ReferralRecord:
    """One referral. `source` and `target` are None where they are me."""

    id: int
    on: date
    source: ContactRef | None
    target: ContactRef | None
    lead: ContactRef | None
    lead_text: str
    note: str
    status: str
    value_cents: int | None
    event: str = ""

    @property
    def direction(self) -> str:
        """'given' (by me to them) or 'received' (from them)."""
        return "given" if self.source is None else "received"

    @property
    def contact(self) -> ContactRef:
        """The other side: the person I referred to, or who referred to me."""
        other = self.target if self.source is None else self.source
        assert other is not None  # one side is always me, never both
        return other

    @property
    def lead_label(self) -> str:
        return self.lead.name if self.lead else self.lead_text


@dataclass(slots=True)
class ReferralBalance:
    """Per person: referrals I gave them, referrals they gave me, and how many were won."""

    contact: ContactRef
    given: int
    received: int
    won: int

    @property
    def owed(self) -> int:
        """Positive: they have helped me more than I have helped them."""
        return self.received - self.given
