"""Face-to-face nudges: people known only from a screen, most worth meeting first.

Everything is derived from the journal: logging a coffee (any face-to-face channel) or meeting
someone in person at an event ends their nudge, with nothing to reset.

Finding them stays fast on a journal of a million interactions by never scoring everyone:
candidates come from three index walks (the latest virtual exchanges, the latest referrals,
the latest events met online), a few hundred at most, and only those are scored.
On an ordinary journal the walks reach back the whole `RECENT_DAYS`, so every live thread counts.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, time, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef
from hitouch.domain.relationships.nudge_reasons import Nudge, NudgeSignals, invitation
from hitouch.domain.vocabulary import FollowUpKind
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts import reading
from hitouch.services.errors import UserError
from hitouch.services.relationships.followups import insert_followup
from hitouch.store.database import Journal
from hitouch.store.models import NudgeDismissal

RECENT_DAYS = 90  # a virtual exchange older than this is no longer a live thread
# How far each walk reads (index entries) and how many people it may put forward.
EXCHANGE_ROWS, EXCHANGE_PEOPLE = 500, 100
OTHER_ROWS, OTHER_PEOPLE = 100, 30  # referrals, events
DISMISS_DAYS = 28
COFFEE_DAYS = 3  # a coffee scheduled from a nudge: this many days out, on a weekday

# A candidate: never met face to face (in the journal or at an event), alive, not dismissed,
# and with no coffee or meeting already planned. The cheapest, most telling checks come first.
_KNOWN_ONLY_VIRTUALLY = """
    NOT EXISTS (SELECT 1 FROM interaction_contact f WHERE f.contact_id = {x} AND f.face_to_face = 1)
    AND NOT EXISTS (SELECT 1 FROM contact_event e WHERE e.contact_id = {x} AND e.in_person = 1)
    AND EXISTS (SELECT 1 FROM contact c WHERE c.id = {x} AND c.deleted_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM nudge_dismissal d WHERE d.contact_id = {x} AND d.until > :today)
    AND NOT EXISTS (SELECT 1 FROM follow_up p WHERE p.contact_id = {x} AND +p.status = 'open'
        AND p.deleted_at IS NULL AND p.kind IN ('coffee', 'meeting'))"""

# Three walks, newest first, each bounded in index entries read, people deduplicated before
# the (more costly) face-to-face checks run.
_WALKS = [
    f"""SELECT contact_id, max(occurred_on) AS latest FROM (
            SELECT contact_id, occurred_on FROM interaction_contact
            WHERE face_to_face = 0 AND occurred_on >= :since AND occurred_on <= :today
            ORDER BY occurred_on DESC LIMIT {EXCHANGE_ROWS}
        ) r GROUP BY contact_id HAVING {_KNOWN_ONLY_VIRTUALLY.format(x="r.contact_id")}
        ORDER BY latest DESC LIMIT {EXCHANGE_PEOPLE}""",
    f"""SELECT contact_id, max(occurred_on) AS latest FROM (
            SELECT coalesce(from_contact_id, to_contact_id) AS contact_id, occurred_on FROM referral
            WHERE occurred_on >= :year_ago ORDER BY occurred_on DESC LIMIT {OTHER_ROWS}
        ) r GROUP BY contact_id HAVING {_KNOWN_ONLY_VIRTUALLY.format(x="r.contact_id")}
        ORDER BY latest DESC LIMIT {OTHER_PEOPLE}""",
    f"""SELECT contact_id, max(starts_on) AS latest FROM (
            SELECT ce.contact_id, e.starts_on FROM event e CROSS JOIN contact_event ce ON ce.event_id = e.id
            WHERE e.starts_on >= :year_ago AND e.starts_on <= :today AND ce.in_person = 0
            ORDER BY e.starts_on DESC LIMIT {OTHER_ROWS}
        ) r GROUP BY contact_id HAVING {_KNOWN_ONLY_VIRTUALLY.format(x="r.contact_id")}
        ORDER BY latest DESC LIMIT {OTHER_PEOPLE}""",
]

# The signals for a set of candidates, each an index probe. Every exchange of a candidate is
# virtual (that is what makes them a candidate), so counting all of them is counting those.
_SIGNALS = """
SELECT c.id, c.name, c.given, coalesce(c.connected_on, date(c.created_at)) AS connected_on,
    (SELECT count(*) FROM interaction_contact i
      WHERE i.contact_id = c.id AND i.occurred_on >= :month_ago) AS last_month,
    (SELECT count(*) FROM interaction_contact i WHERE i.contact_id = c.id AND i.occurred_on >= :year_ago) AS last_year,
    (SELECT max(i.occurred_on) FROM interaction_contact i WHERE i.contact_id = c.id) AS last_exchange,
    (SELECT count(*) FROM referral r WHERE r.from_contact_id = c.id)
        + (SELECT count(*) FROM referral r WHERE r.to_contact_id = c.id) AS referrals
FROM contact c WHERE c.id IN ({ids})
"""

# Events a candidate is tied to (online) where someone was met in person.
_SHARED_EVENTS = """
SELECT ce.contact_id, e.name FROM contact_event ce JOIN event e ON e.id = ce.event_id
WHERE ce.contact_id IN ({ids})
    AND EXISTS (SELECT 1 FROM contact_event o WHERE o.event_id = ce.event_id AND o.in_person = 1)
