"""CalDAV sync against a real Radicale server started for each test: the calendar is made,
follow-ups are created, updated and removed, other clients' events are never touched, a
second sync sends nothing, and a server that is down or refuses loses nothing."""

from __future__ import annotations

from datetime import date, time

import keyring
import pytest
from sqlalchemy import delete, func, select

from calendar_fixtures import add_followup, delete_followup, finish_followup, move_followup, uid_of
from hitouch.domain.cards import ContactCard
from hitouch.services.calendar.caldav_password import NO_KEYRING, CalDavPasswords
from hitouch.services.calendar.caldav_server import CalDavAccount, CalDavError
from hitouch.store.models import CalDavItem

pytestmark = pytest.mark.slow

FOREIGN = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\nBEGIN:VEVENT\r\nUID:dentist-from-the-phone\r\n"
    "DTSTAMP:20261101T080000Z\r\nDTSTART:20261203T090000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def account(radicale):
    return CalDavAccount(radicale.url, radicale.user, "HiTouch")


@pytest.fixture
def adaeze(workspace):
    contact_id, _ = workspace.contacts.add(ContactCard(name="Adaeze Okonkwo"))
    return contact_id


def sync(workspace, account, radicale, **options):
    return workspace.caldav.sync(account, radicale.password, **options)


def recorded(workspace) -> int:
    with workspace.journal.read() as session:
        return session.scalar(select(func.count()).select_from(CalDavItem))


def test_the_first_sync_makes_the_calendar_and_an_event_per_open_follow_up(workspace, account, radicale, adaeze):
    coffee = add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30))
    call = add_followup(workspace, adaeze, date(2026, 12, 2), kind="call")
    finish_followup(workspace, add_followup(workspace, adaeze, date(2026, 12, 3)))
    report = sync(workspace, account, radicale)
    assert report.calendar_created and (report.created, report.updated, report.removed, report.unchanged) == (
        2,
        0,
        0,
        0,
    )
    on_server = radicale.events("HiTouch")
    assert set(on_server) == {uid_of(workspace, coffee), uid_of(workspace, call)}
    assert "SUMMARY:Coffee with Adaeze Okonkwo" in on_server[uid_of(workspace, coffee)]
    assert "DTSTART;TZID=Europe/London:20261201T093000" in on_server[uid_of(workspace, coffee)]
    assert "TRIGGER:-PT15M" in on_server[uid_of(workspace, coffee)]
    assert report.calendar_url.startswith(radicale.url) and recorded(workspace) == 2


def test_a_second_sync_with_no_change_sends_nothing(workspace, account, radicale, adaeze):
    for day in range(1, 6):
        add_followup(workspace, adaeze, date(2026, 12, day), time(9, 30))
    sync(workspace, account, radicale)
    radicale.mark()
    report = sync(workspace, account, radicale)
    assert (report.created, report.updated, report.removed, report.unchanged) == (0, 0, 0, 5)
    received = radicale.requests()
    assert received["PUT"] == received["DELETE"] == 0
    assert set(received) <= {"PROPFIND", "OPTIONS"}, received  # finding the calendar, nothing more
    assert report.requests["PUT"] == report.requests["DELETE"] == 0


def test_a_moved_follow_up_is_updated_with_a_raised_sequence(workspace, account, radicale, adaeze):
    followup = add_followup(workspace, adaeze, date(2026, 12, 1), time(9, 30))
    untouched = add_followup(workspace, adaeze, date(2026, 12, 2))
    sync(workspace, account, radicale)
    move_followup(workspace, followup, date(2026, 12, 8), time(15, 0))
    radicale.mark()
    report = sync(workspace, account, radicale)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert radicale.requests()["PUT"] == 1
    event_ = radicale.events()[uid_of(workspace, followup)]
    assert "SEQUENCE:1" in event_ and "DTSTART;TZID=Europe/London:20261208T150000" in event_
    assert uid_of(workspace, untouched) in radicale.events()


