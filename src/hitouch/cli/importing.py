"""`hitouch import FILE...`, `hitouch import undo BATCH`, `hitouch export vcard|csv OUT`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hitouch.cli import calendar_import, cards
from hitouch.cli.arguments import command_group, record_id
from hitouch.cli.output import print_json, print_line, ref_json
from hitouch.services.errors import UserError

if TYPE_CHECKING:
    from hitouch.interop.input_files import ReadOnce
    from hitouch.services.importing.importing import Counts, ImportPlan, ImportReport, Suggestion
    from hitouch.services.workspace import Workspace

FORMATS = ("auto", "vcard", "linkedin", "google", "outlook", "csv")  # as CLI.md names them


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = commands.add_parser(
        "import",
        help="import contacts from vCard or CSV files, or meetings from calendars (.ics); "
        "'import undo BATCH' takes an import back",
        description="Import contacts from vCard (2.1, 3.0, 4.0) and LinkedIn, Google, Outlook or other CSV files. "
        "People already in the journal are merged, nothing is lost; importing the same file twice "
        "creates nothing the second time. From calendar files (.ics), meetings with people in the "
        "journal are logged (those past) or become follow-ups (those ahead). "
        "From photos (JPEG, PNG) of badges and business cards, the people their QR codes name (vCard, MECARD, "
        "LinkedIn) are met in person at the event (--event, else today's). "
        "'hitouch import undo BATCH' removes what an import added (a file named 'undo' is given as ./undo).",
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importing.add_argument("--format", choices=FORMATS, default="auto")
    importing.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    importing.add_argument("--json", action="store_true")
    importing.add_argument(
        "--event", metavar="EVENT", help="photos: the event where they were met (default: today's event)"
    )
    importing.set_defaults(run=run_import)

    export = command_group(commands, "export", "write the journal to files other programs read")
    vcard = export.add_parser("vcard", help="every contact as vCards")
    vcard.add_argument("out", type=Path, metavar="OUT")
    vcard.add_argument("--version", choices=("3.0", "4.0"), default="3.0", dest="vcard_version")
    vcard.set_defaults(run=run_export_vcard)
    csv = export.add_parser("csv", help="every contact as CSV (UTF-8, opens in spreadsheets)")
    csv.add_argument("out", type=Path, metavar="OUT")
    csv.set_defaults(run=run_export_csv)


def run_import(args: argparse.Namespace, ws: Workspace) -> int:
    if str(args.files[0]) == "undo":
        return _undo(args, ws)
    args.files = read_streams(args.files)
    if cards.photo_files(args):
        return cards.run_photo_import(args, ws)
    if calendar_import.calendar_files(args, ws):
        return calendar_import.run_import(args, ws)
    plan = ws.importing.plan(args.files, args.format)
    if args.dry_run:
        _print(args, plan.files, plan.counts(), plan, None)
        return 0
    report = ws.importing.apply(plan)
    _print(args, report.files, report.counts, plan, report)
    return 0


def read_streams(files: list[Path]) -> list[Path | ReadOnce]:
    """`-` (standard input), pipes and devices (/dev/stdin, `<(cat x.vcf)`) read now, once, within
    the size and time limits: the format is told and the file imported from the same bytes."""
    from hitouch.interop.input_files import ReadOnce, input_bytes, is_stream, stream_bytes
    from hitouch.interop.results import UnreadableFile

    read: list[Path | ReadOnce] = []
    try:
        for path in files:
            if str(path) == "-":
                if sys.stdin is None:
                    raise UnreadableFile("standard input", "there is none: it is closed")
                read.append(ReadOnce("standard input", stream_bytes(sys.stdin.fileno(), "standard input")))
            elif is_stream(path):
                read.append(ReadOnce(str(path), input_bytes(path)))
            else:
                read.append(path)
    except UnreadableFile as exc:
        raise UserError(f"{exc}; nothing was imported") from None
    return read


def _undo(args: argparse.Namespace, ws: Workspace) -> int:
    if len(args.files) != 2 or not str(args.files[1]).isdigit():
        print("usage: hitouch import undo BATCH (the number an import printed)", file=sys.stderr)
        return 2
    batch_id = record_id(str(args.files[1]))
    if ws.calendar_import.is_calendar_batch(batch_id):
        return calendar_import.undo(args, ws, batch_id)
    undone = ws.importing.undo(batch_id)
    if args.json:
        print_json({"batch": undone.batch_id, "removed": undone.removed, "restored": undone.restored})
    else:
        print(
            f"Undid import {undone.batch_id}: removed {_people(undone.removed)} it had created"
            f" and put back {_people(undone.restored)} as they were."
        )
    return 0


def _print(
    args: argparse.Namespace, files: list[str], counts: Counts, plan: ImportPlan, report: ImportReport | None
) -> None:
    suggestions = report.suggestions if report else plan.suggestions
    if args.json:
        document: dict[str, Any] = {
            "files": len(files),
            "created": counts.created,
            "merged": counts.merged,
            "unchanged": counts.unchanged,
            "skipped": counts.skipped,
            "errors": [{"file": p.file, "line": p.line, "message": p.message} for p in plan.problems],
            "batch": report.batch_id if report else None,
            "suggestions": [_suggestion_json(plan, s) for s in suggestions],
        }
        print_json(document)
        return
    for problem in plan.problems:
        print_line(str(problem), file=sys.stderr)
    verb = "Would import" if report is None else "Imported"
    print(
        f"{verb} {len(files)} file{'s' if len(files) != 1 else ''}: {counts.created} new, {counts.merged} merged, "
        f"{counts.unchanged} unchanged, {counts.skipped} skipped, {len(plan.problems)} "
        f"problem{'s' if len(plan.problems) != 1 else ''}."
    )
    for s in suggestions:
        entry = plan.entries[s.entry]
        print_line(
            f"  {entry.origins[0].file}:{entry.origins[0].line}: {entry.name} may be #{s.contact.id} "
            f"{s.contact.name} (hitouch contact merge KEEP OTHER merges two contacts)"
        )
    if report is not None:
        if report.moves:
            print(
                f"Noticed {report.moves} new compan{'ies' if report.moves != 1 else 'y'} or position"
                f"{'s' if report.moves != 1 else ''}: see the people's journals."
            )
        print(f"Batch {report.batch_id}; to take it back: hitouch import undo {report.batch_id}")


def _suggestion_json(plan: ImportPlan, suggestion: Suggestion) -> dict[str, Any]:
    entry = plan.entries[suggestion.entry]
    return {
        "file": entry.origins[0].file,
        "line": entry.origins[0].line,
        "name": entry.name,
        "contact": ref_json(suggestion.contact),
        "score": suggestion.score,
    }


def _people(n: int) -> str:
    return "1 contact" if n == 1 else f"{n} contacts"


def run_export_vcard(args: argparse.Namespace, ws: Workspace) -> int:
    count = ws.exporting.vcards(args.out, args.vcard_version)
    print(f"Exported {_people(count)} to {args.out} (vCard {args.vcard_version}).")
    return 0


def run_export_csv(args: argparse.Namespace, ws: Workspace) -> int:
    count = ws.exporting.csv(args.out)
    print(f"Exported {_people(count)} to {args.out} (CSV).")
    return 0
