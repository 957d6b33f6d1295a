"""Exporting the journal to files other tools read: contacts as CSV (with their health
figures) and as vCard 4.0, open follow-ups as iCalendar, everything as the JSON exchange
format.

Every file is written atomically with owner-only permissions (0600): a journal is
private. No Qt here; the window's File menu and the command line both call
:func:`export_file`.

May use: :mod:`dealjournal.interchange`, :mod:`dealjournal.queries`, :mod:`dealjournal.safety`,
:mod:`dealjournal.health`, :mod:`dealjournal.store` and the vocabulary.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from dealjournal.domain import today
from dealjournal.errors import JournalError
from dealjournal.exports._csv import FORMULA_TRIGGERS, contacts_csv, neutralise
from dealjournal.exports._ics import followups_ics
from dealjournal.exports._vcard import vcards
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.safety.files import write_atomic

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("json", "csv", "vcard", "ics")
EXTENSIONS: dict[str, str] = {".json": "json", ".csv": "csv", ".vcf": "vcard", ".vcard": "vcard",
                              ".ics": "ics", ".ical": "ics"}
NOUNS: dict[str, str] = {"json": "journal", "csv": "contact", "vcard": "contact", "ics": "follow-up"}


def format_for_path(path: Path | str) -> str | None:
    """The export format an extension stands for (None when it says nothing)."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def render(format: str, *, as_of: date | None = None, now: datetime | None = None) -> tuple[bytes, int]:
    """The bytes of an export of the open journal, and how many records it holds.

    *as_of* is the day of the CSV's health figures (default: today); *now* the time stamp
    of the iCalendar entries (default: now).
    """
    day = as_of or today()
    if format == "csv":
        text, count = contacts_csv(day)
        return ("\ufeff" + text).encode("utf-8"), count
    if format == "vcard":
        return vcards()
    if format == "ics":
        return followups_ics(day, now)
    if format == "json":
        import json

        from dealjournal import interchange

        doc = interchange.export_document()
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), len(doc["contacts"])
    raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown export format {format}; choose one of {formats}."),
                              format=repr(format), formats=", ".join(FORMATS)))


def export_file(path: Path | str, format: str | None = None, *, as_of: date | None = None) -> int:
    """Write the open journal to *path* in *format* (default: from the extension).

    Returns how many records were written (contacts, or follow-ups for ``ics``). Raises
    :class:`JournalError` when the format is unknown or the file cannot be written (an
    existing file is then left as it was).
    """
    target = Path(path)
    chosen = format or format_for_path(target)
    if chosen is None:
        raise JournalError(Phrase(QT_TRANSLATE_NOOP(
            "core", "Cannot tell the export format from the name {name}; use .json, .csv, .vcf or .ics "
                    "(or choose a format)."), name=repr(target.name)))
    if chosen == "json":
        from dealjournal import interchange

        return interchange.export_file(target)["contacts"]
    data, count = render(chosen, as_of=as_of)
    write_atomic(target, data)
    log.info("Exported %d %s record(s) as %s", count, NOUNS.get(chosen, "record"), chosen)
    return count


__all__ = ["EXTENSIONS", "FORMATS", "FORMULA_TRIGGERS", "NOUNS", "export_file", "format_for_path", "neutralise",
           "render", "write_atomic"]
