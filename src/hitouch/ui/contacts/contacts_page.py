"""The contacts screen: search as you type, the list, and the chosen contact's page."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.delegates import TwoLineDelegate
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.roles import Role
from hitouch.ui.common.widgets import dim, heading
from hitouch.ui.contacts.contact_detail import ContactDetailView
from hitouch.ui.contacts.contact_list_model import ContactListModel

DETAIL_DELAY_MS = 120


class SearchBox(QLineEdit):
    """Up and Down move through the list while the cursor stays here."""

    moveRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            self.moveRequested.emit(step[Qt.Key(event.key())])
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class Welcome(QWidget):
    """What a first run shows instead of an empty grey box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        title = heading(tr("Welcome to HiTouch"), 2.0)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            tr(
                "HiTouch is your networking journal: remember who you met and where, log every coffee and call, "
                "and turn online connections into face-to-face relationships."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(520)
        self.add_button = QPushButton(tr("Add a contact"))
        self.add_button.setObjectName("addFirstContactButton")
        self.add_button.setDefault(True)
        self.add_button.setMinimumHeight(34)
        self.import_button = QPushButton(tr("Import contacts…"))
        self.import_button.setObjectName("importContactsButton")
        self.import_button.setMinimumHeight(34)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch()
        hint = dim(QLabel(tr("vCards from your phone or mail program, and LinkedIn, Google or Outlook CSV exports")))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(hint)
        layout.addStretch(3)


class ContactsPage(QStackedWidget):
    WELCOME, CONTACTS = 0, 1

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsPage")
        self._ws = workspace
        self._total = 0
        self._everyone: list[int] = []
        self._detail_pending = False

        self.welcome = Welcome()
        self.addWidget(self.welcome)

        self.search_box = SearchBox()
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName(tr("Search"))
        self.search_box.setPlaceholderText(tr("Search names, companies, notes, events  (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.search)
        self.search_box.moveRequested.connect(self._move_selection)

        self.model = ContactListModel(workspace.contacts.summaries, workspace.clock.today, self)
        # A one-column table rather than a QListView: a table lays out no rows when the list
        # changes (a list view asks the model about each of 100,000 rows on every keystroke).
        self.list = QTableView()
        self.list.setObjectName("contactList")
        self.list.setAccessibleName(tr("Contacts"))
        self.list.setModel(self.model)
        delegate = TwoLineDelegate(self.list)
        self.list.setItemDelegate(delegate)
        self.list.horizontalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        rows = self.list.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(delegate.row_height(self.list.font()))
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.setTabKeyNavigation(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self.show_current_contact)

        self.count_label = dim(QLabel())
        self.count_label.setObjectName("contactCount")
        self.empty_search = dim(QLabel())
        self.empty_search.setWordWrap(True)
        self.empty_search.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_search.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(10, 10, 0, 6)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty_search, 1)
        left_layout.addWidget(self.count_label)

        self.detail = ContactDetailView(workspace)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 800])
        left.setMinimumWidth(260)
        self.addWidget(splitter)
        self.reload()

    # Searching --------------------------------------------------------------------------

    def search(self, text: str) -> None:
        # Everyone, in name order, is kept from the last reload: clearing the box costs nothing.
        ids = self._ws.search.contact_ids(text) if text.strip() else self._everyone
        self._show(text, ids)

    def reload(self) -> None:
        """Run the current search again (after contacts were added or removed)."""
        self._everyone = self._ws.contacts.ids()
        self._total = len(self._everyone)
        self.setCurrentIndex(self.CONTACTS if self._total else self.WELCOME)
        self.search(self.search_box.text())

    def _show(self, text: str, ids: list[int]) -> None:
        current = self.current_contact_id()
        self.model.set_ids(ids)
        self._show_counts(text, len(ids))
        row = self.model.row_of(current) if current is not None else None
        self._select_row(row if row is not None else (0 if ids else None))

    def _show_counts(self, text: str, found: int) -> None:
        locale = QLocale()
        if text.strip():
            self.count_label.setText(
                tr("{found} of {total} contacts").format(
                    found=locale.toString(found), total=locale.toString(self._total)
                )
            )
        elif self._total == 1:
            self.count_label.setText(tr("1 contact"))
        else:
            self.count_label.setText(tr("{total} contacts").format(total=locale.toString(self._total)))
        nothing = bool(text.strip()) and found == 0
        self.empty_search.setText(tr("No contact, note or event matches “{text}”.").format(text=text.strip()))
        self.empty_search.setVisible(nothing)
        self.list.setVisible(not nothing)

    # Selection --------------------------------------------------------------------------

    def current_contact_id(self) -> int | None:
        index = self.list.currentIndex()
        return index.data(Role.ContactId) if index.isValid() else None

    def selected_contact_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        ids = [self.model.ids()[row] for row in rows]
        current = self.current_contact_id()
        return ids or ([current] if current is not None else [])

    def select_contact(self, contact_id: int) -> None:
        row = self.model.row_of(contact_id)
        if row is None and self.search_box.text():
            self.search_box.clear()  # make sure the contact is in the list
            row = self.model.row_of(contact_id)
        self._select_row(row)
        self.show_current_contact()

    def _select_row(self, row: int | None) -> None:
        if row is None:
            self.list.setCurrentIndex(QModelIndex())
            self.detail.show_contact(None)
            return
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)

    def _move_selection(self, step: int) -> None:
        if not self.model.rowCount():
            return
        row = self.list.currentIndex().row() if self.list.currentIndex().isValid() else -1
        self._select_row(max(0, min(self.model.rowCount() - 1, row + step)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The page follows once typing or arrowing pauses: each keystroke updates only the list.
        self._detail_timer.start()

    def show_current_contact(self) -> None:
        """The contact page for the current row, now (or when this screen is next shown)."""
        self._detail_timer.stop()
        if not self.isVisible():
            self._detail_pending = True  # Today is the home screen: no need to read a contact at start
            return
        self._detail_pending = False
        current = self.list.currentIndex()
        self.detail.show_contact(current.data(Role.ContactId) if current.isValid() else None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._detail_pending:
            self.show_current_contact()

    # Changes ----------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        if changes.contacts:
            self.model.refresh(changes.contacts)  # rows shown from the cache must not be stale
        if changes.contact_set:
            self.reload()  # rows come and go; the current contact's page is rebuilt on the way
            return
        shown = self.detail.contact_id()
        if shown is not None and (shown in changes.contacts or changes.followups):
            self.detail.refresh()
