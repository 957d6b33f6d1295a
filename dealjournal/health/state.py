"""Every contact's health as of one day, kept in the journal so that lists filter and sort by it in SQL.

The table ``health_state`` is a cache of :func:`dealjournal.health.rules.compute` for the day in
the setting ``health_state_as_of``. The window refreshes it for the contacts an operation
touched (:func:`update_for`) and rebuilds it when the day changes or it was invalidated
(:func:`is_current`, :func:`rebuild`); bulk writers (imports) call :func:`invalidate`.

The setting holds the day and the :data:`FORMAT` of the rows (``{"day": "2026-11-22",
"format": 4}``): a state written in another format (format 1 was the day alone, with the
reasons as plain English; format 2 followed the health rules before DOMAIN.md's revision 2;
format 3 lacked the day of the last inbound touch) is not current and gets rebuilt; until then
lists may show rows of an older format (their columns mean the same), never those of a newer
one (:func:`readable`). The ``reasons`` column keeps each reason as a
:mod:`dealjournal.phrases` record (template and values), so the window can show it in the
user's language.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from dealjournal import phrases
from dealjournal.health import rules as health
from dealjournal.health.rules import ContactHealth
from dealjournal.store import settings as settings_mod
from dealjournal.store.db import db

_KEY = "health_state_as_of"
# Of the stored rows: 3: health rules revision 2 (moments, grace periods); 2: reasons stored as
# phrases; 1: plain English, the day alone as stamp.
FORMAT = 4
_SLICE = 2_000  # contacts computed at a time by rebuild(): what it holds in Python objects grows with it


def severity(h: ContactHealth) -> int:
    """One number to sort by: the more a relationship needs you, the higher."""
    score = 0
    if h.overdue_days is not None:
        score += 1000 + min(h.overdue_days, 998)
    if h.one_sided:
        score += 500 + min(h.unanswered, 99)
    if h.owes_reply:
        score += 200
    score += min(h.unanswered_shares, 9) * 10 + len(h.follow_imbalance)
    return score


def _row(h: ContactHealth) -> tuple[object, ...]:
    kinds = [f["kind"] for f in h.follow_imbalance]
    return (h.id, h.last_touch_on, h.last_inbound_on, h.days_quiet, h.cadence_days, h.overdue_days, h.one_sided,
            int(h.owes_reply), h.unanswered, h.in_window_in, h.in_window_out, h.unanswered_shares,
            kinds.count("not_followed_back"), kinds.count("not_following_back"), severity(h), phrases.dumps(h.reasons))


def as_of() -> date | None:
    """The day the stored state describes, or None when it must be rebuilt (none stored, or
    stored in another :data:`FORMAT`)."""
    row = db.connection().execute("SELECT value FROM setting WHERE key = ?", (_KEY,)).fetchone()
    if row is None:
        return None
    try:
        stamp = json.loads(row[0])
        if isinstance(stamp, dict) and stamp.get("format") == FORMAT and isinstance(stamp.get("day"), str):
            return date.fromisoformat(stamp["day"])
    except ValueError:  # not JSON, or not a day: rebuild
        pass
    return None


def readable() -> bool:
    """Whether the stored rows may be read at all, current or not (lists show them while the
    window rebuilds the state): they are of this :data:`FORMAT` or an older one, whose columns
    mean the same (format 1's plain-English reasons read as plain text), or the stamp was
    removed by :func:`invalidate`. False for rows a newer build wrote, in a format of its own
    (and for a stamp that cannot be read): until the rebuild, they show as no health at all.
    """
    row = db.connection().execute("SELECT value FROM setting WHERE key = ?", (_KEY,)).fetchone()
    if row is None:
        return True
    try:
        stamp = json.loads(row[0])
    except ValueError:
        return False
    if isinstance(stamp, str):  # format 1: the day alone
        return True
    if isinstance(stamp, dict):
        stored = stamp.get("format")
        return type(stored) is int and stored <= FORMAT
    return False


def table() -> str:
    """What lists read the cached rows from (as ``FROM {table()} h``): ``health_state``, or no
    rows at all while it holds rows that are not :func:`readable`."""
    return "health_state" if readable() else "(SELECT * FROM health_state WHERE 0)"


def _stamp(day: date) -> str:
    return json.dumps({"day": day.isoformat(), "format": FORMAT})


def is_current(today: date) -> bool:
    return as_of() == today


_COLUMNS = ("contact_id, last_touch_on, last_inbound_on, days_quiet, cadence_days, overdue_days, one_sided, owes_reply, "
            "unanswered, in_window_in, in_window_out, unanswered_shares, not_followed_back, not_following_back, "
            "severity, reasons")  # the order of _row
_INSERT = f"INSERT OR REPLACE INTO health_state ({_COLUMNS}) VALUES ({','.join('?' * 16)})"
_FRESH = "_health_state_fresh"  # the rebuild's rows, on its own connection, until they replace the state
# The rebuild's temporary table gets a page cache of its own; rows past it go to a temporary file.
_FRESH_CACHE_KIB = 1024


def rebuild(today: date) -> None:
    """Recompute every contact's state as of *today* (seconds on a huge journal: run it off the UI thread).

    Computed a slice of contacts at a time; each slice's rows go straight into a temporary
    table of this connection (SQLite's pages, not Python objects), so that what the rebuild
    holds does not grow with the journal. They replace the state in one short transaction
    at the end: a reader sees the old state or the new one, never a mix.
    """
    conn = db.connection()
    current = settings_mod.load()
    temp_cache = conn.execute("PRAGMA temp.cache_size").fetchone()[0]
    conn.execute(f"PRAGMA temp.cache_size = -{_FRESH_CACHE_KIB}")
    conn.execute(f"DROP TABLE IF EXISTS temp.{_FRESH}")
    # Keyed by contact (read back in that order); the other columns without declared types: as they are.
    conn.execute(f"CREATE TEMP TABLE {_FRESH} (contact_id INTEGER PRIMARY KEY{_COLUMNS[len('contact_id'):]})")
    try:
        after = 0
        while True:
            ids = [i for (i,) in conn.execute(
                "SELECT id FROM contact WHERE archived = 0 AND id > ? ORDER BY id LIMIT ?", (after, _SLICE))]
            if not ids:
                break
            after = ids[-1]
            conn.executemany(f"INSERT INTO temp.{_FRESH} ({_COLUMNS}) VALUES ({','.join('?' * 16)})",
                             map(_row, health.compute(today, ids, current)))
        with db.atomic():
            conn.execute("DELETE FROM health_state")
            conn.execute(f"INSERT INTO health_state ({_COLUMNS}) SELECT {_COLUMNS} FROM temp.{_FRESH}")
            conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (_KEY, _stamp(today)))
    finally:
        conn.execute(f"DROP TABLE IF EXISTS temp.{_FRESH}")
        conn.execute(f"PRAGMA temp.cache_size = {int(temp_cache)}")


def update_for(contact_ids: Iterable[int]) -> None:
    """Bring the state of *contact_ids* up to date (when the stored state is valid at all)."""
    day = as_of()
    ids = sorted(set(contact_ids))
    if day is None or not ids:
        return
    fresh = {h.id: h for h in health.compute(day, ids)}
    conn = db.connection()
    with db.atomic():
        conn.executemany("DELETE FROM health_state WHERE contact_id = ?", [(i,) for i in ids if i not in fresh])
        conn.executemany(_INSERT, [_row(h) for h in fresh.values()])


def invalidate() -> None:
    """Mark the whole state out of date (after a bulk change or a settings change).

    A state this build cannot read keeps its stamp: it is out of date here already, and the
    stamp is what keeps its rows from being read (:func:`readable`) until the rebuild.
    """
    if readable():
        db.connection().execute("DELETE FROM setting WHERE key = ?", (_KEY,))
