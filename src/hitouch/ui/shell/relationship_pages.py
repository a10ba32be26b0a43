"""Today, Events, Referrals and Insights beside Contacts, the sidebar between them, and the
follow-up reminders: built and wired here so the main window stays small."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QWidget

from hitouch.services.changes import Changes
from hitouch.ui.common.formatting import tr
from hitouch.ui.contacts.contacts_page import ContactsPage
from hitouch.ui.events.events_page import EventsPage
from hitouch.ui.insights.insights_page import InsightsPage
from hitouch.ui.referrals.referrals_page import ReferralsPage
from hitouch.ui.shell.navigation import Sidebar
from hitouch.ui.today.followup_notifier import FollowUpNotifier
from hitouch.ui.today.today_page import TodayPage

if TYPE_CHECKING:
    from hitouch.ui.shell.main_window import MainWindow


class RelationshipPages:
    def __init__(self, window: MainWindow) -> None:
        ws = window.ws
        self.today = TodayPage(ws)
        self.events = EventsPage(ws)
        self.referrals = ReferralsPage(ws)
        self.insights = InsightsPage(ws, window.runner)
        for page in (self.today, self.events, self.referrals, self.insights):
            window.pages.addWidget(page)
        for page in (self.today, self.events, self.referrals):
            page.changed.connect(window.apply)
            page.openContact.connect(window.open_contact)
        self.today.logRequested.connect(lambda contact_id: window.log_interaction([contact_id]))
        window.contacts.detail.relations.changed.connect(window.apply)
        self.today.addToCalendarRequested.connect(window.add_to_calendar)
        window.contacts.detail.relations.addToCalendarRequested.connect(window.add_to_calendar)

        self.sidebar = Sidebar(window.pages)
        for title, page, icon_name in (
            (tr("Today"), self.today, "today"),
            (tr("Contacts"), window.contacts, "contacts"),
            (tr("Events"), self.events, "events"),
            (tr("Referrals"), self.referrals, "referrals"),
            (tr("Insights"), self.insights, "insights"),
        ):
            self.sidebar.add_section(title, page, window, icon_name)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(window.pages, 1)
        window.setCentralWidget(central)

        self.notifier = FollowUpNotifier(ws, window)
        # Home is Today; on a first run, the welcome on Contacts says what HiTouch is for.
        first_run = window.contacts.currentIndex() == ContactsPage.WELCOME
        self.sidebar.show_page(window.contacts if first_run else self.today)

    def apply(self, changes: Changes) -> None:
        for page in (self.today, self.events, self.referrals, self.insights):
            page.apply(changes)
        self.notifier.apply(changes)

    def close(self) -> None:
        """Before the journal closes: let a count in progress finish."""
        self.notifier.timer.stop()
        self.insights.wait()
