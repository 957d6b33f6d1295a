"""Read-side SQL for the Content, Goals and Journal pages and the Share dialog.

The content library (with share counts and response rates, sorted in SQL), the people an
item could go to (picked by name as you type, or suggested by their tags and open goals),
goals across every contact, and the journal of recent activity paged newest first by key
(never by OFFSET: a big journal holds a million interactions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dealjournal.domain import PRIORITIES
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.queries.contacts import fts_query
from dealjournal.store.db import db

_SEP = "\x1f"  # joins topics inside SQL; never typed by a person
_WORD = re.compile(r"\w+", re.UNICODE)

CONTENT_SORTS: dict[str, str] = {
    "title": "c.title COLLATE NOCASE",
    "kind": "c.kind",
    "origin": "c.origin",
    "author": "c.author COLLATE NOCASE",
    "topics": "topics COLLATE NOCASE",
    "times_shared": "times_shared",
    "response_rate": "response_rate",
    "last_shared": "last_shared",
}
GOAL_FILTERS: tuple[str, ...] = ("open", "achieved", "dropped", "all")
_PRIORITY_ORDER = "CASE g.priority " + " ".join(f"WHEN '{p}' THEN {i}" for i, p in enumerate(PRIORITIES)) + " END"
# Journal sources in the order used to break ties between entries of the same moment.
SOURCES: tuple[str, ...] = ("stage", "share", "interaction")


def _like(text: str) -> str:
    """*text* as a LIKE pattern matching it anywhere (with ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _topics(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(_SEP)) if joined else ()


# --- the content library ----------------------------------------------------------------

@dataclass(frozen=True)
class ContentRow:
    id: int
    title: str
    url: str | None
    kind: str
    origin: str
    author: str | None
    topics: tuple[str, ...]
    times_shared: int
    responded: int
    last_shared: str | None

    @property
    def response_rate(self) -> float | None:
        """Share of this item's shares that got a response other than none (0…1); None if never shared."""
        return self.responded / self.times_shared if self.times_shared else None


def content_library(search: str = "", sort: str = "title", descending: bool = False) -> list[ContentRow]:
    """The library, filtered by *search* (title, author or a topic contain it) and sorted by *sort*.

    Items never shared sort last by response rate and last shared, whichever the direction.
    """
    if sort not in CONTENT_SORTS:
        raise ValueError(f"unknown content sort {sort!r}")
    where, params = "", []
    if search.strip():
        pattern = _like(search.strip())
        where = ("WHERE c.title LIKE ? ESCAPE '\\' OR c.author LIKE ? ESCAPE '\\' OR EXISTS "
                 "(SELECT 1 FROM content_topic t WHERE t.content_id = c.id AND t.topic LIKE ? ESCAPE '\\')")
        params = [pattern, pattern, pattern]
    direction = "DESC" if descending else "ASC"
    sql = f"""
        SELECT c.id, c.title, c.url, c.kind, c.origin, c.author,
               (SELECT group_concat(topic, char(31)) FROM
                   (SELECT topic FROM content_topic WHERE content_id = c.id ORDER BY topic COLLATE NOCASE)) AS topics,
               count(s.id) AS times_shared,
               coalesce(sum(s.response <> 'none'), 0) AS responded,
               max(s.on_day) AS last_shared,
               CASE WHEN count(s.id) > 0 THEN 1.0 * sum(s.response <> 'none') / count(s.id) END AS response_rate
          FROM content c LEFT JOIN share s ON s.content_id = c.id
          {where}
         GROUP BY c.id
         ORDER BY {CONTENT_SORTS[sort]} {direction} NULLS LAST, c.title COLLATE NOCASE, c.id"""
    rows = db.connection().execute(sql, params).fetchall()
    return [ContentRow(r[0], r[1], r[2], r[3], r[4], r[5], _topics(r[6]), r[7], r[8], r[9]) for r in rows]


@dataclass(frozen=True)
class ContentItem:
    id: int
    title: str
    url: str | None
    kind: str
    origin: str
    author: str | None
    summary: str
    topics: tuple[str, ...]


def content_item(content_id: int) -> ContentItem | None:
    row = db.connection().execute(
        "SELECT id, title, url, kind, origin, author, summary FROM content WHERE id = ?", (content_id,)).fetchone()
    if row is None:
        return None
    topics = [t for (t,) in db.connection().execute(
        "SELECT topic FROM content_topic WHERE content_id = ? ORDER BY id", (content_id,))]
    return ContentItem(row[0], row[1], row[2], row[3], row[4], row[5], row[6], tuple(topics))


def content_choices() -> list[tuple[int, str]]:
    """Every item as (id, title), by title: for a combo box."""
    rows = db.connection().execute("SELECT id, title FROM content ORDER BY title COLLATE NOCASE, id").fetchall()
    return [(int(r[0]), str(r[1])) for r in rows]


@dataclass(frozen=True)
class ShareRow:
    id: int
    contact_id: int
    contact_name: str
    on_day: str
    via: str | None
    note: str
    response: str
    responded_on: str | None


def content_shares(content_id: int) -> list[ShareRow]:
    """Who an item was shared with, newest first."""
    rows = db.connection().execute(
        """SELECT s.id, s.contact_id, c.name, s.on_day, s.via, s.note, s.response, s.responded_on
             FROM share s JOIN contact c ON c.id = s.contact_id
            WHERE s.content_id = ? ORDER BY s.on_day DESC, s.id DESC""", (content_id,)).fetchall()
    return [ShareRow(*r) for r in rows]


def share_count(content_id: int) -> int:
    return int(db.connection().execute("SELECT count(*) FROM share WHERE content_id = ?", (content_id,)).fetchone()[0])


# --- choosing whom to share with --------------------------------------------------------

@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    company: str | None
    reasons: tuple[str, ...] = ()  # Phrases: "tag: fintech", "goal: …"


def find_contacts(text: str, limit: int = 50) -> list[ContactChoice]:
    """Non-archived contacts whose name or company has words starting with what was typed.

    Uses the full-text index (prefix match on every word), so it stays instant at 100k
    contacts; with nothing typed, the first *limit* contacts by name.
    """
    words = _WORD.findall(text)
    conn = db.connection()
    if not words:
        if text.strip():
            return []
        rows = conn.execute("SELECT id, name, company FROM contact WHERE archived = 0 "
                            "ORDER BY name COLLATE NOCASE, id LIMIT ?", (limit,)).fetchall()
        return [ContactChoice(*r) for r in rows]
    match = " AND ".join('{name company} : "' + w.replace('"', '""') + '"*' for w in words)
    rows = conn.execute(
        """SELECT c.id, c.name, c.company FROM contact_fts f JOIN contact c ON c.id = f.rowid
            WHERE contact_fts MATCH ? AND c.archived = 0
            ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?""", (match, limit)).fetchall()
    return [ContactChoice(*r) for r in rows]


def contact_names(contact_ids: Iterable[int]) -> list[ContactChoice]:
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r[0]: r for r in db.connection().execute(
        f"SELECT id, name, company FROM contact WHERE id IN ({marks})", ids)}
    return [ContactChoice(*rows[i]) for i in ids if i in rows]


