"""The main window: menus and shortcuts, the pages, and routing what changed to them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from hitouch import __version__
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.contact_dialog import ContactDialog
from hitouch.ui.contacts_page import ContactsPage
from hitouch.ui.dialogs import guarded
from hitouch.ui.formatting import tr
from hitouch.ui.log_dialog import LogDialog
from hitouch.ui.relationship_pages import RelationshipPages


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ws = workspace
        self.setWindowTitle(tr("HiTouch — {name}").format(name=workspace.path.name))
        self.resize(1180, 760)

        self.pages = QStackedWidget()
        self.contacts = ContactsPage(workspace)
        self.pages.addWidget(self.contacts)
        self.relations = RelationshipPages(self)  # Today (home), Events, Referrals, Insights, the sidebar

        self.contacts.welcome.add_button.clicked.connect(self.add_contact)
        self.contacts.welcome.import_button.clicked.connect(self.import_contacts)
        self.contacts.detail.logRequested.connect(lambda cid: self.log_interaction([cid]))
        self.contacts.detail.editRequested.connect(self.edit_contact)
        self.contacts.detail.deleteRequested.connect(lambda cid: self.delete_contacts([cid]))
        self.contacts.list.doubleClicked.connect(lambda _index: self.edit_current())

        self._build_actions()
        location = QLabel(str(workspace.path))
        location.setObjectName("journalLocation")
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(location)

    # Menus and shortcuts ----------------------------------------------------------------

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_actions(self) -> None:
        self.new_contact_action = self._action(tr("&New Contact…"), QKeySequence.StandardKey.New, self.add_contact, "newContactAction")
        self.import_action = self._action(tr("&Import Contacts…"), "Ctrl+I", self.import_contacts, "importAction")
        quit_action = self._action(tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, "quitAction")
        self.find_action = self._action(tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search, "findAction")
        self.edit_action = self._action(tr("&Edit Contact…"), "Ctrl+E", self.edit_current, "editContactAction")
        self.delete_action = self._action(tr("&Delete Contact"), QKeySequence.StandardKey.Delete, self.delete_selected, "deleteContactAction")
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.contacts.list.addAction(self.delete_action)
        self.removeAction(self.delete_action)  # Delete in a text field must delete text
        self.log_action = self._action(tr("&Log Interaction…"), "Ctrl+L", self.log_current, "logInteractionAction")
        about = self._action(tr("&About HiTouch"), None, self.about, "aboutAction")

        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        file_menu.addActions([self.new_contact_action, self.import_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu(tr("&Edit"))
        edit_menu.addActions([self.find_action, self.edit_action, self.delete_action])
        journal_menu = menu.addMenu(tr("&Journal"))
        journal_menu.addAction(self.log_action)
        help_menu = menu.addMenu(tr("&Help"))
        help_menu.addAction(about)

    # Actions ----------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Route what a write changed to every screen that shows it."""
        self.contacts.apply(changes)
        self.relations.apply(changes)

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
            self.statusBar().showMessage(tr("Moved {what} to the trash (kept 30 days).").format(what=what), 6000)

    def import_contacts(self) -> None:
        QMessageBox.information(self, tr("Import contacts"), tr("Importing arrives with the next version."))

    def about(self) -> None:
        QMessageBox.about(
            self,
            tr("About HiTouch"),
            tr("<b>HiTouch {version}</b><p>High tech needs high touch: a networking journal that keeps "
               "the people you meet, where you met them, and everything since.</p>").format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.relations.close()
        self.ws.close()
        super().closeEvent(event)
