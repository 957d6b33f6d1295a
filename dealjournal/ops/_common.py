"""What every operation shares: the change record it returns and input validation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
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
    touches: bool = False  # health figures may have changed
    contact_ids: frozenset[int] = frozenset()
    id: int | None = None
    ids: tuple[int, ...] = ()


def text(label: str, value: Any, *, required: bool = False, default: str | None = None) -> str | None:
    """A stripped text field: None/'' become *default*; *required* refuses empty."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text, not {type(value).__name__}.")
    value = value.strip()
    if "\x00" in value:
        raise ValidationError(f"{label} contains a NUL character, which cannot be stored.")
    if len(value) > MAX_TEXT:
        raise ValidationError(f"{label} is too long ({len(value):,} characters; the limit is {MAX_TEXT:,}).")
    if not value:
        if required:
            raise ValidationError(f"{label} cannot be empty.")
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
        raise ValidationError(f"{label} must be text, not {type(value).__name__}.")
    if len(value) > MAX_TEXT:
        raise ValidationError(f"{label} is too long ({len(value):,} characters; the limit is {MAX_TEXT:,}).")
    return value.rstrip()


def choice(label: str, value: Any, allowed: Iterable[str]) -> str:
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValidationError(f"{label} {value!r} is not one of {', '.join(allowed)}.")
    return str(value)


def day(label: str, value: Any, *, required: bool = False) -> str | None:
    """A calendar day given as a date or ``YYYY-MM-DD``; returned as text."""
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is required.")
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return domain.parse_day(value).isoformat()
    except ValueError as exc:
        raise ValidationError(f"{label}: {exc}.") from None


def at(label: str, value: Any) -> str:
    """An interaction time: a datetime/date or ``YYYY-MM-DD[THH:MM[:SS]]`` text."""
    if isinstance(value, date):
        iso = value.isoformat()
        return iso[:16] if len(iso) > 10 else iso
    try:
        return domain.parse_at(value)
    except ValueError as exc:
        raise ValidationError(f"{label}: {exc}.") from None


def cadence(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(f"The keep-in-touch cadence must be a whole number of days (0 or more), not {value!r}.")
    return value


def labelled(label: str, items: Any) -> list[tuple[str | None, str]]:
    """E-mails or phones: a list of (label, value) pairs with non-empty values."""
    out: list[tuple[str | None, str]] = []
    for item in items or ():
        if isinstance(item, str):
            item = (None, item)
        item_label, value = item
        out.append((text(f"{label} label", item_label), required_text(label, value)))
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
        raise ValidationError(f"There is no contact #{contact_id} (it may have been deleted).")
