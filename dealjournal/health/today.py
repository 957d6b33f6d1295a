"""Today: one ranked list of what to do (DOMAIN.md, "Today (the agenda)"), and what comes next.

:func:`agenda` gives one :class:`Entry` per non-archived contact that needs something as of
day T, with every reason that applies, in DOMAIN.md's order: first those you **owe a
reply** (longest wait first), then **follow-ups due** on or before T (oldest due first; a
due reminder counts as a follow-up), then **stale** contacts (largest overdue ÷ cadence
first; customer and opportunity before the rest at an equal ratio), then **one-sided
giving** contacts (largest ``unanswered`` first); ties by name. A contact snoozed until a
day after T is left out, unless an inbound touch came after the moment the snooze was set
(:func:`snoozed`).

:func:`upcoming` lists the open follow-ups and reminders of the next days.

The health figures come from :func:`dealjournal.health.rules.compute`, exact for T. With
``cached=True`` (the window) and the cached health state current for T, they are read
from that state instead (one query, the reasons decoded only when shown), which keeps a
50,000-contact journal's agenda fast; both give the same list.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from typing import Any

from dealjournal import phrases
from dealjournal.health import rules, state
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store.db import db

KINDS = ("owes_reply", "follow_up", "stale", "giving")  # DOMAIN.md's order of the groups
ACTIONS = {"owes_reply": "reply", "follow_up": "follow_up", "stale": "reach_out", "giving": "reach_out"}
FIRST_STAGES = ("customer", "opportunity")  # before the rest at an equal stale ratio
UPCOMING_DAYS = 14
LISTED = 500  # entries the home page lists; the rest wait their turn (it says how many there are)
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Due:
    """An open follow-up (of an interaction) or reminder, and its day."""

    kind: str  # "follow_up" or "reminder"
    ref_id: int  # the interaction's or the reminder's id
    contact_id: int
    name: str
    due_on: str
    text: str

    def reason(self, as_of: date) -> Phrase:
        """"follow-up 3 days overdue: Send the proposal" and the like."""
        late = (as_of - date.fromisoformat(self.due_on)).days
        text = self.text or Phrase(QT_TRANSLATE_NOOP("core", "(no summary)"))
        if self.kind == "reminder":
            if late <= 0:
                return Phrase(QT_TRANSLATE_NOOP("core", "reminder due today: {text}"), text=text)
            return plural(late, QT_TRANSLATE_NOOP("core", "reminder {n} day overdue: {text}"),
                          QT_TRANSLATE_NOOP("core", "reminder {n} days overdue: {text}"), text=text)
        if late <= 0:
            return Phrase(QT_TRANSLATE_NOOP("core", "follow-up due today: {text}"), text=text)
        return plural(late, QT_TRANSLATE_NOOP("core", "follow-up {n} day overdue: {text}"),
                      QT_TRANSLATE_NOOP("core", "follow-up {n} days overdue: {text}"), text=text)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.ref_id, "contact_id": self.contact_id, "name": self.name,
                "due_on": self.due_on, "text": self.text}


class Entry:
    """One contact on Today: the group it is ranked in (``kind``), every kind that applies,
    the reasons in words (Phrases), the next action and what is due.

    *engine_reasons* are the health engine's reasons, or how to read them from the cached
    state. The figures the ranking needs are kept (``waiting_since``: the day of the last inbound
    touch; ``overdue_days`` and ``cadence_days``; ``unanswered``); the reasons are put
    together on first use, since a window shows a few dozen of a list of thousands.
    """

    __slots__ = ("contact_id", "name", "stage", "kind", "kinds", "due", "waiting_since", "overdue_days",
                 "cadence_days", "unanswered", "_as_of", "_engine_reasons", "_reasons")

    def __init__(self, contact_id: int, name: str, stage: str, kinds: tuple[str, ...], due: tuple[Due, ...], *,
                 as_of: date, waiting_since: str | None, overdue_days: int | None, cadence_days: int,
                 unanswered: int, engine_reasons: Sequence[str] | Callable[[], Sequence[str]]) -> None:
        self.contact_id, self.name, self.stage = contact_id, name, stage
        self.kind, self.kinds, self.due = kinds[0], kinds, due
        self.waiting_since, self.overdue_days, self.cadence_days = waiting_since, overdue_days, cadence_days
        self.unanswered = unanswered
        self._as_of, self._engine_reasons = as_of, engine_reasons
        self._reasons: tuple[str, ...] | None = None

    @property
    def action(self) -> str:
        """What to do next: ``reply``, ``follow_up`` or ``reach_out``."""
        return ACTIONS[self.kind]

    @property
    def reasons(self) -> tuple[str, ...]:
        """Every reason that applies: the owed reply and what is due first, then the engine's."""
        if self._reasons is None:
            found: list[str] = []
            if "owes_reply" in self.kinds and self.waiting_since is not None:
                found.append(rules.owes_reply_reason((self._as_of - date.fromisoformat(self.waiting_since)).days))
            found += [item.reason(self._as_of) for item in self.due]
            engine = self._engine_reasons
            found += [r for r in (engine() if callable(engine) else engine) if r not in found]
            self._reasons = tuple(found)
        return self._reasons

    def rank(self) -> tuple[Any, ...]:
        """DOMAIN.md's order: the group, then its own key, then the name."""
        if self.kind == "owes_reply":
            key: tuple[Any, ...] = (self.waiting_since or "",)  # the earlier they wrote, the longer the wait
        elif self.kind == "follow_up":
            key = (min(d.due_on for d in self.due),)
        elif self.kind == "stale":
            # overdue ÷ cadence of small whole numbers: equal ratios give equal floats, others differ
            key = (-(self.overdue_days or 0) / self.cadence_days, 0 if self.stage in FIRST_STAGES else 1)
        else:
            key = (-self.unanswered,)
        # ties by name as SQLite's NOCASE orders them (ASCII letters folded), as the cached list is ranked
        return (KINDS.index(self.kind), *key, self.name.translate(_ASCII_FOLD), self.name, self.contact_id)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "contact_id": self.contact_id, "stage": self.stage, "kind": self.kind,
                "kinds": list(self.kinds), "action": self.action, "reasons": [str(r) for r in self.reasons],
                "due": [d.to_json() for d in self.due]}


