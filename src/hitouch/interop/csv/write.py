"""ContactCards -> HiTouch's own CSV: one header, one row per card, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from hitouch.domain.cards import ContactCard
from hitouch.interop.csv.layouts import FORMULA_STARTS, HITOUCH_COLUMNS, MULTI_VALUE_SEPARATOR


def write_csv(cards: Iterable[ContactCard]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HITOUCH_COLUMNS)
    for card in cards:
        writer.writerow([protect(cell) for cell in _cells(card)])
    return out.getvalue()


def protect(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading quote; the reader removes it.
    Phone numbers like '+44 20…' get it too, or spreadsheets would turn them into sums; and so
    does a cell that already starts with such a quote, so that reading removes exactly one."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def _cells(card: ContactCard) -> list[str]:
    return [
        card.name or card.display_name,
        card.given,
        card.family,
        MULTI_VALUE_SEPARATOR.join(e.value for e in card.emails),
        MULTI_VALUE_SEPARATOR.join(p.value for p in card.phones),
        card.company,
        card.title,
        MULTI_VALUE_SEPARATOR.join(u.value for u in card.urls),
        MULTI_VALUE_SEPARATOR.join(card.tags),
        card.birthday.iso() if card.birthday else "",
        card.notes,
        card.source.value if card.source else "",
    ]
