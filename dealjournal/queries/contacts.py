"""The contact list: filter, sort and page in SQL, so that it stays instant at 100k contacts.

Text search uses the full-text tables (prefix match on every word typed): ``contact_fts``
(name, company, notes, tags) and what was said — ``interaction_fts`` (summaries and details)
and ``share_fts`` (notes). Health filters and sorts use the cached ``health_state`` table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dealjournal import phrases
from dealjournal.health import state as health_state
from dealjournal.ops.bulk import TRIAGE_TAG
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db
from dealjournal.store.schema import STAGE_RANK

HEALTH_FILTERS: dict[str, str] = {
    "stale": "h.overdue_days IS NOT NULL",
    "one_sided": "h.one_sided IS NOT NULL",
    "giving": "h.one_sided = 'giving'",
    "taking": "h.one_sided = 'taking'",
    "needs_attention": "h.severity > 0",
    "healthy": "h.severity = 0",
}
# The health filters' names (Phrases: show them with ``i18n.say``).
HEALTH_LABELS: dict[str, str] = {
    "stale": Phrase(QT_TRANSLATE_NOOP("core", "Stale")),
    "one_sided": Phrase(QT_TRANSLATE_NOOP("core", "One-sided")),
    "giving": Phrase(QT_TRANSLATE_NOOP("core", "You do all the reaching out")),
    "taking": Phrase(QT_TRANSLATE_NOOP("core", "They're waiting on you")),
    "needs_attention": Phrase(QT_TRANSLATE_NOOP("core", "Needs attention")),
    "healthy": Phrase(QT_TRANSLATE_NOOP("core", "Healthy")),
}
# The contact_* indexes of schema v2 are built on exactly these expressions.
SORT_KEYS: dict[str, str] = {
    "name": "c.name COLLATE NOCASE",
    "company": "coalesce(c.company, '') COLLATE NOCASE",
    "stage": STAGE_RANK.replace("stage", "c.stage"),
    "last_touch": "coalesce(h.last_touch_on, '')",
    "days_quiet": "h.days_quiet",
    "health": "h.severity",
}
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ContactFilter:
    """What the list shows: text typed, stage, tag, health state, archived or not."""

    text: str = ""
    stage: str | None = None
    tag: str | None = None
    health: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    company: str | None
    stage: str
    last_touch_on: str | None
    days_quiet: int | None
    severity: int | None
    one_sided: str | None
    overdue_days: int | None
    unanswered_shares: int | None
    follow_imbalance: int | None
    reasons: tuple[str, ...]

    @property
    def health_text(self) -> str:
        """A short word for the health column (a Phrase, but "" when there is no state)."""
        if self.severity is None:
            return ""
        parts: list[Phrase] = []
        if self.overdue_days is not None:
            parts.append(Phrase(QT_TRANSLATE_NOOP("core", "stale +{n}d"), n=self.overdue_days))
        if self.one_sided == "giving":
            parts.append(Phrase(QT_TRANSLATE_NOOP("core", "one-sided (you)")))
        elif self.one_sided == "taking":
            parts.append(Phrase(QT_TRANSLATE_NOOP("core", "waiting on you")))
        if not parts and self.unanswered_shares:
            parts.append(Phrase(QT_TRANSLATE_NOOP("core", "unanswered share")) if self.unanswered_shares == 1
                         else Phrase(QT_TRANSLATE_NOOP("core", "unanswered shares")))
        if not parts and self.follow_imbalance:
            parts.append(Phrase(QT_TRANSLATE_NOOP("core", "follow imbalance")))
        if not parts:
            return Phrase(QT_TRANSLATE_NOOP("core", "healthy"))
        return parts[0] if len(parts) == 1 else Phrase.joined(parts, ", ")


def fts_query(text: str) -> str | None:
    """An FTS5 query matching every typed word as a prefix; None when nothing searchable was typed."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


