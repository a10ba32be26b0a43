"""`hitouch agenda` and `hitouch nudges ...`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hitouch.cli.arguments import day_or_none
from hitouch.cli.output import iso, print_json
from hitouch.cli.relation_json import agenda_json, nudge_json
from hitouch.domain.dates import parse_time
from hitouch.domain.relationships.agenda import Agenda
from hitouch.domain.relationships.followups import FollowUpRecord
from hitouch.services.errors import UserError

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    agenda = commands.add_parser("agenda", help="what is due, who to keep in touch with, birthdays, who to meet")
    agenda.add_argument("--days", type=int, default=7, metavar="N", help="today and the days after (default 7)")
    agenda.add_argument("--json", action="store_true")
    agenda.set_defaults(run=run_agenda)

    nudges = commands.add_parser("nudges", help="people known only virtually, most worth meeting first")
    nudges.add_argument("--limit", type=int, default=10, metavar="N")
    nudges.add_argument("--json", action="store_true")
    nudges.set_defaults(run=run_nudges)
    sub = nudges.add_subparsers(dest="nudge_action", metavar="ACTION")
    dismiss = sub.add_parser("dismiss", help="not now: leave someone out for a while (four weeks by default)")
    dismiss.add_argument("contact", metavar="CONTACT")
    dismiss.add_argument("--until", metavar="DATE")
    dismiss.set_defaults(run=run_dismiss)
    coffee = sub.add_parser("coffee", help="schedule a coffee; prints its id, then an invitation to send")
    coffee.add_argument("contact", metavar="CONTACT")
    coffee.add_argument("--on", metavar="DATE", help="default: a weekday a few days out")
    coffee.add_argument("--at", metavar="TIME")
    coffee.set_defaults(run=run_coffee)


def run_agenda(args: argparse.Namespace, ws: Workspace) -> int:
    agenda = ws.agenda.agenda(args.days)
    if args.json:
        print_json(agenda_json(agenda))
        return 0
    print_agenda(agenda)
    return 0


def print_agenda(agenda: Agenda) -> None:
    if agenda.is_empty():
        print("Nothing due. A good day to reach out to someone new.")
        return
    sections = [
        ("Overdue", [f"{iso(f.due)}  {_followup_line(f)}" for f in agenda.overdue]),
        (
            "Due",
            [
                f"{iso(f.due)}{' ' + f.due_time.strftime('%H:%M') if f.due_time else ''}  {_followup_line(f)}"
                for f in agenda.due
            ],
        ),
        ("Keep in touch", [f"{c.contact.name}: every {c.period}, due {iso(c.due)}" for c in agenda.cadence]),
        (
            "Birthdays",
            [f"{iso(b.on)}  {b.contact.name}" + (f" turns {b.age}" if b.age else "") for b in agenda.birthdays],
        ),
        ("Small acts", [a.suggestion for a in agenda.small_acts]),
        ("Worth meeting in person", [f"{n.contact.name}: {n.reason}" for n in agenda.nudges]),
    ]
    for title, lines in sections:
        if lines:
            print(f"{title}:")
            for line in lines:
                print(f"  {line}")


def _followup_line(f: FollowUpRecord) -> str:
    """The title, and the person when the title does not name them; the id to act on it."""
    who = "" if f.contact.name in f.title else f" ({f.contact.name})"
    return f"{f.title}{who}  #{f.id}"


def run_nudges(args: argparse.Namespace, ws: Workspace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    nudges = ws.nudges.list(args.limit)
    if args.json:
        print_json([nudge_json(n) for n in nudges])
        return 0
    for n in nudges:
        print(f"{n.contact.name} (#{n.contact.id}): {n.reason}")
    return 0


def run_dismiss(args: argparse.Namespace, ws: Workspace) -> int:
    ws.nudges.dismiss(ws.contacts.resolve(args.contact), day_or_none(args.until, ws))
    return 0


def run_coffee(args: argparse.Namespace, ws: Workspace) -> int:
    contact_id = ws.contacts.resolve(args.contact)
    try:
        at = parse_time(args.at) if args.at else None
    except ValueError as exc:
        raise UserError(str(exc)) from None
    followup_id, _ = ws.nudges.schedule_coffee(contact_id, day_or_none(args.on, ws), at=at)
    print(followup_id)
    print(ws.nudges.invitation(contact_id, ws.followups.get(followup_id).due))
    return 0
