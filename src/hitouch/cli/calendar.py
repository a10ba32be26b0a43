"""`hitouch export ics` and `hitouch sync caldav`.

`export` is a group other formats join (vcard, csv). This module makes the group only when
no module listed before it in COMMAND_MODULES has, and adds `ics` to whichever group exists:
list it after the module that owns `export`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from hitouch.cli.arguments import command_group
from hitouch.cli.output import print_json

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_export_ics_parser(command_group(commands, "export", "write the journal to files other programs read"))

    sync = commands.add_parser("sync", help="send follow-ups and meetings to a calendar server")
    targets = sync.add_subparsers(dest="sync_target", metavar="TARGET", required=True)
    caldav = targets.add_parser(
        "caldav",
        help="push follow-ups and meetings to a CalDAV calendar (password: $HITOUCH_CALDAV_PASSWORD or the keyring)",
    )
    caldav.add_argument("--url", help="the server (default: the one set in the window)")
    caldav.add_argument("--user", help="the user name (default: the one set in the window)")
    caldav.add_argument(
        "--calendar", metavar="NAME", help="the calendar's display name, created when missing (default: HiTouch)"
    )
    caldav.add_argument("--json", action="store_true")
    caldav.set_defaults(run=run_sync_caldav)


def add_export_ics_parser(export_formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ics = export_formats.add_parser(
        "ics", help="follow-ups and meetings with alarms, and birthdays, as an .ics calendar"
    )
    ics.add_argument("out", type=Path, metavar="OUT")
    ics.add_argument("--days", type=_days, metavar="N", help="only follow-ups and birthdays in the next N days")
    ics.set_defaults(run=run_export_ics)


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError("the number of days cannot be negative")
    return days


def run_export_ics(args: argparse.Namespace, ws: Workspace) -> int:
    written = ws.calendar.write_file(args.out, args.days)
    parts = [_count(written.followups, "follow-up"), _count(written.birthdays, "birthday")]
    if written.cancelled:
        parts.append(_count(len(written.cancelled), "cancellation"))
    print(f"Wrote {', '.join(parts[:-1])} and {parts[-1]} to {args.out}.")
    return 0


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def run_sync_caldav(args: argparse.Namespace, ws: Workspace) -> int:
    from hitouch.services.calendar.caldav_server import CalDavAccount
    from hitouch.services.errors import UserError

    settings = ws.settings
    url = args.url or settings.caldav_url
    if not url:
        raise UserError("no CalDAV server: give --url, or set one in the window (Calendar > Calendar Sync…)")
    user = settings.caldav_user if args.user is None else args.user
    account = CalDavAccount(url, user, args.calendar or settings.caldav_calendar or "HiTouch")
    report = ws.caldav.sync(account, ws.caldav_passwords.for_sync(user))
    if args.json:
        print_json(
            {
                "calendar": report.calendar,
                "url": report.calendar_url,
                "calendar_created": report.calendar_created,
                "created": report.created,
                "updated": report.updated,
                "removed": report.removed,
                "unchanged": report.unchanged,
            }
        )
        return 0
    made = " (a new calendar)" if report.calendar_created else ""
    print(f"Synced “{report.calendar}”{made} at {report.calendar_url}: {report.counts()}.")
    return 0
