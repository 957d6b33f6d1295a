"""Data model shared by every contact-file parser.

The parsers turn a file into plain :class:`ParsedContact` records plus a list
of :class:`SkippedRecord` (with the 1-based line where each skipped record
starts) and free-text warnings.  Nothing here touches a database or the GUI.

Every sentence meant for a person (an :class:`ImportFormatError`'s message, a
skipped record's reason, a warning) is a :class:`~dealjournal.phrases.Phrase`:
English text that the window can translate.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

__all__ = [
    "FORMATS",
    "MAX_FIELD_CHARS",
    "ImportCancelled",
    "ImportFormatError",
    "ParseResult",
    "ParsedContact",
    "SkippedRecord",
]

#: Every format name that :func:`dealjournal.importers.detect_format` can return.
FORMATS: tuple[str, ...] = ("vcard", "linkedin", "google", "outlook", "csv")

#: Longest value kept for one field; longer values are truncated (with a warning).
MAX_FIELD_CHARS: int = 1_000_000


class ImportFormatError(Exception):
    """The whole file cannot be used; the message (``args[0]``, a Phrase) tells a person what to do."""


class ImportCancelled(Exception):
    """Raised when the progress callback asked to stop the import (``args[0]``: a Phrase)."""


@dataclass
class ParsedContact:
    """One contact read from a file, before it is stored anywhere."""

    name: str
    given_name: str | None = None
    family_name: str | None = None
    company: str | None = None
    title: str | None = None
    emails: list[tuple[str | None, str]] = field(default_factory=list)
    phones: list[tuple[str | None, str]] = field(default_factory=list)
    website: str | None = None
    location: str | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    linkedin_url: str | None = None
    connected_on: datetime.date | None = None
    source_line: int = 1


@dataclass
class SkippedRecord:
    """A record that could not be turned into a contact, and why (plain words, a Phrase)."""

    line: int
    reason: str


@dataclass
class ParseResult:
    """Everything read from one file."""

    format: str
    contacts: list[ParsedContact] = field(default_factory=list)
    skipped: list[SkippedRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
