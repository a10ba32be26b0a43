"""One conversation with a CalDAV server, through the caldav library.

Finds the principal from the server's URL and the calendar by its display name (making it
when it is missing), then puts and deletes single resources. Every failure becomes a
`CalDavError` with one line a person can act on. The caldav library is imported only here,
and only when a conversation starts.

The library's HTTP session is replaced by one that bounds every request: a reply larger than
MAX_REPLY_BYTES is refused (before it is read when its length is announced), and a request
still unanswered after DEADLINE_SECONDS is cut off by shutting its socket down, the one way to
stop a server that sends a byte every few seconds (a read timeout restarts with each byte).
"""

from __future__ import annotations

import re
import socket
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from hitouch.services.errors import UserError

TIMEOUT_SECONDS = 20  # connecting, and each wait for more of a reply
DEADLINE_SECONDS = 60.0  # a whole request, however the server sends it
MAX_REPLY_BYTES = 32 * 1024 * 1024  # a calendar's answers are kilobytes; a big REPORT a few megabytes
T = TypeVar("T")
# The caldav library has no type hints: its client, calendars and responses are Any here.


class CalDavError(UserError):
    """The server could not be reached, or refused. Nothing in the journal was lost."""


@dataclass(frozen=True, slots=True)
class CalDavAccount:
    url: str
    user: str = ""
    calendar: str = "HiTouch"  # the calendar's display name


@dataclass(frozen=True, slots=True)
class Stored:
    """What the server answered to a PUT."""

    href: str
    etag: str


class CalDavServer:
    """A connected server and the calendar HiTouch writes to."""

    def __init__(self, account: CalDavAccount, password: str | None) -> None:
        self.account = account
        self.requests: Counter[str] = Counter()  # by method, every request this conversation sent
        self.calendar_created = False
        self._client = _counting_client(account, password, self.requests)
        self._bounds = _bound(self._client, account.url)
        self._calendar = self._guard(self._find_or_make_calendar)

    @property
    def calendar_url(self) -> str:
        return str(self._calendar.url)

    def _find_or_make_calendar(self) -> Any:
        principal = self._client.principal()
        for calendar in principal.get_calendars():
            if calendar.get_display_name() == self.account.calendar:
                return calendar
        self.calendar_created = True
        return principal.make_calendar(name=self.account.calendar)

    def href_for(self, uid: str) -> str:
        return str(self._calendar.url.join(quote(uid, safe="") + ".ics"))

    def create(self, uid: str, body: bytes) -> Stored | None:
        """A new resource; None when something already sits at its address (left untouched)."""
        href = self.href_for(uid)
        response = self._guard(lambda: self._client.put(href, body, _headers({"If-None-Match": "*"})))
        if response.status == 412:
            return None
        return Stored(href, self._etag(response, "PUT", href))

    def replace(self, href: str, body: bytes, etag: str = "") -> Stored:
        headers = _headers({"If-Match": etag} if etag else {})
        response = self._guard(lambda: self._client.put(href, body, headers))
        return Stored(href, self._etag(response, "PUT", href))

    def fetch(self, href: str) -> tuple[bytes, str] | None:
        """The resource and its ETag; None when there is none."""
        response = self._guard(lambda: self._client.request(href, "GET", "", {"Accept": "text/calendar"}))
        if response.status == 404:
            return None
        self._check(response, "GET", href)
        return response.raw.encode("utf-8"), response.headers.get("ETag", "")

    def delete(self, href: str) -> None:
        """Remove a resource; one that is already gone counts as removed."""
        response = self._guard(lambda: self._client.delete(href))
        if response.status not in (404, 410):
            self._check(response, "DELETE", href)

    def close(self) -> None:
        self._client.close()

    # Errors ---------------------------------------------------------------------------------

    def _etag(self, response: Any, method: str, href: str) -> str:
        self._check(response, method, href)
        return str(response.headers.get("ETag", ""))

    def _check(self, response: Any, method: str, href: str) -> None:
        if 200 <= response.status < 300:
            return
        reason = f"{response.status} {getattr(response, 'reason', '') or ''}".strip()
        if response.status >= 500:
            raise CalDavError(
                f"The CalDAV server at {self.account.url} failed ({reason}). Nothing was lost; sync again later."
            )
        raise CalDavError(f"The CalDAV server at {self.account.url} refused {method} {href} ({reason}).")

    def _guard(self, action: Callable[[], T]) -> T:
        from caldav.lib import error as dav
        from lxml import etree  # type: ignore[import-untyped]  # caldav's own XML parser

        url, user = self.account.url, self.account.user
        try:
            result = action()
        except _Refused as exc:
            raise CalDavError(str(exc)) from None
        except etree.LxmlError as exc:
            self._bounds.raise_failure()  # a reply cut short is malformed XML too: say why it was cut
            raise CalDavError(
                f"The CalDAV server at {url} sent a reply that is not valid XML ({_one_line(str(exc))}). "
                "Nothing was lost; check the address, or sync again later."
            ) from None
        except dav.AuthorizationError as exc:
            who = f"user {user!r}" if user else "HiTouch without a user name"
            raise CalDavError(
                f"The CalDAV server at {url} refused {who} ({exc.status or 401}): check the user name and password."
            ) from None
        except dav.DAVError as exc:
            if exc.status and exc.status >= 500:
                raise CalDavError(
                    f"The CalDAV server at {url} failed ({exc.status}). Nothing was lost; sync again later."
                ) from None
            status = f" ({exc.status})" if exc.status else ""
            reason = f": {_one_line(exc.reason)}" if exc.reason and exc.reason != "no reason" else ""
            raise CalDavError(
                f"{url} did not answer as a CalDAV server{status}{reason}; check the address. Nothing was lost."
            ) from None
        except NotImplementedError:  # raised by caldav for a sign-in method it does not know
            raise CalDavError(
                f"The CalDAV server at {url} asks for a way of signing in that HiTouch does not know "
                f"(it knows basic, digest and bearer)."
            ) from None
        except OSError as exc:  # refused, timed out, name not found; requests' errors are OSErrors
            self._bounds.raise_failure()
            if type(exc).__name__ in _NOT_AN_ADDRESS:
                raise CalDavError(f"{url!r} is not a server address; give one like https://dav.example.com/.") from None
            raise CalDavError(
                f"Cannot reach the CalDAV server at {url} ({_why(exc)}). "
                f"Nothing was lost; HiTouch will send the changes next time."
            ) from None
        self._bounds.raise_failure()  # in case the library caught it and went on
        return result


