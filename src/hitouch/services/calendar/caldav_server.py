"""One conversation with a CalDAV server, through the caldav library.

Finds the principal from the server's URL and the calendar by its display name (making it
when it is missing), then puts and deletes single resources. Every failure becomes a
`CalDavError` with one line a person can act on. The caldav library is imported only here,
and only when a conversation starts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

from hitouch.services.errors import UserError

TIMEOUT_SECONDS = 20
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

        url, user = self.account.url, self.account.user
        try:
            return action()
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
            if type(exc).__name__ in _NOT_AN_ADDRESS:
                raise CalDavError(f"{url!r} is not a server address; give one like https://dav.example.com/.") from None
            raise CalDavError(
                f"Cannot reach the CalDAV server at {url} ({_why(exc)}). "
                f"Nothing was lost; HiTouch will send the changes next time."
            ) from None


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