def _open_items(where: str, args: tuple[Any, ...], conn: sqlite3.Connection | None = None,
                only: Sequence[int] | None = None) -> list[Due]:
    """Open follow-ups and reminders of non-archived contacts whose due day matches *where*
    (of the contacts *only*, when given; read through *conn*, default the open journal's)."""
    mine = ""
    if only is not None:
        # On the follow-up's or reminder's own contact column: the follow-ups' index holds it,
        # so the others are passed over there, without reading their contact's row.
        mine = f" AND {{who}}.contact_id IN ({','.join(str(int(i)) for i in only) or 'NULL'})"
    rows = (conn or db.connection()).execute(
        # CROSS JOIN: start from the partial indexes of open follow-ups and reminders, not from every contact
        f"""SELECT 'follow_up', i.id, c.id, c.name, i.follow_up_on, i.summary
              FROM interaction i CROSS JOIN contact c ON c.id = i.contact_id
             WHERE i.follow_up_on IS NOT NULL AND i.follow_up_done = 0 AND c.archived = 0
               AND i.follow_up_on {where}{mine.format(who="i")}
            UNION ALL
            SELECT 'reminder', r.id, c.id, c.name, r.due_on, r.text
              FROM reminder r CROSS JOIN contact c ON c.id = r.contact_id
             WHERE r.done_on IS NULL AND c.archived = 0 AND r.due_on {where}{mine.format(who="r")}
            ORDER BY 5, 4, 3, 1, 2""", args * 2).fetchall()
    return [Due(*row) for row in rows]


def due_by(as_of: date, conn: sqlite3.Connection | None = None, *, only: Sequence[int] | None = None) -> list[Due]:
    """Open follow-ups and reminders due on or before *as_of*, oldest first (through *conn*:
    the reminder agent reads the journal read-only, without opening it; of the contacts
    *only*, when given)."""
    return _open_items("<= ?", (as_of.isoformat(),), conn, only)


def all_open() -> list[Due]:
    """Every open follow-up and reminder of a non-archived contact, overdue or not, by day."""
    return _open_items("IS NOT NULL", ())


def upcoming(as_of: date, days: int = UPCOMING_DAYS) -> list[Due]:
    """Open follow-ups and reminders due in the *days* after *as_of*, soonest first."""
    return _open_items("BETWEEN ? AND ?", ((as_of + timedelta(days=1)).isoformat(),
                                           (as_of + timedelta(days=days)).isoformat()))


