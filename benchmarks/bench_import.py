"""The whole import (read, match, store) against vobject's bare parse of the same file.

- 10,000 realistic vCard 3.0 cards (names in Latin with accents, Cyrillic, Greek, CJK, Arabic,
  Devanagari; emails, phones, companies, titles, tags, notes): target within 1.3x of the bare parse.
- 2,000 LinkedIn rows (Connections.csv with its Notes: preamble): target under 1 s.
- 1,000 cards into journals of 10,000 and 100,000 contacts (a third match by email, a third
  are near names, a third are new): matching stays indexed, so the time barely grows.

Times are CPU seconds of this process, the best of a few runs, the bare parse and the import
alternated so that both see the same machine.

Run: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import random
import tempfile
import time
from datetime import datetime
from pathlib import Path

import vobject

from hitouch.domain.phones import to_e164
from hitouch.domain.text import fold
from hitouch.services.clock import Clock
from hitouch.services.workspace import open_workspace
from hitouch.store.bulk import NewContact, insert_contacts

CARDS = 10_000
LINKEDIN_ROWS = 2_000
SMALL_IMPORT = 1_000

# Common given names, and family names built from syllables so that most people differ.
NAMES = {
    "latin": (
        ["Zoë", "José", "François", "Łukasz", "Søren", "Ana", "Björn", "Chloé", "Ìfẹ́", "Mário", "Inès", "Ömer"],
        ["bé", "ro", "ka", "lu", "mi", "sø", "ner", "dvo", "řák", "ta", "vi", "lle", "gar", "cía", "ñez", "şa"],
    ),
    "cyrillic": (
        ["Ольга", "Дмитрий", "Наталья", "Иван", "Светлана"],
        ["ко", "ва", "лё", "ни", "сми", "ров", "ше", "ин", "пе", "тро", "ку", "зне"],
    ),
    "greek": (["Αθηνά", "Νίκος", "Ελένη", "Γιώργος"], ["πα", "δό", "που", "λος", "οι", "κο", "νό", "μου", "αλέ", "ξί"]),
    "cjk": (["太郎", "花子", "伟", "秀英", "민준"], list("山田佐藤王李김高橋中村小林松本井上木山口渡辺伊吉川森池")),
    "arabic": (["محمد", "فاطمة", "أحمد", "ليلى"], ["حس", "ن", "عل", "ي", "من", "صو", "ر", "سا", "لم", "كر"]),
    "devanagari": (["आरव", "प्रिया", "राहुल", "अनन्या"], ["श", "र्मा", "व", "प", "टे", "ल", "कु", "मा", "र", "सिं"]),
}
COMPANIES = [
    "Fjord Ventures",
    "Northwind",
    "Blue Heron Studio",
    "Acme Robotics",
    "Søndergaard & Co",
    "株式会社サンプル",
    "ООО Ромашка",
    "Globex",
    "Umbrella Pharma",
    "Initech",
]
TITLES = ["Partner", "Head of Sales", "CTO", "Founder & CEO", "Product Manager", "Engineer", "Designer"]
TAGS = ["Investor", "Web Summit", "Friends", "Customer", "Press", "Speaker"]


STREETS = ["High Street", "Rue de Rivoli", "Kurfürstendamm", "Тверская улица", "銀座通り", "Calle Mayor"]
CITIES = [
    ("London", "N1 1AA", "United Kingdom", "gb"),
    ("Paris", "75001", "France", "fr"),
    ("Berlin", "10719", "Germany", "de"),
    ("Москва", "125009", "Россия", "ru"),
    ("東京", "104-0061", "日本", "jp"),
]


def person(rng: random.Random, i: int) -> dict:
    script = rng.choice(list(NAMES))
    givens, syllables = NAMES[script]
    given = rng.choice(givens)
    family = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3, 3, 4)))).capitalize()
    if script == "arabic":
        family = "ال" + family
    return {
        "given": given,
        "family": family,
        "company": rng.choice(COMPANIES),
        "title": rng.choice(TITLES),
        "email": f"person{i}@example{i % 50}.com",
        "phone": f"+44 7700 9{i:05d}",
        "work_phone": f"+44 20 7{i % 1000:03d} {i % 10000:04d}" if i % 2 else "",
        "street": f"{i % 200 + 1} {rng.choice(STREETS)}",
        "city": rng.choice(CITIES),
        "birthday": f"19{60 + i % 40}-{i % 12 + 1:02d}-{i % 28 + 1:02d}" if i % 3 == 0 else "",
        "tags": rng.sample(TAGS, 2),
        "note": f"Met {given} at the {rng.choice(['Web Summit', 'SaaStr', 'meetup'])}; talked about {i}, widgets, "
        f"and the Q{i % 4 + 1} pilot.\\nFollow up in May.",
    }


def vcard(p: dict, i: int = 0) -> str:
    """One card as Apple Contacts exports it: typed and labelled values, an address, a web page
    with an X-ABLabel, the identifiers and the revision date that come with every card."""
    city, postcode, country, code = p["city"]
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//macOS 14.5//EN",
        f"N:{p['family']};{p['given']};;;",
        f"FN:{p['given']} {p['family']}",
        f"ORG:{p['company']};",
        f"TITLE:{p['title']}",
        f"EMAIL;type=INTERNET;type=WORK;type=pref:{p['email']}",
        f"TEL;type=CELL;type=VOICE;type=pref:{p['phone']}",
    ]
    if p["work_phone"]:
        lines.append(f"TEL;type=WORK;type=VOICE:{p['work_phone']}")
    lines += [
        f"item2.ADR;type=WORK;type=pref:;;{p['street']};{city};;{postcode};{country}",
        f"item2.X-ABADR:{code}",
        f"item3.URL;type=pref:https\\://www.example{i % 50}.com/team/{i}",
        "item3.X-ABLabel:_$!<HomePage>!$_",
    ]
    if p["birthday"]:
        lines.append(f"BDAY:{p['birthday']}")
    lines += [
        f"NOTE:{p['note']}",
        f"CATEGORIES:{','.join(p['tags'])}",
        f"UID:{i:08d}-7a1e-4b5c-9d2f-{i:012d}",
        f"X-ABUID:{i:08d}-7A1E-4B5C-9D2F-{i:012d}:ABPerson",
        "REV:2026-03-14T09:26:53Z",
        "END:VCARD",
    ]
    return "\r\n".join(lines) + "\r\n"


def linkedin_file(rows: int) -> str:
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the fields are empty."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    rng = random.Random(2)
    for i in range(rows):
        p = person(rng, i)
        lines.append(
            f"{p['given']},{p['family']},https://www.linkedin.com/in/person-{i},,{p['company']},"
            f"{p['title']},08 Feb 2023"
        )
    return "\n".join(lines) + "\n"


def fresh(folder: Path, name: str):
    return open_workspace(folder / f"{name}.sqlite3", clock=Clock(datetime(2026, 11, 22, 10, 30)), region="GB")


def timed(work) -> float:
    """CPU seconds of this process: on a shared machine other programs would blur wall-clock
    comparisons (the import's only waits, the commits, are short in WAL mode)."""
    start = time.process_time()
    work()
    return time.process_time() - start


def whole_import(ws, path: Path):
    to_e164.cache_clear()  # each run starts cold, as a real import does
    return ws.importing.apply(ws.importing.plan([path]))


def fill_journal(ws, count: int) -> None:
    """`count` contacts straight through the bulk insert (what an import would have left)."""
    rng = random.Random(7)
    now = datetime(2026, 1, 1)
    with ws.journal.write() as session:
        for start in range(0, count, 5_000):
            rows = []
            for i in range(start, min(start + 5_000, count)):
                p = person(rng, i)
                name = f"{p['given']} {p['family']}"
                rows.append(
                    NewContact(
                        contact={
                            "given": p["given"],
                            "family": p["family"],
                            "name": name,
                            "name_key": fold(name),
                            "company": p["company"],
                            "title": p["title"],
                            "notes": "",
                            "source": "import",
                            "birthday_mmdd": None,
                            "birthday_year": None,
                            "connected_on": None,
                            "vcard_uid": None,
                            "created_at": now,
                            "updated_at": now,
                            "deleted_at": None,
                        },
                        emails=[{"address": p["email"], "address_key": p["email"], "label": "work"}],
                        phones=[
                            {"number": p["phone"].replace(" ", ""), "e164": p["phone"].replace(" ", ""), "label": ""}
                        ],
                    )
                )
            insert_contacts(session, rows)


def small_import_file(folder: Path, journal_size: int) -> Path:
    """A third known by email, a third near names of people in the journal, a third new."""
    rng = random.Random(7)
    known = [person(rng, i) for i in range(journal_size)]
    cards = []
    for i in range(SMALL_IMPORT):
        p = dict(known[(i * 97) % journal_size])
        if i % 3 == 1:
            p["email"], p["phone"] = f"other{i}@elsewhere.example", f"+33 6 12 {i:02d} 00 {i % 100:02d}"
            p["given"] = p["given"][:-1] or p["given"]  # 'José' -> 'Jos'
        elif i % 3 == 2:
            p = person(random.Random(i), 900_000 + i)
        cards.append(vcard(p, 900_000 + i))
    path = folder / f"small-{journal_size}.vcf"
    path.write_text("".join(cards), encoding="utf-8")
    return path


def minimal_vcard(p: dict) -> str:
    """The same person with only what HiTouch keeps: the least favourable case for HiTouch,
    since it no longer gains from leaving addresses and identifiers out before parsing."""
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"N:{p['family']};{p['given']};;;\r\nFN:{p['given']} {p['family']}\r\n"
        f"ORG:{p['company']}\r\nTITLE:{p['title']}\r\n"
        f"EMAIL;TYPE=INTERNET,WORK:{p['email']}\r\nTEL;TYPE=CELL:{p['phone']}\r\n"
        f"CATEGORIES:{','.join(p['tags'])}\r\nNOTE:{p['note']}\r\n"
        "END:VCARD\r\n"
    )


