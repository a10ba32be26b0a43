"""`hitouch import FILE.ics` and the undo of a calendar import: meetings into the journal.

The same JSON keys as a contacts import (CLI.md). `created` counts the meetings that became
journal entries or follow-ups, `unchanged` those imported before, `skipped` those left out
(no one from the journal in them, cancelled, recurring, to-dos); nothing is ever `merged`.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from hitouch.cli.output import print_json, ref_json
from hitouch.services.errors import UserError

if TYPE_CHECKING:  # the services load SQLAlchemy: only when an import runs
    from hitouch.services.calendar.importing import CalendarPlan, CalendarReport, Meeting, MeetingCounts
    from hitouch.services.workspace import Workspace


def calendar_files(args: argparse.Namespace, ws: Workspace) -> bool:
    """Whether the files are calendars; UserError when calendars and contacts files are mixed."""
    if args.format != "auto":
        return False  # a contacts format was asked for
    calendars = [path for path in args.files if ws.calendar_import.is_calendar(path)]
    if calendars and len(calendars) < len(args.files):
        others = [path for path in args.files if path not in calendars]
        raise UserError(
            f"calendars ({', '.join(map(str, calendars))}) and contacts files ({', '.join(map(str, others))}) are "
            "imported one kind at a time: import the contacts first, then the calendars, so their meetings find "
            "the people"
        )
    return bool(calendars)


def run_import(args: argparse.Namespace, ws: Workspace) -> int:
    plan = ws.calendar_import.plan(args.files)
    if args.dry_run:
        _print(args, plan, plan.meetings, plan.counts(), None)
        return 0
    report = ws.calendar_import.apply(plan)
    _print(args, plan, plan.meetings, report.counts, report)
    return 0


def undo(args: argparse.Namespace, ws: Workspace, batch_id: int) -> int:
    undone = ws.calendar_import.undo(batch_id)
    if args.json:
        print_json({"batch": undone.batch_id, "removed": undone.removed, "restored": 0})
    else:
        print(
            f"Undid import {undone.batch_id}: removed "
            f"{_count(undone.interactions, 'journal entry', 'journal entries')} "
            f"and {_count(undone.followups, 'follow-up', 'follow-ups')} it had created."
        )
    return 0


def _print(
    args: argparse.Namespace,
    plan: CalendarPlan,
    meetings: list[Meeting],
    counts: MeetingCounts,
    report: CalendarReport | None,
) -> None:
    if args.json:
        print_json(
            {
                "files": len(plan.files),
                "created": counts.created,
                "merged": 0,
                "unchanged": counts.unchanged,
                "skipped": counts.skipped,
                "errors": [{"file": p.file, "line": p.line, "message": p.message} for p in plan.problems],
                "batch": report.batch_id if report else None,
                "interactions": counts.interactions,
                "followups": counts.followups,
                "meetings": [_meeting_json(m) for m in meetings],
            }
        )
        return
    for problem in plan.problems:
        print(problem, file=sys.stderr)
    verb = "Would import" if report is None else "Imported"
    files = len(plan.files)
    print(
        f"{verb} {files} calendar{'s' if files != 1 else ''}: "
        f"{_count(counts.interactions, 'journal entry', 'journal entries')}, "
        f"{_count(counts.followups, 'follow-up', 'follow-ups')}, {counts.unchanged} imported before, "
        f"{counts.skipped} left out, {_count(len(plan.problems), 'problem', 'problems')}."
    )
    for meeting in meetings:
        if meeting.outcome.value in ("interaction", "follow-up"):
            print(f"  {_when(meeting)}  {_what(meeting)}: {meeting.event.summary or '(no title)'}")
    reasons = Counter(m.reason for m in meetings if m.outcome.value == "skipped")
    if reasons:
        print("Left out: " + "; ".join(f"{n} × {reason}" for reason, n in reasons.most_common()) + ".")
    if report is not None:
        print(f"Batch {report.batch_id}; to take it back: hitouch import undo {report.batch_id}")


def _when(meeting: Meeting) -> str:
    day = meeting.day.isoformat() if meeting.day else "(no date)"
    return f"{day} {meeting.at:%H:%M}" if meeting.at else f"{day}      "


def _what(meeting: Meeting) -> str:
    names = ", ".join(person.name for person in meeting.people)
    if meeting.outcome.value == "interaction" and meeting.channel is not None:
        return f"{meeting.channel.label.lower()} with {names}"
    kind = meeting.kind.value if meeting.kind is not None else "other"
    return f"follow-up ({kind}) with {names}"


def _meeting_json(meeting: Meeting) -> dict[str, Any]:
    start = meeting.event.start
    return {
        "file": meeting.file,
        "line": meeting.event.line,
        "uid": meeting.key,
        "summary": meeting.event.summary,
        "start": start.isoformat() if isinstance(start, (date, datetime)) else None,
        "outcome": meeting.outcome.value,
        "reason": meeting.reason or None,
        "people": [ref_json(person) for person in meeting.people],
        "channel": meeting.channel.value if meeting.channel else None,
        "kind": meeting.kind.value if meeting.kind else None,
    }


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
