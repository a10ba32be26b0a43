"""Nudges: why a contact known only virtually is worth meeting, a score and one sentence to read.

The signals are counted in SQL by `services/nudges.py`; the weighing and the wording live here,
in plain Python, so they can be read and tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hitouch.domain.records import ContactRef

# Each signal's weight, and the most of it that counts (a hundred emails are not a hundred times better).
RECENT_WEIGHT, RECENT_CAP = 3.0, 8  # exchanges in the last month
YEAR_WEIGHT, YEAR_CAP = 1.0, 12  # earlier exchanges within the year
REFERRAL_WEIGHT, REFERRAL_CAP = 5.0, 3  # referrals between us, either way
EVENT_WEIGHT, EVENT_CAP = 2.0, 3  # events shared with people met in person
TAG_WEIGHT, TAG_CAP = 1.0, 3  # tags shared with people met in person
YEARS_WEIGHT, YEARS_CAP = 1.0, 5  # years since we connected

_CHANNEL_NOUNS = {
    "video": ("video call", "video calls"),
    "email": ("email", "emails"),
    "message": ("message", "messages"),
    "social": ("exchange on social media", "exchanges on social media"),
}
_INVITE_HOW = {
    "video": "talked over video",
    "email": "emailed",
    "message": "been messaging",
    "social": "chatted online",
}


@dataclass(slots=True)
class Nudge:
    """A contact known only virtually, worth meeting face to face, and why."""

    contact: ContactRef
    reason: str
    score: float
    last_exchange: date | None = None


@dataclass(slots=True)
class NudgeSignals:
    contact: ContactRef
    given: str = ""  # the first name, for the invitation
    last_month: int = 0  # virtual exchanges in the last 30 days
    last_year: int = 0  # virtual exchanges in the last 365 days (last month included)
    last_exchange: date | None = None
    main_channel: str | None = None  # the channel of most recent exchanges, when one dominates
    main_channel_count: int = 0  # how many of the counted exchanges went through it
    referrals: int = 0
    shared_events: list[str] = field(default_factory=list)
    shared_tags: list[str] = field(default_factory=list)
    connected_on: date | None = None

    def years_connected(self, today: date) -> int:
        if self.connected_on is None:
            return 0
        return max(0, (today - self.connected_on).days // 365)

    def points(self, today: date) -> dict[str, float]:
        """Each signal present and what it is worth."""
        found = {
            "recent": RECENT_WEIGHT * min(self.last_month, RECENT_CAP),
            "year": YEAR_WEIGHT * min(self.last_year - self.last_month, YEAR_CAP),
            "referrals": REFERRAL_WEIGHT * min(self.referrals, REFERRAL_CAP),
            "events": EVENT_WEIGHT * min(len(self.shared_events), EVENT_CAP),
            "tags": TAG_WEIGHT * min(len(self.shared_tags), TAG_CAP),
            "years": YEARS_WEIGHT * min(self.years_connected(today), YEARS_CAP),
        }
        return {signal: value for signal, value in found.items() if value > 0}

    def score(self, today: date) -> float:
        return round(sum(self.points(today).values()), 1)

    def reason(self, today: date) -> str:
        """One sentence: the two strongest signals, then 'never met'."""
        points = self.points(today)
        if self.last_month:
            points.pop("year", None)  # "in the last month" already says it
        strongest = sorted(points, key=lambda signal: -points[signal])[:2]
        phrases = [self._phrase(signal, today) for signal in strongest]
        if not phrases:
            return "Known only online, never met"
        sentence = " and ".join(phrases) + ", never met"
        return sentence[0].upper() + sentence[1:]

    def _phrase(self, signal: str, today: date) -> str:
        if signal == "recent":
            return self._exchanges(self.last_month, "in the last month")
        if signal == "year":
            return self._exchanges(self.last_year, "this past year")
        if signal == "referrals":
            return _count(self.referrals, "a referral", "referrals") + " between you"
        if signal == "events":
            return f"connected through {self.shared_events[0]}"
        if signal == "tags":
            return f"tagged {self.shared_tags[0]} like people you have met"
        return f"connected for {_count(self.years_connected(today), 'a year', 'years')}"

    def _exchanges(self, count: int, when: str) -> str:
        """'4 video calls in the last month', or '4 exchanges in the last month (mostly video calls)'."""
        nouns = _CHANNEL_NOUNS.get(self.main_channel or "")
        if nouns and self.main_channel_count == count:
            return f"{_count(count, 'one ' + nouns[0], nouns[1])} {when}"
        said = f"{_count(count, 'one exchange', 'exchanges')} {when}"
        return f"{said} (mostly {nouns[1]})" if nouns else said


def _count(n: int, one: str, many: str) -> str:
    return one if n == 1 else f"{n} {many}"


def first_name(given: str, name: str) -> str:
    return given.strip() or (name.split() or [name])[0]


def invitation(signals: NudgeSignals, coffee_on: date, today: date) -> str:
    """'Hi Adaeze, we've talked over video a few times — would you like to grab a coffee next week?'"""
    how = _INVITE_HOW.get(signals.main_channel or "", "been in touch online")
    often = "a few times" if signals.last_year >= 2 else "recently"
    if how in ("been messaging", "been in touch online"):
        often = "for a while" if signals.last_year >= 2 else "recently"
    same_week = coffee_on.isocalendar()[:2] == today.isocalendar()[:2]
    when = "this week" if same_week else "next week"
    name = first_name(signals.given, signals.contact.name)
    return f"Hi {name}, we've {how} {often} — would you like to grab a coffee {when}?"
