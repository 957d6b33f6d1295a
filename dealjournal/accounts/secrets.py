"""Account passwords in the system keyring (Secret Service, Keychain, Credential Locker) —
never in the journal, the settings files, the log or an export.

Where there is no keyring (a minimal desktop, a server), :func:`available` says so; the
window and the command line then ask for the password each time.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backends import fail, null

from dealjournal.accounts.store import Account

log = logging.getLogger(__name__)
SERVICE = "Deal Journal"


def _user(account: Account) -> str:
    """The keyring entry's name: one per server and user (two journals share it)."""
    return f"{account.kind}:{account.username}@{account.host}"


def available() -> bool:
    """Whether a keyring stores passwords here."""
    backend = keyring.get_keyring()
    return not isinstance(backend, (fail.Keyring, null.Keyring)) and backend.priority > 0


def get(account: Account) -> str | None:
    """The stored password of *account*, or None (none stored, or no keyring)."""
    try:
        return keyring.get_password(SERVICE, _user(account))
    except keyring.errors.KeyringError as exc:
        log.warning("The keyring could not be read: %s", type(exc).__name__)
        return None


def store(account: Account, password: str) -> bool:
    """Keep *password* for *account*; False when there is no keyring to keep it in."""
    if not available():
        return False
    try:
        keyring.set_password(SERVICE, _user(account), password)
    except keyring.errors.KeyringError as exc:
        log.warning("The keyring refused the password: %s", type(exc).__name__)
        return False
    return True


def forget(account: Account) -> None:
    """Remove *account*'s password from the keyring (nothing when there is none)."""
    try:
        keyring.delete_password(SERVICE, _user(account))
    except keyring.errors.KeyringError:
        pass
