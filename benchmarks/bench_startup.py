"""How fast HiTouch starts: the command line, the window on a journal of 2,000 contacts, the icons.

Run: .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="hitouch-bench-")

CONTACTS = 2_000


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    version = best_of(
        5, lambda: subprocess.run([sys.executable, "-m", "hitouch", "--version"], check=True, capture_output=True)
    )
    print(f"hitouch --version (new process, best of 5): {version * 1000:.0f} ms")

    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from hitouch.app import create_main_window
    from hitouch.domain.cards import ContactCard, Labelled
    from hitouch.settings import SettingsFile
    from hitouch.ui.common.icons import app_icon, icon, icon_names

    folder = Path(tempfile.mkdtemp(prefix="hitouch-bench-"))
    window = create_main_window(folder / "journal.sqlite3", settings_file=SettingsFile(folder / "settings.json"))
    for i in range(CONTACTS):
        window.ws.contacts.add(
            ContactCard(name=f"Person {i}", company=f"Company {i % 97}", emails=[Labelled(f"p{i}@example.com")])
        )
    window.close()

    def open_window() -> None:
        win = create_main_window(folder / "journal.sqlite3", settings_file=SettingsFile(folder / "settings.json"))
        win.show()
        app.processEvents()
        win.grab()
        win.close()

    print(
        f"window on {CONTACTS:,} contacts, built, shown and painted (best of 3): "
        f"{best_of(3, open_window) * 1000:.0f} ms"
    )

    names = icon_names()
    start = time.perf_counter()
    for name in names:
        icon(name).pixmap(QSize(24, 24))
    first = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        icon(name).pixmap(QSize(24, 24))
    again = time.perf_counter() - start
    print(f"{len(names)} symbolic icons at 24 px: first paint {first * 1000:.1f} ms, again {again * 1000:.2f} ms")
    start = time.perf_counter()
    app_icon.cache_clear()
    app_icon()
    print(f"app icon, 9 PNG sizes loaded: {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
