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


def test_starting_hitouch_twice_on_one_journal_leaves_one_window(journal_path):
    import os
    import subprocess
    import sys
    import tempfile
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "hitouch", "--db", str(journal_path)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        socket_file = Path(tempfile.gettempdir()) / server_name(journal_path)
        deadline = time.monotonic() + 30
        while not socket_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert socket_file.exists(), "the first window never started listening"
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # the first window is still there
    finally:
        first.terminate()
        first.wait(timeout=10)
