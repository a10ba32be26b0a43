"""Turning option text into values; a bad value is a user error (exit 1)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from hitouch.domain.birthday import Birthday
from hitouch.domain.dates import parse_day
from hitouch.domain.limits import LARGEST_ID
from hitouch.services.errors import UserError, typed_in

if TYPE_CHECKING:
    from hitouch.services.workspace import Workspace


def record_id(text: str) -> int:
    """An argparse type for an ID: a whole number (else a usage error, as for any int), and one
    SQLite can hold (else a user error, exit 1: `main` catches what a type raises)."""
    number = _whole(text)
    if not -LARGEST_ID <= number <= LARGEST_ID:
        raise UserError(f"{text} is not an id: ids are whole numbers up to {LARGEST_ID:,}")
    return number


def at_most(limit: int, option: str) -> Callable[[str], int]:
    """An argparse type for a count given as `option`: a whole number no larger than `limit`
    (what is too small is said by the command, which knows why)."""

    def count(text: str) -> int:
        number = _whole(text)
        if number > limit or number < -limit:
            raise UserError(f"{option} {text} is out of range: at most {limit:,}")
        return number

    return count


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None


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
