"""`hitouch contact ...` and `hitouch trash ...`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from hitouch.cli.arguments import day_or_none, parse_birthday
from hitouch.cli.followups import print_relations
from hitouch.cli.output import contact_json, interaction_json, iso, print_json, print_table
from hitouch.cli.relation_json import relations_document
from hitouch.domain.cards import ContactCard, Labelled
from hitouch.domain.vocabulary import Source

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace

SOURCES = [s.value for s in Source]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    contact = commands.add_parser("contact", help="add, list, show, edit, delete and merge contacts")
    sub = contact.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add a contact; prints its id")
    add.add_argument("name", metavar="NAME")
    _detail_options(add)
    add.set_defaults(run=run_add)

    listing = sub.add_parser("list", help="list contacts")
    listing.add_argument("--tag")
    listing.add_argument("--event")
    listing.add_argument("--virtual-only", action="store_true", help="only contacts never met in person")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)

    show = sub.add_parser("show", help="a contact with their journal, follow-ups and referrals")
    show.add_argument("contact", metavar="CONTACT")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)

    edit = sub.add_parser("edit", help="replace the details given")
    edit.add_argument("contact", metavar="CONTACT")
    edit.add_argument("--name")
    _detail_options(edit)
    edit.set_defaults(run=run_edit)

    remove = sub.add_parser("delete", help="move a contact to the trash")
    remove.add_argument("contact", metavar="CONTACT")
    remove.set_defaults(run=run_delete)

    merge = sub.add_parser("merge", help="merge OTHER into KEEP, nothing lost")
    merge.add_argument("keep", metavar="KEEP")
    merge.add_argument("other", metavar="OTHER")
    merge.set_defaults(run=run_merge)

    trash = commands.add_parser("trash", help="deleted contacts (kept 30 days)")
    trash.add_argument("--json", action="store_true")
    trash.set_defaults(run=run_trash)
    trash_sub = trash.add_subparsers(dest="trash_action", metavar="ACTION")
    restore = trash_sub.add_parser("restore", help="bring a contact back from the trash")
    restore.add_argument("id", type=int, metavar="ID")
    restore.set_defaults(run=run_trash_restore)


def _detail_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--email", action="append", metavar="E")
    parser.add_argument("--phone", action="append", metavar="P")
    parser.add_argument("--company", metavar="C")
    parser.add_argument("--title", metavar="T")
    parser.add_argument("--url", action="append", metavar="U")
    parser.add_argument("--tag", action="append", metavar="T")
    parser.add_argument("--met-at", metavar="EVENT")
    parser.add_argument("--met-on", metavar="DATE")
    parser.add_argument("--source", choices=SOURCES)
    parser.add_argument("--note", metavar="TEXT")
    parser.add_argument("--birthday", metavar="YYYY-MM-DD|--MM-DD")


def run_add(args: argparse.Namespace, ws: Workspace) -> int:
    card = ContactCard(
        name=args.name,
        emails=[Labelled(e) for e in args.email or []],
        phones=[Labelled(p) for p in args.phone or []],
        urls=[Labelled(u) for u in args.url or []],
        company=args.company or "",
        title=args.title or "",
        tags=args.tag or [],
        notes=args.note or "",
        birthday=parse_birthday(args.birthday),
        source=Source(args.source) if args.source else None,
    )
    contact_id, _ = ws.contacts.add(card, met_at=args.met_at, met_on=day_or_none(args.met_on, ws))
    print(contact_id)
    return 0


def run_edit(args: argparse.Namespace, ws: Workspace) -> int:
    contact_id = ws.contacts.resolve(args.contact)
    fields: dict[str, Any] = {}
    if args.name is not None:
        fields["name"] = args.name
    for option, key, wrap in (("email", "emails", Labelled), ("phone", "phones", Labelled), ("url", "urls", Labelled)):
        if getattr(args, option) is not None:
            fields[key] = [wrap(v) for v in getattr(args, option)]
    if args.tag is not None:
        fields["tags"] = args.tag
    for option, key in (("company", "company"), ("title", "title"), ("note", "notes"), ("source", "source")):
        if getattr(args, option) is not None:
            fields[key] = getattr(args, option)
    if args.birthday is not None:
        fields["birthday"] = parse_birthday(args.birthday)
    if args.met_at is not None:
        fields["met_at"] = args.met_at
        fields["met_on"] = day_or_none(args.met_on, ws)
    ws.contacts.edit(contact_id, fields)
    return 0


def run_list(args: argparse.Namespace, ws: Workspace) -> int:
    ids = ws.contacts.ids(tag=args.tag, event=args.event, virtual_only=args.virtual_only)
    summaries = ws.contacts.summaries(ids)
    if args.json:
        print_json([contact_json(s) for s in summaries])
        return 0
    print_table(
        [[str(s.id), s.name, s.company, iso(s.last_interaction) or "", iso(s.next_followup) or ""] for s in summaries],
        ["ID", "NAME", "COMPANY", "LAST CONTACT", "NEXT FOLLOW-UP"],
    )
    return 0


def run_show(args: argparse.Namespace, ws: Workspace) -> int:
    contact_id = ws.contacts.resolve(args.contact)
    document = contact_document(ws, contact_id)
    if args.json:
        print_json(document)
        return 0
    _print_contact(document)
    return 0


def contact_document(ws: Workspace, contact_id: int) -> dict[str, Any]:
    """`contact show --json`: the contact with their journal and how we met."""
    detail = ws.contacts.detail(contact_id)
    document = contact_json(detail.summary)
    document.update(
        {
            "notes": detail.notes,
            "connected_on": iso(detail.connected_on),
            "met_at": [
                {"event": m.name, "date": iso(m.on), "place": m.place, "in_person": m.in_person}
                for m in detail.meetings
            ],
            "journal": [interaction_json(i) for i in detail.timeline],
            "updates": [
                {"date": iso(u.noticed_on), "kind": u.kind, "from": u.old_value, "to": u.new_value}
                for u in detail.life_changes
            ],
        }
    )
    document.update(relations_document(ws, contact_id))
    return document


def _print_contact(d: dict[str, Any]) -> None:
    print(f"{d['name']}  (#{d['id']})")
    role = ", ".join(part for part in (d["title"], d["company"]) if part)
    if role:
        print(f"  {role}")
    for label, key in (
        ("Email", "emails"),
        ("Phone", "phones"),
        ("Web", "urls"),
        ("Tags", "tags"),
        ("Events", "events"),
    ):
        if d[key]:
            print(f"  {label}: {', '.join(d[key])}")
    if d["birthday"]:
        print(f"  Birthday: {d['birthday']}")
    print(f"  Source: {d['source']}; met in person: {'yes' if d['met_in_person'] else 'not yet'}")
    if d["notes"]:
        print("  Notes: " + d["notes"].replace("\n", "\n         "))
    if d["journal"]:
        print("  Journal:")
        for entry in d["journal"]:
            at = f" at {entry['event']}" if entry["event"] else ""
            note = f": {entry['note']}" if entry["note"] else ""
            print(f"    {entry['date']}  {entry['channel']}{at}{note}")
    print_relations(d)


def run_delete(args: argparse.Namespace, ws: Workspace) -> int:
    ws.contacts.delete([ws.contacts.resolve(args.contact)])
    return 0


def run_merge(args: argparse.Namespace, ws: Workspace) -> int:
    ws.contacts.merge(ws.contacts.resolve(args.keep), ws.contacts.resolve(args.other))
    return 0


def run_trash(args: argparse.Namespace, ws: Workspace) -> int:
    ws.trash.purge_expired()
    items = ws.trash.list()
    if args.json:
        print_json(
            [{"id": t.id, "name": t.name, "deleted_at": t.deleted_at, "purge_on": iso(t.purge_on)} for t in items]
        )
        return 0
    print_table(
        [[str(t.id), t.name, t.deleted_at.strftime("%Y-%m-%d %H:%M"), iso(t.purge_on) or ""] for t in items],
        ["ID", "NAME", "DELETED (UTC)", "GONE ON"],
    )
    return 0


def run_trash_restore(args: argparse.Namespace, ws: Workspace) -> int:
    ws.trash.restore(args.id)
    return 0
