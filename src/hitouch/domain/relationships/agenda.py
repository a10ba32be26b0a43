"""The daily agenda as data: what is overdue and due, cadences that came due, birthdays coming,
nudges to meet face to face, and the small acts life changes call for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hitouch.domain.birthday import Birthday
from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.cadences import CadenceRecord
from hitouch.domain.relationships.followups import FollowUpRecord
from hitouch.domain.relationships.nudge_reasons import Nudge
from hitouch.domain.relationships.small_acts import SmallAct


@dataclass(slots=True)
class BirthdayRecord:
    contact: ContactRef
    birthday: Birthday
    on: date  # the coming anniversary
    age: int | None


@dataclass(slots=True)
class Agenda:
    today: date
    days: int
    overdue: list[FollowUpRecord] = field(default_factory=list)
    due: list[FollowUpRecord] = field(default_factory=list)
    cadence: list[CadenceRecord] = field(default_factory=list)
    birthdays: list[BirthdayRecord] = field(default_factory=list)
    nudges: list[Nudge] = field(default_factory=list)
    small_acts: list[SmallAct] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.overdue or self.due or self.cadence or self.birthdays or self.nudges or self.small_acts)
