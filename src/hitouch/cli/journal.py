"""`hitouch log`, `hitouch events` and `hitouch search`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hitouch.cli.arguments import day_or_none
from hitouch.cli.output import contact_json, iso, print_json, print_table, ref_json
from hitouch.domain.vocabulary import Channel

if TYPE_CHECKING:
    from hitouch.cli.access import JournalAccess
    from hitouch.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    log = commands.add_parser("log", help="log an interaction with one or more contacts")
    log.add_argument("contacts", nargs="+", metavar="CONTACT")
    log.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    log.add_argument("--on", metavar="DATE", help="default: today")
    log.add_argument("--note", metavar="TEXT", default="")
    log.add_argument("--event", metavar="EVENT")
    log.set_defaults(run=run_log)

    events = commands.add_parser("events", help="events with the people met there")
    events.add_argument("--json", action="store_true")
    events.set_defaults(run=run_events)

    search = commands.add_parser("search", help="search contacts, journal notes and events")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=run_search, needs_workspace=False)


def run_log(args: argparse.Namespace, ws: Workspace) -> int:
    contact_ids = [ws.contacts.resolve(reference) for reference in args.contacts]
    interaction_id, _ = ws.interactions.log(
        contact_ids, args.channel, on=day_or_none(args.on, ws), note=args.note, event=args.event
    )
    print(interaction_id)
    return 0


def run_events(args: argparse.Namespace, ws: Workspace) -> int:
    events = ws.events.list()
    if args.json:
        print_json(
            [
                {"id": e.id, "name": e.name, "date": iso(e.on), "place": e.place, "people": [p.name for p in e.people]}
                for e in events
            ]
        )
        return 0
    print_table(
        [[str(e.id), iso(e.on) or "", e.name, e.place, str(len(e.people))] for e in events],
        ["ID", "DATE", "EVENT", "PLACE", "PEOPLE"],
    )
    return 0


def run_search(args: argparse.Namespace, access: JournalAccess) -> int:
    from hitouch.services.contacts.quick_read import is_current, reading
    from hitouch.store.queries.search_index import search_everything

    if not is_current(access.path, access.passphrase):
        access.open().close()  # create, or refuse, or upgrade: the normal route, with the settings
    with reading(access.path, access.passphrase) as db:
        results = search_everything(db, args.query)
    if args.json:
        print_json(
            {
                "contacts": [contact_json(c) for c in results.contacts],
                "notes": [
                    {
                        "id": h.id,
                        "date": iso(h.on),
                        "channel": h.title,
                        "snippet": h.snippet,
                        "contacts": [ref_json(r) for r in h.contacts],
                    }
                    for h in results.notes
                ],
                "events": [
                    {"id": h.id, "name": h.title, "date": iso(h.on), "snippet": h.snippet} for h in results.events
                ],
            }
        )
        return 0
    for c in results.contacts:
        print(f"contact  #{c.id}  {c.name}" + (f"  ({c.company})" if c.company else ""))
    for h in results.notes:
        people = ", ".join(r.name for r in h.contacts)
        print(f"note     {iso(h.on)}  {people}: {h.snippet}")
    for h in results.events:
        print(f"event    #{h.id}  {h.title}" + (f"  {iso(h.on)}" if h.on else ""))
    if not (results.contacts or results.notes or results.events):
        print(f"Nothing matches {args.query!r}.")
    return 0
