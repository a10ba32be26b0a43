"""For the calendar tests: a real Radicale CalDAV server, a keyring that lives in memory,
and follow-ups written as the follow-up service writes them.

A module of its own (imported by name from tests/conftest.py) so any test folder can use it.
"""

from __future__ import annotations

import http.client
import http.server
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

_REQUEST = re.compile(r"\] (\w+) request for '")


@dataclass
class Radicale:
    """Radicale in a subprocess on 127.0.0.1, storing in a temporary folder, with plain
    htpasswd users. `requests()` counts what it received, read from its own log."""

    folder: Path
    port: int
    user: str = "zoe"
    password: str = "s3cret"
    process: subprocess.Popen | None = None
    _log_mark: int = field(default=0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def log(self) -> Path:
        return self.folder / "radicale.log"

    def start(self) -> None:
        (self.folder / "users").write_text(f"{self.user}:{self.password}\nother:other\n", encoding="utf-8")
        config = self.folder / "config"
        config.write_text(
            f"[server]\nhosts = 127.0.0.1:{self.port}\n"
            f"[auth]\ntype = htpasswd\nhtpasswd_filename = {self.folder / 'users'}\nhtpasswd_encryption = plain\n"
            "delay = 0\n"  # no pause after the unauthenticated first request every client makes
            f"[storage]\nfilesystem_folder = {self.folder / 'collections'}\n"
            "[rights]\ntype = owner_only\n[web]\ntype = none\n[logging]\nlevel = info\nmask_passwords = True\n",
            encoding="utf-8",
        )
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(config)], stdout=subprocess.DEVNULL, stderr=log
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Radicale stopped at start:\n{self.log.read_text(errors='replace')[-2000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("OPTIONS", "/")
                connection.getresponse().read()
                connection.close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("Radicale did not answer within 20 seconds")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def mark(self) -> None:
        """Count requests from here on."""
        self._log_mark = self.log.stat().st_size

    def requests(self) -> Counter[str]:
        """Requests received since the last mark, by method."""
        with self.log.open("rb") as log:
            log.seek(self._log_mark)
            text = log.read().decode("utf-8", errors="replace")
        return Counter(_REQUEST.findall(text))

    def client(self, user: str | None = None, password: str | None = None):
        """Another CalDAV client, the way a phone or a calendar app talks to the same server."""
        import caldav

        return caldav.DAVClient(url=self.url, username=user or self.user, password=password or self.password)

    def events(self, calendar_name: str = "HiTouch") -> dict[str, str]:
        """What the server holds in that calendar: UID -> the resource's iCalendar text."""
        with self.client() as client:
            for calendar in client.principal().get_calendars():
                if calendar.get_display_name() == calendar_name:
                    found = {}
                    for item in calendar.get_events():
                        text = item.data
                        found[re.search(r"^UID:(.*?)\r?$", text, re.M)[1]] = text
                    return found
        return {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def radicale(tmp_path_factory):
    server = Radicale(tmp_path_factory.mktemp("radicale"), free_port())
    server.start()
    yield server
    server.stop()


@dataclass
class BrokenServer:
    """An HTTP server that answers every request with one status, as a failing or wrong server does.

    It can also misbehave on purpose: send `body` as `content_type` (malformed XML for a 207),
    send `padding` bytes more after it (a reply of hundreds of megabytes, with or without a
    Content-Length), or `trickle` its whole answer (or, with `trickle_body`, the body after quick
    headers) one byte every so many seconds. Every loop stops
    when the client hangs up, when the server is closed, or after `give_up` seconds."""

    status: int
    body: bytes = b"<html><body>Something broke</body></html>"
    content_type: str = "text/html"
    padding: int = 0
    announce_length: bool = True
    trickle: float = 0.0
    trickle_body: bool = False
    give_up: float = 120.0
    requests: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        broken = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def handle_one_request(self) -> None:
                self.raw_requestline = self.rfile.readline(65537)
                if not self.raw_requestline or not self.parse_request():
                    self.close_connection = True
                    return
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                broken.requests += 1
                try:
                    broken.answer(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up: as it should

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        length = len(self.body) + self.padding
        head = f"HTTP/1.1 {self.status} Whatever\r\nContent-Type: {self.content_type}\r\n"
        head += f"Content-Length: {length}\r\n" if self.announce_length else "Connection: close\r\n"
        answer = head.encode() + b"\r\n" + self.body
        ends = time.monotonic() + self.give_up
        if self.trickle:
            if self.trickle_body:
                handler.wfile.write(head.encode() + b"\r\n")
                answer = self.body
            for byte in answer:
                if self.stopping.is_set() or time.monotonic() > ends:
                    break
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                self.stopping.wait(self.trickle)
            handler.close_connection = True
            return
        handler.wfile.write(answer)
        chunk = b" " * (1 << 20)
        sent = 0
        while sent < self.padding and not self.stopping.is_set() and time.monotonic() < ends:
            handler.wfile.write(chunk[: self.padding - sent])
            sent += len(chunk)
        if not self.announce_length:
            handler.close_connection = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def broken_server():
    """broken_server(500), or broken_server(207, body=..., content_type="text/xml", trickle=5.0)."""
    servers: list[BrokenServer] = []

    def start(status: int, **misbehaviour) -> BrokenServer:
        servers.append(BrokenServer(status, **misbehaviour))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


class MemoryKeyring(KeyringBackend):
    """A keyring backend that forgets everything when the test ends."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


# Follow-ups, as the follow-up service stores them ----------------------------------------


def add_followup(
    ws,
    contact_id: int,
    due_on: date,
    at: clock_time | None = None,
    *,
    kind: str = "coffee",
    title: str = "",
    note: str = "",
    minutes: int | None = None,
) -> int:
    from hitouch.store.models import FollowUp

    now = datetime(2026, 11, 22, 10, 30)
    with ws.journal.write() as session:
        followup = FollowUp(
            contact_id=contact_id,
            kind=kind,
            title=title,
            note=note,
            due_on=due_on,
            due_time=at,
            minutes=minutes,
            status="open",
            created_at=now,
            updated_at=now,
            ical_uid=f"{uuid.uuid4()}@hitouch",
            ical_sequence=0,
        )
        session.add(followup)
        session.flush()
        return followup.id


def move_followup(ws, followup_id: int, due_on: date, at: clock_time | None = None) -> None:
    """The date or time moved: the follow-up service raises the calendar SEQUENCE."""
    from hitouch.store.models import FollowUp

    with ws.journal.write() as session:
        followup = session.get(FollowUp, followup_id)
        followup.due_on, followup.due_time = due_on, at
        followup.ical_sequence += 1


def finish_followup(ws, followup_id: int) -> None:
    from hitouch.store.models import FollowUp

    with ws.journal.write() as session:
        followup = session.get(FollowUp, followup_id)
        followup.status, followup.done_at = "done", datetime(2026, 11, 22, 11, 0)


def delete_followup(ws, followup_id: int) -> None:
    from hitouch.store.models import FollowUp

    with ws.journal.write() as session:
        session.get(FollowUp, followup_id).deleted_at = datetime(2026, 11, 22, 11, 0)


def uid_of(ws, followup_id: int) -> str:
    from hitouch.store.models import FollowUp

    with ws.journal.read() as session:
        return session.get(FollowUp, followup_id).ical_uid
