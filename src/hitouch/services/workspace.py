"""The services for one open journal, built in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hitouch.domain.phones import default_region
from hitouch.services.calendar.caldav_sync import CalDavSync
from hitouch.services.calendar.exports import Calendar
from hitouch.services.calendar.importing import CalendarImport
from hitouch.services.clock import Clock
from hitouch.services.contacts.contacts import Contacts
from hitouch.services.contacts.search import Search
from hitouch.services.contacts.trash import Trash
from hitouch.services.importing.card_images import CardImages
from hitouch.services.importing.exporting import Exporting
from hitouch.services.importing.importing import Importing
from hitouch.services.importing.photo_import import PhotoImport
from hitouch.services.journal.event_people import EventPeople
from hitouch.services.journal.events import Events
from hitouch.services.journal.interactions import Interactions
from hitouch.services.relationships.agenda import Agendas
from hitouch.services.relationships.cadences import Cadences
from hitouch.services.relationships.followups import FollowUps
from hitouch.services.relationships.insights import InsightFigures
from hitouch.services.relationships.nudges import Nudges
from hitouch.services.relationships.referrals import Referrals
from hitouch.services.relationships.reminders import UpcomingReminders
from hitouch.services.relationships.small_acts import Updates
from hitouch.services.safety.backups import Backups
from hitouch.settings import Settings
from hitouch.store.backup import BackupPolicy
from hitouch.store.database import Journal
from hitouch.store.journal import open_journal


@dataclass
class Workspace:
    """Everything a front end needs for one journal, built once per open journal."""

    journal: Journal
    clock: Clock = field(default_factory=Clock)
    region: str | None = field(default_factory=default_region)
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        self.contacts = Contacts(self.journal, self.clock, self.region, settings=lambda: self.settings)
        self.interactions = Interactions(self.journal, self.clock)
        self.events = Events(self.journal, self.clock)
        self.search = Search(self.journal)
        self.trash = Trash(self.journal, self.clock)
        self.backups = Backups(self.journal)
        self.calendar = Calendar(self.journal, self.clock, settings=lambda: self.settings)
        self.caldav = CalDavSync(self.journal, self.calendar)
        self.importing = Importing(self.journal, self.clock, self.region)
        self.calendar_import = CalendarImport(self.journal, self.clock)
        self.photo_import = PhotoImport(self.journal, self.clock, self.importing, self.region, lambda: self.settings)
        self.card_images = CardImages(self.journal, self.clock)
        self.exporting = Exporting(self.journal)
        # The relationship work
        self.followups = FollowUps(self.journal, self.clock)
        self.cadences = Cadences(self.journal, self.clock)
        self.nudges = Nudges(self.journal, self.clock)
        self.referrals = Referrals(self.journal, self.clock)
        self.updates = Updates(self.journal, self.clock)
        self.agenda = Agendas(self.journal, self.clock)
        self.event_people = EventPeople(self.journal, self.clock, self.contacts, lambda: self.settings)
        self.insights = InsightFigures(self.journal, self.clock)
        self.reminders = UpcomingReminders(self.journal, lambda: self.settings)

    def use_settings(self, settings: Settings) -> None:
        """Preferences saved while the journal is open take effect at once."""
        self.settings = settings
        self.journal.backup_policy = BackupPolicy(
            settings.backups_daily, settings.backups_weekly, settings.backups_monthly
        )

    @property
    def path(self) -> Path:
        return self.journal.path

    def close(self) -> None:
        self.journal.close()


def open_workspace(
    path: Path,
    clock: Clock | None = None,
    region: str | None = None,
    passphrase: str | None = None,
    settings: Settings | None = None,
) -> Workspace:
    settings = settings or Settings()
    workspace = Workspace(
        open_journal(path, passphrase), clock or Clock(), region or settings.phone_region or default_region()
    )
    workspace.use_settings(settings)
    return workspace
