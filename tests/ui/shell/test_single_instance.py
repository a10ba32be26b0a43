"""A second start on the same journal hands over to the running window."""

from __future__ import annotations

from pathlib import Path

from hitouch.ui.shell.single_instance import SingleInstance, server_name


def test_a_second_start_hands_its_files_to_the_first(qtbot, journal_path, tmp_path):
    first = SingleInstance(journal_path)
    assert first.hand_over([]) is False  # nobody is running yet
    assert first.listen()
    second = SingleInstance(journal_path)
    card = tmp_path / "people.vcf"
    card.write_text("BEGIN:VCARD\nEND:VCARD\n")
    with qtbot.waitSignal(first.activated, timeout=3000) as received:
        assert second.hand_over([card]) is True
    assert received.args == [[card.resolve()]]
    first.close()


def test_each_journal_has_its_own_window(tmp_path):
    assert server_name(tmp_path / "a.sqlite3") != server_name(tmp_path / "b.sqlite3")
    assert server_name(Path("~/j.sqlite3")) == server_name(Path.home() / "j.sqlite3")


def wait_until(condition, what: str, seconds: float = 120) -> None:
    """Poll a condition (never a fixed sleep); the limit only stops a test that would hang."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


def test_starting_hitouch_twice_on_one_journal_leaves_one_window(journal_path, tmp_path):
    import os
    import subprocess
    import sys
    import tempfile

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "hitouch", "--db", str(journal_path)]
    log = tmp_path / "first.log"
    with open(log, "wb") as first_log:  # a file, not a pipe nobody reads: a full pipe would stall the window
        first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=first_log)
    try:
        socket_file = Path(tempfile.gettempdir()) / server_name(journal_path)
        wait_until(lambda: socket_file.exists() or first.poll() is not None, "the first window to listen")
        assert first.poll() is None, f"the first window ended: {log.read_text(errors='replace')}"
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # the first window is still there
    finally:
        first.terminate()
        first.wait(timeout=30)
