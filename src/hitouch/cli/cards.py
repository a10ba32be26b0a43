"""Cards as QR codes: `hitouch import PHOTO...` (badges and business cards photographed at an
event) and `hitouch card qr OUT.png|OUT.svg` (my own card).

Photos are decoded with Qt's image codecs (`hitouch.imaging`, QtGui without a window), loaded
here only when photos are imported: every other command starts without Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hitouch.cli.arguments import command_group
from hitouch.cli.output import print_json
from hitouch.services.errors import UserError

if TYPE_CHECKING:
    from hitouch.cli.access import JournalAccess
    from hitouch.services.importing.photo_import import PhotoPlan, PhotoReport
    from hitouch.services.workspace import Workspace


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    card = command_group(commands, "card", "my own card as a QR code (details from Preferences)")
    qr = card.add_parser(
        "qr",
        help="write my card as a QR code holding a vCard: OUT.png or OUT.svg",
        description="My card (name, email, phone, company, title, web address) as a QR code holding a vCard 3.0, "
        "for a badge, slides or a printed card. The details come from Preferences (My Card); each option "
        "given replaces one.",
    )
    qr.add_argument("out", type=Path, metavar="OUT.png|OUT.svg")
    for option in ("name", "email", "phone", "company", "title", "url"):
        qr.add_argument(f"--{option}", metavar=option[0].upper())
    qr.set_defaults(run=run_card_qr, needs_workspace=False)


def photo_files(args: argparse.Namespace) -> bool:
    """Whether the files to import are photos; UserError when photos and other files are mixed."""
    from hitouch.services.importing.photos import is_photo

    if args.format != "auto":
        return False
    # Streams (standard input, pipes) were read already: they are contacts files, never photos.
    photos = [path for path in args.files if isinstance(path, Path) and is_photo(path)]
    if photos and len(photos) < len(args.files):
        others = [str(path) for path in args.files if path not in photos]
        raise UserError(
            f"photos ({', '.join(map(str, photos))}) and contacts files ({', '.join(others)}) are imported one "
            "kind at a time"
        )
    return bool(photos)


def run_photo_import(args: argparse.Namespace, ws: Workspace) -> int:
    from hitouch.imaging.photo_reader import QtPhotoReader
    from hitouch.services.importing.photo_import import PhotoNames, PhotosUnreadable

    event: int | str | None = None
    if args.event:
        try:
            event = ws.events.resolve(args.event)
        except UserError:
            event = args.event  # a new event, dated today
    elif (today := ws.photo_import.todays_event()) is not None:
        event = today.id
    try:
        plan = ws.photo_import.plan(args.files, QtPhotoReader())
    except PhotosUnreadable as exc:
        if len(exc.problems) > 1:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
        raise
    if args.dry_run:
        _print(args, plan, None)
        return 0
    report = ws.photo_import.apply(plan, PhotoNames(event=event))
    _print(args, plan, report)
    return 0


def _print(args: argparse.Namespace, plan: PhotoPlan, report: PhotoReport | None) -> None:
    counts = report.contacts.counts if report else plan.contacts.counts()
    waiting = report.waiting if report else len(plan.waiting) + len(plan.unnamed)
    problems = plan.problems
    if args.json:
        document: dict[str, Any] = {
            "files": len(plan.photos) + plan.unreadable,
            "created": counts.created,
            "merged": counts.merged,
            "unchanged": counts.unchanged,
            "skipped": counts.skipped,
            "errors": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
            "batch": report.batch_id if report else None,
            "suggestions": [],
            "photos": len(plan.photos),
            "to_enter": waiting,
            "event": ({"id": report.event.id, "name": report.event.name} if report and report.event else None),
        }
        print_json(document)
        return
    for problem in problems:
        print(problem, file=sys.stderr)
    photos = len(plan.photos)
    verb = "Would import" if report is None else "Imported"
    print(
        f"{verb} {photos} photo{'s' if photos != 1 else ''}: {counts.created} new, {counts.merged} merged, "
        f"{counts.unchanged} unchanged, {len(problems)} problem{'s' if len(problems) != 1 else ''}."
    )
    if report is not None and report.event is not None:
        print(f"Met in person at {report.event.name}, with a follow-up in a few days.")
    elif report is not None:
        print("Met in person today, with a follow-up in a few days (give --event to name the event).")
    if waiting:
        print(
            f"{waiting} photo{'s' if waiting != 1 else ''} named nobody HiTouch could read: type "
            f"{'them' if waiting != 1 else 'it'} in from the window's event mode."
        )
    if report is not None:
        print(f"Batch {report.batch_id}; to take it back: hitouch import undo {report.batch_id}")


def run_card_qr(args: argparse.Namespace, access: JournalAccess) -> int:
    """Needs no journal: my details are preferences."""
    from hitouch.interop.qr.my_card import KINDS, card_text, write_qr
    from hitouch.services.contacts.my_card import my_card

    if args.out.suffix.lower() not in KINDS:
        raise UserError(f"{args.out}: the file's name must end in .png or .svg")
    card = my_card(
        access.settings,
        name=args.name,
        email=args.email,
        phone=args.phone,
        company=args.company,
        title=args.title,
        url=args.url,
    )
    try:
        write_qr(card_text(card), args.out)
    except OSError as exc:
        raise UserError(f"{args.out}: it could not be written ({exc.strerror or exc})") from None
    print(f"Wrote my card ({card.name}) as a QR code to {args.out}.")
    return 0
