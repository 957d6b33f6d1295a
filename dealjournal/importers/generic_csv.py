"""Any other CSV: the user (or :func:`guess_column_map`) says which column
holds which field.

``column_map`` maps our field names (:data:`FIELDS`) to header names of the
file.  A cell mapped to ``email`` or ``phone`` may hold several values
separated by ``;``, ``,`` or `` ::: ``; ``tags`` are split on ``;``, ``,`` or
``|``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .common import ContactDraft, WarningLog
from .csvbase import CsvLayout, Row, iter_rows, norm
from .decoding import LineSource, TextDecoder
from .model import ImportFormatError, ParsedContact, SkippedRecord

logger = logging.getLogger(__name__)

__all__ = ["FIELDS", "KNOWN_COLUMNS", "guess_column_map", "iter_generic", "resolve_column_map"]

# The fields a column can be mapped to.
FIELDS: tuple[str, ...] = ("name", "given_name", "family_name", "company", "title", "email",
                           "phone", "website", "location", "notes", "tags", "linkedin_url")

_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname", "display name", "contact", "contact name",
             "person", "nom complet"),
    "given_name": ("first name", "firstname", "given name", "forename", "vorname", "prénom"),
    "family_name": ("last name", "lastname", "surname", "family name", "nachname", "nom"),
    "company": ("company", "organization", "organisation", "org", "employer", "firma",
                "société", "company name", "organization name", "account", "account name"),
    "title": ("title", "job title", "position", "role", "jobtitle", "organization title",
              "beruf", "fonction"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "emails",
              "email 1", "e-mail 1 - value", "e-mail-adresse", "work email", "primary email"),
    "phone": ("phone", "telephone", "tel", "mobile", "mobile phone", "phone number", "cell",
              "business phone", "telefon", "work phone", "phone 1 - value"),
    "website": ("website", "web", "url", "homepage", "web page", "site", "webseite", "web site"),
    "location": ("location", "city", "address", "town", "country", "ort", "region"),
    "notes": ("notes", "note", "comments", "comment", "description", "notizen", "remarks"),
    "tags": ("tags", "tag", "labels", "categories", "groups", "group", "kategorien",
             "group membership"),
    "linkedin_url": ("linkedin", "linkedin url", "linkedin profile", "profile url",
                     "linkedin profile url"),
}
KNOWN_COLUMNS = frozenset(a for names in _ALIASES.values() for a in names)
_NAME_FIELDS = ("name", "given_name", "family_name", "company", "email", "phone", "linkedin_url")
_MULTI = re.compile(r"\s*(?::::|;|,)\s*")
_TAGS = re.compile(r"\s*[;,|]\s*")


def guess_column_map(headers: list[str]) -> dict[str, str]:
    """Guess which header holds which field (exact alias first, then words such
    as "mail", "phone" or "linkedin" inside a header)."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    normalised = [(h, norm(h)) for h in headers if h and h.strip()]
    for field_name, aliases in _ALIASES.items():
        for alias in aliases:
            found = next((h for h, n in normalised if n == alias and h not in used), None)
            if found is not None:
                mapping[field_name] = found
                used.add(found)
                break
    hints = (("linkedin_url", "linkedin"), ("email", "mail"), ("phone", "phone"),
             ("phone", "mobile"), ("website", "website"), ("company", "company"),
             ("notes", "note"))
    for field_name, word in hints:
        if field_name in mapping:
            continue
        found = next((h for h, n in normalised if word in n and h not in used), None)
        if found is not None:
            mapping[field_name] = found
            used.add(found)
    return mapping


def resolve_column_map(layout: CsvLayout, column_map: dict[str, str] | None) -> dict[str, int]:
    """Check ``column_map`` against the header; return field → column position."""
    if column_map is None:
        column_map = guess_column_map(layout.header)
        if not any(f in column_map for f in _NAME_FIELDS):
            raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "no column for the name, company, e-mail or phone was recognised in this CSV file; "
                        "choose the columns by hand")))
    positions: dict[str, int] = {}
    for field_name, header in column_map.items():
        if field_name not in FIELDS:
            raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "unknown field '{field}' in the column choice; known fields: {fields}"),
                field=field_name, fields=", ".join(FIELDS)))
        if header is None or header == "":
            continue
        exact = [i for i, h in enumerate(layout.header) if h == header]
        position = exact[0] if exact else layout.index.get(norm(str(header)))
        if position is None:
            raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
                "core", "the column '{column}' chosen for {field} is not in the file"),
                column=str(header)[:60], field=field_name))
        positions[field_name] = position
    if not any(f in positions for f in _NAME_FIELDS):
        raise ImportFormatError(Phrase(QT_TRANSLATE_NOOP(
            "core", "choose at least one column for the name, company, e-mail or phone")))
    return positions


def _row_to_contact(row: Row, positions: dict[str, int],
                    warnings: WarningLog) -> ParsedContact | SkippedRecord:
    draft = ContactDraft(line=row.line, warnings=warnings)

    def cell(field_name: str) -> str:
        position = positions.get(field_name)
        return row.at(position) if position is not None else ""

    for attr in ("name", "given_name", "family_name", "company", "title", "location"):
        draft.set_if_empty(attr, cell(attr))
    for value in _MULTI.split(cell("email")):
        draft.add_email(None, value)
    for value in re.split(r"\s*(?::::|;)\s*", cell("phone")):
        draft.add_phone(None, value)
    draft.add_url(cell("website"))
    draft.add_url(cell("linkedin_url"))
    draft.add_note(cell("notes"))
    draft.tags.extend(_TAGS.split(cell("tags")))
    contact = draft.finish()
    if contact is None:
        return SkippedRecord(row.line, Phrase(QT_TRANSLATE_NOOP(
            "core", "the row has no name, company, e-mail address or phone number")))
    return contact


def iter_generic(source: LineSource, decoder: TextDecoder, layout: CsvLayout,
                 warnings: WarningLog, positions: dict[str, int]
                 ) -> Iterator[ParsedContact | SkippedRecord]:
    """Parse the rows of a CSV file; ``positions`` comes from :func:`resolve_column_map`."""
    for item in iter_rows(source, decoder, layout):
        yield item if isinstance(item, SkippedRecord) else _row_to_contact(item, positions, warnings)