def _counting_client(account: CalDavAccount, password: str | None, counter: Counter[str]) -> Any:
    import caldav

    class CountingClient(caldav.DAVClient):  # type: ignore[misc,valid-type]  # caldav exports it untyped
        def request(
            self, url: str, method: str = "GET", body: str = "", headers: Any = None, *args: Any, **kwargs: Any
        ) -> Any:
            counter[method] += 1
            return super().request(url, method, body, headers, *args, **kwargs)

    try:
        return CountingClient(
            url=account.url.strip(), username=account.user or None, password=password, timeout=TIMEOUT_SECONDS
        )
    except (ValueError, OSError) as exc:
        raise CalDavError(f"{account.url!r} is not a CalDAV server address ({_why(exc)}).") from None


class _Refused(Exception):
    """A request cut off at the deadline, or a reply too large to read."""


class _Bounds:
    """The limits on one client's requests, and the first one that was broken."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.live: weakref.WeakSet[Any] = weakref.WeakSet()  # every connection the session opened
        self.failure: _Refused | None = None

    def too_slow(self) -> _Refused:
        return self._refuse(
            f"The CalDAV server at {self.url} did not finish answering within {DEADLINE_SECONDS:g} seconds, "
            "so HiTouch stopped waiting. Nothing was lost; sync again later."
        )

    def too_large(self, size: int | None = None) -> _Refused:
        said = f" ({size / 1024 / 1024:,.0f} MB)" if size else ""
        return self._refuse(
            f"The CalDAV server at {self.url} sent a reply too large for a calendar{said}; HiTouch reads at "
            f"most {MAX_REPLY_BYTES // 1024 // 1024} MB. Nothing was lost; check the address."
        )

    def _refuse(self, message: str) -> _Refused:
        self.failure = self.failure or _Refused(message)
        return self.failure

    def raise_failure(self) -> None:
        """Whatever the library made of it, a request that broke a limit ends the conversation."""
        if self.failure is not None:
            raise CalDavError(str(self.failure))


def _bound(client: Any, url: str) -> _Bounds:
    """Give the caldav client a session whose every request is bounded in time and size."""
    bounds = _Bounds(url)
    base = type(client.session)

    class BoundedSession(base):  # type: ignore[misc,valid-type]
        def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
            if bounds.failure is not None:
                raise bounds.failure
            kwargs["stream"] = True
            cut = threading.Event()
            watchdog = threading.Timer(DEADLINE_SECONDS, _cut_off, (bounds, cut))
            watchdog.daemon = True
            watchdog.start()
            response = None
            try:
                response = super().request(method, url, *args, **kwargs)
                response._content = _capped_body(response, bounds, cut)
                response._content_consumed = True
                return response
            except _Refused:
                raise
            except Exception:
                if cut.is_set():
                    raise bounds.too_slow() from None
                raise
            finally:
                watchdog.cancel()
                if response is not None:
                    response.close()  # read whole or cut off: never back into the pool half-read

    try:
        session = BoundedSession(disable_http3=True)  # the watchdog cuts TCP connections; HTTP/3 is UDP
    except TypeError:
        session = BoundedSession()
    for adapter in session.adapters.values():
        _track(adapter.poolmanager, bounds)
        adapter.proxy_manager_for = _tracking_proxies(adapter.proxy_manager_for, bounds)
    client.session.close()
    client.session = session
    return bounds


def _capped_body(response: Any, bounds: _Bounds, cut: threading.Event) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_REPLY_BYTES:
        raise bounds.too_large(int(declared))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(64 * 1024):  # decoded bytes: a compressed bomb is capped too
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise bounds.too_large()
        if cut.is_set():
            raise bounds.too_slow()
        chunks.append(chunk)
    if cut.is_set():
        raise bounds.too_slow()
    return b"".join(chunks)


def _cut_off(bounds: _Bounds, cut: threading.Event) -> None:
    """At the deadline, in the timer's thread: shut every connection down, so that a recv()
    waiting for the next byte returns at once."""
    cut.set()
    for connection in list(bounds.live):
        sock = getattr(connection, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def _track(manager: Any, bounds: _Bounds) -> None:
    """Pool classes whose connections register in `bounds.live` when they connect: subclasses of
    whatever the pool manager uses (urllib3-future under niquests, urllib3 under requests). The
    internals reached: PoolManager.pool_classes_by_scheme, the pools' ConnectionCls, connect()
    and a connection's sock, in urllib3 2.x and urllib3-future alike."""
    if getattr(manager, "_hitouch_tracked", False):
        return

    def tracked(pool: type) -> type:
        class Tracked(pool.ConnectionCls):  # type: ignore[name-defined,misc]
            def connect(self) -> None:
                super().connect()
                bounds.live.add(self)

        return type(f"Tracked{pool.__name__}", (pool,), {"ConnectionCls": Tracked})

    pools: Mapping[str, type] = manager.pool_classes_by_scheme
    manager.pool_classes_by_scheme = {scheme: tracked(pool) for scheme, pool in pools.items()}
    manager._hitouch_tracked = True


