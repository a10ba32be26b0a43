"""Privacy in the window: no network connection; logs say what failed, never what a note said."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from hitouch.domain.cards import ContactCard

SECRET = "negotiating the Lisbon office lease"


def test_the_window_makes_no_network_connection(window, connections, services):
    services.contacts.add(ContactCard(name="Offline Person", notes=SECRET))
    window.contacts.reload()
    window.contacts.select_contact(services.contacts.ids()[0])
    window.back_up()
    assert connections == []


def test_logs_say_what_failed_but_hold_no_personal_notes(window, services):
    from hitouch.app import log_to_file
    from hitouch.ui.common.background import message_for

    root = logging.getLogger()
    before = list(root.handlers)
    log_to_file()
    try:
        services.contacts.add(ContactCard(name="Logged Person", notes=SECRET))
        try:
            raise RuntimeError(f"failed while saving the note {SECRET!r}")
        except RuntimeError as error:
            shown = message_for(error)  # how the window reports a failure in background work
        for handler in root.handlers:
            handler.flush()
        logs = "".join(p.read_text(errors="replace") for p in Path(os.environ["XDG_STATE_HOME"]).rglob("*.log"))
    finally:
        for handler in root.handlers[len(before) :]:
            root.removeHandler(handler)
            handler.close()
    assert "RuntimeError" in logs and "RuntimeError" in shown
    assert SECRET not in logs and SECRET not in shown
