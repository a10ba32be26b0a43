"""Values out of range: a clear line and exit 1, never a traceback; far dates never break an export.

Ids over 2^63-1 gave an OverflowError traceback in every command taking an id (18 commands),
`--due=+999999999d` too, and a follow-up due 9999-12-31 made every later `export ics` fail.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from datetime import date, time

import icalendar
import pytest
import vobject

from hitouch.cli import main
from hitouch.domain.cards import ContactCard, Labelled

BIG = "99999999999999999999"  # over 2^63 - 1, the largest SQLite INTEGER
JUST_OVER = str(2**63)


@pytest.fixture
def hitouch(tmp_path, monkeypatch):
    monkeypatch.setenv("HITOUCH_NOW", "2026-11-22T10:30")
    db = tmp_path / "journal.sqlite3"

    def run(*args: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(["--db", str(db), *args])
            except SystemExit as exc:
                code = exc.code
        return code, err.getvalue()

    assert run("contact", "add", "Ada Lovelace", "--email", "ada@example.com")[0] == 0
    assert run("followup", "add", "ada@example.com", "--due", "+3d")[0] == 0
    assert run("referral", "add", "--from", "me", "--to", "ada@example.com")[0] == 0
    return run


# Every command that takes an id: a contact (id, email or name), a follow-up, a referral, a
# contact in the trash, an import batch, an event.
ID_COMMANDS = [
    ("contact", "show", "{id}"),
    ("contact", "edit", "{id}", "--company", "Fjord"),
    ("contact", "delete", "{id}"),
    ("contact", "merge", "{id}", "1"),
    ("contact", "merge", "1", "{id}"),
    ("contact", "list", "--event", "{id}"),
    ("trash", "restore", "{id}"),
    ("log", "{id}", "--channel", "coffee"),
    ("followup", "add", "{id}", "--due", "+1d"),
    ("followup", "done", "{id}"),
    ("followup", "snooze", "{id}", "--until", "+1d"),
    ("followup", "reschedule", "{id}", "--due", "+1d"),
    ("followup", "delete", "{id}"),
    ("cadence", "{id}", "--every", "2w"),
    ("nudges", "dismiss", "{id}"),
    ("nudges", "coffee", "{id}"),
    ("referral", "add", "--from", "me", "--to", "{id}"),
    ("referral", "add", "--from", "{id}", "--to", "me"),
    ("referral", "status", "{id}", "won"),
    ("import", "undo", "{id}"),
]


@pytest.mark.parametrize("number", [BIG, JUST_OVER])
@pytest.mark.parametrize("command", ID_COMMANDS, ids=[" ".join(c[:3]) for c in ID_COMMANDS])
def test_an_id_beyond_any_id_is_one_clear_line_and_exit_1(hitouch, command, number):
    code, err = hitouch(*(part.format(id=number) for part in command))
    assert code == 1, err
    assert len(err.strip().splitlines()) == 1 and number in err


OUT_OF_RANGE = [
    (("agenda", "--days", BIG), "--days"),
    (("nudges", "--limit", BIG), "--limit"),
    (("export", "ics", "{tmp}/x.ics", "--days", BIG), "--days"),
    (("followup", "add", "1", "--due", "+1d", "--minutes", BIG), "--minutes"),
    (("followup", "add", "1", "--due=+999999999d"), "too far"),
    (("followup", "add", "1", "--due=-999999999d"), "too far"),
    (("followup", "add", "1", f"--due=+{BIG}w"), "too far"),
    (("followup", "add", "1", "--due", "9999-12-31"), "out of range"),
    (("followup", "snooze", "1", "--until=+999999999m"), "too far"),
    (("followup", "reschedule", "1", "--due=+99999y"), "too far"),
    (("log", "1", "--channel", "coffee", "--on=+999999999d"), "too far"),
    (("log", "1", "--channel", "coffee", "--on=0001-01-01"), "out of range"),
    (("contact", "add", "Bob", "--met-at", "Summit", "--met-on=+999999999d"), "too far"),
    (("nudges", "dismiss", "1", f"--until=+{BIG}y"), "too far"),
    (("referral", "add", "--from", "me", "--to", "1", "--value", BIG), "too large"),
    (("cadence", "1", "--every", f"{BIG}d"), "too long"),
    (("cadence", "1", "--every", "9999m"), "too long"),
]


@pytest.mark.parametrize(("command", "said"), OUT_OF_RANGE, ids=[" ".join(c[0])[:40] for c in OUT_OF_RANGE])
def test_every_number_and_date_is_range_checked_with_exit_1(hitouch, tmp_path, command, said):
    code, err = hitouch(*(part.format(tmp=tmp_path) for part in command))
    assert code == 1, err
    assert len(err.strip().splitlines()) == 1 and said in err


def test_follow_ups_at_the_ends_of_time_do_not_break_any_calendar_export(workspace, tmp_path):
    ada, _ = workspace.contacts.add(
        ContactCard(name="Ada", emails=[Labelled("ada@example.com")], birthday=None), met_at=None
    )
    for day, at in ((date.max, time(23, 30)), (date.max, None), (date.min, time(0, 10)), (date.min, None)):
        workspace.followups.add(ada, day, at=at, minutes=60)  # as the window's date editors allow
    workspace.followups.add(ada, date(2026, 12, 1), at=time(9, 0))
    out = tmp_path / "far.ics"
    written = workspace.calendar.write_file(out)
    assert written.followups == 5
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    starts = sorted(str(e.get("dtstart").dt)[:10] for e in calendar.walk("VEVENT"))
    assert starts == ["0001-01-01", "0001-01-01", "2026-12-01", "9999-12-31", "9999-12-31"]
    vobject.readOne(out.read_text(encoding="utf-8"))
    assert workspace.calendar.write_file(tmp_path / "soon.ics", 30).followups == 3  # the overdue ones and 1 December
    workspace.calendar.write_feed(tmp_path / "feed.ics")
    workspace.calendar.reminders()
    for followup_id in range(1, 6):
        assert b"BEGIN:VCALENDAR" in workspace.calendar.single_event(followup_id)


def test_export_ics_on_the_command_line_copes_with_a_follow_up_due_on_the_last_day(hitouch, workspace, tmp_path):
    code, err = hitouch("export", "ics", str(tmp_path / "before.ics"))
    assert code == 0, err
    from hitouch.services.workspace import open_workspace

    ws = open_workspace(tmp_path / "journal.sqlite3", clock=workspace.clock)
    try:
        ws.followups.add(1, date(9999, 12, 31))
        ws.followups.add(1, date(9999, 12, 31), at=time(23, 59))
    finally:
        ws.close()
    code, err = hitouch("export", "ics", str(tmp_path / "after.ics"))
    assert code == 0, err
    assert b"99991231" in (tmp_path / "after.ics").read_bytes()
