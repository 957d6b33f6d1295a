"""Derived touch data, kept current by every operation that changes interactions or shares.

``touch_day`` folds every interaction and share into inbound/outbound counts per contact
and day (DOMAIN.md's table of touches); ``touch_summary`` holds per contact the figures
that do not depend on the report's day: last inbound and outbound day, outbound touches
since the last inbound one, and the latest touch day. The summary is exact for any day T
on or after ``max_day``; the health engine recomputes the rare contacts with touches after
T from ``touch_day``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from dealjournal.store.db import db

# The touches of DOMAIN.md, one row per source; {where} restricts each part to some contacts.
TOUCH_SOURCES = """
    SELECT contact_id, day,
           direction IN ('in', 'mutual') AS n_in,
           direction IN ('out', 'mutual') AS n_out
      FROM interaction WHERE direction <> 'none' {where}
    UNION ALL
    SELECT contact_id, on_day, 0, 1 FROM share WHERE 1 {where}
    UNION ALL
    SELECT contact_id, coalesce(responded_on, on_day), 1, 0
      FROM share WHERE response <> 'none' {where}
"""

# Per contact, as of a cap day: last inbound, last outbound, outbound touches strictly after
# the last inbound day (all of them when there is none), and the latest touch day.
FIGURES_SQL = """
    WITH agg AS (
        SELECT contact_id,
               max(CASE WHEN n_in > 0 THEN day END) AS last_in,
               max(CASE WHEN n_out > 0 THEN day END) AS last_out,
               max(day) AS max_day
          FROM touch_day WHERE day <= :cap {where} GROUP BY contact_id)
    SELECT a.contact_id, a.last_in, a.last_out,
           (SELECT coalesce(sum(t.n_out), 0) FROM touch_day t
             WHERE t.contact_id = a.contact_id AND t.day <= :cap
               AND (a.last_in IS NULL OR t.day > a.last_in)) AS unanswered,
           a.max_day
      FROM agg a
"""
FAR_FUTURE = "9999-12-31"


def _restriction(conn: sqlite3.Connection, contact_ids: Iterable[int] | None) -> str:
    """A SQL condition limiting rows to *contact_ids* (via a temp table for large sets)."""
    if contact_ids is None:
        return ""
    ids = sorted(set(contact_ids))
    if len(ids) <= 50:
        return f"AND contact_id IN ({','.join(str(int(i)) for i in ids)})"
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _touch_ids (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _touch_ids")
    conn.executemany("INSERT INTO _touch_ids (id) VALUES (?)", ((i,) for i in ids))
    return "AND contact_id IN (SELECT id FROM _touch_ids)"


def refresh(contact_ids: Iterable[int] | None = None) -> None:
    """Recompute the derived touch data of *contact_ids* (None: every contact).

    Call inside the operation's transaction, after its writes.
    """
    conn = db.connection()
    where = _restriction(conn, contact_ids)
    with db.atomic():
        conn.execute(f"DELETE FROM touch_day WHERE 1 {where}")
        conn.execute(
            f"""INSERT INTO touch_day (contact_id, day, n_in, n_out)
                SELECT contact_id, day, sum(n_in), sum(n_out)
                  FROM ({TOUCH_SOURCES.format(where=where)})
                 GROUP BY contact_id, day"""
        )
        conn.execute(f"DELETE FROM touch_summary WHERE 1 {where}")
        conn.execute(
            f"INSERT INTO touch_summary (contact_id, last_in_on, last_out_on, unanswered, max_day) "
            f"{FIGURES_SQL.format(where=where)}",
            {"cap": FAR_FUTURE},
        )


def figures_as_of(cap: str, contact_ids: Iterable[int] | None) -> dict[int, tuple[str | None, str | None, int]]:
    """(last inbound, last outbound, unanswered) per contact counting only touches on or before *cap*."""
    conn = db.connection()
    where = _restriction(conn, contact_ids)
    rows = conn.execute(FIGURES_SQL.format(where=where), {"cap": cap}).fetchall()
    return {cid: (last_in, last_out, unanswered) for cid, last_in, last_out, unanswered, _ in rows}
