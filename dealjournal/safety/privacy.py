"""A person's rights over what the journal holds about them.

:func:`export_person` gathers everything recorded about one contact as a JSON-ready
document ("Export everything about this person"); :func:`erase_person` removes every row of
theirs and then rewrites the file so that their text is no longer in its bytes: the
delete runs with ``PRAGMA secure_delete`` (freed pages are zeroed), the full-text index is
rebuilt (an FTS5 delete only appends a tombstone; the old terms stay in its segments until
a merge), ``VACUUM`` rewrites the file without free pages, and a ``TRUNCATE`` checkpoint
empties the ``-wal``. Backups taken before the erase still hold the person until thinning
removes them (see :mod:`dealjournal.safety.backup`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from dealjournal.errors import StoreError, ValidationError
from dealjournal.ops import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db

log = logging.getLogger(__name__)

PERSON_FORMAT = "dealjournal-person"


def _require(contact_id: int) -> None:
    if db.connection().execute("SELECT 1 FROM contact WHERE id = ?", (contact_id,)).fetchone() is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "There is no contact #{id}."), id=contact_id))


def _rows(sql: str, contact_id: int) -> list[dict[str, Any]]:
    cursor = db.connection().execute(sql, (contact_id,))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def export_person(contact_id: int, *, exported_at: datetime | None = None) -> dict[str, Any]:
    """Everything the journal holds about contact *contact_id*, as a JSON-ready dict.

    Their record with e-mails, phones, tags, channels, goals and stage history; the shares
    given to them with each content item's title, link and kind; their interactions.
    """
    stamp = (exported_at or datetime.now()).replace(microsecond=0).isoformat()
    with db.atomic():  # one consistent snapshot
        _require(contact_id)
        contact = _rows("SELECT name, given_name, family_name, company, title, website, location, notes, "
                        "stage, cadence_days, buying_style, source, created_on, archived "
                        "FROM contact WHERE id = ?", contact_id)[0]
        contact["archived"] = bool(contact["archived"])
        contact["emails"] = _rows("SELECT label, value FROM contact_email WHERE contact_id = ? ORDER BY id",
                                  contact_id)
        contact["phones"] = _rows("SELECT label, value FROM contact_phone WHERE contact_id = ? ORDER BY id",
                                  contact_id)
        contact["tags"] = [r["tag"] for r in _rows(
            "SELECT tag FROM contact_tag WHERE contact_id = ? ORDER BY id", contact_id)]
        contact["channels"] = _rows(
            "SELECT network, handle, url, following_since, follows_back FROM channel "
            "WHERE contact_id = ? ORDER BY id", contact_id)
        goals = _rows("SELECT id, title, details, priority, status, target_on, created_on, closed_on "
                      "FROM goal WHERE contact_id = ? ORDER BY id", contact_id)
        goal_titles = {g.pop("id"): g["title"] for g in goals}
        contact["goals"] = goals
        contact["stage_history"] = _rows(
            'SELECT from_stage AS "from", to_stage AS "to", on_day AS "on" FROM stage_change '
            "WHERE contact_id = ? ORDER BY id", contact_id)
        shares = _rows(
            "SELECT k.title AS content_title, k.url AS content_url, k.kind AS content_kind, "
            "k.origin AS content_origin, k.author AS content_author, s.on_day AS \"on\", s.via, s.note, "
            "s.goal_id AS goal, s.response, s.responded_on FROM share s JOIN content k ON k.id = s.content_id "
            "WHERE s.contact_id = ? ORDER BY s.id", contact_id)
        interactions = _rows(
            "SELECT at, kind, direction, channel, summary, details, goal_id AS goal, follow_up_on, "
            "follow_up_done FROM interaction WHERE contact_id = ? ORDER BY at, id", contact_id)
    for item in (*shares, *interactions):
        item["goal"] = goal_titles.get(item["goal"]) if item["goal"] is not None else None
    for item in interactions:
        item["follow_up_done"] = bool(item["follow_up_done"])
    log.info("Exported one person's data (%d shares, %d interactions)", len(shares), len(interactions))
    return {"format": PERSON_FORMAT, "version": 1, "exported_at": stamp, "contact": contact,
            "shares": shares, "interactions": interactions}


_FTS_TABLES = ("contact_fts", "interaction_fts", "share_fts")


def erase_person(contact_id: int) -> OpChanges:
    """Remove contact *contact_id* and everything about them, leaving no trace in the file.

    Takes as long as rewriting the whole journal (``VACUUM``). Raises
    :class:`ValidationError` for an unknown contact and :class:`StoreError` when the file
    cannot be rewritten (the rows are then deleted but their bytes may remain: run it again).
    """
    if db.in_transaction():
        raise StoreError(Phrase(QT_TRANSLATE_NOOP(
            "core", "A person cannot be erased in the middle of another change.")))
    conn = db.connection()
    secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    # (Not PRAGMA temp_store = MEMORY for VACUUM's scratch copy: changing it drops the
    # connection's TEMP triggers that track changes for backups.)
    try:
        with db.atomic("IMMEDIATE"):
            _require(contact_id)
            conn.execute("DELETE FROM contact WHERE id = ?", (contact_id,))  # cascades to every row of theirs
            for index in _FTS_TABLES:  # their segments may still hold the person's words
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (index,)).fetchone():
                    conn.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone():
                conn.execute("DELETE FROM sqlite_stat4")  # sampled index keys may quote the name
        if not scrub():
            raise StoreError(Phrase(QT_TRANSLATE_NOOP(
                "core", "The person was erased, but another program is reading the journal, so the "
                        "freed space could not be overwritten yet. Close that program and compact "
                        "the journal.")))
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(secure)}")
    log.info("Erased one contact and rewrote the journal")
    return OpChanges(contacts=True, channels=True, interactions=True, shares=True, goals=True, stages=True,
                     touches=True, contact_ids=frozenset({contact_id}), id=contact_id)


def scrub() -> bool:
    """Rewrite the journal without free pages and empty its ``-wal``; False if a reader prevented it."""
    conn = db.connection()
    conn.execute("VACUUM")
    busy, _log_pages, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy
