"""What every operation shares: the change record it returns and input validation.

The validators name the field in their messages by its *label*: a field name marked for
translation, ``v.text(QT_TRANSLATE_NOOP("core", "Company"), value)``, or a Phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db

MAX_TEXT = 1_000_000  # characters in one field


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed, so that each view can decide whether to refresh.

    ``id`` is the record the operation created or acted on; ``ids`` lists several when it
    created more than one (a share with several contacts).
    """

    contacts: bool = False
    channels: bool = False
    interactions: bool = False
    shares: bool = False
    content: bool = False
    goals: bool = False
    stages: bool = False
    settings: bool = False
    agenda: bool = False  # reminders or snoozes (what Today lists)
    touches: bool = False  # health figures may have changed
    contact_ids: frozenset[int] = frozenset()
    id: int | None = None
    ids: tuple[int, ...] = ()


def _field(label: str) -> Phrase:
    """A field's label as a Phrase (a marked label is its own template)."""
    return label if isinstance(label, Phrase) else Phrase(label.replace("{", "{{").replace("}", "}}"))


def _not_text(label: str, value: Any) -> ValidationError:
    return ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "{field} must be text, not {type}."),
                                  field=_field(label), type=type(value).__name__))


def _too_long(label: str, value: str) -> ValidationError:
    return ValidationError(Phrase(
        QT_TRANSLATE_NOOP("core", "{field} is too long ({size} characters; the limit is {limit})."),
        field=_field(label), size=f"{len(value):,}", limit=f"{MAX_TEXT:,}"))


def _problem(exc: ValueError) -> str:
    """What a ValueError of :mod:`dealjournal.domain` says (a Phrase, kept for translation)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)


def text(label: str, value: Any, *, required: bool = False, default: str | None = None) -> str | None:
    """A stripped text field: None/'' become *default*; *required* refuses empty."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _not_text(label, value)
    value = value.strip()
    if "\x00" in value:
        raise ValidationError(Phrase(
            QT_TRANSLATE_NOOP("core", "{field} contains a NUL character, which cannot be stored."),
            field=_field(label)))
    if len(value) > MAX_TEXT:
        raise _too_long(label, value)
    if not value:
        if required:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "{field} cannot be empty."), field=_field(label)))
        return default
    return str(value)


def required_text(label: str, value: Any) -> str:
    """A stripped text field that cannot be empty."""
    result = text(label, value, required=True)
    assert result is not None
    return result


Validator = Callable[[Any], Any]


def body(label: str, value: Any) -> str:
    """A multi-line text field (notes, details): kept as typed but for trailing space; never None."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _not_text(label, value)
    if len(value) > MAX_TEXT:
        raise _too_long(label, value)
    return value.rstrip()


def choice(label: str, value: Any, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "{field} {value} is not one of {allowed}."),
                                     field=_field(label), value=repr(value), allowed=", ".join(allowed)))
    return str(value)


def day(label: str, value: Any, *, required: bool = False) -> str | None:
    """A calendar day given as a date or ``YYYY-MM-DD``; returned as text."""
    if value is None or value == "":
        if required:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "{field} is required."), field=_field(label)))
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return domain.parse_day(value).isoformat()
    except ValueError as exc:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "{field}: {problem}."),
                                     field=_field(label), problem=_problem(exc))) from None


def at(label: str, value: Any) -> str:
    """An interaction time: a datetime/date or ``YYYY-MM-DD[THH:MM[:SS]]`` text."""
    if isinstance(value, date):
        iso = value.isoformat()
        return iso[:16] if len(iso) > 10 else iso
    try:
        return domain.parse_at(value)
    except ValueError as exc:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "{field}: {problem}."),
                                     field=_field(label), problem=_problem(exc))) from None


def cadence(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "The keep-in-touch cadence must be a whole number of days (0 or more), not {value}."),
            value=repr(value)))
    return value


def labelled(label: str, items: Any) -> list[tuple[str | None, str]]:
    """E-mails or phones: a list of (label, value) pairs with non-empty values."""
    out: list[tuple[str | None, str]] = []
    for item in items or ():
        if isinstance(item, str):
            item = (None, item)
        item_label, value = item
        item_field = Phrase(QT_TRANSLATE_NOOP("core", "{field} label"), field=_field(label))
        out.append((text(item_field, item_label), required_text(label, value)))
    return out


def tags(label: str, items: Any) -> list[str]:
    """Tags or topics: stripped, non-empty, duplicates dropped, order kept."""
    out: list[str] = []
    for item in items or ():
        value = required_text(label, item)
        if value not in out:
            out.append(value)
    return out


def require_contact(contact_id: int) -> None:
    """Refuse an operation on a contact that does not exist (a cheap check, no model built)."""
    found = db.connection().execute("SELECT 1 FROM contact WHERE id = ?", (contact_id,)).fetchone()
    if found is None:
        raise ValidationError(Phrase(
            QT_TRANSLATE_NOOP("core", "There is no contact #{id} (it may have been deleted)."), id=contact_id))
