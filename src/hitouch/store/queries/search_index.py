"""Queries on the FTS5 search index, in plain SQL on a DB-API connection (see contact_summaries)."""

from __future__ import annotations

import re

from hitouch.domain.records import ContactRef, SearchHit, SearchResults
from hitouch.domain.text import fold
from hitouch.store.queries.contact_summaries import Connection, as_date, live_ids_by_name, marks, summaries

# Name matches first, then company and title, emails, tags, phones, notes.
CONTACT_WEIGHTS = "10.0, 5.0, 3.0, 1.0, 2.0, 1.0"
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Journal notes join in from this many characters: a one-letter prefix over a million
# notes would scan them all on every keystroke.
MIN_NOTE_QUERY = 3


def fts_query(query: str) -> str | None:
    """User text to an FTS5 query: every word must match, each as a prefix."""
    tokens = _TOKEN.findall(query)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def contact_ids_matching(db: Connection, query: str, limit: int | None = None) -> list[int]:
    """Live contacts matching `query`, best first: their own fields, then events, then notes."""
    match = fts_query(query)
    if match is None:
        return live_ids_by_name(db)
    words = _TOKEN.findall(fold(query))
    if len(words) == 1 and len(words[0]) == 1:
        # One letter, as in an address book: the names that start with it, in name order, from
        # the name index. Ranking every word that starts with "m" would cost a sort of a fifth of
        # a large journal on the first keystroke.
        return names_starting_with(db, words[0], limit)
    limit_clause = f" LIMIT {int(limit)}" if limit else ""
    ids = [
        row[0]
        for row in db.execute(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH ? "
            f"ORDER BY bm25(contact_search, {CONTACT_WEIGHTS}){limit_clause}",
            (match,),
        )
    ]
    related = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT ce.contact_id FROM event_search es "
            "JOIN contact_event ce ON ce.event_id = es.rowid "
            "JOIN contact c ON c.id = ce.contact_id AND c.deleted_at IS NULL "
            "WHERE event_search MATCH ?",
            (match,),
        )
    ]
    if sum(len(t) for t in _TOKEN.findall(query)) >= MIN_NOTE_QUERY:
        related += [
            row[0]
            for row in db.execute(
                # The newest matching notes, not the best-ranked: ranking every note that
                # matches a short prefix would cost a sort of tens of thousands per keystroke.
                "SELECT DISTINCT ic.contact_id FROM ("
                "  SELECT rowid FROM interaction_search WHERE interaction_search MATCH ? ORDER BY rowid DESC LIMIT 500"
                ") hit JOIN interaction_contact ic ON ic.interaction_id = hit.rowid "
                "JOIN contact c ON c.id = ic.contact_id AND c.deleted_at IS NULL",
                (match,),
            )
        ]
    seen = set(ids)
    for contact_id in related:
        if contact_id not in seen:
            seen.add(contact_id)
            ids.append(contact_id)
    return ids[:limit] if limit else ids


def names_starting_with(db: Connection, letter: str, limit: int | None = None) -> list[int]:
    limit_clause = f" LIMIT {int(limit)}" if limit else ""
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM contact WHERE deleted_at IS NULL AND name_key >= ? AND name_key < ? "
            f"ORDER BY name_key, id{limit_clause}",
            (letter, letter + "\U0010ffff"),
        )
    ]


def search_everything(db: Connection, query: str, limit: int = 50) -> SearchResults:
    """Contacts, journal notes and events matching `query`, each list ranked."""
    match = fts_query(query)
    if match is None:
        return SearchResults([], [], [])
    contacts = summaries(db, contact_ids_matching(db, query, limit))
    events = [
        SearchHit("event", r[0], r[1], as_date(r[2]), r[3])
        for r in db.execute(
            "SELECT e.id, e.name, e.starts_on, snippet(event_search, -1, '[', ']', '…', 12) "
            "FROM event_search JOIN event e ON e.id = event_search.rowid "
            "WHERE event_search MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
    ]
    return SearchResults(contacts, _note_hits(db, match, limit), events)


def _note_hits(db: Connection, match: str, limit: int) -> list[SearchHit]:
    rows = db.execute(
        "SELECT i.id, i.occurred_on, i.channel, snippet(interaction_search, 0, '[', ']', '…', 12) "
        "FROM interaction_search JOIN interaction i ON i.id = interaction_search.rowid "
        "WHERE interaction_search MATCH ? ORDER BY rank LIMIT ?",
        (match, limit),
    ).fetchall()
    people: dict[int, list[ContactRef]] = {r[0]: [] for r in rows}
    if people:
        ids = list(people)
        for interaction_id, cid, name in db.execute(
            "SELECT ic.interaction_id, c.id, c.name FROM interaction_contact ic "
            "JOIN contact c ON c.id = ic.contact_id AND c.deleted_at IS NULL "
            f"WHERE ic.interaction_id IN ({marks(ids)}) ORDER BY c.name_key",
            ids,
        ):
            people[interaction_id].append(ContactRef(cid, name))
    return [SearchHit("note", r[0], r[2], as_date(r[1]), r[3], people[r[0]]) for r in rows if people[r[0]]]