def against_bare_parse(folder: Path, name: str, text: str, label: str, rows: list) -> None:
    """Bare parse and whole import, alternated so that both see the same machine load."""
    path = folder / f"{name}.vcf"
    path.write_text(text, encoding="utf-8")
    bare, ours = [], []
    for run in range(3):
        bare.append(timed(lambda: list(vobject.readComponents(path.read_bytes().decode("utf-8")))))
        ws = fresh(folder, f"{name}{run}")
        ours.append(timed(lambda ws=ws: whole_import(ws, path)))
        created = len(ws.contacts.ids())
        ws.close()
    rows.append((f"{CARDS:,} {label}: vobject.readComponents (bare parse)", f"{min(bare):.2f} s", "", ""))
    rows.append(
        (
            f"{CARDS:,} {label}: HiTouch import into an empty journal",
            f"{min(ours):.2f} s",
            f"{min(ours) / min(bare):.2f}x",
            f"{created:,} contacts",
        )
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="hitouch-bench-"))
    people = [person(random.Random(i), i) for i in range(CARDS)]
    rows: list[tuple[str, str, str, str]] = []
    against_bare_parse(
        folder, "contacts", "".join(vcard(p, i) for i, p in enumerate(people)), "vCards as Apple exports them", rows
    )
    ratio = float(rows[-1][2][:-1])
    rows.append(("  target: within 1.3x of the bare parse", "", "met" if ratio <= 1.3 else "NOT MET", ""))
    against_bare_parse(
        folder, "minimal", "".join(minimal_vcard(p) for p in people), "minimal vCards (for comparison)", rows
    )

    linkedin = folder / "Connections.csv"
    linkedin.write_text(linkedin_file(LINKEDIN_ROWS), encoding="utf-8")
    times = []
    for run in range(3):
        ws = fresh(folder, f"linkedin{run}")
        times.append(timed(lambda ws=ws: whole_import(ws, linkedin)))
        created = len(ws.contacts.ids())
        ws.close()
    rows.append(
        (f"{LINKEDIN_ROWS:,} LinkedIn rows: HiTouch import", f"{min(times) * 1000:.0f} ms", "", f"{created:,} contacts")
    )
    rows.append(("  target: under 1 s", "", "met" if min(times) < 1 else "NOT MET", ""))

    for size in (10_000, 100_000):
        ws = fresh(folder, f"full{size}")
        fill_journal(ws, size)
        path = small_import_file(folder, size)
        plan_time = timed(lambda ws=ws, path=path: ws.importing.plan([path]))
        plan = ws.importing.plan([path])
        apply_time = timed(lambda ws=ws, plan=plan: ws.importing.apply(plan))
        c = plan.counts()
        rows.append(
            (
                f"{SMALL_IMPORT:,} vCards into {size:,} contacts: preview (read + match)",
                f"{plan_time:.2f} s",
                "",
                f"{c.created - len(plan.suggestions)} new, {c.merged} merged, {len(plan.suggestions)} suggested",
            )
        )
        rows.append(
            (
                f"{SMALL_IMPORT:,} vCards into {size:,} contacts: import (match again + store)",
                f"{apply_time:.2f} s",
                "",
                "",
            )
        )
        ws.close()

    width = max(len(r[0]) for r in rows)
    print(f"{'What':<{width}}  {'CPU time':>9}  {'Ratio':>7}  Result")
    for what, seconds, ratio, result in rows:
        print(f"{what:<{width}}  {seconds:>9}  {ratio:>7}  {result}".rstrip())


if __name__ == "__main__":
    main()
