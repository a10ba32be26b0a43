"""Shared dialog behaviour: an inline error line, and services errors shown as sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from hitouch.services.errors import JournalError, UserError
from hitouch.ui.common.formatting import tr
from hitouch.ui.common.widgets import ErrorLine

T = TypeVar("T")


class FormDialog(QDialog):
    """A dialog that stays open, with the reason shown, when saving fails."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error = ErrorLine()
        self.error.setObjectName("formError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        """Save; a mistake in what was typed (UserError) or a journal in trouble (JournalError) is
        shown in the form. Anything else is a bug and goes on to the unexpected-error dialog."""
        try:
            self.save()
        except (UserError, JournalError) as exc:
            self.show_error(str(exc))
            return
        super().accept()

    def save(self) -> None:
        raise NotImplementedError


def guarded(parent: QWidget, action: Callable[[], T]) -> T | None:
    """Run a user action; a failure becomes a message box a person understands."""
    try:
        return action()
    except UserError as exc:
        QMessageBox.warning(parent, tr("HiTouch"), str(exc))
    except JournalError as exc:
        QMessageBox.critical(parent, tr("HiTouch"), str(exc))
    return None
