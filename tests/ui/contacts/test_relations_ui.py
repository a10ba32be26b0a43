"""A contact's follow-ups, cadence and referrals; the referrals screen; insights; tray reminders."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView, QToolButton, QWidget

from hitouch.domain.cards import ContactCard
from hitouch.ui.common.roles import Role


def show_contact(window, services, name: str) -> int:
    contact_id, _ = services.contacts.add(ContactCard(name=name))
    window.contacts.reload()
    window.open_contact(contact_id)
    return contact_id


def relations(window) -> QWidget:
    return window.findChild(QWidget, "contactDetail").findChild(QWidget, "contactRelations")


def followup_rows(window) -> list[QWidget]:
    return [r for r in relations(window).findChildren(QWidget, "contactFollowupRow") if r.isVisible()]


def test_add_a_follow_up_on_a_contact_page_then_mark_it_done(window, qtbot, services, when_dialog_opens):
    zoe = show_contact(window, services, "Zoë Müller")

    def fill(dialog):
        kind = dialog.findChild(QComboBox, "followupKind")
        kind.setCurrentIndex(kind.findData("coffee"))
        assert dialog.findChild(QLineEdit, "followupTitle").placeholderText() == "Coffee with Zoë Müller"
        qtbot.keyClicks(dialog.findChild(QLineEdit, "followupTime"), "09:30")
        dialog.accept()

    when_dialog_opens("followupDialog", fill)
    qtbot.mouseClick(relations(window).findChild(QPushButton, "addFollowupButton"), Qt.MouseButton.LeftButton)
    [followup] = services.followups.list(contact_id=zoe)
    assert (followup.title, followup.due_time, followup.due) == (
        "Coffee with Zoë Müller",
        time(9, 30),
        date(2026, 11, 25),
    )
    qtbot.waitUntil(lambda: len(followup_rows(window)) == 1)  # rows added to a shown layout appear on the next pass
    [row] = followup_rows(window)
    assert row.findChild(QLabel, "rowTitle").text() == "Coffee with Zoë Müller"
    qtbot.mouseClick(row.findChild(QToolButton, "doneButton"), Qt.MouseButton.LeftButton)
    assert services.followups.list(contact_id=zoe) == []
    assert followup_rows(window) == []


def test_a_bad_time_keeps_the_follow_up_dialog_open_with_the_reason(window, qtbot, services, when_dialog_opens):
    show_contact(window, services, "Zoë Müller")
    seen = {}

    def fill(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "followupTime"), "half past nine")
        dialog.accept()
        seen["error"] = dialog.findChild(QWidget, "formError").text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog_opens("followupDialog", fill)
    relations(window).add_followup()
    assert seen["open"] and "not a time" in seen["error"]
    assert services.followups.list() == []


def test_choosing_a_cadence_on_the_contact_page(window, services):
    ada = show_contact(window, services, "Ada Lovelace")
    combo = relations(window).findChild(QComboBox, "cadenceCombo")
    combo.setCurrentIndex(combo.findData("2w"))
    combo.activated.emit(combo.currentIndex())
    assert services.cadences.get(ada).period == "2w"
    assert relations(window).findChild(QLabel, "cadenceDue").text() == "Next due 6 December 2026"
    combo = relations(window).findChild(QComboBox, "cadenceCombo")
    combo.setCurrentIndex(combo.findData(""))
    combo.activated.emit(combo.currentIndex())
    assert services.cadences.get(ada) is None


def test_record_a_referral_from_a_contact_page(window, qtbot, services, when_dialog_opens):
    zoe = show_contact(window, services, "Zoë Müller")

    def fill(dialog):
        dialog.findChild(QLineEdit, "referralLead").insert("Acme Robotics")
        dialog.findChild(QLineEdit, "referralValue").insert("1500")
        dialog.accept()

    when_dialog_opens("referralDialog", fill)
    qtbot.mouseClick(relations(window).findChild(QPushButton, "addContactReferralButton"), Qt.MouseButton.LeftButton)
    [referral] = services.referrals.list(zoe)
    assert (referral.direction, referral.lead_text, referral.value_cents) == ("received", "Acme Robotics", 150_000)
    assert relations(window).findChild(QLabel, "contactReferralSummary").text() == (
        "You referred 0 to them; they referred 1 to you."
    )


def test_the_referrals_screen_shows_the_balance_and_marks_a_referral_won(window, qtbot, services):
    zoe, _ = services.contacts.add(ContactCard(name="Zoë Müller"))
    ada, _ = services.contacts.add(ContactCard(name="Ada Lovelace"))
    services.referrals.add(zoe, None, lead_text="Client", on=date(2026, 11, 1))
    services.referrals.add(None, ada, lead_text="Lawyer", on=date(2026, 11, 5))
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.findChild(QWidget, "referralsPage")
    balance = page.findChild(QTableView, "referralBalance").model()
    assert [(balance.index(r, 0).data(), balance.index(r, 4).data()) for r in range(balance.rowCount())] == [
        ("Zoë Müller", "never helped back"),
        ("Ada Lovelace", "they owe 1"),
    ]
    ledger = page.findChild(QTableView, "referralLedger")
    assert ledger.model().rowCount() == 2
    ledger.selectRow(1)  # the older one: Zoë's
    assert ledger.currentIndex().data(Role.Record).contact.name == "Zoë Müller"
    qtbot.mouseClick(page.findChild(QPushButton, "markWonButton"), Qt.MouseButton.LeftButton)
    assert services.referrals.list(zoe)[0].status == "won"
    assert ledger.model().index(1, 4).data() == "won"
    assert balance.index(0, 3).data() == "1"


def test_insights_draw_three_charts_off_the_gui_thread(window, qtbot, services):
    ada, _ = services.contacts.add(ContactCard(name="Ada Lovelace"))
    services.interactions.log([ada], "coffee", on=date(2026, 11, 2))
    services.referrals.add(ada, None, lead_text="X", on=date(2026, 11, 3))
    page = window.findChild(QWidget, "insightsPage")
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    for name in ("faceToFaceChart", "followupChart", "referralChart"):
        chart = page.findChild(QWidget, name).chart()
        [series] = chart.series()
        assert series.count() == 2 and series.barSets()[0].count() == 12
    assert page.findChild(QLabel, "insightsHeadline").text() == "100% of your relationships are face to face."
    assert page.insights.referrals[-1].received == 1


def test_a_reminder_timer_is_set_for_the_next_follow_up_and_announces_it(window, services, clock):
    notifier = window.notifier
    assert notifier.next is None and not notifier.timer.isActive()
    ada, _ = services.contacts.add(ContactCard(name="Ada Lovelace"))
    _, changes = services.followups.add(ada, date(2026, 11, 22), kind="call", at=time(11, 0))
    window.apply(changes)
    # Now is 10:30 in London (the clock's zone); the call is at 11:00, announced 15 minutes before.
    assert notifier.timer.isActive() and notifier.timer.interval() == 15 * 60 * 1000
    announced = []
    notifier.notified.connect(announced.append)
    clock.fixed = datetime(2026, 11, 22, 10, 45)
    notifier.timer.timeout.emit()
    assert [f.title for f in announced[0].followups] == ["Call Ada Lovelace"]
    assert notifier.next is None  # nothing after it


def test_a_far_reminder_waits_at_most_an_hour_then_looks_again(window, services):
    ada, _ = services.contacts.add(ContactCard(name="Ada Lovelace"))
    _, changes = services.followups.add(ada, date(2026, 11, 22) + timedelta(days=3))
    window.apply(changes)
    notifier = window.notifier
    assert notifier.next.moment == datetime(2026, 11, 25, 9, 0, tzinfo=notifier.next.moment.tzinfo)
    assert notifier.timer.interval() == 60 * 60 * 1000
