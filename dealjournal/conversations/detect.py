"""Which reader reads a file: decided from its content (a folder is a Maildir or nothing)."""

from __future__ import annotations

import os
from pathlib import Path

from dealjournal.conversations.calendar import IcsReader
from dealjournal.conversations.linkedin import LinkedInReader
from dealjournal.conversations.mail import EmlReader, MaildirReader, MboxReader
from dealjournal.conversations.model import CaptureFormatError, Progress, Reader
from dealjournal.conversations.telegram import TelegramReader
from dealjournal.conversations.whatsapp import WhatsAppReader
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

HEAD_SIZE = 1 << 16
# The order matters where two could claim a file: the strict formats first, the loose last
# (an .eml is any message; a WhatsApp chat is any text of dated lines).
READERS: tuple[type[Reader], ...] = (
    MaildirReader, IcsReader, TelegramReader, LinkedInReader, MboxReader, WhatsAppReader, EmlReader,
)
FORMATS: tuple[str, ...] = tuple(r.format for r in READERS)


def reader_class(path: str | os.PathLike[str]) -> type[Reader]:
    """The reader for the file or folder at *path*; raises CaptureFormatError naming the
    file when none reads it or it cannot be opened."""
    where = Path(path)
    try:
        if where.is_dir():
            head = b""
        else:
            with where.open("rb") as handle:
                head = handle.read(HEAD_SIZE)
    except OSError as exc:
        raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} cannot be read: {error}"),
                                        file=where.name, error=exc.strerror or type(exc).__name__)) from None
    for reader in READERS:
        if reader.sniff(where, head):
            return reader
    if not head and not where.is_dir():
        raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP("core", "{file} is empty."), file=where.name))
    raise CaptureFormatError(Phrase(QT_TRANSLATE_NOOP(
        "core", "{file} is not a mailbox (mbox, Maildir, .eml), a calendar (.ics), a LinkedIn export, "
                "a WhatsApp chat or a Telegram export."), file=where.name))


def open_reader(path: str | os.PathLike[str], progress: Progress | None = None, **options: object) -> Reader:
    """A reader over the file at *path* (detected); *options* go to readers that take them
    (``day_first`` for chats)."""
    cls = reader_class(path)
    if cls is WhatsAppReader and "day_first" in options:
        return WhatsAppReader(path, progress, day_first=options["day_first"])  # type: ignore[arg-type]
    return cls(path, progress)
