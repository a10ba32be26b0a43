"""What a write changed, so each screen redraws only what it must."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Changes:
    contacts: set[int] = field(default_factory=set)
    # Contacts added or removed (the list's rows move), not only edited in place.
    contact_set: bool = False
    interactions: bool = False
    events: bool = False
    followups: bool = False
    referrals: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.contacts | other.contacts,
            self.contact_set or other.contact_set,
            self.interactions or other.interactions,
            self.events or other.events,
            self.followups or other.followups,
            self.referrals or other.referrals,
        )
