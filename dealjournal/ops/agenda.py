"""Operations on what Today lists besides health: snoozes and reminders.

A **snooze** leaves a contact out of Today until a day (DOMAIN.md, "Today"); it ends by
itself after that day, or as soon as an inbound touch arrives after the moment it was set
(:func:`dealjournal.health.today.snoozed`). A **reminder** is "remind me to … on DATE" for
a contact, without logging an interaction; it is done, moved or deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
from dealjournal.ops import _common as v
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db
from dealjournal.store.models import Reminder, Snooze


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def snooze_contact(contact_id: int, until: date | str, *, since: datetime | str | None = None) -> OpChanges:
    """Leave *contact_id* out of Today until *until* (the contact is back on that day).

    *since* is the moment the snooze starts (default: now); an inbound touch after it ends
    the snooze early. Snoozing again replaces the earlier snooze.
    """
    until_day = v.day(QT_TRANSLATE_NOOP("core", "Snooze until"), until, required=True)
    start = since.replace(microsecond=0).isoformat() if isinstance(since, datetime) else since or _now()
    start = v.at(QT_TRANSLATE_NOOP("core", "Snoozed since"), start)
    if len(start) == 10:
        start += "T00:00:00"
    assert until_day is not None
    if until_day <= start[:10]:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "Snooze until a day after today ({day} is not)."), day=until_day))
    with db.atomic():
        v.require_contact(contact_id)
        # An update when there is one (REPLACE would delete it: a new row, a new gid).
        db.connection().execute("INSERT INTO snooze (contact_id, until_day, since) VALUES (?, ?, ?) "
                                "ON CONFLICT (contact_id) DO UPDATE SET until_day = excluded.until_day, "
                                "since = excluded.since", (contact_id, until_day, start))
    return OpChanges(agenda=True, contact_ids=frozenset({contact_id}), id=contact_id)


def unsnooze(contact_id: int) -> OpChanges:
    """End a contact's snooze now (nothing happens when there is none)."""
    with db.atomic():
        v.require_contact(contact_id)
        Snooze.delete().where(Snooze.contact == contact_id).execute()
    return OpChanges(agenda=True, contact_ids=frozenset({contact_id}), id=contact_id)


def _reminder_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "due_on":
            out[key] = v.day(QT_TRANSLATE_NOOP("core", "Reminder date"), value, required=True)
        elif key == "text":
            out[key] = v.required_text(QT_TRANSLATE_NOOP("core", "Reminder"), value)
        elif key == "done_on":
            out[key] = v.day(QT_TRANSLATE_NOOP("core", "Done date"), value)
        else:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown reminder field: {key}."), key=key))
    return out


def add_reminder(contact_id: int, due_on: date | str, text: str) -> OpChanges:
    """"Remind me to *text* on *due_on*" for a contact."""
    values = _reminder_fields({"due_on": due_on, "text": text})
    with db.atomic():
        v.require_contact(contact_id)
        row = Reminder.create(contact=contact_id, **values)
    return OpChanges(agenda=True, contact_ids=frozenset({contact_id}), id=row.id)


def get_reminder(reminder_id: int) -> Reminder:
    row = Reminder.get_or_none(Reminder.id == reminder_id)
    if row is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no reminder #{id} (it may have been deleted)."), id=reminder_id))
    return row


def edit_reminder(reminder_id: int, **fields: Any) -> OpChanges:
    """Change a reminder's ``due_on``, ``text`` or ``done_on``."""
    with db.atomic():
        row = get_reminder(reminder_id)
        for key, value in _reminder_fields(fields).items():
            setattr(row, key, value)
        row.save()
    return OpChanges(agenda=True, contact_ids=frozenset({row.contact_id}), id=reminder_id)


def set_reminder_done(reminder_id: int, done: bool = True, *, on: date | str | None = None) -> OpChanges:
    """Mark a reminder done (on *on*, default today) or open again."""
    day = (on or domain.today()) if done else None
    return edit_reminder(reminder_id, done_on=day)


def delete_reminder(reminder_id: int) -> OpChanges:
    with db.atomic():
        row = get_reminder(reminder_id)
        row.delete_instance()
    return OpChanges(agenda=True, contact_ids=frozenset({row.contact_id}), id=reminder_id)
