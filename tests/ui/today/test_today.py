"""Today, the home screen, as a user works through it: done, snooze, log, not now, coffee."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QPushButton, QToolButton, QWidget

from hitouch.domain.cards import ContactCard
from hitouch.services.workspace import open_workspace
from hitouch.store.models import LifeChange

TODAY = date(2026, 11, 22)


@pytest.fixture
def scene(journal_path, clock):
    """A journal with something of everything Today shows, arranged before the window opens."""
    ws = open_workspace(journal_path, clock=clock, region="GB")
    ids = {}
    for name in ("Zoë Müller", "Marcus O'Brien", "Adaeze Okonkwo", "Li Wei"):
        ids[name.split()[0]], _ = ws.contacts.add(ContactCard(name=name))
    ws.followups.add(ids["Zoë"], TODAY - timedelta(days=2), kind="email", title="Send Zoë the deck")
    ws.followups.add(ids["Marcus"], TODAY, kind="call")
    ws.interactions.log([ids["Marcus"]], "coffee", on=TODAY - timedelta(days=20))
    ws.cadences.set(ids["Marcus"], "2w")
    for n in (2, 9, 16, 23):
        ws.interactions.log([ids["Adaeze"]], "video", on=TODAY - timedelta(days=n))
    ws.interactions.log([ids["Li"]], "email", on=TODAY - timedelta(days=3))
    with ws.journal.write() as session:
        session.add(LifeChange(contact_id=ids["Li"], noticed_on=TODAY, kind="title", new_value="CTO"))
    ws.close()
    return ids


@pytest.fixture
def today_window(qtbot, journal_path, clock, scene):
    from hitouch.app import create_main_window

    win = create_main_window(journal_path, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def rows(window, name: str, section: str = "") -> list[QWidget]:
    """The visible rows of a kind, optionally in one section ('overdueSection', 'laterSection')."""
    page = window.findChild(QWidget, "todayPage")
    places = [s for s in page.findChildren(QWidget, section) if s.isVisible()] if section else [page]
    return [w for place in places for w in place.findChildren(QWidget, name) if w.isVisible()]


def titles(window, name: str, section: str = "") -> list[str]:
    return [row.findChild(QWidget, "rowTitle").text() for row in rows(window, name, section)]


def test_today_is_the_home_screen_with_every_kind_of_thing_to_do(today_window):
    assert today_window.pages.currentWidget().objectName() == "todayPage"
    assert titles(today_window, "followupRow") == ["Send Zoë the deck", "Call Marcus O'Brien"]
    assert titles(today_window, "cadenceRow") == ["Get in touch with Marcus O'Brien"]
    assert titles(today_window, "smallActRow") == ["Li Wei is now CTO: congratulate them on the new role"]
    assert titles(today_window, "nudgeRow") == ["Meet Adaeze Okonkwo in person", "Meet Li Wei in person"]
    nudge = rows(today_window, "nudgeRow")[0]
    assert "4 video calls in the last month, never met" in nudge.findChild(QWidget, "rowDetail").text()
    assert today_window.findChild(QWidget, "todayEmpty") is None


def test_done_takes_a_follow_up_off_the_list(today_window, qtbot, scene):
    [overdue, _] = rows(today_window, "followupRow")
    qtbot.mouseClick(overdue.findChild(QPushButton, "doneButton"), Qt.MouseButton.LeftButton)
    assert titles(today_window, "followupRow") == ["Call Marcus O'Brien"]
    assert rows(today_window, "followupRow", "overdueSection") == []
    assert [f.title for f in today_window.ws.followups.list()] == ["Call Marcus O'Brien"]


def test_snooze_moves_it_from_today_to_tomorrow(today_window, qtbot):
    [call] = rows(today_window, "followupRow", "dueTodaySection")
    qtbot.mouseClick(call.findChild(QToolButton, "snoozeButton"), Qt.MouseButton.LeftButton)
    assert rows(today_window, "followupRow", "dueTodaySection") == []
    [later] = rows(today_window, "followupRow", "laterSection")
    assert "snoozed until tomorrow" in later.findChild(QWidget, "rowDetail").text()
    snoozed = [f for f in today_window.ws.followups.list() if f.title == "Call Marcus O'Brien"]
    assert snoozed[0].due == TODAY + timedelta(days=1)


def test_the_snooze_menu_offers_next_week(today_window):
    [overdue, _] = rows(today_window, "followupRow")
    menu = overdue.findChild(QToolButton, "snoozeButton").menu()
    [next_week] = [a for a in menu.actions() if a.text() == "Until next week"]
    next_week.trigger()
    assert rows(today_window, "followupRow", "overdueSection") == []
    assert titles(today_window, "followupRow", "laterSection") == ["Send Zoë the deck"]
    moved = [f for f in today_window.ws.followups.list() if f.title == "Send Zoë the deck"]
    assert moved[0].due == date(2026, 11, 23)  # Monday


def test_logging_a_call_from_a_cadence_restarts_it_and_the_row_goes(today_window, qtbot, when_dialog_opens):
    [cadence] = rows(today_window, "cadenceRow")

    def log_a_call(dialog):
        channel = dialog.findChild(QComboBox, "channelCombo")
        channel.setCurrentIndex(channel.findData("call"))
        qtbot.keyClick(
            dialog.findChild(QPlainTextEdit, "logNoteEdit"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )

    when_dialog_opens("logDialog", log_a_call)
    qtbot.mouseClick(cadence.findChild(QPushButton, "logButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rows(today_window, "cadenceRow") == [])


def test_not_now_dismisses_a_nudge_and_done_acknowledges_a_small_act(today_window, qtbot):
    adaeze = rows(today_window, "nudgeRow")[0]
    qtbot.mouseClick(adaeze.findChild(QPushButton, "dismissButton"), Qt.MouseButton.LeftButton)
    assert titles(today_window, "nudgeRow") == ["Meet Li Wei in person"]
    [act] = rows(today_window, "smallActRow")
    qtbot.mouseClick(act.findChild(QPushButton, "ackButton"), Qt.MouseButton.LeftButton)
    assert rows(today_window, "smallActRow") == []
    assert today_window.ws.small_acts.pending() == []


def test_schedule_coffee_from_a_nudge_with_an_editable_invitation_to_copy(
    today_window, qtbot, scene, when_dialog_opens
):
    seen = {}

    def plan(dialog):
        invitation = dialog.findChild(QPlainTextEdit, "invitationEdit")
        seen["suggested"] = invitation.toPlainText()
        invitation.setPlainText(invitation.toPlainText().replace("grab a coffee", "have a coffee at Monmouth"))
        qtbot.mouseClick(dialog.findChild(QPushButton, "copyInvitationButton"), Qt.MouseButton.LeftButton)
        seen["copied"] = QGuiApplication.clipboard().text()
        dialog.accept()

    when_dialog_opens("coffeeDialog", plan)
    adaeze = rows(today_window, "nudgeRow")[0]
    qtbot.mouseClick(adaeze.findChild(QPushButton, "coffeeButton"), Qt.MouseButton.LeftButton)
    assert seen["suggested"] == (
        "Hi Adaeze, we've talked over video a few times — would you like to grab a coffee next week?"
    )
    assert seen["copied"] == (
        "Hi Adaeze, we've talked over video a few times — would you like to have a coffee at Monmouth next week?"
    )
    [coffee] = today_window.ws.followups.list(contact_id=scene["Adaeze"])
    assert (coffee.kind, coffee.title, coffee.due) == ("coffee", "Coffee with Adaeze Okonkwo", date(2026, 11, 25))
    assert titles(today_window, "nudgeRow") == ["Meet Li Wei in person"]
    assert titles(today_window, "followupRow", "laterSection") == ["Coffee with Adaeze Okonkwo"]


def test_a_name_opens_the_contact(today_window, scene):
    [overdue, _] = rows(today_window, "followupRow")
    overdue.findChild(QWidget, "rowDetail").linkActivated.emit(f"contact:{scene['Zoë']}")
    assert today_window.pages.currentWidget().objectName() == "contactsPage"
    assert today_window.contacts.current_contact_id() == scene["Zoë"]


def test_ctrl_numbers_move_between_the_sections(today_window, qtbot):
    expected = ["todayPage", "contactsPage", "eventsPage", "referralsPage", "insightsPage"]
    for number, name in zip(
        (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_1), expected[1:] + expected[:1]
    ):
        qtbot.keyClick(today_window, number, Qt.KeyboardModifier.ControlModifier)
        assert today_window.pages.currentWidget().objectName() == name
    sidebar = today_window.findChild(QWidget, "navigation")
    assert sidebar.currentRow() == 0
    sidebar.setFocus()
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert today_window.pages.currentWidget().objectName() == "contactsPage"


def test_a_calm_empty_state_when_there_is_nothing_to_do(window, services, qtbot):
    services.contacts.add(ContactCard(name="Ada Lovelace"))
    window.sidebar.show_page(window.today)
    window.today.reload()
    assert window.findChild(QWidget, "todayEmpty").isVisible()
    assert rows(window, "followupRow") == []
