"""Integrity check of an open journal: SQLite's own checks plus the derived touch data."""

from __future__ import annotations

from dealjournal.health.touches import FAR_FUTURE, FIGURES_SQL, SUMMARY_COLUMNS, TOUCH_SOURCES
from dealjournal.store.db import db


def problems() -> list[str]:
    """Everything wrong with the open journal, in words; empty when it is sound."""
    conn = db.connection()
    found: list[str] = []
    integrity = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        return [f"SQLite integrity check: {line}" for line in integrity]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        found.append(f"{table} row {rowid} refers to a missing {parent} row")
    stored = set(conn.execute("SELECT contact_id, day, n_in, n_out FROM touch_day").fetchall())
    fresh = set(conn.execute(
        f"SELECT contact_id, day, sum(n_in), sum(n_out) FROM ({TOUCH_SOURCES.format(where='')}) "
        "GROUP BY contact_id, day").fetchall())
    if stored != fresh:
        found.append(f"derived touch data is out of date for {len({r[0] for r in stored ^ fresh})} contact(s)")
    summary = set(conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM touch_summary").fetchall())
    expected = set(conn.execute(FIGURES_SQL.format(where=""), {"cap": FAR_FUTURE}).fetchall())
    if summary != expected:
        found.append(f"touch summary is out of date for {len({r[0] for r in summary ^ expected})} contact(s)")
    return found
