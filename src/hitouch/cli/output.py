"""Printing results: JSON documents for scripts, aligned text for people."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime, time
from typing import Any

from hitouch.domain.records import ContactRef, ContactSummary, InteractionRecord


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def ref_json(ref: ContactRef) -> dict[str, Any]:
    return {"id": ref.id, "name": ref.name}


def contact_json(c: ContactSummary) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "given": c.given,
        "family": c.family,
        "emails": c.emails,
        "phones": c.phones,
        "company": c.company,
        "title": c.title,
        "urls": c.urls,
        "tags": c.tags,
        "events": c.events,
        "birthday": c.birthday.iso() if c.birthday else None,
        "source": c.source,
        "met_in_person": c.met_in_person,
        "last_interaction": iso(c.last_interaction),
        "next_followup": iso(c.next_followup),
    }


def interaction_json(i: InteractionRecord) -> dict[str, Any]:
    return {
        "id": i.id,
        "date": iso(i.on),
        "time": i.at.strftime("%H:%M") if i.at else None,
        "channel": i.channel,
        "note": i.note,
        "event": i.event or None,
        "contacts": [ref_json(r) for r in i.contacts],
    }


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    """Columns sized to their content; the last column is not padded."""
    if not rows:
        return
    table = [headers, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers) - 1)]
    for row in table:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        print("  ".join(cells).rstrip())