# Contacts whose name, company, notes or tags match, or whose interactions (summary, details)
# or shares (note) do: the contact search also finds what was said. Three times the query.
_MATCHING = """SELECT rowid AS id FROM contact_fts WHERE contact_fts MATCH ?
               UNION SELECT i.contact_id FROM interaction_fts f JOIN interaction i ON i.id = f.rowid
                      WHERE interaction_fts MATCH ?
               UNION SELECT s.contact_id FROM share_fts f JOIN share s ON s.id = f.rowid WHERE share_fts MATCH ?"""

_HEALTH_SORTS = ("last_touch", "days_quiet", "health")


def _health() -> str:
    """The cached health rows the list may read: none while they are of a newer build's format."""
    return health_state.table()


def _health_first() -> str:
    """A health filter keeps few rows: start from health_state's partial indexes (CROSS JOIN fixes the order)."""
    return f"{_health()} h CROSS JOIN contact c ON c.id = h.contact_id"


def _where(f: ContactFilter) -> tuple[str, list[Any], bool]:
    """The WHERE clause, its arguments, and whether it needs ``health_state`` joined as ``h``."""
    clauses = ["c.archived = ?"]
    args: list[Any] = [int(f.archived)]
    match = fts_query(f.text)
    if match is not None:
        clauses.append(f"c.id IN ({_MATCHING})")
        args += [match] * 3
    if f.stage:
        clauses.append("c.stage = ?")
        args.append(f.stage)
    if f.tag:
        clauses.append("c.id IN (SELECT contact_id FROM contact_tag WHERE tag = ?)")
        args.append(f.tag)
    if f.health:
        clauses.append(HEALTH_FILTERS[f.health])
    return " AND ".join(clauses), args, bool(f.health)