def snoozed(as_of: date) -> set[int]:
    """Contacts left out of Today on *as_of*: snoozed until a later day, and no inbound touch
    (on or before *as_of*) came after the moment the snooze was set. An inbound touch without
    a time on the snooze's own day does not end it (it cannot be told to be later)."""
    t = as_of.isoformat()
    rows = db.connection().execute(
        """SELECT s.contact_id FROM snooze s
            WHERE s.until_day > :t
              AND NOT EXISTS (SELECT 1 FROM interaction i
                               WHERE i.contact_id = s.contact_id AND i.direction IN ('in', 'mutual')
                                 AND i.day <= :t AND i.at > s.since)
              AND NOT EXISTS (SELECT 1 FROM share h
                               WHERE h.contact_id = s.contact_id AND h.response <> 'none'
                                 AND coalesce(h.responded_on, h.on_day) <= :t
                                 AND coalesce(h.responded_on, h.on_day) > substr(s.since, 1, 10))""",
        {"t": t}).fetchall()
    return {row[0] for row in rows}


def _kinds(*, owes_reply: bool, due: bool, stale: bool, giving: bool) -> tuple[str, ...]:
    return tuple(kind for kind, applies in zip(KINDS, (owes_reply, due, stale, giving)) if applies)


def _exact(as_of: date, due: dict[int, list[Due]], hidden: set[int]) -> list[Entry]:
    """Every contact's health worked out for *as_of* (the command line; a cache not current)."""
    entries = []
    for h in rules.compute(as_of):
        mine = due.get(h.id, [])
        kinds = _kinds(owes_reply=h.owes_reply, due=bool(mine), stale=h.stale, giving=h.one_sided == "giving")
        if kinds and h.id not in hidden:
            entries.append(Entry(h.id, h.name, h.stage, kinds, tuple(mine), as_of=as_of,
                                 waiting_since=h.last_inbound_on, overdue_days=h.overdue_days,
                                 cadence_days=h.cadence_days, unanswered=h.unanswered,
                                 engine_reasons=h.reasons))
    return entries


@dataclass(frozen=True)
class Page:
    """The first entries of the agenda, and how many contacts each group holds in all."""

    entries: list[Entry]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


# The agenda over the cached health state, ranked in SQL exactly as Entry.rank ranks it (the
# state holds non-archived contacts only). The first due day per contact and the snoozed
# contacts come in through temporary tables filled just before.
_GROUP = ("CASE WHEN h.owes_reply = 1 THEN 0 WHEN d.first_due IS NOT NULL THEN 1 "
          "WHEN h.overdue_days IS NOT NULL THEN 2 ELSE 3 END")
_FLAGGED = """
      FROM health_state h LEFT JOIN temp._today_due d ON d.contact_id = h.contact_id
     WHERE (h.owes_reply = 1 OR d.first_due IS NOT NULL OR h.overdue_days IS NOT NULL OR h.one_sided = 'giving')
       AND h.contact_id NOT IN (SELECT contact_id FROM temp._today_hidden)
"""
_KEYED = f"SELECT h.*, d.first_due, {_GROUP} AS grp {_FLAGGED}"
# Within a group, its own key: the day they wrote, the first due day; the stale ratio, the
# unanswered count (one of the two is NULL in every group). Then the stage and the name.
_KEY1 = "CASE h.grp WHEN 0 THEN h.last_inbound_on WHEN 1 THEN h.first_due END"
_KEY2 = "CASE h.grp WHEN 2 THEN -(h.overdue_days * 1.0 / h.cadence_days) WHEN 3 THEN -h.unanswered END"
_RANKED = f"""
    SELECT c.id, c.name, c.stage, h.owes_reply, h.overdue_days, h.cadence_days, h.one_sided = 'giving',
           h.unanswered, h.last_inbound_on
      FROM ({_KEYED}) h
      CROSS JOIN contact c ON c.id = h.contact_id
     WHERE {{within}}
     ORDER BY h.grp, {_KEY1}, {_KEY2},
              CASE h.grp WHEN 2 THEN c.stage NOT IN ('customer', 'opportunity') END,
              c.name COLLATE NOCASE, c.name, c.id
     LIMIT :limit
"""
# A page of the agenda is ranked in two steps, so that only its own contacts are read (not
# every flagged contact's row, for the name): the keys of its last entry from the state alone,
# then the contacts whose keys do not come after those (ties included), ranked in full.
_EDGE = f"SELECT h.grp, {_KEY1}, {_KEY2} FROM ({_KEYED}) h ORDER BY 1, 2, 3 LIMIT 1 OFFSET :offset"
_WITHIN = (f"(h.grp < :grp OR (h.grp = :grp AND ({_KEY1} IS NULL OR :key1 IS NULL OR {_KEY1} <= :key1)"
           f" AND ({_KEY2} IS NULL OR :key2 IS NULL OR {_KEY2} <= :key2)))")
