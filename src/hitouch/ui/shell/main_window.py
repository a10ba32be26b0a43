"""The main window: menus and shortcuts, the pages and the sidebar between them, the follow-up
reminders, and routing what changed to every screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from hitouch import __version__
from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.services.calendar.importing import CalendarReport
from hitouch.services.changes import Changes
from hitouch.services.importing.importing import ImportReport
from hitouch.services.importing.photo_import import PhotoReport
from hitouch.services.importing.photos import is_photo
from hitouch.services.workspace import Workspace
from hitouch.settings import Settings, SettingsFile
from hitouch.ui.calendar.calendar_import_dialog import CalendarImportDialog, calendar_files
from hitouch.ui.calendar.calendar_menu import CalendarMenu
from hitouch.ui.common.background import Runner
from hitouch.ui.common.dialogs import guarded
from hitouch.ui.common.drop_hint import DropHint
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.icons import app_icon, icon
from hitouch.ui.common.theme import apply_theme
from hitouch.ui.contacts.contact_dialog import ContactDialog
from hitouch.ui.contacts.contacts_page import ContactsPage
from hitouch.ui.contacts.log_dialog import LogDialog
from hitouch.ui.contacts.merge_dialog import MergeDialog
from hitouch.ui.events.events_page import EventsPage
from hitouch.ui.importing.export_actions import Exporter
from hitouch.ui.importing.import_dialog import ImportPreviewDialog, contact_files
from hitouch.ui.importing.photo_import_dialog import PhotoImportDialog, dropped_photos
from hitouch.ui.insights.insights_page import InsightsPage
from hitouch.ui.referrals.referrals_page import ReferralsPage
from hitouch.ui.safety.backup_dialog import RestoreDialog
from hitouch.ui.safety.trash_dialog import TrashDialog
from hitouch.ui.settings.my_card_dialog import MyCardDialog
from hitouch.ui.settings.settings_dialog import SettingsDialog
from hitouch.ui.shell.navigation import Sidebar
from hitouch.ui.shell.undo import UndoHistory
from hitouch.ui.today.followup_notifier import FollowUpNotifier
from hitouch.ui.today.today_page import TodayPage


class MainWindow(QMainWindow):
    """Built by `app.create_main_window` with everything it uses passed in: the workspace (its
    clock, its settings), the preferences file, and the runner for long work."""

    def __init__(
        self, workspace: Workspace, settings_file: SettingsFile, runner: Runner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ws = workspace
        self.settings = workspace.settings  # read by every screen; replaced whole when Preferences are saved
        self._settings_file = settings_file
        self.runner = runner  # long work off the GUI thread (tests give an InlineRunner)
        self.exporter = Exporter(self, workspace)
        self.photo_reader = QtPhotoReader()  # Qt's image codecs, for photos of badges and cards
        self._calendars_next: list[Path] = []  # calendars to import once the contacts import is done
        self._files_next: list[Path] = []  # files to import once the photo import is done
        self.setAcceptDrops(True)  # vCard, CSV and calendar files dropped on the window are imported
        self.setWindowTitle(tr("HiTouch — {name}").format(name=workspace.path.name))
        self.setWindowIcon(app_icon())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self.resize(1280, 800)
        self.drop_hint = DropHint(self)

        self.pages = QStackedWidget()
        self.contacts = ContactsPage(workspace)
        self.today = TodayPage(workspace)
        self.events = EventsPage(workspace)
        self.referrals = ReferralsPage(workspace)
        self.insights = InsightsPage(workspace, runner)
        for page in (self.contacts, self.today, self.events, self.referrals, self.insights):
            self.pages.addWidget(page)
        self.sidebar = self._build_sidebar()
        self.notifier = FollowUpNotifier(workspace, self)
        self._connect_pages()

        self.contacts.welcome.add_button.clicked.connect(self.add_contact)
        self.contacts.welcome.import_button.clicked.connect(self.import_contacts)
        self.contacts.detail.logRequested.connect(lambda cid: self.log_interaction([cid]))
        self.contacts.detail.editRequested.connect(self.edit_contact)
        self.contacts.detail.deleteRequested.connect(lambda cid: self.delete_contacts([cid]))
        self.contacts.list.doubleClicked.connect(lambda _index: self.edit_current())
        # Home is Today; on a first run, the welcome on Contacts says what HiTouch is for.
        first_run = self.contacts.currentIndex() == ContactsPage.WELCOME
        self.sidebar.show_page(self.contacts if first_run else self.today)

        self.history = UndoHistory(self)
        self.calendar_menu = CalendarMenu(workspace, self, runner, self.save_settings)
        self._build_actions()
        self.history.changed.connect(self._update_undo_action)
        self.contacts.list.selectionModel().selectionChanged.connect(lambda *_: self._update_merge_action())
        self._update_undo_action()
        self._update_merge_action()
        location = QLabel(str(workspace.path))
        location.setObjectName("journalLocation")
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(location)

    # Pages ------------------------------------------------------------------------------

    def _build_sidebar(self) -> Sidebar:
        sidebar = Sidebar(self.pages)
        for title, page, icon_name in (
            (tr("Today"), self.today, "today"),
            (tr("Contacts"), self.contacts, "contacts"),
            (tr("Events"), self.events, "events"),
            (tr("Referrals"), self.referrals, "referrals"),
            (tr("Insights"), self.insights, "insights"),
        ):
            sidebar.add_section(title, page, self, icon_name)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        return sidebar

    def _connect_pages(self) -> None:
        for page in (self.today, self.events, self.referrals):
            page.changed.connect(self.apply)
            page.openContact.connect(self.open_contact)
        self.today.logRequested.connect(lambda contact_id: self.log_interaction([contact_id]))
        self.today.addToCalendarRequested.connect(self.add_to_calendar)
        self.contacts.detail.relations.changed.connect(self.apply)
        self.contacts.detail.relations.addToCalendarRequested.connect(self.add_to_calendar)

    # Menus and shortcuts ----------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
        name: str,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_actions(self) -> None:
        self.new_contact_action = self._action(
            tr("&New Contact…"), QKeySequence.StandardKey.New, self.add_contact, "newContactAction", "add-contact"
        )
        self.import_action = self._action(tr("&Import…"), "Ctrl+I", self.import_contacts, "importAction", "import")
        self.import_action.setToolTip(tr("Import contacts (vCard, CSV) or meetings (calendar .ics files)"))
        self.backup_action = self._action(tr("&Back Up Now"), "Ctrl+Shift+B", self.back_up, "backUpAction")
        self.restore_action = self._action(
            tr("&Restore from Backup…"), "Ctrl+Shift+R", self.restore_backup, "restoreAction"
        )
        quit_action = self._action(tr("&Quit"), "Ctrl+Q", self.close, "quitAction")
        self.undo_action = self._action(tr("&Undo"), QKeySequence.StandardKey.Undo, self.undo, "undoAction", "undo")
        self.find_action = self._action(
            tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search, "findAction", "search"
        )
        self.merge_action = self._action(tr("&Merge Contacts…"), "Ctrl+M", self.merge_selected, "mergeContactsAction")
        self.trash_action = self._action(tr("&Trash…"), "Ctrl+Shift+T", self.open_trash, "trashAction")
        self.edit_action = self._action(tr("&Edit Contact…"), "Ctrl+E", self.edit_current, "editContactAction")
        self.delete_action = self._action(
            tr("&Delete Contact"), QKeySequence.StandardKey.Delete, self.delete_selected, "deleteContactAction"
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.contacts.list.addAction(self.delete_action)
        self.removeAction(self.delete_action)  # Delete in a text field must delete text
        self.log_action = self._action(
            tr("&Log Interaction…"), "Ctrl+L", self.log_current, "logInteractionAction", "log"
        )
        self.preferences_action = self._action(
            tr("&Preferences…"), "Ctrl+,", self.open_preferences, "preferencesAction", "settings"
        )
        about = self._action(tr("&About HiTouch"), QKeySequence.StandardKey.HelpContents, self.about, "aboutAction")
        self.my_card_action = self._action(tr("My &Card…"), "Ctrl+Shift+K", self.show_my_card, "myCardAction")
        self.my_card_action.setToolTip(tr("My own details as a QR code, to be scanned from the screen or exported"))

        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        file_menu.addActions([self.new_contact_action, self.import_action])
        export_menu = file_menu.addMenu(tr("E&xport"))
        for text, kind, name in (
            (tr("vCard &3.0…"), "vcard 3.0", "exportVcard3Action"),
            (tr("vCard &4.0…"), "vcard 4.0", "exportVcard4Action"),
            (tr("&CSV…"), "csv", "exportCsvAction"),
        ):
            export_menu.addAction(self._action(text, None, self._exporter_of(kind), name))
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu(tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.find_action, self.edit_action, self.merge_action, self.delete_action, self.trash_action]
        )
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        journal_menu = menu.addMenu(tr("&Journal"))
        journal_menu.addAction(self.log_action)
        menu.addMenu(self.calendar_menu)
        help_menu = menu.addMenu(tr("&Help"))
        help_menu.addAction(self.my_card_action)
        help_menu.addSeparator()
        help_menu.addAction(about)

    def _exporter_of(self, kind: str) -> Callable[[], None]:
        return lambda: self.export_contacts(kind)

    # Actions ----------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Route what a write changed to every screen that shows it."""
        for page in (self.contacts, self.today, self.events, self.referrals, self.insights):
            page.apply(changes)
        self.calendar_menu.feed.apply(changes)
        self.notifier.apply(changes)

    def open_contact(self, contact_id: int) -> None:
        self.pages.setCurrentWidget(self.contacts)
        self.contacts.select_contact(contact_id)

    def focus_search(self) -> None:
        self.pages.setCurrentWidget(self.contacts)
        if self.contacts.currentIndex() == ContactsPage.CONTACTS:
            self.contacts.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.contacts.search_box.selectAll()

    def add_contact(self) -> None:
        dialog = ContactDialog(self.ws, self)
        if dialog.exec():
            self.apply(dialog.changes)
            self.pages.setCurrentWidget(self.contacts)
            if dialog.saved_id is not None:
                self.contacts.select_contact(dialog.saved_id)
            self.statusBar().showMessage(tr("Added {name}").format(name=dialog.name.text().strip()), 4000)

    def edit_current(self) -> None:
        contact_id = self.contacts.current_contact_id()
        if contact_id is not None:
            self.edit_contact(contact_id)

    def edit_contact(self, contact_id: int) -> None:
        dialog = ContactDialog(self.ws, self, contact_id)
        if dialog.exec():
            self.apply(dialog.changes)

    def log_current(self) -> None:
        ids = self.contacts.selected_contact_ids()
        if not ids:
            self.statusBar().showMessage(tr("Choose a contact first, then press Ctrl+L."), 4000)
            return
        self.log_interaction(ids)

    def log_interaction(self, contact_ids: list[int]) -> None:
        dialog = LogDialog(self.ws, contact_ids, self)
        if dialog.exec():
            self.apply(dialog.changes)
            self.statusBar().showMessage(tr("Logged."), 3000)

    def delete_selected(self) -> None:
        self.delete_contacts(self.contacts.selected_contact_ids())

    def delete_contacts(self, contact_ids: list[int]) -> None:
        if not contact_ids:
            return
        names = [s.name for s in self.ws.contacts.summaries(contact_ids)]
        changes = guarded(self, lambda: self.ws.contacts.delete(contact_ids))
        if changes is not None:
            self.apply(changes)
            what = names[0] if len(names) == 1 else tr("{n} contacts").format(n=len(names))
            self.history.push(tr("Delete {what}").format(what=what), lambda: self.ws.trash.restore(*contact_ids))
            self.statusBar().showMessage(
                tr("Moved {what} to the trash (kept 30 days). Ctrl+Z brings it back.").format(what=what), 6000
            )

    def merge_selected(self) -> None:
        ids = self.contacts.selected_contact_ids()
        if len(ids) != 2:
            self.statusBar().showMessage(tr("Select two contacts (Ctrl+click) to merge them."), 4000)
            return
        first, second = self.ws.contacts.summaries(ids)
        dialog = MergeDialog(first, second, self)
        if not dialog.exec():
            return
        keep, other = dialog.keep_and_other()
        result = guarded(self, lambda: self.ws.contacts.merge(keep.id, other.id))
        if result is None:
            return
        changes, record = result
        self.apply(changes)
        self.contacts.select_contact(keep.id)
        self.history.push(
            tr("Merge {other} into {keep}").format(other=other.name, keep=keep.name),
            lambda: self.ws.contacts.unmerge(record),
        )
        self.statusBar().showMessage(tr("Merged. Ctrl+Z takes it back."), 6000)

    def open_trash(self) -> None:
        dialog = TrashDialog(self.ws, self)
        if dialog.exec() and dialog.changes is not None:
            self.apply(dialog.changes)
            self.statusBar().showMessage(tr("Brought back from the trash."), 4000)

    def undo(self) -> None:
        description = self.history.next_description()
        changes = guarded(self, self.history.undo)
        if changes is not None:
            self.apply(changes)
            self.statusBar().showMessage(tr("Undone: {what}").format(what=description), 4000)

    def _update_undo_action(self) -> None:
        description = self.history.next_description()
        self.undo_action.setEnabled(description is not None)
        self.undo_action.setText(tr("&Undo {what}").format(what=description) if description else tr("&Undo"))

    def _update_merge_action(self) -> None:
        self.merge_action.setEnabled(len(self.contacts.selected_contact_ids()) == 2)

    def add_to_calendar(self, followup_id: int) -> None:
        """The follow-up as one event, opened by the system's calendar app ("Add to calendar")."""
        self.calendar_menu.add_to_calendar(followup_id)

    def import_contacts(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Import contacts or meetings"),
            str(Path.home()),
            tr(
                "Contacts, calendars and photos (*.vcf *.vcard *.csv *.ics *.jpg *.jpeg *.png *.heic);;"
                "Contacts (*.vcf *.vcard *.csv);;Calendars (*.ics);;Photos of badges and cards (*.jpg *.jpeg *.png "
                "*.heic);;All files (*)"
            ),
        )
        if paths:
            self.open_files([Path(p) for p in paths])

    def open_import_preview(self, paths: list[Path]) -> ImportPreviewDialog:
        """Preview importing `paths`, then import them (the dialog runs the whole way)."""
        dialog = ImportPreviewDialog(self.ws, paths, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.apply)
        dialog.imported.connect(self._remember_import)
        dialog.open()
        dialog.start()
        return dialog

    def open_photo_import(self, paths: list[Path]) -> PhotoImportDialog:
        """Read the QR codes on photos of badges and cards, preview, then import them."""
        dialog = PhotoImportDialog(self.ws, paths, self.photo_reader, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.apply)
        dialog.imported.connect(self._remember_import)
        dialog.open()
        dialog.start()
        return dialog

    def show_my_card(self) -> None:
        dialog = MyCardDialog(self.settings, self)
        dialog.preferencesRequested.connect(self.open_preferences)
        dialog.exec()

    def open_calendar_import(self, paths: list[Path]) -> CalendarImportDialog:
        """Preview importing the meetings of calendar files, then import them."""
        dialog = CalendarImportDialog(self.ws, paths, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.apply)
        dialog.imported.connect(self._remember_calendar_import)
        dialog.open()
        dialog.start()
        return dialog

    def _remember_calendar_import(self, report: CalendarReport) -> None:
        self._remember(report.files, lambda: self.ws.calendar_import.undo(report.batch_id).changes)

    def _remember_import(self, report: ImportReport | PhotoReport) -> None:
        self._remember(report.files, lambda: self.ws.importing.undo(report.batch_id).changes)

    def _remember(self, files: list[str], undo: Callable[[], Changes]) -> None:
        """Edit > Undo takes an import back."""
        self.history.push(tr("Import of {files}").format(files=_files(files)), undo)

    def export_contacts(self, kind: str) -> None:
        self.exporter.ask_and_export(kind, self.runner)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        files, photos = contact_files(mime) + calendar_files(mime), dropped_photos(mime)
        if not (files or photos):
            return
        event.acceptProposedAction()
        if photos and not files:
            self.drop_hint.show_text(
                tr(
                    "Drop to read the QR codes on these photos of badges and cards. You see who they are, and choose "
                    "the event where you met them, before anything is imported."
                )
            )
        else:
            self.drop_hint.show_text(
                tr("Drop to import these contacts and calendars: you see what changes before anything does.")
            )

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_hint.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_hint.hide()
        mime = event.mimeData()
        paths = contact_files(mime) + calendar_files(mime) + dropped_photos(mime)
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def back_up(self) -> None:
        path = guarded(self, self.ws.backups.back_up)
        if path is not None:
            self.statusBar().showMessage(tr("Backed up to {path}").format(path=path), 6000)

    def restore_backup(self) -> None:
        dialog = RestoreDialog(self.ws.backups, self)
        if dialog.exec() and dialog.changes is not None:
            self.apply(dialog.changes)
            self.statusBar().showMessage(tr("Restored. The journal as it was is kept as a backup."), 6000)

    def bring_forward(self, files: list[Path]) -> None:
        """Another start of HiTouch on this journal handed over to this window."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        if files:
            self.open_files(files)

    def open_preferences(self) -> None:
        dialog = SettingsDialog(self.settings, self._settings_file, self)
        if dialog.exec():
            self.use_settings(dialog.settings)
            self.statusBar().showMessage(tr("Preferences saved."), 3000)

    def save_settings(self, settings: Settings) -> None:
        """Keep new preferences and let every part of the window use them."""
        self._settings_file.save(settings)
        self.use_settings(settings)

    def use_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.ws.use_settings(settings)
        apply_theme(settings.theme)
        self.calendar_menu.feed.schedule()

    def _system_scheme_changed(self) -> None:
        if self.settings.theme == "system":
            apply_theme("system")

    def open_files(self, paths: list[Path]) -> None:
        """Files given to `hitouch FILE...`, dropped or chosen: contacts to the contacts import,
        calendars (by their content) to the calendar import, after the contacts so that their
        meetings find the people just imported. Photos of badges and cards (and folders of them)
        go to the photo import, by themselves."""
        photos = [Path(p) for p in paths if is_photo(p)]
        if photos:
            photo_dialog = self.open_photo_import(photos)
            self._files_next = [Path(p) for p in paths if Path(p) not in photos]
            if self._files_next:
                photo_dialog.finished.connect(self._open_files_next)
            return
        calendars = [Path(p) for p in paths if self.ws.calendar_import.is_calendar(p)]
        contacts = [Path(p) for p in paths if Path(p) not in calendars]
        if not contacts:
            self.open_calendar_import(calendars)
            return
        dialog = self.open_import_preview(contacts)
        if calendars:
            self._calendars_next = calendars
            dialog.finished.connect(self._open_calendars_next)

    def _open_files_next(self) -> None:
        files, self._files_next = self._files_next, []
        if files:
            self.open_files(files)

    def _open_calendars_next(self) -> None:
        calendars, self._calendars_next = self._calendars_next, []
        if calendars:
            self.open_calendar_import(calendars)

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("About HiTouch"),
            tr(
                "<b>HiTouch {version}</b><p>High tech needs high touch: a networking journal that keeps "
                "the people you meet, where you met them, and everything since.</p>"
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.calendar_menu.feed.finish()
        self.notifier.timer.stop()
        self.insights.wait()  # a count in progress finishes before the journal closes
        self.ws.close()
        super().closeEvent(event)


def _files(files: list[str]) -> str:
    """'people.vcf, more.csv'; photos of one evening: the first three, then how many more."""
    names = [Path(f).name for f in files]
    return (
        ", ".join(names)
        if len(names) <= 3
        else tr("{first} and {n} more").format(first=", ".join(names[:3]), n=len(names) - 3)
    )
