"""Whole-record snapshots, so that a deletion can be undone exactly (same rows, same ids).

:func:`capture_contact` takes every row about a contact (:func:`capture_contacts` about many,
one query per table), :func:`capture_content` a library
item with its shares; :func:`restore` puts a snapshot back (one ``executemany`` per table). The window's undo stack uses them; they are ordinary operations (one transaction,
derived touch data refreshed, :class:`OpChanges` returned).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dealjournal.errors import ValidationError
from dealjournal.health import touches
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db

# Parents before children, so that foreign keys hold while restoring.
_CONTACT_TABLES = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "goal",
                   "stage_change", "share", "interaction", "snooze", "reminder", "capture_seen", "capture_alias")
_WITHOUT_ROWID = {"capture_seen": "key", "capture_alias": "identity"}  # ordered by their key instead


# What a vanished row is called when it cannot be captured.
_GONE: dict[str, str] = {
    "interaction": QT_TRANSLATE_NOOP("core", "That interaction no longer exists."),
    "share": QT_TRANSLATE_NOOP("core", "That share no longer exists."),
    "channel": QT_TRANSLATE_NOOP("core", "That channel no longer exists."),
    "goal": QT_TRANSLATE_NOOP("core", "That goal no longer exists."),
    "stage_change": QT_TRANSLATE_NOOP("core", "That stage change no longer exists."),
    "reminder": QT_TRANSLATE_NOOP("core", "That reminder no longer exists."),
}


@dataclass(frozen=True)
class Snapshot:
    """Rows per table, in restore order, and the contacts they concern."""

    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    contact_ids: frozenset[int]


def _select(table: str, where: str, args: tuple[Any, ...]) -> tuple[dict[str, Any], ...]:
    order = _WITHOUT_ROWID.get(table, "rowid")
    cur = db.connection().execute(f"SELECT * FROM {table} WHERE {where} ORDER BY {order}", args)
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


def capture_contacts(contact_ids: Iterable[int]) -> Snapshot:
    """Every row that belongs to any of *contact_ids*: one query per table (the ids go into a
    temporary table), however many contacts."""
    ids = sorted(set(contact_ids))
    conn = db.connection()
    with db.atomic():
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _snapshot_ids (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp._snapshot_ids")
        conn.executemany("INSERT INTO temp._snapshot_ids (id) VALUES (?)", ((i,) for i in ids))
        rows = []
        for table in _CONTACT_TABLES:
            key = "id" if table == "contact" else "contact_id"
            rows.append((table, _select(table, f"{key} IN (SELECT id FROM temp._snapshot_ids)", ())))
    found = {row["id"] for row in rows[0][1]}
    missing = next((i for i in ids if i not in found), None)
    if missing is not None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no contact #{id} (it may have been deleted)."), id=missing))
    return Snapshot(tuple(rows), frozenset(ids))


def capture_row(table: str, row_id: int) -> Snapshot:
    """One interaction, share, channel, goal or stage change."""
    if table not in _GONE:
        raise ValueError(table)
    found = _select(table, "id = ?", (row_id,))
    if not found:
        raise ValidationError(Phrase(_GONE[table]))
    return Snapshot(((table, found),), frozenset({found[0]["contact_id"]}))


def capture_content(content_id: int) -> Snapshot:
    """A content item with its topics and every share of it (what deleting the item removes)."""
    rows = (("content", _select("content", "id = ?", (content_id,))),
            ("content_topic", _select("content_topic", "content_id = ?", (content_id,))),
            ("share", _select("share", "content_id = ?", (content_id,))))
    if not rows[0][1]:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no content item #{id} (it may have been deleted)."), id=content_id))
    return Snapshot(rows, frozenset(share["contact_id"] for share in rows[2][1]))


def restore(snapshot: Snapshot) -> OpChanges:
    """Put the rows of *snapshot* back, with their ids."""
    conn = db.connection()
    try:
        with db.atomic():
            for table, rows in snapshot.rows:
                if not rows:
                    continue
                names = ", ".join(rows[0])  # every row of a table has the same columns (SELECT *)
                marks = ", ".join("?" for _ in rows[0])
                values = [tuple(row.values()) for row in rows]
                if len(values) == 1:
                    conn.execute(f"INSERT INTO main.{table} ({names}) VALUES ({marks})", values[0])
                    continue
                # Many rows: staged, then one INSERT … SELECT (the full-text index, which triggers on
                # contact and contact_tag keep, flushes at the end of each statement).
                conn.execute("DROP TABLE IF EXISTS temp._restore_rows")
                conn.execute(f"CREATE TEMP TABLE _restore_rows AS SELECT {names} FROM main.{table} WHERE 0")
                conn.executemany(f"INSERT INTO temp._restore_rows ({names}) VALUES ({marks})", values)
                conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM temp._restore_rows ORDER BY rowid")
                conn.execute("DROP TABLE temp._restore_rows")
            touches.refresh(snapshot.contact_ids)
    except sqlite3.IntegrityError as exc:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "This can no longer be undone: the journal has changed since ({problem})."),
            problem=str(exc))) from exc
    tables = {table for table, _ in snapshot.rows}
    return OpChanges(contacts="contact" in tables or "contact_tag" in tables, channels="channel" in tables,
                     interactions="interaction" in tables, shares="share" in tables,
                     content="share" in tables or "content" in tables,
                     goals="goal" in tables, stages="stage_change" in tables,
                     agenda="snooze" in tables or "reminder" in tables, touches=True,
                     contact_ids=snapshot.contact_ids)
