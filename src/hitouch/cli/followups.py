"""`hitouch followup ...` and `hitouch cadence`."""

from __future__ import annotations

import argparse
from datetime import date, time
from typing import TYPE_CHECKING, Any

from hitouch.cli.arguments import required_day
from hitouch.cli.output import iso, print_json, print_table
from hitouch.cli.relation_json import followup_json
from hitouch.domain.dates import parse_moment, parse_time
from hitouch.domain.vocabulary import FollowUpKind
from hitouch.services.errors import UserError

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace

KINDS = [k.value for k in FollowUpKind]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    followup = commands.add_parser("followup", help="follow-ups: add, done, snooze, list")
    sub = followup.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="add a follow-up; prints its id")
    add.add_argument("contact", metavar="CONTACT")
    add.add_argument("--due", required=True, metavar="DATE", help="a day, or a day and time (2026-12-01T09:30)")
    add.add_argument("--title", metavar="T", default="")
    add.add_argument("--kind", choices=KINDS, default="other")
    add.add_argument("--at", metavar="TIME", help="local time, HH:MM")
    add.add_argument("--minutes", type=int, metavar="N", help="how long it takes")
    add.add_argument("--note", metavar="TEXT", default="")
    add.set_defaults(run=run_add)

    done = sub.add_parser("done", help="mark a follow-up done")
    done.add_argument("id", type=int, metavar="ID")
    done.set_defaults(run=run_done)

    snooze = sub.add_parser("snooze", help="out of sight until a later day")
    snooze.add_argument("id", type=int, metavar="ID")
    snooze.add_argument("--until", required=True, metavar="DATE")
    snooze.set_defaults(run=run_snooze)

    reschedule = sub.add_parser("reschedule", help="move a follow-up to another day (and time)")
    reschedule.add_argument("id", type=int, metavar="ID")
    reschedule.add_argument("--due", required=True, metavar="DATE")
    reschedule.add_argument("--at", metavar="TIME")
    reschedule.set_defaults(run=run_reschedule)

    delete = sub.add_parser("delete", help="delete a follow-up")
    delete.add_argument("id", type=int, metavar="ID")
    delete.set_defaults(run=run_delete)

    listing = sub.add_parser("list", help="open follow-ups, soonest first")
    listing.add_argument("--all", action="store_true", help="done ones too")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)

    cadence = commands.add_parser("cadence", help="keep in touch every N days, weeks or months")
    cadence.add_argument("contact", metavar="CONTACT")
    rhythm = cadence.add_mutually_exclusive_group()
    rhythm.add_argument("--every", metavar="N(d|w|m)", help="e.g. 2w; logging anything restarts its clock")
    rhythm.add_argument("--off", action="store_true", help="remove the cadence")
    cadence.set_defaults(run=run_cadence)


def _moment(args: argparse.Namespace, ws: Workspace) -> tuple[date, time | None]:
    try:
        day, at = parse_moment(args.due, ws.clock.today())
        if args.at is not None:
            at = parse_time(args.at)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    return day, at


def run_add(args: argparse.Namespace, ws: Workspace) -> int:
    contact_id = ws.contacts.resolve(args.contact)
    day, at = _moment(args, ws)
    followup_id, _ = ws.followups.add(
        contact_id, day, kind=args.kind, title=args.title, note=args.note, at=at, minutes=args.minutes
    )
    print(followup_id)
    return 0


def run_done(args: argparse.Namespace, ws: Workspace) -> int:
    ws.followups.done(args.id)
    return 0


def run_snooze(args: argparse.Namespace, ws: Workspace) -> int:
    ws.followups.snooze(args.id, required_day(args.until, ws))
    return 0


def run_reschedule(args: argparse.Namespace, ws: Workspace) -> int:
    day, at = _moment(args, ws)
    ws.followups.reschedule(args.id, day, at)
    return 0


def run_delete(args: argparse.Namespace, ws: Workspace) -> int:
    ws.followups.delete([args.id])
    return 0


def run_list(args: argparse.Namespace, ws: Workspace) -> int:
    today = ws.clock.today()
    followups = ws.followups.list(include_done=args.all)
    if args.json:
        print_json([followup_json(f, today) for f in followups])
        return 0
    print_table(
        [
            [
                str(f.id),
                iso(f.due) or "",
                f.due_time.strftime("%H:%M") if f.due_time else "",
                str(f.status_on(today)),
                f.contact.name,
                f.title,
            ]
            for f in followups
        ],
        ["ID", "DUE", "TIME", "STATUS", "CONTACT", "TITLE"],
    )
    return 0


def run_cadence(args: argparse.Namespace, ws: Workspace) -> int:
    """Set (--every), remove (--off), or with neither, show the cadence."""
    contact_id = ws.contacts.resolve(args.contact)
    if args.off:
        ws.cadences.off(contact_id)
    elif args.every:
        ws.cadences.set(contact_id, args.every)
    else:
        cadence = ws.cadences.get(contact_id)
        print(f"every {cadence.period}, due {iso(cadence.due)}" if cadence else "no cadence")
    return 0


def print_relations(d: dict[str, Any]) -> None:
    """The text `contact show` adds after the journal: follow-ups, cadence, referrals."""
    open_ones = [f for f in d["followups"] if f["status"] != "done"]
    if open_ones:
        print("  Follow-ups:")
        for f in open_ones:
            at = f" {f['time']}" if f["time"] else ""
            print(f"    {f['due']}{at}  {f['title']}  (#{f['id']}, {f['status']})")
    if d["cadence"]:
        print(f"  Keep in touch: every {d['cadence']['every']}, due {d['cadence']['due']}")
    if d["referrals"]:
        print("  Referrals:")
        for r in d["referrals"]:
            way = "to" if r["direction"] == "given" else "from"
            lead = r["lead"]["name"] if r["lead"] else r["lead_text"]
            print(f"    {r['date']}  {way} {r['contact']['name']}: {lead or 'a lead'} ({r['status']})")