def suggestions(content_id: int, limit: int = 50) -> list[ContactChoice]:
    """Contacts an item could help: a tag equals one of its topics, or an open goal mentions one.

    Case-insensitive; each contact once, with every reason ("tag: fintech", "goal: …");
    contacts who already received the item and archived contacts are left out.
    """
    rows = db.connection().execute(
        """WITH topic AS (SELECT DISTINCT lower(topic) AS t FROM content_topic WHERE content_id = :item),
                done AS (SELECT contact_id FROM share WHERE content_id = :item),
                hit AS (
                  SELECT tg.contact_id AS cid, 0 AS ord, tg.tag AS what
                    FROM contact_tag tg WHERE lower(tg.tag) IN (SELECT t FROM topic)
                  UNION ALL
                  SELECT g.contact_id, 1, g.title FROM goal g
                   WHERE g.status = 'open' AND EXISTS (
                         SELECT 1 FROM topic WHERE g.title LIKE '%' || replace(replace(replace(t, '\\', '\\\\'),
                               '%', '\\%'), '_', '\\_') || '%' ESCAPE '\\'
                            OR g.details LIKE '%' || replace(replace(replace(t, '\\', '\\\\'),
                               '%', '\\%'), '_', '\\_') || '%' ESCAPE '\\'))
           SELECT c.id, c.name, c.company, hit.ord, hit.what
             FROM hit JOIN contact c ON c.id = hit.cid
            WHERE c.archived = 0 AND c.id NOT IN (SELECT contact_id FROM done)
            ORDER BY hit.ord, c.name COLLATE NOCASE, c.id, hit.what
            LIMIT :cap""", {"item": content_id, "cap": limit * 4}).fetchall()
    found: dict[int, tuple[str, str | None, list[str]]] = {}
    for cid, name, company, ord_, what in rows:
        entry = found.setdefault(cid, (name, company, []))
        reason = (Phrase(QT_TRANSLATE_NOOP("core", "tag: {tag}"), tag=what) if ord_ == 0
                  else Phrase(QT_TRANSLATE_NOOP("core", "goal: {goal}"), goal=what))
        if reason not in entry[2]:
            entry[2].append(reason)
    return [ContactChoice(cid, name, company, tuple(reasons))
            for cid, (name, company, reasons) in list(found.items())[:limit]]


