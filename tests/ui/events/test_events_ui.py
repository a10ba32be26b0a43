"""The events screen: the people met and the payoff, and event mode for rapid entry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QTableView, QWidget

from hitouch.domain.cards import ContactCard


def open_events(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    return window.findChild(QWidget, "eventsPage")


def test_event_mode_three_people_in_a_row_become_in_person_contacts_with_follow_ups(window, qtbot, services):
    event_id, _ = services.events.add("Web Summit", on=date(2026, 11, 20), place="Lisbon")
    page = open_events(window, qtbot)
    page.select_event(event_id)
    qtbot.mouseClick(page.findChild(QPushButton, "eventModeButton"), Qt.MouseButton.LeftButton)
    mode = window.findChild(QWidget, "eventMode")
    assert mode.isVisible()
    name = mode.findChild(QLineEdit, "eventModeName")
    company = mode.findChild(QLineEdit, "eventModeCompany")
    note = mode.findChild(QLineEdit, "eventModeNote")
    qtbot.waitUntil(name.hasFocus)
    for who, where, what in (
        ("Ada Lovelace", "Engines", "Wants a demo"),
        ("Grace Hopper", "", ""),
        ("Li Wei", "Shenzhen Robotics", "Hiring"),
    ):
        qtbot.keyClicks(name, who)
        if where:
            qtbot.keyClick(name, Qt.Key.Key_Tab)
            qtbot.keyClicks(company, where)
        if what:
            qtbot.keyClick(company, Qt.Key.Key_Tab)
            qtbot.keyClicks(note, what)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        assert name.hasFocus() and name.text() == company.text() == note.text() == ""
    added = mode.findChild(QListWidget, "eventModeAdded")
    assert [added.item(i).text() for i in range(added.count())] == [
        "Li Wei · Shenzhen Robotics",
        "Grace Hopper",
        "Ada Lovelace · Engines",
    ]
    assert mode.findChild(QLabel, "eventModeCount").text() == "3 people added."

    people = services.contacts.summaries(services.contacts.ids(event="Web Summit"))
    assert sorted((p.name, p.met_in_person, p.source) for p in people) == [
        ("Ada Lovelace", True, "in-person"),
        ("Grace Hopper", True, "in-person"),
        ("Li Wei", True, "in-person"),
    ]
    followups = services.followups.list()
    assert len(followups) == 3 and {f.due for f in followups} == {date(2026, 11, 25)}  # today + 3 days
    assert {f.event_id for f in followups} == {event_id}

    qtbot.mouseClick(mode.findChild(QPushButton, "eventModeDone"), Qt.MouseButton.LeftButton)
    assert page.findChild(QWidget, "eventDetail").isVisible()
    assert page.findChild(QLabel, "peopleFigure").text() == "3"
    assert page.findChild(QLabel, "followed_upFigure").text() == "3"
    assert page.findChild(QTableView, "eventPeople").model().rowCount() == 3


def test_event_mode_needs_a_name_and_says_so(window, qtbot, services):
    event_id, _ = services.events.add("Web Summit", on=date(2026, 11, 20))
    page = open_events(window, qtbot)
    page.start_event_mode(event_id)
    mode = window.findChild(QWidget, "eventMode")
    qtbot.keyClicks(mode.findChild(QLineEdit, "eventModeCompany"), "Nameless Ltd")
    qtbot.keyClick(mode.findChild(QLineEdit, "eventModeCompany"), Qt.Key.Key_Return)
    assert mode.findChild(QLabel, "eventModeError").isVisible()
    assert services.contacts.ids() == []


def test_a_new_event_opens_straight_into_event_mode(window, qtbot, when_dialog_opens):
    page = open_events(window, qtbot)

    def fill(dialog):
        dialog.findChild(QLineEdit, "eventNameEdit").insert("Slush 2026")
        dialog.findChild(QLineEdit, "eventPlaceEdit").insert("Helsinki")
        dialog.accept()

    when_dialog_opens("newEventDialog", fill)
    qtbot.mouseClick(page.findChild(QPushButton, "newEventButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QWidget, "eventMode").isVisible()
    assert window.findChild(QLabel, "eventModeTitle").text() == "Event mode: Slush 2026"
    assert page.findChild(QTableView, "eventList").model().rowCount() == 1


def test_the_payoff_of_an_event_in_figures(window, qtbot, services):
    event_id, _ = services.events.add("SaaStr Europa", on=date(2026, 6, 3))
    kept, _ = services.contacts.add(ContactCard(name="Kept Up"), met_at="SaaStr Europa", met_on=date(2026, 6, 3))
    services.contacts.add(ContactCard(name="Lost Touch"), met_at="SaaStr Europa", met_on=date(2026, 6, 3))
    services.interactions.log([kept], "coffee", on=date(2026, 7, 1))
    services.referrals.add(kept, None, lead_text="A client", on=date(2026, 8, 1))
    page = open_events(window, qtbot)
    page.select_event(event_id)
    figures = {name: page.findChild(QLabel, f"{name}Figure").text() for name in ("people", "met_again", "referrals")}
    assert figures == {"people": "2", "met_again": "1", "referrals": "1"}


def test_event_mode_follows_the_event_follow_up_days_setting(qtbot, journal_path, clock, own_settings):
    from hitouch.app import create_main_window

    own_settings.parent.mkdir(parents=True)
    own_settings.write_text("[General]\nevent_followup_days=5\n", encoding="utf-8")
    win = create_main_window(journal_path, clock=clock)
    qtbot.addWidget(win)
    event_id, _ = win.ws.events.add("Slush", on=date(2026, 11, 21))
    win.events.start_event_mode(event_id)
    mode = win.findChild(QWidget, "eventMode")
    mode.findChild(QLineEdit, "eventModeName").insert("Ada Lovelace")
    mode.add_person()
    [followup] = win.ws.followups.list()
    assert followup.due == date(2026, 11, 27)
    win.close()
