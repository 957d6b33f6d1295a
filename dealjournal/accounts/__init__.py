"""Accounts: capture from the user's own IMAP mailbox and CalDAV calendars when online.

Headers and events only, read straight from the user's servers over TLS; nothing is sent
to anyone else. An account (:mod:`.store`) says where; its password is in the system
keyring (:mod:`.secrets`); :mod:`.imap` and :mod:`.calendars` read what is new since the
last fetch, and :mod:`.fetch` plans it with the capture rules and writes it in one
transaction with how far each folder was read::

    account = store.find("Work mail")
    fetched = plan_fetch(account, secrets.get(account) or ask(), journal_me())
    apply_fetch(fetched, add=[p.key for p in fetched.plan.files[0].unmatched])

No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dealjournal.accounts.errors import AccountError, UntrustedCertificate
from dealjournal.accounts.store import Account, FolderState

if TYPE_CHECKING:
    from dealjournal.accounts.fetch import Fetched, apply_fetch, plan_fetch

__all__ = ["Account", "AccountError", "Fetched", "FolderState", "UntrustedCertificate", "apply_fetch", "plan_fetch"]


def __getattr__(name: str) -> Any:
    """The fetch functions, loaded when first used: they bring in capture and the keyring,
    which the window need not load before its first paint."""
    if name in ("Fetched", "apply_fetch", "plan_fetch"):
        from dealjournal.accounts import fetch

        return getattr(fetch, name)
    raise AttributeError(name)