@dataclass(frozen=True)
class GoalChoice:
    id: int
    title: str
    priority: str
    target_on: str | None


def open_goals_of(contact_id: int) -> list[GoalChoice]:
    rows = db.connection().execute(
        f"""SELECT g.id, g.title, g.priority, g.target_on FROM goal g
             WHERE g.contact_id = ? AND g.status = 'open'
             ORDER BY {_PRIORITY_ORDER}, g.target_on IS NULL, g.target_on, g.id""", (contact_id,)).fetchall()
    return [GoalChoice(*r) for r in rows]


# --- goals across contacts --------------------------------------------------------------

@dataclass(frozen=True)
class GoalRow:
    id: int
    contact_id: int
    contact_name: str
    title: str
    priority: str
    status: str
    target_on: str | None
    created_on: str
    closed_on: str | None
    overdue_days: int | None  # days past the target of an open goal; None when not overdue


def goals(status: str = "open", as_of: date | None = None, *, limit: int = 500, offset: int = 0) -> list[GoalRow]:
    """Goals of non-archived contacts: high priority first, then soonest target (none last)."""
    if status not in GOAL_FILTERS:
        raise ValueError(f"unknown goal filter {status!r}")
    day = (as_of or date.today()).isoformat()
    where = "" if status == "all" else "AND g.status = :status"
    rows = db.connection().execute(
        f"""SELECT g.id, g.contact_id, c.name, g.title, g.priority, g.status, g.target_on, g.created_on,
                   g.closed_on,
                   CASE WHEN g.status = 'open' AND g.target_on < :day
                        THEN CAST(julianday(:day) - julianday(g.target_on) AS INTEGER) END
              FROM goal g JOIN contact c ON c.id = g.contact_id
             WHERE c.archived = 0 {where}
             ORDER BY {_PRIORITY_ORDER}, g.target_on IS NULL, g.target_on, g.created_on, g.id
             LIMIT :limit OFFSET :offset""",
        {"status": status, "day": day, "limit": limit, "offset": offset}).fetchall()
    return [GoalRow(*r) for r in rows]


# --- the journal of recent activity -----------------------------------------------------

# The words of a share's response and of a stage inside a journal summary (lower case, as
# the English summary has always shown the codes).
_RESPONSE_WORDS: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("core", "no response yet"), "seen": QT_TRANSLATE_NOOP("core", "seen"),
    "replied": QT_TRANSLATE_NOOP("core", "replied"), "acted": QT_TRANSLATE_NOOP("core", "acted"),
}
_STAGE_WORDS: dict[str, str] = {
    "lead": QT_TRANSLATE_NOOP("core", "lead"), "engaged": QT_TRANSLATE_NOOP("core", "engaged"),
    "opportunity": QT_TRANSLATE_NOOP("core", "opportunity"), "customer": QT_TRANSLATE_NOOP("core", "customer"),
    "advocate": QT_TRANSLATE_NOOP("core", "advocate"),
}


def _word(table: dict[str, str], code: str) -> str:
    """A code's word as a Phrase (an unknown code as it is)."""
    return Phrase(table[code]) if code in table else code


def _share_summary(title: str, via: str | None, response: str) -> Phrase:
    answer = _word(_RESPONSE_WORDS, response)
    if via:
        return Phrase(QT_TRANSLATE_NOOP("core", "Shared “{title}” via {via} — {answer}"),
                      title=title, via=via, answer=answer)
    return Phrase(QT_TRANSLATE_NOOP("core", "Shared “{title}” — {answer}"), title=title, answer=answer)


def _stage_summary(from_stage: str | None, to_stage: str) -> Phrase:
    if from_stage:
        return Phrase(QT_TRANSLATE_NOOP("core", "Stage: {old} → {new}"),
                      old=_word(_STAGE_WORDS, from_stage), new=_word(_STAGE_WORDS, to_stage))
    return Phrase(QT_TRANSLATE_NOOP("core", "Stage: started as {stage}"), stage=_word(_STAGE_WORDS, to_stage))


