"""Build a large, realistic journal for benchmarks: 100,000 contacts and 1,000,000 interactions
by default, with follow-ups, events, referrals, cadences and names in many scripts.

The file is created through the project's own store (open_journal applies the migrations), and
rows go in with set-based Core inserts, one transaction per chunk, so the search triggers and
every index are filled exactly as the application fills them.

Run: .venv/bin/python benchmarks/make_journal.py [--contacts N] [--interactions N] [--out PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from hitouch.domain.text import fold
from hitouch.domain.vocabulary import FACE_TO_FACE, Channel
from hitouch.services.clock import Clock
from hitouch.store.journal import open_journal
from hitouch.store.models import (
    Cadence,
    Contact,
    ContactEmail,
    ContactEvent,
    ContactPhone,
    ContactTag,
    Event,
    FollowUp,
    Interaction,
    InteractionContact,
    JournalMeta,
    LifeChange,
    NudgeDismissal,
    Referral,
    Tag,
)

DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "journal-100k.sqlite3"
CHUNK = 20_000
YEARS = 6  # how far back the journal goes

# Given and family names by script, so sorting, folding and search meet real text.
NAMES = {
    "latin": (
        "Zoë Chloé José Ramón Søren Åsa Björn Ångström Łukasz Małgorzata Dvořák Anaïs François Joël Mónica Íñigo "
        "Adaeze Chinedu Amara Kwame Ngozi Marcus Hannah Oliver Amelia Liam Sofia Mateo Lucía Giulia Lorenzo "
        "Aoife Siobhán Seán Niamh Ciarán Jürgen Müller Renée Zoltán Gergő Ádám Çağla Şebnem Yiğit Thảo Nguyễn",
        "Müller Okonkwo Núñez García Fernández Søndergaard Ødegård Kowalski Wiśniewska Dvořáková Lefèvre Dubois "
        "O'Brien Ní Bhriain Mac Giolla Schröder Weiß Öztürk Yılmaz Şahin Nagy Kovács Smith Johnson Williams "
        "Brown Jones Rossi Bianchi Romano Silva Santos Ferreira Pereira Okafor Mensah Boateng Trần Lê Phạm",
    ),
    "cyrillic": (
        "Александр Екатерина Дмитрий Ольга Сергей Наталья Иван Мария Алексей Анна Олена Тарас Богдан Ірина",
        "Иванов Смирнова Кузнецов Попова Соколов Лебедева Новиков Морозова Шевченко Коваленко Бондаренко",
    ),
    "greek": (
        "Γιώργος Μαρία Νίκος Ελένη Κώστας Αικατερίνη Δημήτρης Σοφία Γιάννης Αναστασία",
        "Παπαδόπουλος Παπαδοπούλου Γεωργίου Νικολάου Οικονόμου Αντωνίου Κωνσταντίνου Βασιλείου",
    ),
    "cjk": (
        "伟 芳 娜 秀英 敏 静 丽 强 磊 军 太郎 花子 健太 さくら 지훈 서연 민준 지우",
        "王 李 张 刘 陈 杨 黄 赵 佐藤 鈴木 高橋 田中 김 이 박 최",
    ),
    "arabic": (
        "محمد فاطمة أحمد عائشة علي مريم يوسف خديجة عمر ليلى",
        "الحسن العلي المنصور الخطيب الشامي الحداد النجار السيد",
    ),
    "devanagari": (
        "आरव अनन्या विवान दिया अर्जुन सान्वी रोहन प्रिया",
        "शर्मा वर्मा गुप्ता सिंह पटेल जोशी मेहता",
    ),
}
SCRIPT_WEIGHTS = {"latin": 70, "cyrillic": 8, "greek": 4, "cjk": 9, "arabic": 5, "devanagari": 4}
COMPANIES = [
    "Fjord Ventures",
    "Northwind",
    "Contoso",
    "Acme Robotics",
    "Shenzhen Robotics",
    "Banco Ñandú",
    "Zürich Re",
    "Société Générale",
    "Tata Digital",
    "Яндекс",
    "Κτήμα Λάμπρου",
    "株式会社みらい",
    "삼성전자",
    "شركة الأفق",
    "Globex",
    "Initech",
    "Umbrella Health",
    "Hooli",
    "Pied Piper",
    "Stark Industries",
    "Wayne Enterprises",
]
TITLES = [
    "Founder",
    "CEO",
    "CTO",
    "Partner",
    "Head of Sales",
    "Engineer",
    "Product Manager",
    "Designer",
    "Investor",
    "Lawyer",
    "Consultant",
    "Directora",
    "Geschäftsführer",
    "Analyst",
    "",
]
TAGS = [
    "investor",
    "fintech",
    "customer",
    "prospect",
    "mentor",
    "press",
    "hiring",
    "partner",
    "friend",
    "alumni",
    "speaker",
    "supplier",
    "legal",
    "design",
    "ai",
    "climate",
    "health",
    "robotics",
    "saas",
    "vc",
]
EVENT_KINDS = [
    "Web Summit",
    "SaaStr Europa",
    "Slush",
    "VivaTech",
    "Fintech Meetup",
    "Founders Breakfast",
    "AI Night",
    "Climate Tech Forum",
    "MWC",
    "CES",
    "Product Circle",
    "Legal Hackers",
    "Demo Day",
]
PLACES = [
    "Lisbon",
    "Barcelona",
    "Helsinki",
    "Paris",
    "Berlin",
    "London",
    "Dublin",
    "Las Vegas",
    "Tokyo",
    "Seoul",
    "São Paulo",
    "Lagos",
    "Nairobi",
    "Mumbai",
    "Athens",
    "Kyiv",
]
VIRTUAL = [Channel.EMAIL, Channel.MESSAGE, Channel.VIDEO, Channel.SOCIAL]
VIRTUAL_WEIGHTS = [40, 30, 22, 8]
IN_PERSON = [Channel.COFFEE, Channel.MEAL, Channel.IN_PERSON, Channel.CALL, Channel.EVENT]
NOTES = [
    "Talked about the Q1 pilot",
    "Wants an intro to a payments lawyer",
    "Sent the deck",
    "Hiring two engineers",
    "Raising a seed round",
    "Asked about the Berlin office",
    "Follow up after the summer",
    "Loves sailing",
    "Кофе и разговор о продукте",
    "Ελάτε στην Αθήνα",
    "来月また会う",
    "الاجتماع القادم في دبي",
    "",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--followups", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--referrals", type=int, default=20_000)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="the journal's today (ISO)")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    if args.out.exists():
        print(f"{args.out} exists; remove it first", file=sys.stderr)
        return 1
    started = time.perf_counter()
    Generator(args).run()
    print(
        f"make_journal: {args.contacts:,} contacts, {args.interactions:,} interactions, {args.followups:,} "
        f"follow-ups, {args.events:,} events, {args.referrals:,} referrals -> {args.out} "
        f"({args.out.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s"
    )
    return 0


class Generator:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.today: date = args.today
        self.rng = random.Random(args.seed)
        self.now = datetime.combine(self.today, datetime.min.time())
        self.first_day = self.today - timedelta(days=365 * YEARS)

    def run(self) -> None:
        journal = open_journal(self.args.out, clock=Clock(fixed=self.now))
        self.engine = journal.engine
        try:
            self._step("contacts", self.contacts)
            self._step("tags", self.tags)
            self._step("events", self.events)
            self._step("interactions", self.interactions)
            self._step("follow-ups", self.followups)
            self._step("referrals", self.referrals)
            self._step("cadences and the rest", self.the_rest)
            # No ANALYZE: a journal in use never gets one, so the benchmarks meet the plans people get.
        finally:
            journal.close()

    def _step(self, what: str, build) -> None:
        started = time.perf_counter()
        build()
        print(f"  {what}: {time.perf_counter() - started:.1f} s", flush=True)

    def _insert(self, model, rows: Iterator[dict]) -> None:
        """Set-based inserts, one transaction per chunk."""
        chunk: list[dict] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                self._write(model, chunk)
                chunk = []
        if chunk:
            self._write(model, chunk)

    def _write(self, model, rows: list[dict]) -> None:
        with self.engine.begin() as connection:
            connection.execute(insert(model), rows)

    def _day(self, start: date, end: date, recent_bias: float = 1.0) -> date:
        """A day in [start, end]; recent_bias > 1 leans towards the end (journals grow)."""
        span = max((end - start).days, 0)
        return start + timedelta(days=int(span * self.rng.random() ** (1 / recent_bias)))

    # Contacts -----------------------------------------------------------------------------

    def contacts(self) -> None:
        rng, n = self.rng, self.args.contacts
        pools = {script: (given.split(), family.split()) for script, (given, family) in NAMES.items()}
        scripts, weights = list(SCRIPT_WEIGHTS), list(SCRIPT_WEIGHTS.values())
        # Who is met in person (later, at events or over coffee) and who stays on a screen.
        self.met = [rng.random() < 0.45 for _ in range(n + 1)]
        # How much each contact is in touch: a few close ones carry most of the journal.
        self.weight = [0.0] + [rng.paretovariate(1.3) for _ in range(n)]
        self.connected = [None] * (n + 1)
        emails, phones = [], []

        def rows() -> Iterator[dict]:
            for cid in range(1, n + 1):
                script = rng.choices(scripts, weights)[0]
                given_pool, family_pool = pools[script]
                given, family = rng.choice(given_pool), rng.choice(family_pool)
                name = f"{family}{given}" if script == "cjk" else f"{given} {family}"
                connected = self._day(self.first_day - timedelta(days=365 * 4), self.today, 1.5)
                self.connected[cid] = connected
                source = (
                    "in-person"
                    if self.met[cid] and rng.random() < 0.5
                    else rng.choice(["linkedin", "linkedin", "online", "import", "referral"])
                )
                created = datetime.combine(connected, datetime.min.time()) + timedelta(hours=9)
                birthday = rng.random() < 0.35
                if rng.random() < 0.7:
                    emails.append(
                        {
                            "contact_id": cid,
                            "address": f"person{cid}@example.com",
                            "address_key": f"person{cid}@example.com",
                            "label": "work",
                            "position": 0,
                        }
                    )
                if rng.random() < 0.4:
                    phones.append(
                        {
                            "contact_id": cid,
                            "number": f"+4477009{cid:05d}",
                            "e164": f"+4477009{cid:05d}",
                            "label": "mobile",
                            "position": 0,
                        }
                    )
                yield {
                    "id": cid,
                    "given": given,
                    "family": family,
                    "name": name,
                    "name_key": fold(name),
                    "company": rng.choice(COMPANIES) if rng.random() < 0.8 else "",
                    "title": rng.choice(TITLES),
                    "notes": rng.choice(NOTES) if rng.random() < 0.2 else "",
                    "source": source,
                    "birthday_mmdd": rng.randint(1, 12) * 100 + rng.randint(1, 28) if birthday else None,
                    "birthday_year": rng.randint(1950, 2002) if birthday and rng.random() < 0.6 else None,
                    "connected_on": connected,
                    "created_at": created,
                    "updated_at": created,
                    "deleted_at": self.now - timedelta(days=rng.randint(1, 25)) if rng.random() < 0.005 else None,
                }

        self._insert(Contact, rows())
        self._insert(ContactEmail, iter(emails))
        self._insert(ContactPhone, iter(phones))

    def tags(self) -> None:
        self._write(Tag, [{"id": i, "name": t, "name_key": t} for i, t in enumerate(TAGS, 1)])
        rng = self.rng

        def rows() -> Iterator[dict]:
            for cid in range(1, self.args.contacts + 1):
                for tag_id in rng.sample(range(1, len(TAGS) + 1), rng.choice([0, 0, 1, 1, 2, 3])):
                    yield {"contact_id": cid, "tag_id": tag_id}

        self._insert(ContactTag, rows())

    # Events and the journal -----------------------------------------------------------------

    def events(self) -> None:
        rng, n = self.rng, self.args.events
        self.event_days = {}
        rows = []
        for event_id in range(1, n + 1):
            day = self._day(self.first_day, self.today + timedelta(days=60), 1.3)
            self.event_days[event_id] = day
            name = f"{rng.choice(EVENT_KINDS)} {day.year} #{event_id}"
            rows.append(
                {
                    "id": event_id,
                    "name": name,
                    "name_key": fold(name),
                    "starts_on": day,
                    "ends_on": None,
                    "place": rng.choice(PLACES),
                    "notes": "",
                    "created_at": self.now,
                }
            )
        self._insert(Event, iter(rows))
        # People met at events: most in person; some only connected through the event's app.
        self.links: list[tuple[int, int, bool]] = []
        past_events = [e for e, d in self.event_days.items() if d <= self.today]
        for cid in range(1, self.args.contacts + 1):
            if rng.random() < 0.35 and past_events:
                event_id = rng.choice(past_events)
                self.links.append((cid, event_id, self.met[cid] and rng.random() < 0.8))
        self._insert(
            ContactEvent, ({"contact_id": c, "event_id": e, "in_person": p, "note": ""} for c, e, p in self.links)
        )

    def interactions(self) -> None:
        rng, n = self.rng, self.args.interactions
        contact_ids = list(range(1, self.args.contacts + 1))
        cumulative = []
        total = 0.0
        for cid in contact_ids:
            total += self.weight[cid]
            cumulative.append(total)
        # Meeting someone at an event in person is an interaction, as the application records it.
        meetings = [(c, e) for c, e, in_person in self.links if in_person]
        n_meetings = min(len(meetings), n)
        interactions: list[dict] = []
        people_rows: list[dict] = []
        for interaction_id in range(1, n + 1):
            if interaction_id <= n_meetings:
                cid, event_id = meetings[interaction_id - 1]
                people, channel, event = [cid], Channel.EVENT, event_id
                day = min(self.event_days[event_id], self.today)
            else:
                first = rng.choices(contact_ids, cum_weights=cumulative)[0]
                people = [first]
                if rng.random() < 0.12:
                    people += rng.choices(contact_ids, cum_weights=cumulative, k=rng.randint(1, 3))
                virtual = not all(self.met[p] for p in people) or rng.random() < 0.55
                channel = rng.choices(VIRTUAL, VIRTUAL_WEIGHTS)[0] if virtual else rng.choice(IN_PERSON[:4])
                day, event = self._day(max(self.connected[first], self.first_day), self.today, 1.4), None
            interactions.append(
                {
                    "id": interaction_id,
                    "occurred_on": day,
                    "occurred_at": None,
                    "channel": str(channel),
                    "note": rng.choice(NOTES) if rng.random() < 0.4 else "",
                    "event_id": event,
                    "created_at": self.now,
                }
            )
            for cid in dict.fromkeys(people):
                people_rows.append(
                    {
                        "interaction_id": interaction_id,
                        "contact_id": cid,
                        "occurred_on": day,
                        "face_to_face": channel in FACE_TO_FACE,
                    }
                )
            if len(interactions) == CHUNK or interaction_id == n:
                self._write(Interaction, interactions)
                self._write(InteractionContact, people_rows)
                interactions, people_rows = [], []

    # Follow-ups, referrals and the rest ---------------------------------------------------------

    def followups(self) -> None:
        rng, n = self.rng, self.args.followups
        kinds = ["coffee", "meeting", "call", "email", "other"]
        start = self.today - timedelta(days=365 * 3)
        end = self.today + timedelta(days=90)

        def rows() -> Iterator[dict]:
            for _ in range(n):
                cid = rng.randint(1, self.args.contacts)
                due = self._day(start, end, 1.2)
                past = due < self.today
                done = past and rng.random() < 0.97
                snoozed = not done and rng.random() < 0.1
                kind = rng.choice(kinds)
                yield {
                    "contact_id": cid,
                    "event_id": None,
                    "kind": kind,
                    "title": f"{kind.title()} #{cid}",
                    "note": "",
                    "due_on": due,
                    "due_time": None,
                    "minutes": None,
                    "status": "done" if done else "open",
                    "snoozed_until": self.today + timedelta(days=rng.randint(1, 20)) if snoozed else None,
                    "done_at": datetime.combine(due, datetime.min.time()) if done else None,
                    "created_at": self.now,
                    "updated_at": self.now,
                    "deleted_at": None,
                    "ical_uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "ical_sequence": 0,
                }

        self._insert(FollowUp, rows())

    def referrals(self) -> None:
        rng = self.rng

        def rows() -> Iterator[dict]:
            for _ in range(self.args.referrals):
                partner = rng.randint(1, self.args.contacts)
                given = rng.random() < 0.5
                lead = rng.randint(1, self.args.contacts)
                status = rng.choices(["open", "met", "won", "lost"], [30, 30, 20, 20])[0]
                yield {
                    "from_contact_id": None if given else partner,
                    "to_contact_id": partner if given else None,
                    "lead_contact_id": lead if rng.random() < 0.6 else None,
                    "lead_text": "" if rng.random() < 0.6 else "A lead from the newsletter",
                    "occurred_on": self._day(self.first_day, self.today, 1.3),
                    "note": "",
                    "status": status,
                    "value_cents": rng.randint(1, 500) * 10_000 if status == "won" else None,
                    "event_id": None,
                    "created_at": self.now,
                }

        self._insert(Referral, rows())

    def the_rest(self) -> None:
        rng, n = self.rng, self.args.contacts
        # Cadences are set by hand for people kept close: a few percent, mostly the active ones.
        with_cadence = set(rng.choices(range(1, n + 1), weights=self.weight[1:], k=n // 40))
        self._insert(
            Cadence,
            (
                {
                    "contact_id": cid,
                    "every": rng.choice([1, 2, 3, 6]),
                    "unit": rng.choice("wm"),
                    "since": self.connected[cid],
                }
                for cid in with_cadence
            ),
        )
        dismissed = rng.sample(range(1, n + 1), n // 200)
        self._insert(
            NudgeDismissal,
            ({"contact_id": cid, "until": self.today + timedelta(days=rng.randint(-30, 60))} for cid in dismissed),
        )
        updated = rng.sample(range(1, n + 1), n // 300)
        self._insert(
            LifeChange,
            (
                {
                    "contact_id": cid,
                    "noticed_on": self.today - timedelta(days=rng.randint(0, 20)),
                    "kind": "company",
                    "old_value": "",
                    "new_value": rng.choice(COMPANIES),
                    "batch_id": None,
                    "acknowledged_at": None,
                }
                for cid in updated
            ),
        )
        self._write(JournalMeta, [{"key": "generated_on", "value": self.today.isoformat()}])


if __name__ == "__main__":
    sys.exit(main())
