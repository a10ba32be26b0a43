"""The journal: every interaction, dated, with its channel, people and note."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from hitouch.domain.records import InteractionRecord
from hitouch.domain.vocabulary import Channel
from hitouch.services.changes import Changes
from hitouch.services.clock import Clock
from hitouch.services.contacts import reading
from hitouch.services.errors import NotFound, UserError
from hitouch.services.journal.events import ensure_event, link_contact
from hitouch.store.database import Journal
from hitouch.store.models import Event, Interaction, InteractionContact


def record_interaction(
    session: Session,
    contact_ids: Sequence[int],
    channel: Channel,
    on: date,
    *,
    note: str,
    event_id: int | None,
    clock: Clock,
    at: time | None = None,
) -> Interaction:
    """Within a caller's unit of work."""
    interaction = Interaction(
        occurred_on=on,
        occurred_at=at,
        channel=str(channel),
        note=note.strip(),
        event_id=event_id,
        created_at=clock.utc_now(),
    )
    interaction.participants = [
        InteractionContact(contact_id=cid, occurred_on=on, face_to_face=channel.face_to_face)
        for cid in dict.fromkeys(contact_ids)
    ]
    session.add(interaction)
    session.flush()
    return interaction


class Interactions:
    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock

    def log(
        self,
        contact_ids: Sequence[int],
        channel: Channel | str,
        *,
        on: date | None = None,
        at: time | None = None,
        note: str = "",
        event: str | None = None,
    ) -> tuple[int, Changes]:
        if not contact_ids:
            raise UserError("an interaction needs at least one contact")
        try:
            channel = Channel(channel)
        except ValueError:
            raise UserError(f"unknown channel {channel!r}; use one of {', '.join(c.value for c in Channel)}") from None
        with self._journal.write() as session:
            for cid in contact_ids:
                reading.live(session, cid)
            day = on or self._clock.today()
            event_row: Event | None = ensure_event(session, event, None, self._clock) if event else None
            interaction = record_interaction(
                session,
                contact_ids,
                channel,
                day,
                note=note,
                event_id=event_row.id if event_row else None,
                clock=self._clock,
                at=at,
            )
            if event_row is not None:
                for cid in contact_ids:
                    link_contact(session, cid, event_row, channel.face_to_face)
            return interaction.id, Changes(contacts=set(contact_ids), interactions=True, events=event is not None)

    def timeline(self, contact_id: int, limit: int | None = None) -> list[InteractionRecord]:
        with self._journal.read() as session:
            return reading.timeline(session, contact_id, limit)

    def get(self, interaction_id: int) -> InteractionRecord:
        with self._journal.read() as session:
            row = session.execute(
                select(Interaction, Event.name)
                .outerjoin(Event, Event.id == Interaction.event_id)
                .where(Interaction.id == interaction_id)
            ).first()
            if row is None:
                raise NotFound(f"no interaction with id {interaction_id}")
            return reading.interaction_records(session, [row])[0]

    def edit(
        self, interaction_id: int, *, on: date | None = None, channel: Channel | None = None, note: str | None = None
    ) -> Changes:
        with self._journal.write() as session:
            interaction = session.get(Interaction, interaction_id)
            if interaction is None:
                raise NotFound(f"no interaction with id {interaction_id}")
            if on is not None:
                interaction.occurred_on = on
            if channel is not None:
                interaction.channel = str(Channel(channel))
            if note is not None:
                interaction.note = note.strip()
            contacts = {p.contact_id for p in interaction.participants}
            return Changes(contacts=contacts, interactions=True)

    def delete(self, interaction_id: int) -> Changes:
        with self._journal.write() as session:
            interaction = session.get(Interaction, interaction_id)
            if interaction is None:
                raise NotFound(f"no interaction with id {interaction_id}")
            contacts = {p.contact_id for p in interaction.participants}
            session.delete(interaction)
            return Changes(contacts=contacts, interactions=True)
