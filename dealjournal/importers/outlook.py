"""Outlook CSV (desktop Outlook in English, German or French, and
Outlook.com) → contacts.

Desktop Outlook writes every cell quoted, in the Windows code page, with
headers in the user's language, and leaves trailing cells out of short rows.
Columns are therefore found by name through the alias table below.  Outlook's
``Title`` column is the salutation (Mr., Dr.); the job title is ``Job Title``
(``Position`` in German).  Dates such as ``0.0.00``/``0/0/00`` mean "none"
and are not imported anyway.  ``Categories`` become tags (split on ``;``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

from .common import ContactDraft, WarningLog
from .csvbase import CsvLayout, Row, iter_rows, norm
from .decoding import LineSource, TextDecoder
from .model import ParsedContact, SkippedRecord

logger = logging.getLogger(__name__)

__all__ = ["KNOWN_COLUMNS", "is_outlook", "iter_outlook"]

_FIELDS: dict[str, tuple[str, ...]] = {
    "given_name": ("First Name", "Vorname", "Prénom"),
    "middle_name": ("Middle Name", "Weitere Vornamen", "Deuxième prénom"),
    "family_name": ("Last Name", "Nachname", "Nom"),
    "nickname": ("Nickname", "Spitzname", "Surnom"),
    "company": ("Company", "Firma", "Société"),
    "title": ("Job Title", "Position", "Fonction", "Profession", "Beruf"),
    "notes": ("Notes", "Notizen"),
    "website": ("Web Page", "Webseite", "Personal Web Page", "Page Web", "Page Web personnelle"),
    "categories": ("Categories", "Kategorien", "Catégories"),
}
_EMAILS: tuple[tuple[str, ...], ...] = (
    ("E-mail Address", "E-Mail-Adresse", "Adresse de messagerie"),
    ("E-mail 2 Address", "E-Mail 2: Adresse", "Adresse de messagerie 2"),
    ("E-mail 3 Address", "E-Mail 3: Adresse", "Adresse de messagerie 3"),
)
_PHONES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mobile", ("Mobile Phone", "Mobiltelefon", "Tél. mobile")),
    ("work", ("Business Phone", "Telefon geschäftlich", "Tél. bureau")),
    ("work", ("Business Phone 2", "Telefon geschäftlich 2", "Tél. bureau 2")),
    ("home", ("Home Phone", "Telefon privat", "Tél. domicile")),
    ("home", ("Home Phone 2", "Telefon privat 2", "Tél. domicile 2")),
    ("main", ("Primary Phone", "Haupttelefon", "Téléphone principal")),
    ("company", ("Company Main Phone", "Telefon Firma", "Tél. société")),
    ("other", ("Other Phone", "Weiteres Telefon", "Autre téléphone")),
    ("mobile", ("Mobile Phone 2", "Mobiltelefon 2")),
    ("car", ("Car Phone", "Autotelefon", "Téléphone voiture")),
    ("pager", ("Pager", "Radio messagerie")),
    ("work fax", ("Business Fax", "Fax geschäftlich", "Télécopie bureau")),
    ("home fax", ("Home Fax", "Fax privat", "Télécopie domicile")),
    ("assistant", ("Assistant's Phone", "Telefon Assistent", "Téléphone de l'assistant(e)")),
)
_PLACES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("Business City", "Ort geschäftlich", "Ville (bureau)"),
     ("Business Country/Region", "Land/Region geschäftlich", "Pays/Région (bureau)")),
    (("Home City", "Ort privat", "Ville (domicile)"),
     ("Home Country/Region", "Land/Region privat", "Pays/Région (domicile)")),
    (("Other City", "Weiterer Ort", "Ville (autre)"),
     ("Other Country/Region", "Weiteres/e Land/Region", "Pays/Région (autre)")),
)
_MARKERS = frozenset(norm(n) for n in (
    "E-mail Address", "E-Mail-Adresse", "Adresse de messagerie", "Job Title", "Business Phone",
    "Mobile Phone", "Home Phone", "Vorname", "Nachname", "Firma", "Mobiltelefon",
    "Telefon geschäftlich", "Business City", "Web Page", "E-mail Display Name", "Prénom",
    "Société", "E-mail 2 Address", "Middle Name", "Weitere Vornamen"))


def _n(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(norm(n) for n in names)


KNOWN_COLUMNS = frozenset(
    [n for names in _FIELDS.values() for n in _n(names)]
    + [n for names in _EMAILS for n in _n(names)]
    + [n for _, names in _PHONES for n in _n(names)]
    + [n for pair in _PLACES for names in pair for n in _n(names)])
_CATEGORY_SPLIT = re.compile(r"\s*[;,]\s*")


def is_outlook(layout: CsvLayout) -> bool:
    """Whether the header looks like an Outlook export (two or more markers)."""
    return len(layout.names & _MARKERS) >= 2


def _row_to_contact(row: Row, warnings: WarningLog) -> ParsedContact | SkippedRecord:
    draft = ContactDraft(line=row.line, warnings=warnings)
    for attr in ("given_name", "middle_name", "family_name", "nickname", "company", "title"):
        draft.set_if_empty(attr, row.get(*_n(_FIELDS[attr])))
    for names in _EMAILS:
        draft.add_email(None, row.get(*_n(names)))
    for label, names in _PHONES:
        draft.add_phone(label, row.get(*_n(names)))
    draft.add_url(row.get(*_n(_FIELDS["website"])))
    for city_names, country_names in _PLACES:
        parts = [p for p in (row.get(*_n(city_names)), row.get(*_n(country_names))) if p]
        if parts:
            draft.set_if_empty("location", ", ".join(parts))
            break
    draft.set_if_empty("location", row.get("location", "ort", "office location", "büro"))
    draft.add_note(row.get(*_n(_FIELDS["notes"])))
    categories = row.get(*_n(_FIELDS["categories"]))
    if categories:
        draft.tags.extend(_CATEGORY_SPLIT.split(categories))
    contact = draft.finish()
    if contact is None:
        return SkippedRecord(row.line, Phrase(QT_TRANSLATE_NOOP(
            "core", "the contact has no name, company, e-mail address or phone number")))
    return contact


def iter_outlook(source: LineSource, decoder: TextDecoder, layout: CsvLayout,
                 warnings: WarningLog) -> Iterator[ParsedContact | SkippedRecord]:
    """Parse the rows of an Outlook export."""
    for item in iter_rows(source, decoder, layout):
        yield item if isinstance(item, SkippedRecord) else _row_to_contact(item, warnings)