@dataclass(frozen=True)
class ActivityRow:
    source: str  # 'interaction', 'share' or 'stage'
    id: int
    contact_id: int
    contact_name: str
    day: str
    at: str
    kind: str  # an interaction kind, 'share' or 'stage'
    direction: str | None  # 'in', 'out', 'mutual', 'none'; None for a stage change
    summary: str  # the entry's own summary; a Phrase for a share or a stage change
    source_kind: str | None = None  # a captured interaction's reader ("mbox", "ics", ...); None if typed

    @property
    def key(self) -> tuple[str, str, int, int]:
        """Where the entry sits in the journal (newest = greatest)."""
        return (self.day, self.at, SOURCES.index(self.source), self.id)


def activity(limit: int = 200, before: tuple[str, str, int, int] | None = None, *,
             kind: str | None = None, direction: str | None = None, search: str = "",
             since: str | None = None, until: str | None = None) -> list[ActivityRow]:
    """Up to *limit* journal entries, newest first, all older than *before* (an :attr:`ActivityRow.key`).

    *kind*: an interaction kind, ``'interaction'`` (any), ``'share'`` or ``'stage'``;
    *direction*: ``'in'``, ``'out'``, ``'mutual'`` or ``'none'`` (shares count as out);
    *search*: words that what was said must hold (an interaction's summary or details, a
    share's note; prefix match, as the contact search); *since* / *until*: the first and
    last day (``YYYY-MM-DD``). Each source is read through its day index and the pages
    merged, so a page costs the same at the top of a million entries as at the bottom.
    """
    conn = db.connection()
    key = before or ("9999-12-31", "9999-12-31T99", 99, 0)
    if until is not None and until < key[0]:
        key = (until, until + "T99", 99, 0)
    match = fts_query(search)
    params = {"day": key[0], "at": key[1], "src": key[2], "id": key[3], "n": limit, "since": since or "",
              "match": match}
    rows: list[ActivityRow] = []
    if kind not in ("share", "stage"):
        extra = " AND i.day >= :since" if since else ""
        if kind not in (None, "interaction"):
            extra += " AND i.kind = :kind"
        if direction:
            extra += " AND i.direction = :direction"
        if match:
            extra += " AND i.id IN (SELECT rowid FROM interaction_fts WHERE interaction_fts MATCH :match)"
        src = SOURCES.index("interaction")
        rows += [ActivityRow("interaction", *r) for r in conn.execute(
            f"""SELECT i.id, i.contact_id, c.name, i.day, i.at, i.kind, i.direction, i.summary, i.source_kind
                  FROM interaction i JOIN contact c ON c.id = i.contact_id
                 WHERE i.day <= :day AND (i.day, i.at, {src}, i.id) < (:day, :at, :src, :id) {extra}
                 ORDER BY i.day DESC, i.at DESC, i.id DESC LIMIT :n""",
            {**params, "kind": kind, "direction": direction})]
    if kind in (None, "share") and direction in (None, "out"):
        src = SOURCES.index("share")
        extra = " AND s.on_day >= :since" if since else ""
        if match:
            extra += " AND s.id IN (SELECT rowid FROM share_fts WHERE share_fts MATCH :match)"
        for r in conn.execute(
                f"""SELECT s.id, s.contact_id, c.name, s.on_day, k.title, s.via, s.response
                      FROM share s JOIN contact c ON c.id = s.contact_id JOIN content k ON k.id = s.content_id
                     WHERE s.on_day <= :day AND (s.on_day, s.on_day, {src}, s.id) < (:day, :at, :src, :id) {extra}
                     ORDER BY s.on_day DESC, s.id DESC LIMIT :n""", params):
            rows.append(ActivityRow("share", r[0], r[1], r[2], r[3], r[3], "share", "out",
                                    _share_summary(r[4], r[5], r[6])))
    if kind in (None, "stage") and direction is None and not match:  # a stage change says nothing
        src = SOURCES.index("stage")
        extra = " AND s.on_day >= :since" if since else ""
        for r in conn.execute(
                f"""SELECT s.id, s.contact_id, c.name, s.on_day, s.from_stage, s.to_stage
                      FROM stage_change s JOIN contact c ON c.id = s.contact_id
                     WHERE s.on_day <= :day AND (s.on_day, s.on_day, {src}, s.id) < (:day, :at, :src, :id) {extra}
                     ORDER BY s.on_day DESC, s.id DESC LIMIT :n""", params):
            rows.append(ActivityRow("stage", r[0], r[1], r[2], r[3], r[3], "stage", None,
                                    _stage_summary(r[4], r[5])))
    rows.sort(key=lambda row: row.key, reverse=True)
    return rows[:limit]
