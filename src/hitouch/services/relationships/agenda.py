"""The daily agenda: what is overdue and due, cadences that came due, birthdays, nudges, small acts.

Each part is one indexed query; nothing walks every contact or every interaction.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from hitouch.domain.birthday import Birthday
from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.agenda import Agenda, BirthdayRecord
from hitouch.services.clock import Clock
from hitouch.services.errors import UserError
from hitouch.services.relationships.cadences import due_cadences
from hitouch.services.relationships.followups import open_followups_by
from hitouch.services.relationships.nudges import nudges_from, ranked_signals
from hitouch.services.relationships.small_acts import pending_acts
from hitouch.store.database import Journal

AGENDA_NUDGES = 5

_BIRTHDAYS = """
SELECT id, name, birthday_mmdd, birthday_year FROM contact
WHERE birthday_mmdd IN ({days}) AND +deleted_at IS NULL
"""


def window_end(today: date, days: int) -> date:
    """The last day of a window of `days` days starting today."""
    return today + timedelta(days=days - 1)


def birthdays_between(session: Session, first: date, last: date) -> list[BirthdayRecord]:
    """Birthdays falling on the days from `first` to `last`, in the order they come."""
    days: set[int] = set()
    day = first
    while day <= last:
        days.add(day.month * 100 + day.day)
        if (day.month, day.day) == (2, 28) and not _leap(day.year):
            days.add(229)  # celebrated on 28 February when there is no 29th
        day += timedelta(days=1)
    found = []
    rows = session.execute(text(_BIRTHDAYS.format(days=",".join(map(str, sorted(days)))))).all()
    for contact_id, name, mmdd, year in rows:
        birthday = Birthday.from_parts(mmdd, year)
        if birthday is None:  # the query asks for birthdays: not reached
            continue
        on = birthday.next_on_or_after(first)
        if on <= last:
            found.append(BirthdayRecord(ContactRef(contact_id, name), birthday, on, birthday.age_on(on)))
    return sorted(found, key=lambda b: (b.on, b.contact.name))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class Agendas:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def agenda(self, days: int = 7, nudges: int = AGENDA_NUDGES) -> Agenda:
        """Today and the `days` - 1 days after it."""
        if days < 1:
            raise UserError("the agenda covers at least one day (--days 1 is today)")
        today = self._clock.today()
        last = window_end(today, days)
        agenda = Agenda(today, days)
        with self._journal.read() as session:
            for followup in open_followups_by(session, last):
                if followup.due < today:
                    agenda.overdue.append(followup)
                elif followup.due <= last:
                    agenda.due.append(followup)
            agenda.cadence = due_cadences(session, last)
            agenda.birthdays = birthdays_between(session, today, last)
            agenda.nudges = nudges_from(ranked_signals(session, today, nudges), today) if nudges else []
            agenda.small_acts = pending_acts(session)
        return agenda