def _tracking_proxies(proxy_manager_for: Any, bounds: _Bounds) -> Any:
    """Connections through a proxy ($HTTPS_PROXY) come from another pool manager: track it too."""

    def tracked(*args: Any, **kwargs: Any) -> Any:
        manager = proxy_manager_for(*args, **kwargs)
        _track(manager, bounds)
        return manager

    return tracked


def _headers(extra: dict[str, str]) -> dict[str, str]:
    return {"Content-Type": "text/calendar; charset=utf-8", **extra}


_NOT_AN_ADDRESS = ("InvalidURL", "InvalidSchema", "MissingSchema", "LocationParseError")
_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")
_TLS = re.compile(r"\[SSL: \w+\] ([^'\")(]+)")


def _why(exc: BaseException) -> str:
    """'connection refused', 'timed out': the root cause, not the library's wrapping."""
    text = str(exc)
    if "NameResolution" in text or "getaddrinfo" in text:
        return "no server by that name"
    if found := _TLS.search(text):
        return f"secure connection failed: {found[1].strip().lower()}"
    if found := _ERRNO.search(text):
        return found[1].strip().rstrip(".").lower()
    if "timed out" in text.lower() or "timeout" in type(exc).__name__.lower():
        return "timed out"
    return _one_line(text) or type(exc).__name__


def _one_line(text: str) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= 160 else line[:159] + "…"
