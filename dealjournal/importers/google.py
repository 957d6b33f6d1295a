"""Google Contacts CSV (current and legacy layout) → contacts.

Columns are found by name, never by position.

* Current layout: ``First Name``, ``Middle Name``, ``Last Name``,
  ``Organization Name``/``Title``, ``Labels``, ``E-mail 1 - Label``/``Value``…
* Legacy layout: ``Name``, ``Given Name``, ``Additional Name``, ``Family
  Name``, ``Group Membership``, ``E-mail 1 - Type``/``Value``,
  ``Organization 1 - Name``/``Title``…

One cell may hold several values separated by `` ::: ``; the ``* `` that
marks the primary value or a system group is removed.  ``Labels``/``Group
Membership`` become tags, without the ``* myContacts`` and ``* starred``
system groups.  A row without a name is named after its company, e-mail or
phone (see :mod:`.common`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .common import ContactDraft, WarningLog, is_linkedin_url
from .csvbase import CsvLayout, Row, iter_rows
from .decoding import LineSource, TextDecoder
from .model import ParsedContact, SkippedRecord

logger = logging.getLogger(__name__)

__all__ = ["KNOWN_COLUMNS", "is_google", "iter_google"]

KNOWN_COLUMNS = frozenset({
    "name", "given name", "additional name", "family name", "first name", "middle name",
    "last name", "nickname", "notes", "labels", "group membership", "organization name",
    "organization title", "e-mail 1 - value", "e-mail 1 - type", "e-mail 1 - label",
    "phone 1 - value", "phone 1 - type", "phone 1 - label", "organization 1 - name",
    "organization 1 - title", "website 1 - value", "address 1 - formatted", "file as",
})
_NUMBERED = re.compile(r"^(e-mail|email|phone|address|website|organization) (\d+) - (.+)$")
_SPLIT = re.compile(r"\s*:::\s*")


def is_google(layout: CsvLayout) -> bool:
    """Whether the header is a Google Contacts export."""
    names = layout.names
    if "group membership" in names or "labels" in names:
        return True
    return any(n in names for n in ("e-mail 1 - value", "phone 1 - value", "organization 1 - name"))


def _multi(value: str) -> list[str]:
    return [v.strip() for v in _SPLIT.split(value) if v.strip()] if value else []


def _strip_mark(label: str) -> str:
    return label.strip().lstrip("*").strip()


class _Columns:
    """Positions of the numbered column groups (``E-mail 2 - Value``…)."""

    def __init__(self, layout: CsvLayout) -> None:
        self.groups: dict[str, dict[int, dict[str, int]]] = {}
        for name, position in layout.index.items():
            match = _NUMBERED.match(name)
            if match:
                kind = "e-mail" if match.group(1) == "email" else match.group(1)
                slots = self.groups.setdefault(kind, {}).setdefault(int(match.group(2)), {})
                slots.setdefault(match.group(3), position)

    def entries(self, kind: str, row: Row) -> Iterator[dict[str, str]]:
        """Cell values of each numbered group of ``kind``, in number order."""
        for _, slots in sorted(self.groups.get(kind, {}).items()):
            yield {sub: row.at(position) for sub, position in slots.items()}


def _labelled(entry: dict[str, str]) -> tuple[str | None, list[str]]:
    label = _strip_mark(entry.get("label") or entry.get("type") or "") or None
    return label, _multi(entry.get("value", ""))


def _location(columns: _Columns, row: Row) -> str:
    for entry in columns.entries("address", row):
        city = _multi(entry.get("city", ""))
        country = _multi(entry.get("country", ""))
        parts = [p for p in (city[:1] + country[:1]) if p]
        if parts:
            return ", ".join(parts)
        formatted = _multi(entry.get("formatted", ""))
        if formatted:
            return ", ".join(line.strip() for line in formatted[0].splitlines() if line.strip())
    return row.get("location")


def _row_to_contact(row: Row, columns: _Columns, warnings: WarningLog) -> ParsedContact | SkippedRecord:
    draft = ContactDraft(line=row.line, warnings=warnings)
    draft.set_if_empty("name", row.get("name"))
    draft.set_if_empty("given_name", row.get("first name", "given name"))
    draft.set_if_empty("middle_name", row.get("middle name", "additional name"))
    draft.set_if_empty("family_name", row.get("last name", "family name"))
    draft.set_if_empty("nickname", row.get("nickname", "file as"))
    for entry in columns.entries("organization", row):
        draft.set_if_empty("company", (_multi(entry.get("name", "")) or [""])[0])
        draft.set_if_empty("title", (_multi(entry.get("title", "")) or [""])[0])
    draft.set_if_empty("company", row.get("organization name"))
    draft.set_if_empty("title", row.get("organization title", "occupation"))
    for entry in columns.entries("e-mail", row):
        label, values = _labelled(entry)
        for value in values:
            draft.add_email(label, value)
    for entry in columns.entries("phone", row):
        label, values = _labelled(entry)
        for value in values:
            draft.add_phone(label, value)
    for entry in columns.entries("website", row):
        label, values = _labelled(entry)
        for value in values:
            if label and "linkedin" in label.lower() and not is_linkedin_url(value):
                continue
            draft.add_url(value)
    draft.set_if_empty("location", _location(columns, row))
    draft.add_note(row.get("notes"))
    draft.tags.extend(_multi(row.get("labels", "group membership")))
    contact = draft.finish()
    if contact is None:
        return SkippedRecord(row.line, Phrase(QT_TRANSLATE_NOOP(
            "core", "the contact has no name, company, e-mail address or phone number")))
    return contact


def iter_google(source: LineSource, decoder: TextDecoder, layout: CsvLayout,
                warnings: WarningLog) -> Iterator[ParsedContact | SkippedRecord]:
    """Parse the rows of a Google Contacts export."""
    columns = _Columns(layout)
    for item in iter_rows(source, decoder, layout):
        yield item if isinstance(item, SkippedRecord) else _row_to_contact(item, columns, warnings)
