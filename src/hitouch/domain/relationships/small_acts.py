"""Life changes and the small acts they call for: a new company or position an import noticed
becomes one sentence for the Today screen, until it is acknowledged."""

from __future__ import annotations

from dataclasses import dataclass, field

from hitouch.domain.records import ContactRef, LifeChangeRecord


@dataclass(slots=True)
class SmallAct:
    """A change in someone's life and the small act it calls for."""

    change: LifeChangeRecord
    suggestion: str
    also: list[LifeChangeRecord] = field(default_factory=list)  # noticed with it, about the same person

    @property
    def contact(self) -> ContactRef:
        return self.change.contact

    @property
    def change_ids(self) -> list[int]:
        return [self.change.id, *(c.id for c in self.also)]


def suggestion_for(change: LifeChangeRecord) -> str:
    """'Marcus O'Brien moved to Fjord Ventures: congratulate him' (without guessing pronouns)."""
    name = change.contact.name
    if change.kind == "company" and change.new_value:
        return f"{name} moved to {change.new_value}: send a note of congratulations"
    if change.kind == "title" and change.new_value:
        return f"{name} is now {change.new_value}: congratulate them on the new role"
    return f"{name} has news: say hello"


def suggestion_for_all(changes: list[LifeChangeRecord]) -> str:
    """One sentence for what one import noticed about one person: a new company and a new
    position read as one move ('moved to Fjord Ventures as Partner')."""
    by_kind = {c.kind: c for c in changes}
    company, title = by_kind.get("company"), by_kind.get("title")
    if company and title and company.new_value and title.new_value:
        name = company.contact.name
        return f"{name} moved to {company.new_value} as {title.new_value}: send a note of congratulations"
    return suggestion_for(changes[0])
