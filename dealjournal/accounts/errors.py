"""What goes wrong with an account, in words the user can act on (nothing is written then)."""

from __future__ import annotations

from dealjournal.errors import JournalError
from dealjournal.phrases import Phrase


class AccountError(JournalError):
    """The server cannot be reached, refuses the login, times out or answers nonsense."""


class UntrustedCertificate(AccountError):
    """The server's certificate does not verify. ``fingerprint`` is its SHA-256 (hex, lower
    case); the user may choose to trust exactly this certificate for this account."""

    def __init__(self, message: Phrase, fingerprint: str) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint
