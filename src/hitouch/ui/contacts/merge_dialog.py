"""Edit > Merge Contacts: two records of one person become one; nothing is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from hitouch.domain.records import ContactSummary
from hitouch.ui.common.formatting import tr


def _describe(s: ContactSummary) -> str:
    parts = [part for part in (s.title, s.company) if part] + s.emails[:2] + s.phones[:1]
    return f"{s.name}" + (f" — {', '.join(parts)}" if parts else "")


class MergeDialog(QDialog):
    def __init__(self, first: ContactSummary, second: ContactSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(tr("Merge Contacts"))
        self._pair = (first, second)
        intro = QLabel(
            tr(
                "Which name and details should stay? Emails, phones, tags, notes, the journal, "
                "follow-ups and referrals of both are kept. Edit > Undo takes the merge back."
            )
        )
        intro.setWordWrap(True)
        self.keep_first = QRadioButton(_describe(first))
        self.keep_first.setObjectName("keepFirst")
        self.keep_first.setChecked(True)
        self.keep_second = QRadioButton(_describe(second))
        self.keep_second.setObjectName("keepSecond")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton(tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeButton")
        merge.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def keep_and_other(self) -> tuple[ContactSummary, ContactSummary]:
        first, second = self._pair
        return (first, second) if self.keep_first.isChecked() else (second, first)
