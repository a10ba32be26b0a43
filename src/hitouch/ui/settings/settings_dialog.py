"""Preferences: every field of `Settings`, in four sections; `Settings` itself checks them."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hitouch.domain.phones import default_region
from hitouch.services.errors import UserError
from hitouch.settings import InvalidSettings, Settings, SettingsFile, check_places
from hitouch.ui.common.dialogs import FormDialog
from hitouch.ui.common.formatting import hour_of_day, tr
from hitouch.ui.common.theme import apply_theme
from hitouch.ui.common.widgets import dim

Editor = QSpinBox | QCheckBox | QLineEdit | QComboBox


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class SettingsDialog(FormDialog):
    """Edits a copy of the settings; Save checks and stores them, Cancel puts the theme back."""

    def __init__(self, settings: Settings, store: SettingsFile, parent: QWidget | None = None) -> None:
        super().__init__(parent, tr("Preferences"))
        self.setObjectName("settingsDialog")
        self.settings = settings
        self._store = store
        self.editors: dict[str, Editor] = {}

        reminders = self._section(tr("Reminders && calendar"), "remindersSection")
        self._spin(reminders, "reminder_minutes", tr("&Remind me"), 0, 7 * 24 * 60, tr(" minutes before"))
        self._hour(reminders, "all_day_reminder_hour", tr("All-day &reminders at"))
        self._check(
            reminders,
            "calendar_use_todos",
            tr("Send follow-ups as &tasks (VTODO), not events"),
            hint=tr("Google Calendar shows events only."),
        )
        self._feed(reminders)
        self._line(reminders, "caldav_url", tr("CalDAV &address"), "https://dav.example.com/calendars/you/")
        self._line(reminders, "caldav_user", tr("CalDAV &user"), tr("your user name"))
        self._line(
            reminders,
            "caldav_calendar",
            tr("Ca&lendar name"),
            "HiTouch",
            hint=tr("The CalDAV password is kept in your system's keyring, never in this file."),
        )

        relationships = self._section(tr("Relationships"), "relationshipsSection")
        self._spin(
            relationships,
            "event_followup_days",
            tr("&Follow up after an event"),
            0,
            90,
            tr(" days"),
            hint=tr("A follow-up is suggested this long after you meet someone at an event."),
        )
        self._line(
            relationships,
            "default_cadence",
            tr("&Keep in touch every"),
            tr("e.g. 4w"),
            hint=tr("For new contacts: a number and d, w or m (2w is every two weeks). Empty: none."),
        )
        region = default_region() or "—"
        self._line(
            relationships,
            "phone_region",
            tr("Phone &numbers from"),
            region,
            hint=tr("For numbers without +: GB, DE… Empty: {region}, from your language.").format(region=region),
        )
        self._line_edit("phone_region").setMaxLength(2)

        backups = self._section(tr("Backups"), "backupsSection")
        self._spin(backups, "backups_daily", tr("&Daily backups kept"), 0, 365)
        self._spin(backups, "backups_weekly", tr("&Weekly backups kept"), 0, 520)
        self._spin(backups, "backups_monthly", tr("&Monthly backups kept"), 0, 240)

        appearance = self._section(tr("Appearance"), "appearanceSection")
        theme = self._combo(
            appearance,
            "theme",
            tr("T&heme"),
            [(tr("Follow the system"), "system"), (tr("Light"), "light"), (tr("Dark"), "dark")],
        )
        theme.currentIndexChanged.connect(lambda: apply_theme(theme.currentData()))  # see it at once

        card = self._section(tr("My card"), "myCardSection")
        self._line(card, "my_name", tr("M&y name"), tr("as on your business card"))
        self._line(card, "my_email", tr("My ema&il"), "you@example.com")
        self._line(card, "my_phone", tr("My &phone"), "+44 20 7946 0958")
        self._line(card, "my_company", tr("My c&ompany"), "")
        self._line(card, "my_title", tr("My po&sition"), "")
        self._line(
            card,
            "my_url",
            tr("My web addr&ess"),
            "https://",
            hint=tr("Help > My Card shows these as a QR code a phone's camera reads."),
        )

        left = QVBoxLayout()
        left.addWidget(reminders)
        left.addWidget(card)
        left.addStretch()
        right = QVBoxLayout()
        for box in (relationships, backups, appearance):
            right.addWidget(box)
        right.addStretch()
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(820)
        self._show(settings)
        self.editors["reminder_minutes"].setFocus()

    # Building ---------------------------------------------------------------------------

    def _section(self, title: str, name: str) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(name)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return box

    def _add(
        self, box: QGroupBox, name: str, label: str, editor: Editor, field: QWidget | None = None, hint: str = ""
    ) -> None:
        editor.setObjectName(_camel(name))
        editor.setAccessibleName(label.replace("&&", "\0").replace("&", "").replace("\0", "&"))
        self.editors[name] = editor
        form = box.layout()
        assert isinstance(form, QFormLayout)  # every section is made by _section
        if isinstance(editor, QCheckBox):
            form.addRow(editor)
        else:
            form.addRow(label, field or editor)
        if hint:
            note = dim(QLabel(hint))
            note.setWordWrap(True)
            note.setObjectName(_camel(name) + "Hint")
            font = note.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            note.setFont(font)
            if isinstance(editor, QCheckBox):
                form.addRow(note)
            else:
                form.addRow("", note)  # under the field it explains
            editor.setAccessibleDescription(hint)

    def _line_edit(self, name: str) -> QLineEdit:
        editor = self.editors[name]
        assert isinstance(editor, QLineEdit), name
        return editor

    def _spin(
        self, box: QGroupBox, name: str, label: str, low: int, high: int, suffix: str = "", hint: str = ""
    ) -> None:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        self._add(box, name, label, spin, hint=hint)

    def _hour(self, box: QGroupBox, name: str, label: str) -> None:
        hours = QComboBox()
        for hour in range(24):
            hours.addItem(hour_of_day(hour), hour)
        self._add(box, name, label, hours)

    def _check(self, box: QGroupBox, name: str, label: str, hint: str = "") -> None:
        self._add(box, name, label, QCheckBox(label), hint=hint)

    def _line(self, box: QGroupBox, name: str, label: str, placeholder: str, hint: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        self._add(box, name, label, edit, hint=hint)

    def _combo(self, box: QGroupBox, name: str, label: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for text, value in choices:
            combo.addItem(text, value)
        self._add(box, name, label, combo)
        return combo

    def _feed(self, box: QGroupBox) -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(tr("Off"))
        edit.setClearButtonEnabled(True)
        choose = QPushButton(tr("C&hoose…"))
        choose.setObjectName("chooseCalendarFeedButton")
        choose.clicked.connect(self._choose_feed)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        line.addWidget(choose)
        self._add(
            box,
            "calendar_feed_path",
            tr("Calendar &file"),
            edit,
            row,
            hint=tr("An .ics file kept up to date after every change, for your calendar to subscribe to."),
        )

    def _choose_feed(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Calendar file"), self._line_edit("calendar_feed_path").text(), tr("Calendar files (*.ics)")
        )
        if path:
            self._line_edit("calendar_feed_path").setText(path)

    # Values -----------------------------------------------------------------------------

    def _show(self, settings: Settings) -> None:
        for field in fields(Settings):
            editor, value = self.editors[field.name], getattr(settings, field.name)
            if isinstance(editor, QSpinBox):
                editor.setValue(value)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(value)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QLineEdit):
                editor.setText(value)

    def _read(self) -> Settings:
        """The values in the editors; InvalidSettings says which are not allowed."""
        values: dict[str, Any] = {}  # each field's own type
        for name, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                values[name] = editor.text().strip()
        values["phone_region"] = str(values["phone_region"]).upper()
        return replace(self.settings, **values)

    def save(self) -> None:
        """Settings checks the values (and the places they name); the first field at fault gets the focus."""
        try:
            wanted = self._read()
            check_places(wanted)
            self._store.save(wanted)
        except InvalidSettings as exc:
            self.editors[exc.fields[0]].setFocus()
            raise UserError(str(exc)) from None
        self.settings = wanted

    def reject(self) -> None:
        apply_theme(self.settings.theme)  # a theme tried out but not saved goes back
        super().reject()
