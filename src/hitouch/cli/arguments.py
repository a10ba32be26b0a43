"""Turning option text into values; a bad value is a user error (exit 1)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from hitouch.domain.birthday import Birthday
from hitouch.domain.dates import parse_day
from hitouch.services.errors import typed_in

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace


def day_or_none(text: str | None, ws: Workspace) -> date | None:
    if text is None:
        return None
    return typed_in(lambda day: parse_day(day, ws.clock.today()), text)


def required_day(text: str, ws: Workspace) -> date:
    return typed_in(lambda day: parse_day(day, ws.clock.today()), text)


def parse_birthday(text: str | None) -> Birthday | None:
    if text is None:
        return None
    return typed_in(Birthday.parse, text)


def command_group(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The subcommands of a group such as `hitouch export ...`; several modules may add to one."""
    parser = commands.choices.get(name)
    if parser is None:
        parser = commands.add_parser(name, help=help)
        parser.add_subparsers(dest=f"{name}_what", metavar="WHAT", required=True)
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
