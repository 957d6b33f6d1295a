"""Whole-record snapshots, so that a deletion can be undone exactly (same rows, same ids).

:func:`capture_contact` takes every row about a contact; :func:`restore` puts a snapshot
back. The window's undo stack uses them; they are ordinary operations (one transaction,
derived touch data refreshed, :class:`OpChanges` returned).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from dealjournal.errors import ValidationError
from dealjournal.health import touches
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db

# Parents before children, so that foreign keys hold while restoring.
_CONTACT_TABLES = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "goal",
                   "stage_change", "share", "interaction")


# What a vanished row is called when it cannot be captured.
_GONE: dict[str, str] = {
    "interaction": QT_TRANSLATE_NOOP("core", "That interaction no longer exists."),
    "share": QT_TRANSLATE_NOOP("core", "That share no longer exists."),
    "channel": QT_TRANSLATE_NOOP("core", "That channel no longer exists."),
    "goal": QT_TRANSLATE_NOOP("core", "That goal no longer exists."),
    "stage_change": QT_TRANSLATE_NOOP("core", "That stage change no longer exists."),
}


@dataclass(frozen=True)
class Snapshot:
    """Rows per table, in restore order, and the contacts they concern."""

    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    contact_ids: frozenset[int]


def _select(table: str, where: str, args: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    cur = db.connection().execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", args)
    names = [d[0] for d in cur.description]
    return tuple(dict(zip(names, row)) for row in cur.fetchall())


def capture_contact(contact_id: int) -> Snapshot:
    """Every row that belongs to one contact."""
    rows = []
    for table in _CONTACT_TABLES:
        key = "id" if table == "contact" else "contact_id"
        rows.append((table, _select(table, f"{key} = ?", (contact_id,))))
    if not rows[0][1]:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no contact #{id} (it may have been deleted)."), id=contact_id))
    return Snapshot(tuple(rows), frozenset({contact_id}))


def capture_row(table: str, row_id: int) -> Snapshot:
    """One interaction, share, channel, goal or stage change."""
    if table not in _GONE:
        raise ValueError(table)
    found = _select(table, "id = ?", (row_id,))
    if not found:
        raise ValidationError(Phrase(_GONE[table]))
    return Snapshot(((table, found),), frozenset({found[0]["contact_id"]}))


def restore(snapshot: Snapshot) -> OpChanges:
    """Put the rows of *snapshot* back, with their ids."""
    conn = db.connection()
    try:
        with db.atomic():
            for table, rows in snapshot.rows:
                for row in rows:
                    cols = ", ".join(row)
                    marks = ", ".join("?" for _ in row)
                    conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values()))
            touches.refresh(snapshot.contact_ids)
    except sqlite3.IntegrityError as exc:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "This can no longer be undone: the journal has changed since ({problem})."),
            problem=str(exc))) from exc
    tables = {table for table, _ in snapshot.rows}
    return OpChanges(contacts="contact" in tables or "contact_tag" in tables, channels="channel" in tables,
                     interactions="interaction" in tables, shares="share" in tables, content="share" in tables,
                     goals="goal" in tables, stages="stage_change" in tables, touches=True,
                     contact_ids=snapshot.contact_ids)
