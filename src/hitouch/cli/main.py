"""Parsing, dispatch and the exit-code contract (see CLI.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hitouch import __version__
from hitouch.cli import agenda, contacts, followups, journal, referrals

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3

# Each module adds its commands with register(subparsers); a command's handler is
# run(args, workspace) -> exit code.
COMMAND_MODULES = (contacts, journal, followups, agenda, referrals)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hitouch",
        description="HiTouch, the networking journal. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"hitouch {__version__}")
    parser.add_argument("--db", metavar="PATH", type=Path, help="the journal file (default: $HITOUCH_DB or the user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = commands.add_parser("gui", help="open the window")
    gui.add_argument("files", nargs="*", type=Path, help="files to import")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from hitouch.app import run_gui  # the only path that loads Qt

        return run_gui(args.db, getattr(args, "files", []))
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    from hitouch.paths import default_journal_path
    from hitouch.services.workspace import open_workspace
    from hitouch.services.errors import UserError
    from hitouch.services.errors import JournalError
    from hitouch.settings import read_settings_file

    try:
        workspace = open_workspace(args.db or default_journal_path(), settings=read_settings_file())
    except JournalError as exc:
        return fail(str(exc), EXIT_DATA)
    try:
        return args.run(args, workspace)
    except UserError as exc:
        return fail(str(exc), EXIT_USER)
    except JournalError as exc:
        return fail(str(exc), EXIT_DATA)
    except BrokenPipeError:
        return EXIT_OK  # `hitouch contact list | head`
    finally:
        workspace.close()


def fail(message: str, code: int) -> int:
    print(f"hitouch: {message}", file=sys.stderr)
    return code
