"""The services for one open journal, built in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hitouch.domain.phones import default_region
from hitouch.services.calendar.caldav_password import CalDavPasswords
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
from hitouch.services.relationships.small_acts import SmallActs
from hitouch.services.safety.backups import Backups
from hitouch.settings import Settings
from hitouch.store.backup import BackupPolicy
from hitouch.store.database import BUSY_TIMEOUT_SECONDS, Journal
from hitouch.store.journal import open_journal


@dataclass
class Workspace:
    """Everything a front end needs for one journal, built once per open journal."""

    journal: Journal
    clock: Clock = field(default_factory=Clock)
    region: str | None = field(default_factory=default_region)
    settings: Settings = field(default_factory=Settings)
    caldav_password: str | None = field(default=None, repr=False)  # $HITOUCH_CALDAV_PASSWORD

    def __post_init__(self) -> None:
        self.contacts = Contacts(self.journal, self.clock, self.region, settings=lambda: self.settings)
        self.interactions = Interactions(self.journal, self.clock)
        self.events = Events(self.journal, self.clock)
        self.search = Search(self.journal)
        self.trash = Trash(self.journal, self.clock)
        self.backups = Backups(self.journal, self.clock)
        self.calendar = Calendar(self.journal, self.clock, settings=lambda: self.settings)
        self.caldav = CalDavSync(self.journal, self.calendar)
        self.caldav_passwords = CalDavPasswords(self.caldav_password)
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
        self.small_acts = SmallActs(self.journal, self.clock)
        self.agenda = Agendas(self.journal, self.clock)
        self.event_people = EventPeople(self.journal, self.clock, self.contacts, lambda: self.settings)
        self.insights = InsightFigures(self.journal, self.clock)
        self.reminders = UpcomingReminders(self.journal, self.clock, lambda: self.settings)

    def use_settings(self, settings: Settings) -> None:
        """Preferences saved while the journal is open take effect at once."""
        self.settings = settings
        self.journal.backup_policy = backup_policy(settings)

    @property
    def path(self) -> Path:
        return self.journal.path

    def close(self) -> None:
        self.journal.close()


def backup_policy(settings: Settings) -> BackupPolicy:
    """How many daily, weekly and monthly backups Preferences keep."""
    return BackupPolicy(settings.backups_daily, settings.backups_weekly, settings.backups_monthly)


def open_workspace(
    path: Path,
    clock: Clock | None = None,
    region: str | None = None,
    passphrase: str | None = None,
    settings: Settings | None = None,
    *,
    busy_timeout: float | None = None,
    caldav_password: str | None = None,
) -> Workspace:
    """The services on the journal at `path` (created or upgraded as needed), with the user's
    settings from the first moment: the backup before an upgrade is rotated by them too."""
    settings = settings or Settings()
    clock = clock or Clock()
    journal = open_journal(
        path,
        passphrase,
        clock=clock,
        backup_policy=backup_policy(settings),
        busy_timeout=BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout,
    )
    workspace = Workspace(
        journal, clock, region or settings.phone_region or default_region(), caldav_password=caldav_password
    )
    workspace.use_settings(settings)
    return workspace
