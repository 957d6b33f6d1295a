"""Derived touch data, kept current by every operation that changes interactions or shares.

``touch_day`` folds every interaction and share into inbound/outbound counts per contact
and day (DOMAIN.md's table of touches); ``touch_summary`` holds per contact the figures
that do not depend on the report's day: last inbound and outbound day, the outbound
touches after the last inbound moment, whether an outbound touch answers that moment, and
the latest touch day. The summary is exact for any day T on or after ``max_day``; the
health engine recomputes the rare contacts with touches after T (:func:`figures_as_of`).

Moments (DOMAIN.md, revision 2): only an interaction's ``at`` can carry a time, so the time
of the last inbound moment L and the same-day order of touches are read from the
interactions of L's day alone (the ``(contact_id, at)`` index finds them); every other day
is compared whole, from ``touch_day``.
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

# The columns of touch_summary, in the order FIGURES_SQL gives them.
SUMMARY_COLUMNS = "contact_id, last_in_on, last_out_on, unanswered, last_in_answered, max_day"

# An interaction's time as HH:MM:SS (so that HH:MM and HH:MM:SS compare), NULL when its `at` is a day alone.
_TIME = "CASE length(i.at) WHEN 16 THEN substr(i.at, 12) || ':00' WHEN 19 THEN substr(i.at, 12) END"
# The interactions of contact c's last inbound day (its `at` is the day, or the day and a time).
_ON_LAST_IN_DAY = "i.contact_id = c.contact_id AND i.at BETWEEN c.last_in AND c.last_in || 'T99:99:99'"

# Per contact, as of a cap day (DOMAIN.md, "Moments"):
# - agg: last inbound day, last outbound day, latest touch day;
# - moment: the time of the last inbound moment L, the latest one known among that day's
#   inbound interactions (share responses have none);
# - around: that day's outbound interactions earlier and later than L (none when L has no time);
# then unanswered = outbound touches on later days + the later ones on L's day (every
# outbound touch when there is no inbound one), and L is answered by an outbound touch on a
# later day, or by one on its day that is not earlier than L (a share has no time: it answers).
# The interactions are looked up per contact, by correlated subqueries on the (contact_id, at)
# index: with a join, SQLite's planner may scan the whole interaction table (to build a Bloom
# filter) even for one contact.
FIGURES_SQL = f"""
    WITH agg AS (
        SELECT contact_id,
               max(CASE WHEN n_in > 0 THEN day END) AS last_in,
               max(CASE WHEN n_out > 0 THEN day END) AS last_out,
               max(day) AS max_day
          FROM touch_day WHERE day <= :cap {{where}} GROUP BY contact_id),
    moment AS (
        SELECT c.*, (SELECT max({_TIME}) FROM interaction i
                      WHERE {_ON_LAST_IN_DAY} AND i.direction IN ('in', 'mutual')) AS last_in_time
          FROM agg c),
    around AS (
        SELECT c.*,
               (SELECT count(*) FROM interaction i WHERE {_ON_LAST_IN_DAY}
                   AND i.direction IN ('out', 'mutual') AND {_TIME} < c.last_in_time) AS out_before,
               (SELECT count(*) FROM interaction i WHERE {_ON_LAST_IN_DAY}
                   AND i.direction IN ('out', 'mutual') AND {_TIME} > c.last_in_time) AS out_after
          FROM moment c)
    SELECT c.contact_id, c.last_in, c.last_out,
           (SELECT coalesce(sum(t.n_out), 0) FROM touch_day t
             WHERE t.contact_id = c.contact_id AND t.day <= :cap
               AND (c.last_in IS NULL OR t.day > c.last_in)) + c.out_after AS unanswered,
           c.last_in IS NOT NULL AND (coalesce(c.last_out > c.last_in, 0) OR
               (SELECT t.n_out FROM touch_day t WHERE t.contact_id = c.contact_id AND t.day = c.last_in)
               > c.out_before) AS last_in_answered,
           c.max_day
      FROM around c
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
            f"INSERT INTO touch_summary ({SUMMARY_COLUMNS}) {FIGURES_SQL.format(where=where)}",
            {"cap": FAR_FUTURE},
        )


Figures = tuple[str | None, str | None, int, bool]  # last inbound, last outbound, unanswered, last inbound answered


def figures_as_of(cap: str, contact_ids: Iterable[int] | None) -> dict[int, Figures]:
    """(last inbound, last outbound, unanswered, last inbound answered) per contact, counting
    only touches on or before *cap*."""
    conn = db.connection()
    where = _restriction(conn, contact_ids)
    rows = conn.execute(FIGURES_SQL.format(where=where), {"cap": cap}).fetchall()
    return {cid: (last_in, last_out, unanswered, bool(answered))
            for cid, last_in, last_out, unanswered, answered, _ in rows}