def test_done_and_deleted_follow_ups_are_removed(workspace, account, radicale, adaeze):
    done, deleted, kept = (add_followup(workspace, adaeze, date(2026, 12, d)) for d in (1, 2, 3))
    trashed_contact, _ = workspace.contacts.add(ContactCard(name="Marcus O'Brien"))
    add_followup(workspace, trashed_contact, date(2026, 12, 4))
    sync(workspace, account, radicale)
    finish_followup(workspace, done)
    delete_followup(workspace, deleted)
    workspace.contacts.delete([trashed_contact])
    radicale.mark()
    report = sync(workspace, account, radicale)
    assert (report.removed, report.unchanged) == (3, 1)
    assert radicale.requests()["DELETE"] == 3
    assert set(radicale.events()) == {uid_of(workspace, kept)}
    assert recorded(workspace) == 1


def test_events_hitouch_did_not_create_are_never_touched(workspace, account, radicale, adaeze):
    gone = add_followup(workspace, adaeze, date(2026, 12, 1))
    moved = add_followup(workspace, adaeze, date(2026, 12, 2))
    sync(workspace, account, radicale)
    with radicale.client() as phone:
        [calendar] = [c for c in phone.principal().get_calendars() if c.get_display_name() == "HiTouch"]
        calendar.add_event(FOREIGN)
        before = calendar.get_event_by_uid("dentist-from-the-phone")
        foreign_path, before_data = before.url.path, before.data
    finish_followup(workspace, gone)
    move_followup(workspace, moved, date(2026, 12, 9))
    add_followup(workspace, adaeze, date(2026, 12, 10))
    radicale.mark()
    report = sync(workspace, account, radicale)
    assert (report.created, report.updated, report.removed) == (1, 1, 1)
    assert foreign_path not in radicale.log.read_text(encoding="utf-8")[radicale._log_mark :]
    on_server = radicale.events()
    assert sorted(on_server["dentist-from-the-phone"].splitlines()) == sorted(before_data.splitlines())
    assert len(on_server) == 3


def test_a_stopped_server_is_one_clear_line_and_the_next_sync_catches_up(workspace, account, radicale, adaeze):
    first = add_followup(workspace, adaeze, date(2026, 12, 1))
    sync(workspace, account, radicale)
    finish_followup(workspace, first)
    second = add_followup(workspace, adaeze, date(2026, 12, 2))
    radicale.stop()
    with pytest.raises(CalDavError) as failure:
        sync(workspace, account, radicale)
    message = str(failure.value)
    assert "\n" not in message and "connection refused" in message and radicale.url in message
    assert "Nothing was lost" in message
    assert recorded(workspace) == 1  # still the one the server confirmed
    radicale.start()
    report = sync(workspace, account, radicale)
    assert (report.created, report.removed) == (1, 1)
    assert set(radicale.events()) == {uid_of(workspace, second)}


def test_only_what_the_server_confirmed_is_recorded_when_it_goes_away_mid_sync(workspace, account, radicale, adaeze):
    ids = [add_followup(workspace, adaeze, date(2026, 12, d)) for d in range(1, 6)]

    def stop_after_two(done, _total):
        if done == 2:
            radicale.stop()

    with pytest.raises(CalDavError):
        sync(workspace, account, radicale, progress=stop_after_two)
    assert recorded(workspace) == 2
    radicale.start()
    report = sync(workspace, account, radicale)
    assert (report.created, report.unchanged) == (3, 2)
    assert set(radicale.events()) == {uid_of(workspace, i) for i in ids}


def test_an_event_sent_but_not_recorded_is_taken_back_not_duplicated(workspace, account, radicale, adaeze):
    """A sync cut off between the server's answer and the journal's record of it."""
    followup = add_followup(workspace, adaeze, date(2026, 12, 1))
    sync(workspace, account, radicale)
    with workspace.journal.write() as session:
        session.execute(delete(CalDavItem))
    move_followup(workspace, followup, date(2026, 12, 5))
    report = sync(workspace, account, radicale)
    assert report.created == 1 and recorded(workspace) == 1
    events_ = radicale.events()
    assert list(events_) == [uid_of(workspace, followup)] and "SEQUENCE:1" in events_[uid_of(workspace, followup)]


def test_cancel_stops_between_events_and_keeps_what_was_sent(workspace, account, radicale, adaeze):
    for d in range(1, 5):
        add_followup(workspace, adaeze, date(2026, 12, d))
    sent = []
    report = sync(
        workspace, account, radicale, progress=lambda done, total: sent.append(done), cancelled=lambda: len(sent) >= 1
    )
    assert report.cancelled and report.created == 1 and recorded(workspace) == 1
    assert len(radicale.events()) == 1
    assert sync(workspace, account, radicale).created == 3


