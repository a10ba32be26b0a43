"""The column-mapping step: for a CSV in no known layout, which column holds what."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hitouch.services.importing.importing import ColumnChoice
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import ErrorLine, dim, heading

IDENTIFYING = {"given", "family", "name", "email", "phone"}


def field_labels() -> dict[str, str]:
    return {
        "given": tr("Given name"),
        "family": tr("Family name"),
        "name": tr("Full name"),
        "email": tr("Email"),
        "phone": tr("Phone"),
        "company": tr("Company"),
        "title": tr("Position"),
        "url": tr("Web address"),
        "tags": tr("Tags"),
        "birthday": tr("Birthday"),
        "notes": tr("Notes"),
    }


class ColumnMappingPage(QWidget):
    """One row per column: its name, what the first rows hold, and the field it goes to."""

    confirmed = Signal(dict)  # column -> field
    cancelled = Signal()

    def __init__(self, choice: ColumnChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnMapping")
        self.setAccessibleName(tr("Column mapping"))
        self._choice = choice
        labels = field_labels()

        title = heading(tr("Which column holds what?"), 1.3)
        intro = QLabel(
            tr(
                "HiTouch does not know the layout of {file}. Choose what each column holds; "
                "columns left out are not imported."
            ).format(file=choice.path.name)
        )
        intro.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.addWidget(dim(QLabel(tr("Column"))), 0, 0)
        grid.addWidget(dim(QLabel(tr("In the first rows"))), 0, 1)
        grid.addWidget(dim(QLabel(tr("Import as"))), 0, 2)
        self.combos: dict[str, QComboBox] = {}
        for row, column in enumerate(choice.columns, start=1):
            if not column:
                continue
            name = QLabel(column)
            name.setTextFormat(Qt.TextFormat.PlainText)
            examples = [cells[row - 1] for cells in choice.samples if row - 1 < len(cells) and cells[row - 1].strip()]
            sample = dim(QLabel(" · ".join(" ".join(e.split()) for e in examples)))
            sample.setTextFormat(Qt.TextFormat.PlainText)
            sample.setMinimumWidth(120)
            combo = QComboBox()
            combo.setObjectName(f"mapping {column}")
            combo.setMinimumWidth(170)
            combo.setAccessibleName(tr("Import {column} as").format(column=column))
            combo.addItem(tr("(leave out)"), "")
            for field in choice.fields:
                combo.addItem(labels.get(field, field), field)
            combo.setCurrentIndex(max(0, combo.findData(choice.guess.get(column, ""))))
            combo.currentIndexChanged.connect(self._check)
            self.combos[column] = combo
            grid.addWidget(name, row, 0)
            grid.addWidget(sample, row, 1)
            grid.addWidget(combo, row, 2)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(grid)
        inner_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.error = ErrorLine(tr("Choose at least one column with a name, an email or a phone number."))
        self.error.setObjectName("mappingError")
        self.continue_button = QPushButton(tr("Continue"))
        self.continue_button.setObjectName("mappingContinueButton")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(lambda: self.confirmed.emit(self.mapping()))
        cancel = QPushButton(tr("Cancel"))
        cancel.setObjectName("mappingCancelButton")
        cancel.clicked.connect(self.cancelled.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)  # keeps the buttons on the right while the message is hidden
        buttons.addWidget(cancel)
        buttons.addWidget(self.continue_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._check()

    def mapping(self) -> dict[str, str]:
        return {column: combo.currentData() for column, combo in self.combos.items() if combo.currentData()}

    def _check(self) -> None:
        usable = bool(IDENTIFYING & set(self.mapping().values()))
        self.continue_button.setEnabled(usable)
        self.error.setVisible(not usable)
