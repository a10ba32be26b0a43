"""CalDAV sync: open follow-ups and meetings as events on the user's own calendar server.

HiTouch creates an event for each open follow-up, replaces it when the follow-up changes,
and deletes it when the follow-up is done or deleted. It touches only what it created,
as recorded in `caldav_item`, and records only what the server confirmed: a sync cut short
(server down, Cancel) loses nothing, and the next one carries on. A sync with nothing new
to say sends no PUT and no DELETE.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NoReturn

from sqlalchemy import delete, select

from hitouch.interop.ics.write import read_uids
from hitouch.services.calendar.caldav_server import CalDavAccount, CalDavError, CalDavServer, Stored
from hitouch.services.calendar.exports import Calendar
from hitouch.store.database import Journal
from hitouch.store.models import CalDavItem

RECORD_EVERY = 50  # confirmed changes kept in the journal in batches of this many
_DTSTAMP = re.compile(rb"^DTSTAMP:[^\r\n]*\r\n", re.M)


@dataclass(slots=True)
class SyncReport:
    calendar: str
    calendar_url: str
    calendar_created: bool = False
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    cancelled: bool = False  # stopped by the user; the rest goes next time
    requests: Counter[str] = field(default_factory=Counter)

    def counts(self) -> str:
        counts = f"{self.created} created, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged"
        return counts + ("; stopped, the rest goes next time" if self.cancelled else "")

    def sentence(self) -> str:
        made = " (a new calendar)" if self.calendar_created else ""
        return f"“{self.calendar}”{made}: {self.counts()}."


@dataclass(frozen=True, slots=True)
class _Known:
    """An event HiTouch created on the server, as last confirmed."""

    href: str
    fingerprint: str


@dataclass(slots=True)
class _Change:
    uid: str
    body: bytes = b""
    known: _Known | None = None  # None: not on the server yet


Progress = Callable[[int, int], None]


class CalDavSync:
    def __init__(self, journal: Journal, calendar: Calendar) -> None:
        self._journal = journal
        self._calendar = calendar

    def test(self, account: CalDavAccount, password: str | None) -> bool:
        """Connect and find the calendar; True when it was missing and has been made."""
        server = CalDavServer(account, password)
        server.close()
        return server.calendar_created

    def sync(
        self,
        account: CalDavAccount,
        password: str | None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncReport:
        entries = self._calendar.sync_entries()
        server = CalDavServer(account, password)
        try:
            report = SyncReport(
                account.calendar, server.calendar_url, server.calendar_created, requests=server.requests
            )
            self._push(server, {e.uid: self._calendar.entry_bytes(e) for e in entries}, report, progress, cancelled)
            return report
        finally:
            server.close()

    def _push(
        self,
        server: CalDavServer,
        wanted: dict[str, bytes],
        report: SyncReport,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        with self._journal.read() as session:
            known = {
                uid: _Known(href, sent)
                for uid, href, sent in session.execute(
                    select(CalDavItem.uid, CalDavItem.href, CalDavItem.fingerprint).where(
                        CalDavItem.calendar_url == report.calendar_url
                    )
                )
            }
        changes = [
            _Change(uid, body, known.get(uid))
            for uid, body in wanted.items()
            if uid not in known or known[uid].fingerprint != fingerprint(body)
        ]
        changes += [_Change(uid, known=item) for uid, item in known.items() if uid not in wanted]
        report.unchanged = len(wanted) - sum(1 for c in changes if c.body)
        confirmed: list[tuple[str, CalDavItem | None]] = []  # (uid, what the server now holds)
        try:
            for done, change in enumerate(changes, 1):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                confirmed.append((change.uid, self._send(server, change, report)))
                if len(confirmed) >= RECORD_EVERY:
                    self._record(report.calendar_url, confirmed)
                if progress is not None:
                    progress(done, len(changes))
        finally:
            self._record(report.calendar_url, confirmed)

    def _send(self, server: CalDavServer, change: _Change, report: SyncReport) -> CalDavItem | None:
        if not change.body:  # done or deleted in HiTouch: only what the server has is removed
            assert change.known is not None, "a removal is only planned for an event on the server"
            server.delete(change.known.href)
            report.removed += 1
            return None
        if change.known is not None:
            stored = server.replace(change.known.href, change.body)
            report.updated += 1
        else:
            stored = server.create(change.uid, change.body) or self._adopt(server, change)
            report.created += 1
        return CalDavItem(
            calendar_url=report.calendar_url,
            uid=change.uid,
            href=stored.href,
            etag=stored.etag,
            fingerprint=fingerprint(change.body),
        )

    def _adopt(self, server: CalDavServer, change: _Change) -> Stored:
        """Something already sits where this event goes: ours, when a sync was cut off between
        the server's answer and the journal's record of it. Anything else is left alone."""
        href = server.href_for(change.uid)
        found = server.fetch(href)
        if found is None:  # gone in the meantime
            return server.create(change.uid, change.body) or self._refuse(server, href)
        data, etag = found
        try:
            ours = read_uids(data) == [change.uid]
        except ValueError:
            ours = False
        return server.replace(href, change.body, etag) if ours else self._refuse(server, href)

    @staticmethod
    def _refuse(server: CalDavServer, href: str) -> NoReturn:
        raise CalDavError(
            f"{href} on {server.account.url} holds an event HiTouch did not create; it was left untouched."
        )

    def _record(self, calendar_url: str, confirmed: list[tuple[str, CalDavItem | None]]) -> None:
        if not confirmed:
            return
        with self._journal.write() as session:
            uids = [uid for uid, _ in confirmed]
            session.execute(delete(CalDavItem).where(CalDavItem.calendar_url == calendar_url, CalDavItem.uid.in_(uids)))
            session.add_all(item for _, item in confirmed if item is not None)
        confirmed.clear()


def fingerprint(body: bytes) -> str:
    """What was sent, leaving out DTSTAMP (the moment of writing, new every time)."""
    return hashlib.sha256(_DTSTAMP.sub(b"", body)).hexdigest()