ORDER BY e.starts_on DESC
"""

# Tags a candidate shares with someone met face to face (a walk per tag that stops at the first).
_SHARED_TAGS = """
SELECT ct.contact_id, t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id
WHERE ct.contact_id IN ({ids}) AND EXISTS (
    SELECT 1 FROM contact_tag o WHERE o.tag_id = ct.tag_id AND o.contact_id != ct.contact_id AND (
        EXISTS (SELECT 1 FROM interaction_contact f WHERE f.contact_id = o.contact_id AND f.face_to_face = 1)
        OR EXISTS (SELECT 1 FROM contact_event e WHERE e.contact_id = o.contact_id AND e.in_person = 1)))
ORDER BY t.name_key
"""

_CHANNELS_SINCE = """
SELECT ic.contact_id, i.channel FROM interaction_contact ic JOIN interaction i ON i.id = ic.interaction_id
WHERE ic.contact_id IN ({ids}) AND ic.occurred_on >= :since
"""


def signals_for(session: Session, ids: list[int], today: date) -> dict[int, NudgeSignals]:
    if not ids:
        return {}
    listed = ",".join(str(int(i)) for i in ids)
    params = {
        "month_ago": (today - timedelta(days=30)).isoformat(),
        "year_ago": (today - timedelta(days=365)).isoformat(),
    }
    found = {}
    for r in session.execute(text(_SIGNALS.format(ids=listed)), params):
        found[r.id] = NudgeSignals(
            contact=ContactRef(r.id, r.name),
            given=r.given,
            last_month=r.last_month,
            last_year=r.last_year,
            last_exchange=_day(r.last_exchange),
            referrals=r.referrals,
            connected_on=_day(r.connected_on),
        )
    for contact_id, name in session.execute(text(_SHARED_EVENTS.format(ids=listed))):
        found[contact_id].shared_events.append(name)
    for contact_id, name in session.execute(text(_SHARED_TAGS.format(ids=listed))):
        found[contact_id].shared_tags.append(name)
    return found


def _main_channels(session: Session, signals: list[NudgeSignals], today: date) -> None:
    """The channel most of the exchanges the sentence counts went through (the last month's, or
    else the year's), when one has most of them. For the few nudges shown only."""
    month_ago, year_ago = today - timedelta(days=30), today - timedelta(days=365)
    for since, group in (
        (month_ago, [s for s in signals if s.last_month]),
        (year_ago, [s for s in signals if not s.last_month]),
    ):
        if not group:
            continue
        counted: dict[int, Counter[str]] = {s.contact.id: Counter() for s in group}
        listed = ",".join(str(contact_id) for contact_id in counted)
        for contact_id, channel in session.execute(
            text(_CHANNELS_SINCE.format(ids=listed)), {"since": since.isoformat()}
        ):
            counted[contact_id][channel] += 1
        for s in group:
            if counted[s.contact.id]:
                channel, count = counted[s.contact.id].most_common(1)[0]
                if count * 10 >= 6 * sum(counted[s.contact.id].values()):
                    s.main_channel, s.main_channel_count = channel, count


def _day(value: str | date | None) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def ranked_signals(session: Session, today: date, limit: int) -> list[NudgeSignals]:
    params = {
        "today": today.isoformat(),
        "since": (today - timedelta(days=RECENT_DAYS)).isoformat(),
        "year_ago": (today - timedelta(days=365)).isoformat(),
    }
    candidates: dict[int, None] = {}
    for walk in _WALKS:
        candidates.update((row[0], None) for row in session.execute(text(walk), params))
    scored = [(s.score(today), s) for s in signals_for(session, list(candidates), today).values()]
    scored.sort(key=lambda pair: (-pair[0], -(pair[1].last_exchange or date.min).toordinal(), pair[1].contact.id))
    top = [s for _, s in scored[:limit]]
    _main_channels(session, top, today)
    return top


def coffee_day(today: date) -> date:
    """A few days out, moved off the weekend."""
    day = today + timedelta(days=COFFEE_DAYS)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class Nudges:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def list(self, limit: int = 10) -> list[Nudge]:
        today = self._clock.today()
        with self._journal.read() as session:
            return nudges_from(ranked_signals(session, today, limit), today)

    def dismiss(self, contact_id: int, until: date | None = None) -> Changes:
        """Not now: the contact is left out of the nudges until `until` (four weeks by default)."""
        today = self._clock.today()
        until = until or today + timedelta(days=DISMISS_DAYS)
        if until <= today:
            raise UserError(f"dismiss until a day after today, not {until.isoformat()}")
        with self._journal.write() as session:
            reading.live(session, contact_id)
            row = session.get(NudgeDismissal, contact_id)
            if row is None:
                session.add(NudgeDismissal(contact_id=contact_id, until=until))
            else:
                row.until = until
            return Changes(contacts={contact_id})

    def invitation(self, contact_id: int, coffee_on: date | None = None) -> str:
        """A short invitation to copy into a message, worded from how we have been in touch."""
        today = self._clock.today()
        with self._journal.read() as session:
            reading.live(session, contact_id)
            signals = signals_for(session, [contact_id], today)[contact_id]
            _main_channels(session, [signals], today)
        return invitation(signals, coffee_on or coffee_day(today), today)

    def schedule_coffee(
        self, contact_id: int, on: date | None = None, *, at: time | None = None, note: str = ""
    ) -> tuple[int, Changes]:
        """Turn a nudge into a coffee follow-up a few days out; returns the follow-up's id."""
        day = on or coffee_day(self._clock.today())
        with self._journal.write() as session:
            contact = reading.live(session, contact_id)
            row = insert_followup(session, contact, day, self._clock, kind=FollowUpKind.COFFEE, note=note, at=at)
            return row.id, Changes(contacts={contact_id}, followups=True)


def nudges_from(signals: list[NudgeSignals], today: date) -> list[Nudge]:
    return [Nudge(s.contact, s.reason(today), s.score(today), s.last_exchange) for s in signals]
