"""What the conversation readers hand to capture: messages and meetings, never bodies.

A reader turns one exported file (a mailbox, a calendar, a LinkedIn archive, a chat) into
a stream of :class:`Message` and :class:`Meeting` records. It decides nothing about the
journal: it reports who wrote to whom, when, under which subject or first line, and why a
record is not a touch when the file itself says so (a mailing list, a system line, a
declined or cancelled event). :mod:`dealjournal.capture` matches the parties against the
contacts and *Me*, folds messages into turns and plans what to write.

Times are local wall-clock times (naive :class:`~datetime.datetime`): a reader converts an
aware time with ``.astimezone()`` (the user's local zone) and drops the zone; a time the
file gives without a zone (a chat, a floating event) is kept as it is. An all-day event has
a :class:`~datetime.date`.

No Qt, no journal here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from dealjournal.errors import JournalError

# Why a record is not a touch (the keys of the review's "ignored" counts and of --json).
LIST = "list"                    # List-Id, List-Unsubscribe, Precedence: bulk|list|junk
AUTOMATIC = "automatic"          # Auto-Submitted other than "no"
NO_REPLY = "no_reply"            # from noreply / no-reply / mailer-daemon / postmaster
TOO_MANY_RECIPIENTS = "too_many_recipients"  # more than 20 recipients or attendees
FOLDER = "spam_trash_drafts"     # in Spam, Trash or Drafts
SYSTEM = "system"                # a chat's system line, a LinkedIn sponsored message
NO_PROFILE = "no_profile"        # a LinkedIn sender without a profile URL
DECLINED = "declined"            # an event the user declined
CANCELLED = "cancelled"          # STATUS:CANCELLED
FUTURE = "future"                # an event that has not started yet
UNREADABLE = "unreadable"        # a record without a usable date or sender (the rest of the file is read)
IGNORED_REASONS = (LIST, AUTOMATIC, NO_REPLY, TOO_MANY_RECIPIENTS, FOLDER, SYSTEM, NO_PROFILE,
                   DECLINED, CANCELLED, FUTURE, UNREADABLE)

MAX_RECIPIENTS = 20  # DOMAIN.md: more than 20 recipients (or attendees) is not a touch

# Party kinds.
EMAIL = "email"   # value: the address, lower-cased
PHONE = "phone"   # value: the number as written (capture compares it in E.164)
URL = "url"       # value: a profile URL (LinkedIn /in/<slug>)
NAME = "name"     # value: a chat display name, exactly as shown
HANDLE = "handle"  # value: a network's own id ("telegram:user123456")
PARTY_KINDS = (EMAIL, PHONE, URL, NAME, HANDLE)


@dataclass(frozen=True, slots=True)
class Party:
    """Someone in a conversation: how the file identifies them, and the name it shows."""

    kind: str
    value: str
    name: str = ""


@dataclass(slots=True)
class Message:
    """One message of a conversation (mail thread, chat, LinkedIn conversation)."""

    conversation: str                 # the thread, unique within the file
    at: datetime                      # local time
    sender: Party
    key: str                          # the source key: Message-ID, or chat + sender + time + text digest
    channel: str                      # "email", "linkedin", "whatsapp", "telegram"
    subject: str = ""                 # the subject, or the message's first line (at most 120 characters)
    to: tuple[Party, ...] = ()        # mail: To; chats: the other participants
    cc: tuple[Party, ...] = ()        # mail: Cc (never touched)
    ignored: str | None = None        # one of IGNORED_REASONS, or None for a touch
    sent: bool = False                # the file says the user sent it (Gmail's "Sent" label, a Sent folder)


@dataclass(frozen=True, slots=True)
class Attendee:
    party: Party
    partstat: str = "NEEDS-ACTION"    # ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION, DELEGATED


@dataclass(slots=True)
class Meeting:
    """One occurrence of a calendar event."""

    key: str                          # UID, plus "/" and the occurrence's start for a recurring event
    start: datetime | date            # local time; a date for an all-day event
    summary: str
    organizer: Party | None
    attendees: tuple[Attendee, ...]
    ignored: str | None = None        # CANCELLED, FUTURE, TOO_MANY_RECIPIENTS, ... or None


Record = Message | Meeting
# Progress: told the bytes read so far; returning False cancels (the reader raises CaptureCancelled).
Progress = Callable[[int], "bool | None"]


class CaptureFormatError(JournalError):
    """The file cannot be read as a conversation export (the message says which and why)."""


class DateOrderUnknown(CaptureFormatError):
    """A chat whose dates read both day-first and month-first (every day and month ≤ 12):
    the caller asks the user once and reads again with ``day_first`` given.
    ``examples`` holds a few of the file's date texts to show."""

    def __init__(self, message: str, examples: list[str]) -> None:
        super().__init__(message)
        self.examples = examples


class CaptureCancelled(Exception):
    """The progress callback asked to stop."""


class Reader:
    """A file being read. Subclasses set :attr:`format` and implement :meth:`records`.

    :attr:`me_hints` holds the user's own identities as the file states them (the
    calendar's name, the mailbox's most frequent sender of sent mail, the profile URL in
    every LinkedIn conversation), filled in while reading; capture offers them for *Me*.
    :attr:`skipped` counts what the reader left out before it became a record (a chat's
    system lines), by reason.
    """

    format: ClassVar[str] = ""
    label: ClassVar[str] = ""         # "mbox mailbox", shown in the review

    def __init__(self, path: str | os.PathLike[str], progress: Progress | None = None) -> None:
        self.path = Path(path)
        self.progress = progress
        self.me_hints: list[Party] = []
        self.skipped: dict[str, int] = {}
        self._told = 0

    @classmethod
    def sniff(cls, path: Path, head: bytes) -> bool:
        """Whether the file at *path* (whose first 64 KiB are *head*; empty for a folder)
        is one this reader reads: decided from the content, never from the extension alone."""
        raise NotImplementedError

    def size(self) -> int:
        """The bytes :meth:`tell` counts up to (for a progress bar)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def records(self) -> Iterator[Record]:
        """The file's records. Raises :class:`CaptureFormatError` when the file turns out
        unreadable (a truncated zip, a calendar that does not parse), :class:`CaptureCancelled`
        when the progress callback asks to stop."""
        raise NotImplementedError

    def tell(self, done: int) -> None:
        """Report progress (bytes read so far); raises CaptureCancelled when asked to stop.
        Cheap: call it as often as you like."""
        if self.progress is None or (done - self._told < 1 << 16 and done != 0):
            return
        self._told = done
        if self.progress(done) is False:
            raise CaptureCancelled

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n
