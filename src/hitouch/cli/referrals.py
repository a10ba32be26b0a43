"""`hitouch referral ...`: the ledger both ways and the balance per person."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from hitouch.cli.arguments import day_or_none
from hitouch.cli.output import iso, print_json, print_table
from hitouch.cli.relation_json import balance_json, referral_json
from hitouch.domain.relationships.referrals import amount_text, parse_amount
from hitouch.domain.vocabulary import ReferralStatus
from hitouch.services.errors import NotFound, UserError

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace

ME = "me"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    referral = commands.add_parser("referral", help="referrals given and received")
    sub = referral.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = sub.add_parser("add", help="record a referral; prints its id")
    add.add_argument("--from", dest="source", required=True, metavar="WHO", help="a contact, or 'me'")
    add.add_argument("--to", dest="target", required=True, metavar="WHO", help="a contact, or 'me'")
    add.add_argument("--lead", metavar="WHO_OR_TEXT", help="who or what was referred")
    add.add_argument("--on", metavar="DATE")
    add.add_argument("--note", metavar="TEXT", default="")
    add.add_argument("--value", metavar="AMOUNT")
    add.set_defaults(run=run_add)

    status = sub.add_parser("status", help="open, met, won or lost")
    status.add_argument("id", type=int, metavar="ID")
    status.add_argument("status", choices=[s.value for s in ReferralStatus])
    status.add_argument("--value", metavar="AMOUNT")
    status.set_defaults(run=run_status)

    listing = sub.add_parser("list", help="the ledger, newest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=run_list)

    balance = sub.add_parser("balance", help="per person: given, received, won")
    balance.add_argument("--json", action="store_true")
    balance.set_defaults(run=run_balance)


def _who(text: str, ws: Workspace) -> int | None:
    return None if text.strip().lower() == ME else ws.contacts.resolve(text)


def _value(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return parse_amount(text)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def run_add(args: argparse.Namespace, ws: Workspace) -> int:
    source, target = _who(args.source, ws), _who(args.target, ws)
    lead, lead_text = None, ""
    if args.lead:
        try:
            lead = ws.contacts.resolve(args.lead)
        except NotFound:
            lead_text = args.lead  # not someone in the journal: a lead described in words
    referral_id, _ = ws.referrals.add(
        source,
        target,
        lead=lead,
        lead_text=lead_text,
        on=day_or_none(args.on, ws),
        note=args.note,
        value_cents=_value(args.value),
    )
    print(referral_id)
    return 0


def run_status(args: argparse.Namespace, ws: Workspace) -> int:
    ws.referrals.set_status(args.id, args.status, _value(args.value))
    return 0


def run_list(args: argparse.Namespace, ws: Workspace) -> int:
    referrals = ws.referrals.list()
    if args.json:
        print_json([referral_json(r) for r in referrals])
        return 0
    print_table(
        [
            [
                str(r.id),
                iso(r.on) or "",
                "to" if r.direction == "given" else "from",
                r.contact.name,
                r.lead_label,
                r.status,
                amount_text(r.value_cents) if r.value_cents is not None else "",
            ]
            for r in referrals
        ],
        ["ID", "DATE", "", "CONTACT", "LEAD", "STATUS", "VALUE"],
    )
    return 0


def run_balance(args: argparse.Namespace, ws: Workspace) -> int:
    balances = ws.referrals.balance()
    if args.json:
        print_json([balance_json(b) for b in balances])
        return 0
    print_table(
        [[b.contact.name, str(b.given), str(b.received), str(b.won)] for b in balances],
        ["CONTACT", "GIVEN", "RECEIVED", "WON"],
    )
    return 0
