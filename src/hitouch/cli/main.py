"""Parsing, dispatch and the exit-code contract (see CLI.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from hitouch import __version__
from hitouch.cli import agenda, calendar, cards, contacts, followups, importing, journal, referrals, safety
from hitouch.cli.output import print_line, terminal_text

if TYPE_CHECKING:
    from hitouch.cli.access import JournalAccess

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3

# `hitouch FILE.vcf` (a double-click in the file manager, `Exec=hitouch %F`) means `hitouch gui FILE.vcf`.
OPENED_FILE_TYPES = (".vcf", ".vcard", ".csv", ".ics")

# Each module adds its commands with register(subparsers); a command's handler is
# run(args, workspace) -> exit code, or run(args, access) (a `cli.access.JournalAccess`) for the
# few commands that set needs_workspace=False because they must work when the journal cannot be
# opened, or must stay quick.
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
    from hitouch.services.errors import UserError

    with terminal_text():  # argparse's messages quote what was typed
        try:
            args = parser.parse_args(argv)
        except UserError as exc:  # a value out of range (cli/arguments.py)
            return fail(str(exc), EXIT_USER)
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
    with terminal_text():  # nothing printed drives the terminal, whatever a journal holds
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from hitouch.services.errors import JournalError, UserError

    try:
        access = journal_access(args.db)
        if not getattr(args, "needs_workspace", True):
            return int(args.run(args, access))
        workspace = access.open()
        try:
            return int(args.run(args, workspace))
        finally:
            workspace.close()
    except UserError as exc:
        return fail(str(exc), EXIT_USER)
    except JournalError as exc:
        return fail(str(exc), EXIT_DATA)
    except BrokenPipeError:
        return EXIT_OK  # `hitouch contact list | head`


def journal_access(db: Path | None) -> JournalAccess:
    """The command line's composition root: the journal (--db, else $HITOUCH_DB, else the user
    data folder's), the user's settings, and the clock ($HITOUCH_NOW, '2026-11-22T10:30', makes a
    script's "today" a fixed moment: reproducible agendas, tests that do not depend on the day)."""
    from hitouch.cli.access import JournalAccess
    from hitouch.environment import Environment, system_zone
    from hitouch.services.clock import Clock
    from hitouch.services.errors import UserError
    from hitouch.settings import SettingsFile

    environment = Environment.read()
    try:
        fixed = environment.fixed_now()
    except ValueError as exc:
        raise UserError(str(exc)) from None
    return JournalAccess(
        path=environment.journal_path(db),
        settings=SettingsFile().load(),
        clock=Clock(fixed=fixed, zone=system_zone()),
        passphrase=environment.passphrase,
        busy_timeout=environment.busy_timeout,
        caldav_password=environment.caldav_password,
    )


def fail(message: str, code: int) -> int:
    print_line(f"hitouch: {message}", file=sys.stderr)
    return code
