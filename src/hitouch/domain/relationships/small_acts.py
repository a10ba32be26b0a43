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


def suggestion_for_all(updates: list[ContactUpdateRecord]) -> str:
    """One sentence for what one import noticed about one person: a new company and a new
    position read as one move ('moved to Fjord Ventures as Partner')."""
    by_kind = {u.kind: u for u in updates}
    company, title = by_kind.get("company"), by_kind.get("title")
    if company and title and company.new_value and title.new_value:
        name = company.contact.name
        return f"{name} moved to {company.new_value} as {title.new_value}: send a note of congratulations"
    return suggestion_for(updates[0])