def test_a_wrong_password_is_refused_in_one_line_and_nothing_is_recorded(workspace, account, radicale, adaeze):
    add_followup(workspace, adaeze, date(2026, 12, 1))
    with pytest.raises(CalDavError) as failure:
        workspace.caldav.sync(account, "wrong")
    assert str(failure.value) == (
        f"The CalDAV server at {radicale.url} refused user 'zoe' (401): check the user name and password."
    )
    assert recorded(workspace) == 0


def test_an_existing_calendar_is_found_by_its_name(workspace, radicale, adaeze):
    assert workspace.caldav.test(CalDavAccount(radicale.url, radicale.user, "Work"), radicale.password) is True
    assert workspace.caldav.test(CalDavAccount(radicale.url, radicale.user, "Work"), radicale.password) is False
    add_followup(workspace, adaeze, date(2026, 12, 1))
    report = sync(workspace, CalDavAccount(radicale.url, radicale.user, "Work"), radicale)
    assert not report.calendar_created and report.created == 1
    assert len(radicale.events("Work")) == 1


@pytest.mark.parametrize("status", [500, 503])
def test_a_failing_server_is_one_line_and_nothing_is_recorded(workspace, adaeze, broken_server, status):
    add_followup(workspace, adaeze, date(2026, 12, 1))
    server = broken_server(status)
    with pytest.raises(CalDavError) as failure:
        workspace.caldav.sync(CalDavAccount(server.url, "zoe"), "pw")
    assert (
        str(failure.value)
        == f"The CalDAV server at {server.url} failed ({status}). Nothing was lost; sync again later."
    )
    assert server.requests >= 1 and recorded(workspace) == 0


def test_a_web_server_that_is_not_caldav_is_one_line(workspace, broken_server):
    server = broken_server(404)
    with pytest.raises(CalDavError) as failure:
        workspace.caldav.sync(CalDavAccount(server.url, "zoe"), "pw")
    assert str(failure.value).startswith(f"{server.url} did not answer as a CalDAV server (404)")
    assert "\n" not in str(failure.value)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:9/", "Cannot reach the CalDAV server at http://127.0.0.1:9/ (connection refused)"),
        ("ftp://127.0.0.1/", "'ftp://127.0.0.1/' is not a server address; give one like https://dav.example.com/."),
    ],
)
def test_an_address_that_leads_nowhere_is_one_clear_line(workspace, url, reason):
    with pytest.raises(CalDavError) as failure:
        workspace.caldav.sync(CalDavAccount(url, "zoe"), "pw")
    assert str(failure.value).startswith(reason)


# The password ----------------------------------------------------------------------------


def test_the_password_comes_from_the_environment_first_then_the_keyring():
    CalDavPasswords().save("zoe", "from-keyring")
    assert CalDavPasswords().stored("zoe") == "from-keyring"
    assert CalDavPasswords(from_environment="from-script").stored("zoe") == "from-script"
    assert keyring.get_password("HiTouch CalDAV", "zoe") == "from-keyring"


def test_the_workspace_takes_the_environments_password_from_its_composition_root(journal_path, clock):
    from hitouch.environment import Environment
    from hitouch.services.workspace import open_workspace

    environment = Environment.read({"HITOUCH_CALDAV_PASSWORD": "from-script"})
    ws = open_workspace(journal_path, clock=clock, caldav_password=environment.caldav_password)
    try:
        assert ws.caldav_passwords.for_sync("zoe") == "from-script"
    finally:
        ws.close()


def test_a_missing_password_or_keyring_is_explained():
    passwords = CalDavPasswords()
    with pytest.raises(CalDavError, match="No CalDAV password for 'zoe'"):
        passwords.for_sync("zoe")
    assert passwords.for_sync("") is None  # no user, no password needed
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    with pytest.raises(CalDavError) as failure:
        passwords.stored("zoe")
    assert str(failure.value) == NO_KEYRING
    with pytest.raises(CalDavError):
        passwords.save("zoe", "x")
