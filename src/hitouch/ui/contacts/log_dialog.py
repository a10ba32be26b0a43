"""Logging an interaction: who, how, when, and a note. Ctrl+Enter saves from the note."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.vocabulary import Channel
from hitouch.services.changes import Changes
from hitouch.services.workspace import Workspace
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import day_of, tr


class LogDialog(FormDialog):
    def __init__(self, workspace: Workspace, contact_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Log interaction"))
        self.setObjectName("logDialog")
        self._ws = workspace
        self._contact_ids = contact_ids
        self.changes = Changes()

        names = [s.name for s in workspace.contacts.summaries(contact_ids)]
        self.people = QLabel(", ".join(names))
        self.people.setObjectName("logPeople")
        self.people.setWordWrap(True)
        self.others = QLineEdit()
        self.others.setObjectName("logOthersEdit")
        self.others.setPlaceholderText(tr("Anyone else there? Names or emails, comma-separated"))
        self.channel = QComboBox()
        self.channel.setObjectName("channelCombo")
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.on = QDateEdit(QDate(workspace.clock.today()))
        self.on.setObjectName("logDateEdit")
        self.on.setCalendarPopup(True)
        self.event_box = QComboBox()
        self.event_box.setObjectName("logEventCombo")
        self.event_box.setEditable(True)
        self.event_box.addItems(["", *workspace.events.names()])
        if (line := self.event_box.lineEdit()) is not None:  # an editable combo box has one
            line.setPlaceholderText(tr("Event (optional)"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("logNoteEdit")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(tr("What did you talk about? What did you promise?"))
        self.note.setMinimumHeight(110)

        form = QFormLayout()
        form.addRow(tr("With"), self.people)
        form.addRow(tr("&Also with"), self.others)
        form.addRow(tr("&How"), self.channel)
        form.addRow(tr("&When"), self.on)
        form.addRow(tr("&Event"), self.event_box)
        form.addRow(tr("&Note"), self.note)
        hint = QLabel(tr("Ctrl+Enter saves"))
        hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.note.installEventFilter(self)
        self.channel.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the note saves, as in a chat box; plain Enter is a new line."""
        if (
            watched is self.note
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def set_channel(self, channel: Channel) -> None:
        self.channel.setCurrentIndex(self.channel.findData(channel.value))

    def save(self) -> None:
        ids = list(self._contact_ids)
        for reference in (p.strip() for p in self.others.text().split(",")):
            if reference:
                ids.append(self._ws.contacts.resolve(reference))
        _, self.changes = self._ws.interactions.log(
            ids,
            self.channel.currentData(),
            on=day_of(self.on.date()),
            note=self.note.toPlainText(),
            event=self.event_box.currentText().strip() or None,
        )
