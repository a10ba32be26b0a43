"""The small act a change in someone's life calls for: one sentence for the Today screen."""

from __future__ import annotations

from hitouch.domain.records import ContactUpdateRecord


def suggestion_for(update: ContactUpdateRecord) -> str:
    """'Marcus O'Brien moved to Fjord Ventures: congratulate him' (without guessing pronouns)."""
    name = update.contact.name
    if update.kind == "company" and update.new_value:
        return f"{name} moved to {update.new_value}: send a note of congratulations"
    if update.kind == "title" and update.new_value:
        return f"{name} is now {update.new_value}: congratulate them on the new role"
    return f"{name} has news: say hello"
