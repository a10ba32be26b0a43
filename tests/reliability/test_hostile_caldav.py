"""CalDAV servers that misbehave: one clear line, bounded memory, and a deadline for every request.

A malformed 207 and a 300 MB reply once ended in lxml tracebacks (and 1.3 GB of memory); a server
sending one byte every 5 s was waited for forever, since a read timeout starts again with each byte.
The servers here are real HTTP servers on 127.0.0.1 (tests/calendar_fixtures.py), and Radicale.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import time
from contextlib import redirect_stderr, redirect_stdout
from datetime import date

import pytest

from calendar_fixtures import add_followup
from hitouch.cli import main
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.services.calendar import caldav_server
from hitouch.services.calendar.caldav_server import CalDavAccount, CalDavError

TRUNCATED = (
    b'<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/zoe/</d:href>'
    b"<d:propstat><d:prop><d:current-user-principal><d:href>/zoe/"
)
MULTISTATUS = b'<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/'
XML = "text/xml; charset=utf-8"


@pytest.fixture
def followup(workspace):
    ada, _ = workspace.contacts.add(ContactCard(name="Ada", emails=[Labelled("ada@example.com")]))
    return add_followup(workspace, ada, date(2026, 12, 1))


def recorded(ws) -> int:
    from sqlalchemy import func, select

    from hitouch.store.models import CalDavItem

    with ws.journal.read() as session:
        return session.scalar(select(func.count()).select_from(CalDavItem))


def sync_fails(ws, server) -> str:
    with pytest.raises(CalDavError) as failure:
        ws.caldav.sync(CalDavAccount(server.url, "zoe"), "pw")
    message = str(failure.value)
    assert "\n" not in message and server.url in message and "Nothing was lost" in message
    assert recorded(ws) == 0
    return message


def test_a_malformed_multistatus_is_one_clear_line(workspace, followup, broken_server):
    message = sync_fails(workspace, broken_server(207, body=TRUNCATED, content_type=XML))
    assert "sent a reply that is not valid XML" in message


@pytest.mark.parametrize("announced", [True, False], ids=["with-length", "without-length"])
def test_a_300_megabyte_reply_is_refused_as_too_large(workspace, followup, broken_server, announced):
    server = broken_server(207, body=MULTISTATUS, content_type=XML, padding=300 << 20, announce_length=announced)
    assert "sent a reply too large for a calendar" in sync_fails(workspace, server)


MEASURE = textwrap.dedent(
    """
    import sys
    def peak():  # this process's own high-water mark: ru_maxrss would count the parent's memory at the fork
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
    from hitouch.services.calendar.caldav_server import CalDavAccount, CalDavError, CalDavServer
    try:
        CalDavServer(CalDavAccount(sys.argv[1], "zoe"), "pw")
    except CalDavError as exc:
        print("refused:", exc)
    print(peak())
    """
)


@pytest.mark.slow
def test_a_300_megabyte_reply_costs_no_more_than_the_cap(broken_server):
    server = broken_server(207, body=MULTISTATUS, content_type=XML, padding=300 << 20, announce_length=False)
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, server.url], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert "refused:" in result.stdout, result.stderr[-2000:]
    peak = int(result.stdout.split()[-1])
    assert peak < 250 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB"  # the cap is 32 MB; was 1.3 GB


@pytest.mark.slow
@pytest.mark.parametrize("body_only", [False, True], ids=["trickled-headers", "trickled-body"])
def test_a_server_sending_a_byte_every_five_seconds_is_cut_off_at_the_deadline(
    workspace, followup, broken_server, monkeypatch, body_only
):
    monkeypatch.setattr(caldav_server, "DEADLINE_SECONDS", 3.0)
    server = broken_server(207, body=TRUNCATED, content_type=XML, trickle=5.0, trickle_body=body_only, give_up=60)
    started = time.monotonic()
    message = sync_fails(workspace, server)
    assert "did not finish answering within 3 seconds" in message
    assert time.monotonic() - started < 45  # the server would have gone on for a minute


def test_the_command_line_says_it_in_one_line_and_exits_1(journal_path, followup, broken_server, monkeypatch):
    monkeypatch.setenv("HITOUCH_CALDAV_PASSWORD", "pw")
    monkeypatch.setenv("HITOUCH_NOW", "2026-11-22T10:30")
    server = broken_server(207, body=TRUNCATED, content_type=XML)
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(["--db", str(journal_path), "sync", "caldav", "--url", server.url, "--user", "zoe"])
    assert code == 1 and len(err.getvalue().strip().splitlines()) == 1
    assert "not valid XML" in err.getvalue()


def test_radicale_syncs_within_the_bounds_and_a_reply_over_the_cap_is_refused(
    workspace, followup, radicale, monkeypatch
):
    report = workspace.caldav.sync(CalDavAccount(radicale.url, radicale.user), radicale.password)
    assert report.created == 1 and len(radicale.events()) == 1
    monkeypatch.setattr(caldav_server, "MAX_REPLY_BYTES", 300)  # Radicale's PROPFIND answers are longer
    with pytest.raises(CalDavError, match="sent a reply too large for a calendar"):
        workspace.caldav.sync(CalDavAccount(radicale.url, radicale.user), radicale.password)
