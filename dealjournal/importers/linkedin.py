"""LinkedIn ``Connections.csv`` → contacts.

Handles the current 7-column header (First Name, Last Name, URL, Email
Address, Company, Position, Connected On), the older header without URL, the
``Notes:`` preamble of 2021+ exports (also when Excel re-saved it with ``,,``
padding) and the date shapes listed in :mod:`.dates`.

Rows without a name: LinkedIn blanks members who left or hid their data.

* A row with a company keeps the connection, named after the job
  ("Recruiter at Korn Ferry", or just the company), because the connection
  date and company are still worth tracking.
* A row with only an e-mail address or profile URL is named after that.
* A row with nothing but the date is skipped with a reason.

Every connection gets ``connected_on`` (the day you started following them on
LinkedIn) and, when present, ``linkedin_url``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .common import ContactDraft, WarningLog
from .csvbase import CsvLayout, Row, iter_rows
from .dates import parse_date
from .decoding import LineSource, TextDecoder
from .model import ParsedContact, SkippedRecord

logger = logging.getLogger(__name__)

__all__ = ["KNOWN_COLUMNS", "is_linkedin", "iter_linkedin"]

KNOWN_COLUMNS = frozenset({"first name", "last name", "url", "profile url", "email address",
                           "e-mail address", "company", "position", "connected on"})


def is_linkedin(layout: CsvLayout) -> bool:
    """Whether the header is a LinkedIn connections export."""
    return "connected on" in layout.names


def _row_to_contact(row: Row, warnings: WarningLog) -> ParsedContact | SkippedRecord:
    draft = ContactDraft(line=row.line, warnings=warnings)
    draft.set_if_empty("given_name", row.get("first name"))
    draft.set_if_empty("family_name", row.get("last name"))
    draft.set_if_empty("company", row.get("company"))
    draft.set_if_empty("title", row.get("position"))
    draft.add_email(None, row.get("email address", "e-mail address"))
    url = draft.clean(row.get("url", "profile url"), limit=2_000)
    if url:
        draft.set_if_empty("linkedin_url", url)
    date_text = row.get("connected on")
    if date_text:
        draft.connected_on = parse_date(date_text)
        if draft.connected_on is None:
            warnings.add("date", Phrase(QT_TRANSLATE_NOOP(
                "core", "line {line}: the date '{date}' in 'Connected On' was not understood and was left empty"),
                line=row.line, date=date_text[:30]))
    contact = draft.finish()
    if contact is None:
        return SkippedRecord(row.line, Phrase(QT_TRANSLATE_NOOP(
            "core", "the connection has no name, company, e-mail or profile address (LinkedIn hides members who "
                    "left or limited their data)")))
    return contact


def iter_linkedin(source: LineSource, decoder: TextDecoder, layout: CsvLayout,
                  warnings: WarningLog) -> Iterator[ParsedContact | SkippedRecord]:
    """Parse the rows of a LinkedIn connections export."""
    if not layout.names & {"first name", "last name"}:
        warnings.add("columns", Phrase(QT_TRANSLATE_NOOP(
            "core", "the file has no First Name / Last Name columns (anonymised export?); connections are named "
                    "after their position and company")))
    for item in iter_rows(source, decoder, layout):
        yield item if isinstance(item, SkippedRecord) else _row_to_contact(item, warnings)
