"""Special files as import input: devices that never end, FIFOs that never speak, pipes read once.

`/dev/zero` and `/dev/urandom` once grew to gigabytes and then a MemoryError; a FIFO hung the
import forever; `import /dev/stdin` and `<(cat x.vcf)` said "empty" (the format was told from a
first read, and the import read again).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hitouch.interop import input_files
from hitouch.interop.input_files import MAX_BYTES, ReadOnce, input_bytes, stream_bytes
from hitouch.interop.results import UnreadableFile

CARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pipe Person\r\nEMAIL:pipe@example.com\r\nEND:VCARD\r\n"
CALENDAR = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:pipe-1\r\n"
    b"DTSTART:20261201T090000Z\r\nSUMMARY:Coffee\r\nATTENDEE:mailto:pipe@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
MEMORY_LIMIT = 3 * 1024**3  # the address space a command may use here: far above what a capped read needs


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def hitouch(
    tmp_path: Path, *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hitouch", "--db", str(tmp_path / "journal.sqlite3"), *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limited,
        env={**os.environ, "HITOUCH_NOW": "2026-11-22T10:30"},
    )


def one_clear_line(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.mark.slow
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_too_large_and_no_memory_runs_out(tmp_path, device):
    err = one_clear_line(hitouch(tmp_path, "import", device))
    assert f"{device}: it is too large" in err and "nothing was imported" in err


def test_a_regular_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.vcf"
    with huge.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written, and nothing should be read
    with pytest.raises(UnreadableFile, match=r"huge\.vcf: it is too large \(256 MB\)"):
        input_bytes(huge)


@pytest.mark.slow
def test_a_fifo_that_sends_nothing_times_out_with_a_message(tmp_path):
    fifo = tmp_path / "contacts.vcf"
    os.mkfifo(fifo)
    err = one_clear_line(hitouch(tmp_path, "import", str(fifo), timeout=60))
    assert "contacts.vcf: nothing arrived from it for 10 seconds" in err


def test_a_fifo_that_sends_a_card_is_imported(tmp_path):
    fifo = tmp_path / "from-a-fifo"
    os.mkfifo(fifo)

    def send() -> None:
        with open(fifo, "wb") as writer:  # blocks until the import opens it
            writer.write(CARD)

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    result = hitouch(tmp_path, "import", str(fifo), "--json", timeout=60)
    sender.join(5)
    assert result.returncode == 0, result.stderr.decode()
    assert b'"created": 1' in result.stdout


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_a_pipe_is_read_once_as_a_stream_and_imported(tmp_path, name):
    result = hitouch(tmp_path, "import", name, "--json", stdin=CARD)
    assert result.returncode == 0, result.stderr.decode()
    assert b'"created": 1' in result.stdout
    listed = hitouch(tmp_path, "contact", "list", "--json")
    assert b"Pipe Person" in listed.stdout


def test_a_calendar_through_a_pipe_goes_to_the_calendar_import(tmp_path):
    assert hitouch(tmp_path, "import", "-", stdin=CARD).returncode == 0
    result = hitouch(tmp_path, "import", "-", "--json", stdin=CALENDAR)
    assert result.returncode == 0, result.stderr.decode()
    assert b'"followups": 1' in result.stdout


def test_process_substitution_is_a_pipe_read_once(tmp_path):
    card = tmp_path / "x.vcf"
    card.write_bytes(CARD)
    command = f'"{sys.executable}" -m hitouch --db "{tmp_path / "j.sqlite3"}" import <(cat "{card}") --json'
    result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=120, env=os.environ)
    assert result.returncode == 0, result.stderr.decode()
    assert b'"created": 1' in result.stdout


def test_an_empty_pipe_says_empty(tmp_path):
    err = one_clear_line(hitouch(tmp_path, "import", "-", stdin=b""))
    assert "standard input: it is empty" in err


def test_a_stream_that_goes_quiet_or_trickles_is_given_up(monkeypatch):
    reader, writer = os.pipe()
    try:
        os.write(writer, b"BEGIN:VCARD\r\n")  # then nothing, the writer still open
        with pytest.raises(UnreadableFile, match="nothing arrived from it for 0 seconds"):
            stream_bytes(reader, "quiet", silence=0.3)
        stop = threading.Event()

        def trickle() -> None:
            while not stop.is_set():
                os.write(writer, b"x")
                time.sleep(0.05)

        sender = threading.Thread(target=trickle, daemon=True)
        sender.start()
        with pytest.raises(UnreadableFile, match="still sending after 1 seconds"):
            stream_bytes(reader, "trickle", silence=0.5, deadline=1.0)
        stop.set()
        sender.join(2)
    finally:
        os.close(reader)
        os.close(writer)


def test_a_stream_past_the_limit_is_too_large(monkeypatch):
    monkeypatch.setattr(input_files, "MAX_BYTES", 3 * 1024 * 1024)
    with pytest.raises(UnreadableFile, match="/dev/zero: it is too large"):
        input_bytes("/dev/zero")


def test_a_fifo_is_sent_to_an_import_by_its_name_without_being_read(workspace, tmp_path):
    fifo = tmp_path / "meetings.ics"
    os.mkfifo(fifo)
    assert workspace.calendar_import.is_calendar(fifo)  # no writer: reading it would block
    assert workspace.importing.columns_to_map(fifo) is None
    assert workspace.calendar_import.is_calendar(ReadOnce("standard input", CALENDAR))
    assert not workspace.calendar_import.is_calendar(ReadOnce("standard input", CARD))
