"""Fixtures of the account tests: real servers started on 127.0.0.1 by the test session
(Dovecot: tests/accounts/dovecot.py; Radicale: tests/accounts/radicale_server.py)."""

from __future__ import annotations

from tests.accounts.dovecot import dovecot, mailbox  # noqa: F401  (fixtures)

try:
    from tests.accounts.radicale_server import *  # noqa: F401,F403  (fixtures)
except ModuleNotFoundError as exc:
    if exc.name != "tests.accounts.radicale_server":
        raise