_COUNTED = f"SELECT {_GROUP} AS grp, count(*) {_FLAGGED} GROUP BY grp"
_FIRST_DUE = """
    INSERT INTO temp._today_due (contact_id, first_due)
    SELECT contact_id, min(day) FROM (
        SELECT contact_id, follow_up_on AS day FROM interaction
         WHERE follow_up_on IS NOT NULL AND follow_up_done = 0 AND follow_up_on <= :t
        UNION ALL
        SELECT contact_id, due_on FROM reminder WHERE done_on IS NULL AND due_on <= :t)
     GROUP BY contact_id
"""


def _prepare_cached(conn: sqlite3.Connection, as_of: date) -> None:
    for table, columns in (("_today_due", ", first_due TEXT"), ("_today_hidden", "")):
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (contact_id INTEGER PRIMARY KEY{columns})")
        conn.execute(f"DELETE FROM temp.{table}")
    conn.execute(_FIRST_DUE, {"t": as_of.isoformat()})
    conn.executemany("INSERT INTO temp._today_hidden VALUES (?)", ((cid,) for cid in snoozed(as_of)))


def _stored_reasons(contact_id: int) -> tuple[str, ...]:
    """A contact's reasons as the cached health state keeps them (read when first shown)."""
    row = db.connection().execute("SELECT reasons FROM health_state WHERE contact_id = ?", (contact_id,)).fetchone()
    return phrases.loads(row[0]) if row else ()


def _ranked(conn: sqlite3.Connection, limit: int | None) -> list[tuple[Any, ...]]:
    """The first *limit* rows of the cached agenda (all when None), ranked (see _EDGE)."""
    if limit is None or limit <= 0:  # (SQLite's LIMIT: a negative one is none)
        return conn.execute(_RANKED.format(within="1"), {"limit": -1 if limit is None else limit}).fetchall()
    edge = conn.execute(_EDGE, {"offset": limit - 1}).fetchone()
    if edge is None:  # fewer contacts to list than the page holds: all of them
        return conn.execute(_RANKED.format(within="1"), {"limit": limit}).fetchall()
    grp, key1, key2 = edge
    return conn.execute(_RANKED.format(within=_WITHIN),
                        {"limit": limit, "grp": grp, "key1": key1, "key2": key2}).fetchall()


def _cached(as_of: date, limit: int | None) -> Page:
    """The agenda as the cached health state (current for *as_of*) has it: ranked and cut in SQL."""
    conn = db.connection()
    with db.atomic():  # the temporary tables and the reads see one state
        _prepare_cached(conn, as_of)
        rows = _ranked(conn, limit)
        groups = dict(conn.execute(_COUNTED).fetchall())
    due: dict[int, list[Due]] = defaultdict(list)
    for item in due_by(as_of, only=[row[0] for row in rows]):
        due[item.contact_id].append(item)
    entries = []
    for cid, name, stage, owes, overdue, cadence, giving, unanswered, waiting in rows:
        mine = due.get(cid, [])
        kinds = _kinds(owes_reply=bool(owes), due=bool(mine), stale=overdue is not None, giving=bool(giving))
        entries.append(Entry(cid, name, stage, kinds, tuple(mine), as_of=as_of, waiting_since=waiting,
                             overdue_days=overdue, cadence_days=cadence, unanswered=unanswered,
                             engine_reasons=partial(_stored_reasons, cid)))
    return Page(entries, {kind: groups.get(n, 0) for n, kind in enumerate(KINDS)})


def page(as_of: date, limit: int | None = None, *, cached: bool = True) -> Page:
    """The first *limit* entries of the Today list as of *as_of* (all when None), and the counts.

    With *cached* (the window) and the cached health state current for *as_of*, the list is
    read and ranked from that state; otherwise every contact's health is worked out.
    """
    if cached and state.is_current(as_of):
        return _cached(as_of, limit)
    due: dict[int, list[Due]] = defaultdict(list)
    for item in due_by(as_of):
        due[item.contact_id].append(item)
    entries = sorted(_exact(as_of, due, snoozed(as_of)), key=Entry.rank)
    return Page(entries[:limit] if limit is not None else entries,
                {kind: sum(1 for e in entries if e.kind == kind) for kind in KINDS})


def agenda(as_of: date, *, cached: bool = False) -> list[Entry]:
    """The whole Today list as of *as_of* (see :func:`page`)."""
    return page(as_of, cached=cached).entries


def report(as_of: date) -> dict[str, Any]:
    """``dealjournal report today --json``: the agenda, then what is upcoming."""
    return {"as_of": as_of.isoformat(),
            "entries": [e.to_json() for e in agenda(as_of)],
            "upcoming": [d.to_json() for d in upcoming(as_of)]}
