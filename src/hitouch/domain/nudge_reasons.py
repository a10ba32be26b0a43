"""Why a contact known only virtually is worth meeting: a score and one sentence to read.

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
class NudgeSignals:
    contact: ContactRef
    given: str = ""  # the first name, for the invitation
    last_month: int = 0  # virtual exchanges in the last 30 days
    last_year: int = 0  # virtual exchanges in the last 365 days (last month included)
    last_exchange: date | None = None
    main_channel: str | None = None  # the channel of most recent exchanges, when one dominates
    referrals: int = 0
    shared_events: list[str] = field(default_factory=list)
    shared_tags: list[str] = field(default_factory=list)
    connected_on: date | None = None

    def years_connected(self, today: date) -> int:
        if self.connected_on is None:
            return 0
        return max(0, (today - self.connected_on).days // 365)

    def contributions(self, today: date) -> list[tuple[float, str]]:
        """(points, phrase) for every signal present, strongest first."""
        found: list[tuple[float, str]] = []
        if self.last_month:
            found.append((RECENT_WEIGHT * min(self.last_month, RECENT_CAP), self._exchanges(self.last_month, "in the last month")))
        earlier = self.last_year - self.last_month
        if earlier:
            points = YEAR_WEIGHT * min(earlier, YEAR_CAP)
            phrase = self._exchanges(self.last_year, "this past year") if not self.last_month else ""
            found.append((points, phrase))
        if self.referrals:
            found.append((REFERRAL_WEIGHT * min(self.referrals, REFERRAL_CAP), _count(self.referrals, "a referral", "referrals") + " between you"))
        if self.shared_events:
            found.append((EVENT_WEIGHT * min(len(self.shared_events), EVENT_CAP), f"connected through {self.shared_events[0]}"))
        if self.shared_tags:
            found.append((TAG_WEIGHT * min(len(self.shared_tags), TAG_CAP), f"tagged {self.shared_tags[0]} like people you have met"))
        years = self.years_connected(today)
        if years:
            found.append((YEARS_WEIGHT * min(years, YEARS_CAP), f"connected for {_count(years, 'a year', 'years')}"))
        found.sort(key=lambda item: -item[0])
        return found

    def score(self, today: date) -> float:
        return round(sum(points for points, _ in self.contributions(today)), 1)

    def reason(self, today: date) -> str:
        """One sentence: the two strongest signals, then 'never met'."""
        phrases = [phrase for _, phrase in self.contributions(today) if phrase][:2]
        if not phrases:
            return "Known only online, never met"
        sentence = " and ".join(phrases) + ", never met"
        return sentence[0].upper() + sentence[1:]

    def _exchanges(self, count: int, when: str) -> str:
        singular, plural = _CHANNEL_NOUNS.get(self.main_channel or "", ("exchange", "exchanges"))
        return f"{_count(count, 'one ' + singular, plural)} {when}"


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
