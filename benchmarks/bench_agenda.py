"""How long the daily agenda and the face-to-face nudges take on a large journal
(100,000 contacts, 1,000,000 interactions by default; built with make_journal.py when absent).

Each question runs in the same process the window would use (one open workspace, warm after
the first call); the first (cold) call is printed apart from the median and the worst of the rest.

Run: .venv/bin/python benchmarks/bench_agenda.py [--journal PATH] [--runs N]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_journal
from hitouch.services.clock import Clock
from hitouch.services.workspace import open_workspace

TARGET_MS = 50


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, default=make_journal.DEFAULT_OUT)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if not args.journal.exists():
        make_journal.main(["--out", str(args.journal)])
    with sqlite3.connect(f"file:{args.journal}?mode=ro", uri=True) as db:
        row = db.execute("SELECT value FROM journal_meta WHERE key = 'generated_on'").fetchone()
    # The journal's own today, so the figures mean the same whichever day they are taken.
    today = datetime.fromisoformat(row[0]).date() if row else datetime.now().date()
    ws = open_workspace(args.journal, clock=Clock(fixed=datetime.combine(today, clock_time(10, 30))))
    try:
        contacts = len(ws.contacts.ids())
        agenda = ws.agenda.agenda(7)
        print(f"journal: {args.journal.name}, {contacts:,} live contacts, today {today.isoformat()}")
        print(
            f"agenda (7 days): {len(agenda.overdue):,} overdue, {len(agenda.due):,} due, "
            f"{len(agenda.cadence):,} cadences, {len(agenda.birthdays):,} birthdays, {len(agenda.nudges)} nudges, "
            f"{len(agenda.small_acts):,} small acts"
        )
        for name, question in (
            ("agenda --days 7", lambda: ws.agenda.agenda(7)),
            ("agenda --days 1", lambda: ws.agenda.agenda(1)),
            ("nudges --limit 10", lambda: ws.nudges.list(10)),
        ):
            cold, median, worst, cpu = measure(question, args.runs)
            verdict = "ok" if median < TARGET_MS else "OVER TARGET"
            print(
                f"{name:<18} first {cold:6.1f} ms   median {median:6.1f} ms   worst {worst:6.1f} ms   "
                f"cpu median {cpu:5.1f} ms   ({args.runs} runs, target {TARGET_MS} ms: {verdict})"
            )
        top = ws.nudges.list(3)
        for nudge in top:
            print(f"  nudge: {nudge.contact.name}: {nudge.reason} (score {nudge.score:g})")
    finally:
        ws.close()
    return 0


def measure(question, runs: int) -> tuple[float, float, float, float]:
    """First (cold) wall time, then the median and worst wall times and the median CPU time of
    the rest: on a shared machine the CPU time shows what the question itself costs."""
    wall, cpu = [], []
    for _ in range(runs + 1):
        started, started_cpu = time.perf_counter(), time.process_time()
        question()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall[0], statistics.median(wall[1:]), max(wall[1:]), statistics.median(cpu[1:])


if __name__ == "__main__":
    sys.exit(main())
