"""The CalDAV password: $HITOUCH_CALDAV_PASSWORD for scripts, else the system keyring.

The composition root reads the variable (`environment.py`) and hands it to `CalDavPasswords`.
HiTouch never writes the password into its settings or its journal.
"""

from __future__ import annotations

from hitouch.services.calendar.caldav_server import CalDavError

KEYRING_SERVICE = "HiTouch CalDAV"
NO_KEYRING = (
    "No system keyring is available to keep the CalDAV password: set $HITOUCH_CALDAV_PASSWORD, "
    "or install a keyring (GNOME Keyring, KWallet, or the keyrings.alt package)."
)


class CalDavPasswords:
    def __init__(self, from_environment: str | None = None) -> None:
        self._from_environment = from_environment or None

    def stored(self, user: str) -> str | None:
        """The password to use for `user`; None when none is kept (or no user name is needed)."""
        if self._from_environment:
            return self._from_environment
        if not user:
            return None
        from keyring import get_password
        from keyring.errors import KeyringError, NoKeyringError

        try:
            return get_password(KEYRING_SERVICE, user)
        except NoKeyringError:
            raise CalDavError(NO_KEYRING) from None
        except KeyringError as exc:
            raise CalDavError(f"The system keyring could not be read ({exc}).") from None

    def save(self, user: str, password: str) -> None:
        from keyring import set_password
        from keyring.errors import KeyringError, NoKeyringError

        try:
            set_password(KEYRING_SERVICE, user, password)
        except NoKeyringError:
            raise CalDavError(NO_KEYRING) from None
        except KeyringError as exc:
            raise CalDavError(f"The password could not be saved in the system keyring ({exc}).") from None

    def for_sync(self, user: str) -> str | None:
        """For a sync that cannot ask: the password, or a sentence saying where to put one."""
        password = self.stored(user)
        if user and password is None:
            raise CalDavError(
                f"No CalDAV password for {user!r}: set $HITOUCH_CALDAV_PASSWORD, "
                f"or enter it once in the window (Calendar > Calendar Sync…), which keeps it in the system keyring."
            )
        return password
