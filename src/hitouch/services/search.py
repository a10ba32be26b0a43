"""Search as you type: FTS5 over contacts, journal notes and events, ranked."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from hitouch.domain.records import ContactRef, SearchHit, SearchResults
from hitouch.services import contact_reads
from hitouch.store.database import Journal

# Name matches first, then company and title, emails, tags, phones, notes.
_CONTACT_WEIGHTS = "10.0, 5.0, 3.0, 1.0, 2.0, 1.0"
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Journal notes join in from this many characters: a one-letter prefix over a million
# notes would scan them all on every keystroke.
MIN_NOTE_QUERY = 3


def fts_query(query: str) -> str | None:
    """User text to an FTS5 query: every word must match, the last one as a prefix."""
    tokens = _TOKEN.findall(query)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def contact_ids_matching(session: Session, query: str, limit: int | None = None) -> list[int]:
    """Live contacts matching `query`, best first: their own fields, then events, then notes."""
    match = fts_query(query)
    if match is None:
        return contact_reads.list_ids(session)
    limit_clause = f" LIMIT {int(limit)}" if limit else ""
    ids = list(
        session.scalars(
            text(
                f"SELECT rowid FROM contact_search WHERE contact_search MATCH :q "
                f"ORDER BY bm25(contact_search, {_CONTACT_WEIGHTS}){limit_clause}"
            ),
            {"q": match},
        )
    )
    seen = set(ids)
    related = session.scalars(
        text(
            "SELECT DISTINCT ce.contact_id FROM event_search es "
            "JOIN contact_event ce ON ce.event_id = es.rowid "
            "JOIN contact c ON c.id = ce.contact_id AND c.deleted_at IS NULL "
            "WHERE event_search MATCH :q"
        ),
        {"q": match},
    ).all()
    if sum(len(t) for t in _TOKEN.findall(query)) >= MIN_NOTE_QUERY:
        related += session.scalars(
            text(
                "SELECT DISTINCT ic.contact_id FROM ("
                "  SELECT rowid FROM interaction_search WHERE interaction_search MATCH :q ORDER BY rank LIMIT 500"
                ") hit JOIN interaction_contact ic ON ic.interaction_id = hit.rowid "
                "JOIN contact c ON c.id = ic.contact_id AND c.deleted_at IS NULL"
            ),
            {"q": match},
        ).all()
    for contact_id in related:
        if contact_id not in seen:
            seen.add(contact_id)
            ids.append(contact_id)
    return ids[:limit] if limit else ids


class Search:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def contact_ids(self, query: str) -> list[int]:
        with self._journal.read() as session:
            return contact_ids_matching(session, query)

    def everything(self, query: str, limit: int = 50) -> SearchResults:
        """Contacts, journal notes and events matching `query`, each list ranked."""
        match = fts_query(query)
        if match is None:
            return SearchResults([], [], [])
        with self._journal.read() as session:
            contacts = contact_reads.summaries(session, contact_ids_matching(session, query, limit))
            notes = _note_hits(session, match, limit)
            events = [
                SearchHit("event", r.id, r.name, _date(r.starts_on), r.snip)
                for r in session.execute(
                    text(
                        "SELECT e.id, e.name, e.starts_on, snippet(event_search, -1, '[', ']', '…', 12) AS snip "
                        "FROM event_search JOIN event e ON e.id = event_search.rowid "
                        "WHERE event_search MATCH :q ORDER BY rank LIMIT :limit"
                    ),
                    {"q": match, "limit": limit},
                )
            ]
            return SearchResults(contacts, notes, events)


def _note_hits(session: Session, match: str, limit: int) -> list[SearchHit]:
    rows = session.execute(
        text(
            "SELECT i.id, i.occurred_on, i.channel, snippet(interaction_search, 0, '[', ']', '…', 12) AS snip "
            "FROM interaction_search JOIN interaction i ON i.id = interaction_search.rowid "
            "WHERE interaction_search MATCH :q ORDER BY rank LIMIT :limit"
        ),
        {"q": match, "limit": limit},
    ).all()
    people: dict[int, list[ContactRef]] = {r.id: [] for r in rows}
    if people:
        for interaction_id, cid, name in session.execute(
            text(
                "SELECT ic.interaction_id, c.id, c.name FROM interaction_contact ic "
                "JOIN contact c ON c.id = ic.contact_id AND c.deleted_at IS NULL "
                f"WHERE ic.interaction_id IN ({','.join(str(i) for i in people)}) ORDER BY c.name_key"
            )
        ):
            people[interaction_id].append(ContactRef(cid, name))
    return [
        SearchHit("note", r.id, r.channel, _date(r.occurred_on), r.snip, people[r.id])
        for r in rows
        if people[r.id]
    ]


def _date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value
