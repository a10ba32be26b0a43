"""Search as you type: FTS5 over contacts, journal notes and events, ranked."""

from __future__ import annotations

from hitouch.domain.records import SearchResults
from hitouch.services.contacts.reading import raw
from hitouch.store.database import Journal
from hitouch.store.queries.search_index import contact_ids_matching, search_everything


class Search:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def contact_ids(self, query: str) -> list[int]:
        with self._journal.read() as session:
            return contact_ids_matching(raw(session), query)

    def everything(self, query: str, limit: int = 50) -> SearchResults:
        with self._journal.read() as session:
            return search_everything(raw(session), query, limit)
