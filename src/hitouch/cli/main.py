"""Parsing, dispatch and the exit-code contract (see CLI.md)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hitouch import __version__
from hitouch.cli import agenda, calendar, cards, contacts, followups, importing, journal, referrals, safety

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3

# `hitouch FILE.vcf` (a double-click in the file manager, `Exec=hitouch %F`) means `hitouch gui FILE.vcf`.
OPENED_FILE_TYPES = (".vcf", ".vcard", ".csv", ".ics")

# Each module adds its commands with register(subparsers); a command's handler is
# run(args, workspace) -> exit code, or run(args, journal_path) for the few commands that set
# needs_workspace=False because they must work when the journal cannot be opened.
COMMAND_MODULES = (contacts, journal, followups, agenda, referrals, importing, safety, calendar, cards)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hitouch",
        description="HiTouch, the networking journal. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"hitouch {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", type=Path, help="the journal file (default: $HITOUCH_DB or the user data folder)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", help="open the window")
    gui.add_argument("files", nargs="*", type=Path, help="files to import")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = opened_files_mean_gui(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from hitouch.app import run_gui  # the only path that loads Qt

        return run_gui(args.db, getattr(args, "files", []))
    return run_command(args)


def opened_files_mean_gui(argv: list[str]) -> list[str]:
    """Inserts `gui` before a first argument that is an existing contacts or calendar file."""
    first = 0  # past the global options that may come first
    while first < len(argv):
        if argv[first] == "--db":
            first += 2
        elif argv[first].startswith("--db="):
            first += 1
        else:
            break
    if first < len(argv):
        candidate = Path(argv[first])
        if candidate.suffix.lower() in OPENED_FILE_TYPES and candidate.is_file():
            return [*argv[:first], "gui", *argv[first:]]
    return argv


def run_command(args: argparse.Namespace) -> int:
    from hitouch.paths import default_journal_path
    from hitouch.services.errors import JournalError, UserError

    path = args.db or default_journal_path()
    args.passphrase = os.environ.get("HITOUCH_PASSPHRASE") or None  # for journals encrypted at rest
    try:
        if not getattr(args, "needs_workspace", True):
            return args.run(args, path)
        from hitouch.services.workspace import open_workspace
        from hitouch.settings import read_settings_file

        workspace = open_workspace(
            path, clock=clock_from_environment(), passphrase=args.passphrase, settings=read_settings_file()
        )
        try:
            return args.run(args, workspace)
        finally:
            workspace.close()
    except UserError as exc:
        return fail(str(exc), EXIT_USER)
    except JournalError as exc:
        return fail(str(exc), EXIT_DATA)
    except BrokenPipeError:
        return EXIT_OK  # `hitouch contact list | head`


def clock_from_environment():
    """$HITOUCH_NOW ('2026-11-22T10:30') makes a script's "today" a fixed moment: reproducible
    agendas, and tests that do not depend on the day they run."""
    from datetime import datetime

    from hitouch.services.clock import Clock
    from hitouch.services.errors import UserError

    text = os.environ.get("HITOUCH_NOW")
    if not text:
        return Clock()
    try:
        return Clock(fixed=datetime.fromisoformat(text))
    except ValueError:
        raise UserError(f"$HITOUCH_NOW is not a date and time: {text!r} (use 2026-11-22T10:30)") from None


def fail(message: str, code: int) -> int:
    print(f"hitouch: {message}", file=sys.stderr)
    return code
