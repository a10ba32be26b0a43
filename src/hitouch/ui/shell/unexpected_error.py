"""The last resort: a bug becomes a calm dialog, never a traceback on a person's screen.

The log gets the kind of error and where it happened, not its message: messages can quote what
the person typed (a note, a name), and a log file is no place for that.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from hitouch.ui.common.formatting import tr

log = logging.getLogger("hitouch")


def install_excepthook() -> None:
    sys.excepthook = show_unexpected_error


def log_unexpected(error: BaseException, tb: TracebackType | None = None) -> None:
    """The kind of error and where it happened; never its message."""
    kind = type(error)
    stack = "".join(traceback.format_tb(tb or error.__traceback__)).rstrip()
    log.error("Unexpected %s.%s\n%s", kind.__module__, kind.__qualname__, stack)


def show_unexpected_error(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    log_unexpected(error, tb)
    try:
        unexpected_error_box(error).exec()
    except Exception:  # the dialog itself failed: say it the plain way rather than loop
        sys.__excepthook__(kind, error, tb)


def unexpected_error_box(error: BaseException) -> QMessageBox:
    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("unexpectedErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("HiTouch"))
    box.setText(tr("Something went wrong, and HiTouch stopped what it was doing."))
    box.setInformativeText(
        tr(
            "Your journal is safe: a change is saved whole or not at all. You can carry on working. "
            "If this keeps happening, please report it with the details."
        )
    )
    box.setDetailedText("".join(traceback.format_exception(error)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
