"""Fetching from an account: read what is new, plan it like a file capture, write it with
how far the account was read — in one transaction, so a fetch that fails writes nothing
and the next one starts where the last good one ended.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from dealjournal.accounts import store
from dealjournal.accounts.store import Account, FolderState
from dealjournal.capture import CaptureOutcome, CapturePlan, Me, apply_capture
from dealjournal.capture.plan import ContactIndex, plan_reader
from dealjournal.conversations.model import Progress, Reader
from dealjournal.store.db import connection_for_thread

TIMEOUT = 30.0  # seconds without an answer before a fetch gives up


def reader_for(account: Account, password: str, *, now: datetime | None = None, progress: Progress | None = None,
               timeout: float = TIMEOUT) -> Reader:
    """The reader of what is new in *account* since its last fetch."""
    with connection_for_thread():
        states = store.states(account)
    if account.kind == "imap":
        from dealjournal.accounts.imap import ImapReader

        return ImapReader(account, password, states, now=now, progress=progress, timeout=timeout)
    from dealjournal.accounts.calendars import CalDavReader

    return CalDavReader(account, password, states, now=now, progress=progress, timeout=timeout)


@dataclass
class Fetched:
    """What a fetch read, planned; and how far the account will have been read once written."""

    account: Account
    plan: CapturePlan
    states: dict[str, FolderState]
    at: str

    @property
    def waiting(self) -> int:
        """People in the fetched messages who are not in the journal (they wait for the review)."""
        return sum(len(f.unmatched) for f in self.plan.files)


def plan_fetch(account: Account, password: str, me: Me, *, now: datetime | None = None,
               progress: Progress | None = None, timeout: float = TIMEOUT,
               planned: set[tuple[int | str, str]] | None = None) -> Fetched:
    """Read *account* (only what is new) and plan it; nothing is written. *planned* is shared
    by the fetches of one go, so that a message in two accounts is planned once. Raises
    :class:`~dealjournal.accounts.errors.AccountError` when the server cannot be used,
    CaptureCancelled when *progress* returns False. Callable from a worker thread."""
    when = now or datetime.now()
    reader = reader_for(account, password, now=when, progress=progress, timeout=timeout)
    with connection_for_thread():
        index = ContactIndex(me.region)
        found = plan_reader(reader, me, index, now=when, planned=planned, source=account.name)
    states: dict[str, FolderState] = dict(getattr(reader, "new_states", {}))
    return Fetched(account, CapturePlan([found], me), states, when.replace(microsecond=0).isoformat())


def apply_fetch(fetched: Fetched, *, add: tuple[str, ...] | list[str] = (), same_as: dict[str, int] | None = None,
                keep_place: bool = True) -> CaptureOutcome:
    """Write *fetched* (as :func:`~dealjournal.capture.apply_capture`) and, when *keep_place*,
    how far the account was read. Without *keep_place* (touches written without the review
    while some people wait for it) the next fetch reads the same messages again: what was
    written is not written twice, and those people are offered again."""
    account = fetched.account

    def record(conn: sqlite3.Connection) -> None:
        store.save_states(conn, account, fetched.states, fetched.at)

    return apply_capture(fetched.plan, add=add, same_as=same_as, also=record if keep_place else None)
