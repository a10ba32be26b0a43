"""HiTouch at scale: the figures of issue #6 on a journal of 100,000 contacts and 1,000,000
interactions, with the reference measurements beside them in the same run.

    .venv/bin/python benchmarks/run.py [--journal PATH] [--json] [--quick]

The journal is made by make_journal.py when it is missing. The window is the real one, built
offscreen through hitouch.app.create_main_window; keystrokes go to its searchBox.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="hitouch-bench-")  # default preferences

HERE = Path(__file__).resolve().parent
DEFAULT_JOURNAL = HERE / "out" / "journal-100k.sqlite3"
# What people type: names, a company, a fragment of a note, then backspaces.
TYPING = ["muller", "o'brien", "garcia", "ngozi", "kovacs", "fjord", "dinner", "zoe"]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


# The window ----------------------------------------------------------------------------------


def window_figures(journal: Path) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from hitouch.app import create_main_window  # imports are not part of the start

    def settle(widget) -> None:
        app.processEvents()
        widget.repaint()  # paint now, not at the next idle moment

    started = time.perf_counter()
    window = create_main_window(journal)
    window.show()
    settle(window)
    start = time.perf_counter() - started

    contacts = window.contacts
    window.sidebar.show_page(contacts)
    settle(window)
    box, view = contacts.search_box, contacts.list

    strokes: list[float] = []
    for word in TYPING:
        for char in word:
            began = time.perf_counter()
            QTest.keyClick(box, char)
            settle(view.viewport())
            strokes.append(time.perf_counter() - began)
        for _ in word:
            began = time.perf_counter()
            QTest.keyClick(box, Qt.Key.Key_Backspace)
            settle(view.viewport())
            strokes.append(time.perf_counter() - began)
    assert contacts.model.rowCount() > 99_000, "the search box did not clear"

    began = time.perf_counter()
    view.scrollToBottom()
    settle(view.viewport())
    to_end = time.perf_counter() - began
    last = contacts.model.index(contacts.model.rowCount() - 1).data()

    figures = {
        "contacts": contacts.model.rowCount(),
        "start_ms": ms(start),
        "keystroke_median_ms": ms(statistics.median(strokes)),
        "keystroke_p90_ms": ms(sorted(strokes)[int(len(strokes) * 0.9)]),
        "keystroke_worst_ms": ms(max(strokes)),
        "keystrokes": len(strokes),
        "scroll_to_end_ms": ms(to_end),
        "last_row": last,
        "rss_mb": rss_mb(),
    }
    window.close()
    window.deleteLater()
    app.processEvents()
    return figures


def proxy_reference(names: list[str]) -> dict:
    """The approach not taken: every keystroke filters all rows in a QSortFilterProxyModel."""
    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt

    source = QStringListModel(names)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    times = []
    for prefix in ("m", "mu", "mul", "mull", "mulle", "muller"):
        began = time.perf_counter()
        proxy.setFilterFixedString(prefix)
        proxy.rowCount()
        times.append(time.perf_counter() - began)
    return {"proxy_keystroke_median_ms": ms(statistics.median(times)), "proxy_keystroke_worst_ms": ms(max(times))}


START_PROBE = """
import os, sys, time, tempfile
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from hitouch.app import create_main_window
began = time.perf_counter()
window = create_main_window(sys.argv[1])
window.show()
app.processEvents()
window.repaint()
print(time.perf_counter() - began)
"""


def start_figures(journal: Path, runs: int = 5) -> dict:
    """The window built and painted, in fresh processes (imports done first, not timed)."""
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", START_PROBE, str(journal)], capture_output=True, text=True, check=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        for _ in range(runs)
    ]
    return {"start_median_ms": ms(statistics.median(times)), "start_worst_ms": ms(max(times)), "start_runs": runs}


# Storage --------------------------------------------------------------------------------------


def fts_reference(journal: Path) -> dict:
    """A bare FTS5 prefix query, no HiTouch code: what the search is built on."""
    db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    times = []
    for prefix in ("m", "mu", "mul", "mull", "zo", "fj", "din"):
        began = time.perf_counter()
        db.execute(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rank", (f'"{prefix}"*',)
        ).fetchall()
        times.append(time.perf_counter() - began)
    plan = " / ".join(
        r[3]
        for r in db.execute("EXPLAIN QUERY PLAN SELECT rowid FROM contact_search WHERE contact_search MATCH '\"mu\"*'")
    )
    db.close()
    return {"fts_median_ms": ms(statistics.median(times)), "fts_worst_ms": ms(max(times)), "fts_plan": plan}


def search_plans(journal: Path) -> list[str]:
    """The steps of HiTouch's search plans that read rows without an index (FTS5 MATCH steps
    use the full-text index and are left out). A full scan of a table would show here."""
    import re

    from hitouch.store.queries.search_index import contact_ids_matching

    db = sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    full_scans: list[str] = []
    original = db.execute

    class Recorder:
        def execute(self, sql, params=()):
            if sql.lstrip().upper().startswith("SELECT"):
                names = {t: t for t in tables} | {
                    alias: table
                    for table, alias in re.findall(r"(?:FROM|JOIN)\s+(\w+)\s+(?:AS\s+)?(\w+)", sql, re.I)
                    if table in tables
                }
                for row in original("EXPLAIN QUERY PLAN " + sql, params):
                    step = row[3].split()
                    if step[0] == "SCAN" and names.get(step[1]) and "VIRTUAL" not in step and "USING" not in step:
                        full_scans.append(f"{names[step[1]]}")
            return original(sql, params)

    for query in ("m", "mu", "muller", "dinner", "o'brien"):
        contact_ids_matching(Recorder(), query)
    db.close()
    return full_scans


def bulk_reference(rows: int) -> dict:
    """One ORM object per row against one Core executemany, for the same rows."""
    from sqlalchemy import create_engine, insert
    from sqlalchemy.orm import Session

    from hitouch.domain.text import fold
    from hitouch.store.models import Base, Contact

    now = __import__("datetime").datetime(2026, 11, 22)
    values = [
        dict(
            name=f"Person {i}",
            name_key=fold(f"Person {i}"),
            given="",
            family="",
            company="",
            title="",
            notes="",
            source="import",
            created_at=now,
            updated_at=now,
        )
        for i in range(rows)
    ]
    figures = {}
    for how in ("orm", "core"):
        with tempfile.TemporaryDirectory() as folder:
            engine = create_engine(f"sqlite:///{folder}/bulk.sqlite3")
            Base.metadata.create_all(engine)
            began = time.perf_counter()
            with Session(engine) as session, session.begin():
                if how == "orm":
                    session.add_all(Contact(**v) for v in values)
                else:
                    session.execute(insert(Contact), values)
            figures[f"bulk_{how}_s"] = round(time.perf_counter() - began, 2)
            engine.dispose()
    return figures


# The command line -----------------------------------------------------------------------------


def command_figures(journal: Path) -> dict:
    hitouch = [sys.executable, "-m", "hitouch", "--db", str(journal)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def timed(args: list[str], runs: int = 5) -> tuple[float, subprocess.CompletedProcess]:
        best, result = float("inf"), None
        for _ in range(runs):
            began = time.perf_counter()
            result = subprocess.run(args, capture_output=True, text=True, env=env)
            best = min(best, time.perf_counter() - began)
        return best, result

    version, _ = timed([sys.executable, "-m", "hitouch", "--version"])
    search, result = timed([*hitouch, "search", "muller", "--json"])
    found = len(json.loads(result.stdout)["contacts"]) if result.returncode == 0 else None
    probe = (
        "import sys, runpy; sys.argv=['hitouch','--version']\n"
        "try:\n    runpy.run_module('hitouch', run_name='__main__')\nexcept SystemExit: pass\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    qt_loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env).stdout.strip()
    return {
        "cli_version_ms": ms(version),
        "cli_version_imports_qt": qt_loaded.endswith("True"),
        "cli_search_ms": ms(search),
        "cli_search_found": found,
    }


# Putting it together --------------------------------------------------------------------------


def ensure_journal(journal: Path) -> None:
    """Made when missing; upgraded (not timed) when an older HiTouch made it."""
    if not journal.exists():
        print(f"making {journal} (a few minutes)…", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "make_journal.py"), "--out", str(journal)], check=True)
    from hitouch.services.clock import Clock
    from hitouch.store.journal import open_journal

    open_journal(journal, clock=Clock()).close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journal", type=Path, default=DEFAULT_JOURNAL)
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-row ORM/Core reference")
    args = parser.parse_args()
    ensure_journal(args.journal)
    # Work on a copy: the window may write (daily backup, trash purge) and the journal stays as made.
    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder) / "journal.sqlite3"
        source = sqlite3.connect(args.journal)
        target = sqlite3.connect(journal)
        source.backup(target)
        source.close()
        target.close()

        figures: dict = {
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
        }
        figures |= window_figures(journal)
        figures |= start_figures(journal)
        names = [r[0] for r in sqlite3.connect(journal).execute("SELECT name FROM contact")]
        figures |= proxy_reference(names)
        figures |= fts_reference(journal)
        figures["search_full_scans"] = search_plans(journal)
        figures |= command_figures(journal)
        if not args.quick:
            figures |= bulk_reference(100_000)

    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    rows = [
        ("Journal", f"{figures['contacts']:,} live contacts", "100,000"),
        (
            f"Window built and painted (after imports), median / worst of {figures['start_runs']} fresh starts",
            f"{figures['start_median_ms']} / {figures['start_worst_ms']} ms",
            "< 500 ms",
        ),
        ("Keystroke to updated list, median", f"{figures['keystroke_median_ms']} ms", "< 16 ms"),
        ("Keystroke to updated list, 90th percentile", f"{figures['keystroke_p90_ms']} ms", ""),
        ("Keystroke to updated list, worst", f"{figures['keystroke_worst_ms']} ms", "< 100 ms"),
        (f"  ({figures['keystrokes']} keystrokes typing and deleting {', '.join(TYPING)})", "", ""),
        ("  reference: QSortFilterProxyModel per keystroke, median", f"{figures['proxy_keystroke_median_ms']} ms", ""),
        (
            "  reference: bare FTS5 prefix query, median / worst",
            f"{figures['fts_median_ms']} / {figures['fts_worst_ms']} ms",
            "",
        ),
        (
            "Full-table scans in the search's query plans",
            str(len(figures["search_full_scans"]))
            + (f" ({'; '.join(figures['search_full_scans'])})" if figures["search_full_scans"] else ""),
            "0",
        ),
        ("Scroll to the last of the list", f"{figures['scroll_to_end_ms']} ms", "immediate"),
        ("Resident memory with the journal open", f"{figures['rss_mb']} MB", "< 300 MB"),
        (
            "hitouch --version, whole process",
            f"{figures['cli_version_ms']} ms",
            "no Qt" if not figures["cli_version_imports_qt"] else "IMPORTS QT",
        ),
        ("hitouch search muller, whole process", f"{figures['cli_search_ms']} ms", "< 500 ms"),
    ]
    if "bulk_orm_s" in figures:
        rows += [
            (
                "  reference: 100,000 rows, ORM add_all / Core executemany",
                f"{figures['bulk_orm_s']} s / {figures['bulk_core_s']} s",
                "",
            )
        ]
    width = max(len(r[0]) for r in rows)
    print(f"HiTouch at scale on {figures['machine']}")
    for what, value, target in rows:
        print(f"{what:<{width}}  {value:>16}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
