"""Event mode: the evening after a conference, type the people met one after another.

Name, company, a note, Enter: the person is added as met in person at the event, with a
follow-up a few days later, and the cursor is back in the name field for the next one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.errors import JournalError, UserError
from hitouch.services.importing.card_images import WaitingPhoto
from hitouch.services.workspace import Workspace
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import ErrorLine, dim, heading
from hitouch.ui.events.waiting_photos import WaitingPhotos


class EventModePanel(QWidget):
    changed = Signal(object)  # Changes, after each person
    finished = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventMode")
        self.setAccessibleName(tr("Event mode"))
        self._ws = workspace
        self._event_id: int | None = None

        self.title = heading("", 1.5, "eventModeTitle")
        self.explain = dim(QLabel())
        self.explain.setWordWrap(True)
        self.name = self._field("eventModeName", tr("Name"))
        self.company = self._field("eventModeCompany", tr("Company"))
        self.note = self._field("eventModeNote", tr("What you talked about"))
        self.error = ErrorLine()
        self.error.setObjectName("eventModeError")
        self.error.hide()
        add = QPushButton(tr("Add  (Enter)"))
        add.setObjectName("eventModeAdd")
        add.clicked.connect(self.add_person)

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        for column, (label, field, stretch) in enumerate(
            ((tr("&Name"), self.name, 3), (tr("&Company"), self.company, 2), (tr("N&ote"), self.note, 4))
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            form.addWidget(caption, 0, column)
            form.addWidget(field, 1, column)
            form.setColumnStretch(column, stretch)
        form.addWidget(add, 1, 3)

        self.added = QListWidget()
        self.added.setObjectName("eventModeAdded")
        self.added.setAccessibleName(tr("People added"))
        self.count = dim(QLabel())
        self.count.setObjectName("eventModeCount")
        done = QPushButton(tr("Done"))
        done.setObjectName("eventModeDone")
        done.setToolTip(tr("Back to the event (Esc)"))
        done.setShortcut(Qt.Key.Key_Escape)
        done.clicked.connect(self.finished)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(done)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        self.photos = WaitingPhotos(workspace)
        self.photos.chosen.connect(self._photo_chosen)
        self.photos.setAside.connect(self.changed)
        layout.addWidget(self.photos, 2)
        layout.addWidget(heading(tr("Added so far")))
        layout.addWidget(self.added, 1)
        layout.addLayout(bottom)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder)
        field.returnPressed.connect(self.add_person)
        return field

    def start(self, event_id: int) -> None:
        payoff = self._ws.event_people.payoff(event_id)
        self._event_id = event_id
        self.title.setText(tr("Event mode: {event}").format(event=payoff.event.name))
        self.explain.setText(
            tr(
                "Type each person you met and press Enter, then the next. Each is added as met in person at "
                "{event}, with a follow-up {days} days later."
            ).format(event=payoff.event.name, days=self._ws.settings.event_followup_days)
        )
        self.added.clear()
        self._update_count()
        for field in (self.name, self.company, self.note):
            field.clear()
        self.error.hide()
        self.photos.load(event_id)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _photo_chosen(self, photo: WaitingPhoto | None) -> None:
        """Typing in the person on a photo: the name field waits for them."""
        self.name.setPlaceholderText(tr("Name on the badge") if photo else tr("Name"))
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_person(self) -> None:
        if self._event_id is None:
            return
        name, company = self.name.text().strip(), self.company.text().strip()
        photo = self.photos.current() if self.photos.isVisible() else None
        try:
            _, changes = self._ws.event_people.add_met_person(
                self._event_id, name, company, self.note.text(), photo=photo.id if photo else None
            )
        except (UserError, JournalError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.name.setFocus()
            return
        self.error.hide()
        self.added.insertItem(0, f"{name} · {company}" if company else name)
        if photo is not None:
            self.photos.take_out(photo.id)
        self._update_count()
        for field in (self.name, self.company, self.note):
            field.clear()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(changes)

    def _update_count(self) -> None:
        n = self.added.count()
        self.count.setText(
            tr("Nobody added yet.")
            if n == 0
            else tr("1 person added.")
            if n == 1
            else tr("{n} people added.").format(n=n)
        )