def count(f: ContactFilter) -> int:
    """How many contacts the filter lets through."""
    conn = db.connection()
    match = fts_query(f.text)
    if match is not None and not (f.stage or f.tag or f.health):
        # Text alone: count the matches and take away the few on the other side of the archive.
        archived = "IN" if f.archived else "NOT IN"
        return int(conn.execute(
            f"SELECT count(*) FROM ({_MATCHING}) AS m "
            f"WHERE m.id {archived} (SELECT id FROM contact WHERE archived = 1)", (match,) * 3).fetchone()[0])
    where, args, health = _where(f)
    source = _health_first() if health else "contact c"
    return int(conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", args).fetchone()[0])


def page(f: ContactFilter, sort: str = "name", descending: bool = False, offset: int = 0,
         limit: int = 200) -> list[ContactRow]:
    """Rows *offset* … *offset* + *limit* of the filtered list in the chosen order.

    The ids of the page are chosen first from indexes alone (so a deep OFFSET skips index
    entries, not joined rows), then the page's rows are read.
    """
    ids = ordered_ids(f, sort, descending, offset, limit)
    if not ids:
        return []
    rows = db.connection().execute(
        f"""SELECT c.id, c.name, c.company, c.stage, h.last_touch_on, h.days_quiet, h.severity, h.one_sided,
                   h.overdue_days, h.unanswered_shares, h.not_followed_back + h.not_following_back, h.reasons
              FROM contact c LEFT JOIN {_health()} h ON h.contact_id = c.id
             WHERE c.id IN ({",".join(map(str, ids))})""").fetchall()
    by_id = {row[0]: _row(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def ordered_ids(f: ContactFilter, sort: str = "name", descending: bool = False, offset: int = 0,
                limit: int = 200) -> list[int]:
    """The contact ids of rows *offset* … *offset* + *limit* of the list, in its order (one
    query, from indexes: a selection of 10,000 rows of the list costs one query, not 50 pages)."""
    if sort in _HEALTH_SORTS and f == ContactFilter() and health_state.as_of() is not None:
        return _health_ordered_ids(sort, descending, offset, limit)
    where, args, health = _where(f)
    direction = "DESC" if descending else "ASC"
    if sort in _HEALTH_SORTS:
        # Contacts without a cached state yet sort last; ties keep the cheap id order.
        order = f"{SORT_KEYS[sort]} {direction} NULLS LAST, c.id"
    else:
        order = f"{SORT_KEYS[sort]} {direction}, c.name COLLATE NOCASE {direction}, c.id {direction}"
    if health:
        source = _health_first()
    elif sort in _HEALTH_SORTS:
        source = f"contact c LEFT JOIN {_health()} h ON h.contact_id = c.id"
    else:
        source = "contact c"
    return [i for (i,) in db.connection().execute(
        f"SELECT c.id FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*args, limit, offset])]


def _row(r: tuple[Any, ...]) -> ContactRow:
    return ContactRow(id=r[0], name=r[1], company=r[2], stage=r[3], last_touch_on=r[4], days_quiet=r[5], severity=r[6],
                      one_sided=r[7], overdue_days=r[8], unanswered_shares=r[9], follow_imbalance=r[10],
                      reasons=phrases.loads(r[11]))


def _health_ordered_ids(sort: str, descending: bool, offset: int, limit: int) -> list[int]:
    """Every active contact ordered by a cached health column, read in index order.

    While the cached state is valid it holds one row per active contact; contacts that
    somehow lack one follow at the end, in id order.
    """
    conn = db.connection()
    column = {"last_touch": "coalesce(last_touch_on, '')", "days_quiet": "days_quiet", "health": "severity"}[sort]
    direction = "DESC" if descending else "ASC"
    ids = [i for (i,) in conn.execute(
        f"SELECT contact_id FROM health_state ORDER BY {column} {direction}, contact_id {direction} LIMIT ? OFFSET ?",
        (limit, offset))]
    if len(ids) < limit:
        with_state = conn.execute("SELECT count(*) FROM health_state").fetchone()[0]
        ids += [i for (i,) in conn.execute(
            "SELECT id FROM contact c WHERE archived = 0 AND NOT EXISTS "
            "(SELECT 1 FROM health_state h WHERE h.contact_id = c.id) ORDER BY id LIMIT ? OFFSET ?",
            (limit - len(ids), max(0, offset - with_state)))]
    return ids


def tags() -> list[str]:
    """Every tag in use, for the tag filter."""
    return [t for (t,) in db.connection().execute("SELECT DISTINCT tag FROM contact_tag ORDER BY tag COLLATE NOCASE")]


def tags_of(contact_ids: Iterable[int]) -> list[str]:
    """The tags that at least one of *contact_ids* has (what "Remove tag" offers for a selection)."""
    listed = ",".join(str(int(i)) for i in contact_ids) or "NULL"
    return [t for (t,) in db.connection().execute(
        f"SELECT DISTINCT tag FROM contact_tag WHERE contact_id IN ({listed}) ORDER BY tag COLLATE NOCASE")]


# --- triage: imported contacts waiting for a keep-in-touch decision (ops.bulk.TRIAGE_TAG) ----

@dataclass(frozen=True)
class TriageItem:
    """The next contact to triage, with what helps to decide."""

    id: int
    name: str
    company: str | None
    title: str | None
    location: str | None
    connected_on: str | None  # the LinkedIn connection's day, when there is one
    source: str | None


_UNTRIAGED = ("FROM contact c WHERE c.archived = 0 AND EXISTS "
              "(SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = :tag)")


def untriaged_count() -> int:
    """How many active contacts wait for triage."""
    return int(db.connection().execute(
        "SELECT count(*) FROM contact_tag t JOIN contact c ON c.id = t.contact_id "
        "WHERE t.tag = ? AND c.archived = 0", (TRIAGE_TAG,)).fetchone()[0])


def next_untriaged() -> TriageItem | None:
    """The first contact of the triage queue (in the order they were imported), or None."""
    row = db.connection().execute(
        f"""SELECT c.id, c.name, c.company, c.title, c.location,
                   (SELECT min(h.following_since) FROM channel h WHERE h.contact_id = c.id AND h.network = 'linkedin'),
                   c.source {_UNTRIAGED} ORDER BY c.id LIMIT 1""", {"tag": TRIAGE_TAG}).fetchone()
    return TriageItem(*row) if row is not None else None
