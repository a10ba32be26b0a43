"""How long reading takes: 10,000 vCard 3.0 cards (HiTouch vs bare vobject) and 2,000 LinkedIn rows.

Run: PYTHONPATH=src python benchmarks/bench_vcard_parse.py
"""

from __future__ import annotations

import time
from datetime import date

import vobject

from hitouch.interop.contacts_io import read_contacts_bytes

CARDS = 10_000
LINKEDIN_ROWS = 2_000


def vcard_file(count: int) -> bytes:
    cards = []
    for i in range(count):
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"N:Family{i};Given{i};;;\r\nFN:Given{i} Family{i}\r\n"
            f"ORG:Company {i % 97};Sales\r\nTITLE:Engineer\r\n"
            f"EMAIL;TYPE=INTERNET,WORK:person{i}@example.com\r\n"
            f"TEL;TYPE=CELL:+44 7700 9{i:05d}\r\n"
            f"item1.URL:https://example.com/{i}\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\n"
            "BDAY:1980-03-15\r\nCATEGORIES:Friends,Work\r\n"
            f"NOTE:Met at the conference\\, talked about widgets {i}.\\nFollow up in May.\r\n"
            f"ADR;TYPE=WORK:;;{i} High Street;London;;N1 1AA;United Kingdom\r\n"
            "END:VCARD\r\n"
        )
    return "".join(cards).encode("utf-8")


def linkedin_file(rows: int) -> bytes:
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the fields are empty."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    lines += [
        f"Given{i},Family{i},https://www.linkedin.com/in/person{i},,Company {i},Engineer,08 Feb 2023"
        for i in range(rows)
    ]
    return "\n".join(lines).encode("utf-8")


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    data = vcard_file(CARDS)
    text = data.decode("utf-8")
    bare = best_of(3, lambda: list(vobject.readComponents(text)))
    ours = best_of(3, lambda: read_contacts_bytes(data, "bench.vcf", today=date.today()))
    print(
        f"{CARDS} vCard 3.0 cards: vobject.readComponents {bare:.2f} s, read_contacts_bytes {ours:.2f} s "
        f"({ours / bare:.2f}x)"
    )
    rows = linkedin_file(LINKEDIN_ROWS)
    linkedin = best_of(5, lambda: read_contacts_bytes(rows, "Connections.csv", today=date.today()))
    print(f"{LINKEDIN_ROWS} LinkedIn rows: read_contacts_bytes {linkedin * 1000:.0f} ms")


if __name__ == "__main__":
    main()
