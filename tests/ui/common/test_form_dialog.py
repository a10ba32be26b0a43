"""A form shows what the person can fix; a bug is not dressed up as red text in it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from hitouch.services.errors import JournalBusy, UserError
from hitouch.ui.common.dialogs import FormDialog


class Failing(FormDialog):
    def __init__(self, error: Exception) -> None:
        super().__init__(None, "Form")
        self._error = error

    def save(self) -> None:
        raise self._error


@pytest.mark.parametrize("error", [UserError("not a time: '25:00' (use HH:MM)"), JournalBusy("The journal is busy.")])
def test_a_mistake_or_a_journal_in_trouble_is_shown_in_the_form(qtbot, error):
    dialog = Failing(error)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == str(error) and not dialog.error.isHidden()


def test_a_programming_error_goes_on_to_the_unexpected_error_dialog_not_into_the_form(qtbot):
    dialog = Failing(ValueError("invalid literal for int() with base 10: 'x'"))
    qtbot.addWidget(dialog)
    dialog.show()
    with pytest.raises(ValueError):
        dialog.accept()
    assert dialog.error.isHidden()


def test_what_a_person_typed_wrong_is_a_user_error_in_the_form(qtbot, workspace):
    from hitouch.domain.cards import ContactCard
    from hitouch.ui.today.followup_dialog import FollowUpDialog

    ada, _ = workspace.contacts.add(ContactCard(name="Ada Lovelace"))
    dialog = FollowUpDialog(workspace, ada)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.at.setText("25:00")
    dialog.accept()
    assert dialog.isVisible() and "not a time" in dialog.findChild(QLabel, "formError").text()
    assert workspace.followups.list() == []
