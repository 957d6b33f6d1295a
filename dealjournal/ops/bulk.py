"""Operations on many contacts at once: tag, untag, stage, keep-in-touch, archive, delete, triage.

Each is one transaction of set-based SQL over the selection, which is put in a temporary
table first (``UPDATE … WHERE id IN (SELECT id FROM _bulk_ids)``), so 10,000 contacts cost a
few statements, not 10,000 single operations. Rows whose triggers rewrite ``contact_fts`` are
written by one ``INSERT … SELECT`` from a temporary table, never by ``executemany``: the
full-text index flushes its pending changes at the end of every statement, so 10,000
one-row statements cost several times one statement of 10,000 rows. Each validates its input (every contact must
still exist) and returns an :class:`OpChanges` whose ``contact_ids`` are the contacts it
actually changed. The derived data stays correct as for single edits: the ``contact_fts``
triggers follow ``contact_tag``; ``health_state`` is brought up to date for ``contact_ids`` by
whoever announces the change (:func:`dealjournal.health.state.update_for`); deleted
contacts take their derived rows with them (foreign keys cascade).

Undo: :func:`capture` takes the values a change is about to overwrite (some contact
columns, the rows of one tag) and :func:`put_back` writes them back exactly, row ids
included; a stage change is undone by :func:`revert_stage_changes`, a deletion by
:func:`dealjournal.ops.snapshot.capture_contacts` and ``restore``.

**Triage.** Contacts a big import brings in without a keep-in-touch decision carry the
reserved tag :data:`TRIAGE_TAG` (with cadence 0, so they are never flagged as quiet
meanwhile). :func:`triage` records a decision for them: a cadence, "not now" (cadence
stays) or archive; either way the tag goes and they leave the queue
(:func:`dealjournal.queries.contacts.untriaged_count`). :func:`set_cadence` is a decision
too, for a whole selection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
from dealjournal.ops import _common as v
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store.db import db

#: The reserved tag of contacts waiting for a keep-in-touch decision (stored as it is, like
#: every tag: the journal's own word, not translated).
TRIAGE_TAG = "untriaged"

# Contact columns that capture() can take and put_back() restore.
_COLUMNS = ("cadence_days", "archived")


def _fill(conn: sqlite3.Connection, table: str, ids: Iterable[int]) -> None:
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{table}")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{table} (id) VALUES (?)", ((i,) for i in ids))


def _clean_ids(contact_ids: Iterable[int]) -> list[int]:
    ids: set[int] = set()
    for i in contact_ids:
        if isinstance(i, bool) or not isinstance(i, int):
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "A contact is named by its number, not {value}."),
                                         value=repr(i)))
        ids.add(i)
    if not ids:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "No contact is selected.")))
    return sorted(ids)


def _select(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> list[int]:
    """Put the selection in ``temp._bulk_ids``; refuse it when a contact no longer exists."""
    ids = _clean_ids(contact_ids)
    _fill(conn, "_bulk_ids", ids)
    found = conn.execute("SELECT count(*) FROM contact WHERE id IN (SELECT id FROM temp._bulk_ids)").fetchone()[0]
    missing = len(ids) - int(found)
    if missing:
        raise ValidationError(plural(
            missing, QT_TRANSLATE_NOOP("core", "{n} of the selected contacts no longer exists (it may have been deleted)."),
            QT_TRANSLATE_NOOP("core", "{n} of the selected contacts no longer exist (they may have been deleted).")))
    return ids


def _ids(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] | dict[str, Any] = ()) -> list[int]:
    return [i for (i,) in conn.execute(sql, args)]


def _tag(value: Any) -> str:
    return v.required_text(QT_TRANSLATE_NOOP("core", "Tag"), value)


_IN_SELECTION = "IN (SELECT id FROM temp._bulk_ids)"


def add_tag(contact_ids: Iterable[int], tag: str) -> OpChanges:
    """Give *tag* to every contact of the selection that lacks it."""
    tag = _tag(tag)
    conn = db.connection()
    with db.atomic():
        _select(conn, contact_ids)
        lacking = ("FROM temp._bulk_ids b WHERE NOT EXISTS "
                   "(SELECT 1 FROM contact_tag t WHERE t.contact_id = b.id AND t.tag = :tag) ORDER BY b.id")
        changed = _ids(conn, f"SELECT b.id {lacking}", {"tag": tag})
        conn.execute(f"INSERT INTO contact_tag (contact_id, tag) SELECT b.id, :tag {lacking}", {"tag": tag})
    return OpChanges(contacts=bool(changed), contact_ids=frozenset(changed))


def remove_tag(contact_ids: Iterable[int], tag: str) -> OpChanges:
    """Take *tag* from every contact of the selection that has it."""
    tag = _tag(tag)
    conn = db.connection()
    with db.atomic():
        _select(conn, contact_ids)
        where = f"tag = ? AND contact_id {_IN_SELECTION}"
        changed = _ids(conn, f"SELECT contact_id FROM contact_tag WHERE {where} ORDER BY contact_id", (tag,))
        conn.execute(f"DELETE FROM contact_tag WHERE {where}", (tag,))
    return OpChanges(contacts=bool(changed), contact_ids=frozenset(changed))


def set_stage(contact_ids: Iterable[int], stage: str, *, on: date | str | None = None,
              gids: Mapping[int, str] | None = None) -> OpChanges:
    """Move the selection to *stage*, writing each moved contact's stage history.

    ``ids`` of the result are the stage changes written (for :func:`revert_stage_changes`).
    *gids* (contact id -> gid) gives those stage changes the global ids that a first run
    gave them (redo after undo); the others get new ones.
    """
    stage = v.choice(QT_TRANSLATE_NOOP("core", "Stage"), stage, domain.STAGES)
    on_day = v.day(QT_TRANSLATE_NOOP("core", "Date of the stage change"), on) or domain.today().isoformat()
    conn = db.connection()
    with db.atomic():
        _select(conn, contact_ids)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _bulk_gids (id INTEGER PRIMARY KEY, gid TEXT NOT NULL)")
        conn.execute("DELETE FROM temp._bulk_gids")
        conn.executemany("INSERT INTO temp._bulk_gids (id, gid) VALUES (?, ?)", (gids or {}).items())
        last = int(conn.execute("SELECT coalesce(max(id), 0) FROM stage_change").fetchone()[0])
        conn.execute(f"""INSERT INTO stage_change (contact_id, from_stage, to_stage, on_day, gid)
                         SELECT id, stage, ?, ?, (SELECT g.gid FROM temp._bulk_gids g WHERE g.id = contact.id)
                           FROM contact WHERE id {_IN_SELECTION} AND stage <> ? ORDER BY id""",
                     (stage, on_day, stage))
        written = conn.execute("SELECT id, contact_id FROM stage_change WHERE id > ? ORDER BY id", (last,)).fetchall()
        conn.execute(f"UPDATE contact SET stage = ? WHERE id {_IN_SELECTION} AND stage <> ?", (stage, stage))
    changed = frozenset(cid for _, cid in written)
    return OpChanges(contacts=bool(changed), stages=bool(changed), touches=bool(changed), contact_ids=changed,
                     ids=tuple(change for change, _ in written))


def revert_stage_changes(change_ids: Iterable[int]) -> OpChanges:
    """Undo stage changes: each contact goes back to the stage before, the entries leave the history."""
    wanted = sorted(set(change_ids))
    conn = db.connection()
    with db.atomic():
        _fill(conn, "_bulk_rows", wanted)
        rows = "SELECT id FROM temp._bulk_rows"
        contacts = _ids(conn, f"SELECT DISTINCT contact_id FROM stage_change WHERE id IN ({rows}) ORDER BY contact_id")
        found = conn.execute(f"SELECT count(*) FROM stage_change WHERE id IN ({rows})").fetchone()[0]
        if found != len(wanted):
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "That stage change no longer exists.")))
        conn.execute(f"""UPDATE contact SET stage = coalesce(
                             (SELECT s.from_stage FROM stage_change s
                               WHERE s.contact_id = contact.id AND s.id IN ({rows}) ORDER BY s.id LIMIT 1), stage)
                          WHERE id IN (SELECT contact_id FROM stage_change WHERE id IN ({rows}))""")
        conn.execute(f"DELETE FROM stage_change WHERE id IN ({rows})")
    return OpChanges(contacts=True, stages=True, touches=True, contact_ids=frozenset(contacts))


def set_cadence(contact_ids: Iterable[int], cadence_days: int | None) -> OpChanges:
    """Keep in touch with the selection every *cadence_days* days (None: the stage's default;
    0: never flag them as quiet). That is a keep-in-touch decision: untriaged contacts among
    them leave the triage queue."""
    cadence = v.cadence(cadence_days)
    conn = db.connection()
    with db.atomic():
        _select(conn, contact_ids)
        where = f"id {_IN_SELECTION} AND cadence_days IS NOT ?"
        marked = f"tag = ? AND contact_id {_IN_SELECTION}"
        changed = set(_ids(conn, f"SELECT id FROM contact WHERE {where}", (cadence,)))
        changed.update(_ids(conn, f"SELECT contact_id FROM contact_tag WHERE {marked}", (TRIAGE_TAG,)))
        conn.execute(f"UPDATE contact SET cadence_days = ? WHERE {where}", (cadence, cadence))
        conn.execute(f"DELETE FROM contact_tag WHERE {marked}", (TRIAGE_TAG,))
    return OpChanges(contacts=bool(changed), touches=bool(changed), contact_ids=frozenset(changed))


def archive(contact_ids: Iterable[int], archived: bool = True) -> OpChanges:
    """Archive (or bring back) the selection: archived contacts leave every health view."""
    flag = int(bool(archived))
    conn = db.connection()
    with db.atomic():
        _select(conn, contact_ids)
        where = f"id {_IN_SELECTION} AND archived <> ?"
        changed = _ids(conn, f"SELECT id FROM contact WHERE {where} ORDER BY id", (flag,))
        conn.execute(f"UPDATE contact SET archived = ? WHERE {where}", (flag, flag))
    return OpChanges(contacts=bool(changed), touches=bool(changed), contact_ids=frozenset(changed))


def delete(contact_ids: Iterable[int]) -> OpChanges:
    """Delete the selection and everything recorded about them (undo: capture_contacts, restore)."""
    conn = db.connection()
    with db.atomic():
        ids = _select(conn, contact_ids)
        conn.execute(f"DELETE FROM contact WHERE id {_IN_SELECTION}")
    return OpChanges(contacts=True, channels=True, interactions=True, shares=True, goals=True, stages=True,
                     agenda=True, touches=True, contact_ids=frozenset(ids))


def triage(contact_ids: Iterable[int], *, keep_in_touch: int | None = None, archive: bool = False) -> OpChanges:
    """A triage decision: keep in touch every *keep_in_touch* days, or archive, or neither
    ("not now": the cadence stays). Either way the contacts leave the triage queue."""
    cadence = v.cadence(keep_in_touch)
    conn = db.connection()
    with db.atomic():
        ids = _select(conn, contact_ids)
        if cadence is not None:
            conn.execute(f"UPDATE contact SET cadence_days = ? WHERE id {_IN_SELECTION}", (cadence,))
        if archive:
            conn.execute(f"UPDATE contact SET archived = 1 WHERE id {_IN_SELECTION}")
        conn.execute(f"DELETE FROM contact_tag WHERE tag = ? AND contact_id {_IN_SELECTION}", (TRIAGE_TAG,))
    return OpChanges(contacts=True, touches=True, contact_ids=frozenset(ids))


# --- undo ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Before:
    """What a bulk change is about to overwrite: some columns of each contact, and the rows
    of one tag among them (row id, contact id, gid)."""

    contact_ids: tuple[int, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[Any, ...], ...]  # per contact: its columns' values, then its id
    tag: str | None
    tag_rows: tuple[tuple[int, int, str], ...]


def capture(contact_ids: Iterable[int], *, columns: Iterable[str] = (), tag: str | None = None) -> Before:
    """The current values of *columns* (of ``cadence_days``, ``archived``) and the rows of
    *tag*, for the selection: what :func:`put_back` restores."""
    cols = tuple(columns)
    unknown = [c for c in cols if c not in _COLUMNS]
    if unknown:
        raise ValueError(f"cannot capture {unknown}")
    tag = _tag(tag) if tag is not None else None
    conn = db.connection()
    with db.atomic():
        ids = _select(conn, contact_ids)
        values: tuple[tuple[Any, ...], ...] = ()
        if cols:
            values = tuple(conn.execute(
                f"SELECT {', '.join(cols)}, id FROM contact WHERE id {_IN_SELECTION} ORDER BY id").fetchall())
        rows: tuple[tuple[int, int, str], ...] = ()
        if tag is not None:
            rows = tuple(conn.execute(f"SELECT id, contact_id, gid FROM contact_tag WHERE tag = ? AND contact_id "
                                      f"{_IN_SELECTION} ORDER BY id", (tag,)).fetchall())
    return Before(tuple(ids), cols, values, tag, rows)


def put_back(before: Before) -> OpChanges:
    """Write back what :func:`capture` took: the columns' values, and exactly the tag rows
    it saw (rows of the tag added since go, rows removed since come back with their ids and gids)."""
    conn = db.connection()
    try:
        with db.atomic():
            _select(conn, before.contact_ids)
            if before.columns:
                sets = ", ".join(f"{c} = ?" for c in before.columns)
                conn.executemany(f"UPDATE contact SET {sets} WHERE id = ?", before.values)
            if before.tag is not None:
                conn.execute("CREATE TEMP TABLE IF NOT EXISTS _bulk_tag_rows "
                             "(id INTEGER PRIMARY KEY, contact_id INTEGER, gid TEXT)")
                conn.execute("DELETE FROM temp._bulk_tag_rows")
                conn.executemany("INSERT INTO temp._bulk_tag_rows (id, contact_id, gid) VALUES (?, ?, ?)",
                                 before.tag_rows)
                conn.execute(f"DELETE FROM contact_tag WHERE tag = ? AND contact_id {_IN_SELECTION} "
                             "AND id NOT IN (SELECT id FROM temp._bulk_tag_rows)", (before.tag,))
                conn.execute("INSERT INTO contact_tag (id, contact_id, tag, gid) "
                             "SELECT r.id, r.contact_id, :tag, r.gid FROM temp._bulk_tag_rows r WHERE NOT EXISTS (SELECT 1 FROM contact_tag t "
                             "WHERE t.id = r.id AND t.contact_id = r.contact_id AND t.tag = :tag) ORDER BY r.id",
                             {"tag": before.tag})
    except sqlite3.IntegrityError as exc:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "This can no longer be undone: the journal has changed since ({problem})."),
            problem=str(exc))) from exc
    return OpChanges(contacts=True, touches=bool(before.columns), contact_ids=frozenset(before.contact_ids))
