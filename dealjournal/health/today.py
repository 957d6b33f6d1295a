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
``cached=True`` (the window, whose cached health state is current) only the contacts the
cache flags or that have something due are computed, which keeps a 50,000-contact
journal's agenda fast.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from dealjournal.health import rules, state
from dealjournal.health.rules import ContactHealth
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store.db import db

KINDS = ("owes_reply", "follow_up", "stale", "giving")  # DOMAIN.md's order of the groups
ACTIONS = {"owes_reply": "reply", "follow_up": "follow_up", "stale": "reach_out", "giving": "reach_out"}
FIRST_STAGES = ("customer", "opportunity")  # before the rest at an equal stale ratio
UPCOMING_DAYS = 14


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


@dataclass(frozen=True)
class Entry:
    """One contact on Today: the group it is ranked in (``kind``), every kind that applies,
    the reasons in words (Phrases), the next action and what is due."""

    contact_id: int
    name: str
    stage: str
    kind: str
    kinds: tuple[str, ...]
    reasons: tuple[str, ...]
    due: tuple[Due, ...]
    health: ContactHealth

    @property
    def action(self) -> str:
        """What to do next: ``reply``, ``follow_up`` or ``reach_out``."""
        return ACTIONS[self.kind]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "contact_id": self.contact_id, "stage": self.stage, "kind": self.kind,
                "kinds": list(self.kinds), "action": self.action, "reasons": [str(r) for r in self.reasons],
                "due": [d.to_json() for d in self.due]}


def _open_items(where: str, args: tuple[Any, ...], conn: sqlite3.Connection | None = None) -> list[Due]:
    """Open follow-ups and reminders of non-archived contacts whose due day matches *where*
    (read through *conn*, default the open journal's connection)."""
    rows = (conn or db.connection()).execute(
        f"""SELECT 'follow_up', i.id, c.id, c.name, i.follow_up_on, i.summary
              FROM interaction i JOIN contact c ON c.id = i.contact_id
             WHERE i.follow_up_on IS NOT NULL AND i.follow_up_done = 0 AND c.archived = 0
               AND i.follow_up_on {where}
            UNION ALL
            SELECT 'reminder', r.id, c.id, c.name, r.due_on, r.text
              FROM reminder r JOIN contact c ON c.id = r.contact_id
             WHERE r.done_on IS NULL AND c.archived = 0 AND r.due_on {where}
            ORDER BY 5, 4, 3, 1, 2""", args * 2).fetchall()
    return [Due(*row) for row in rows]


def due_by(as_of: date, conn: sqlite3.Connection | None = None) -> list[Due]:
    """Open follow-ups and reminders due on or before *as_of*, oldest first (through *conn*:
    the reminder agent reads the journal read-only, without opening it)."""
    return _open_items("<= ?", (as_of.isoformat(),), conn)


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


def _candidates(as_of: date, due: dict[int, list[Due]]) -> list[int] | None:
    """The contacts worth computing when the cached health state is current for *as_of*
    (those it flags, and those with something due); None: compute every contact."""
    if not state.is_current(as_of):
        return None
    flagged = {row[0] for row in db.connection().execute(
        """SELECT contact_id FROM health_state
            WHERE owes_reply = 1 OR overdue_days IS NOT NULL OR one_sided = 'giving'""")}
    return sorted(flagged | set(due))


def _kinds(h: ContactHealth, due: list[Due]) -> tuple[str, ...]:
    found = []
    if h.owes_reply:
        found.append("owes_reply")
    if due:
        found.append("follow_up")
    if h.stale:
        found.append("stale")
    if h.one_sided == "giving":
        found.append("giving")
    return tuple(found)


def _reasons(h: ContactHealth, kinds: tuple[str, ...], due: list[Due], as_of: date) -> tuple[str, ...]:
    """Every reason that applies: the owed reply and what is due first, then the engine's."""
    reasons: list[str] = []
    if "owes_reply" in kinds and h.last_inbound_on is not None:
        reasons.append(rules.owes_reply_reason((as_of - date.fromisoformat(h.last_inbound_on)).days))
    reasons += [item.reason(as_of) for item in due]
    reasons += [r for r in h.reasons if r not in reasons]
    return tuple(reasons)


def _rank(entry: Entry, as_of: date) -> tuple[Any, ...]:
    h = entry.health
    if entry.kind == "owes_reply":
        assert h.last_inbound_on is not None
        key: tuple[Any, ...] = (h.last_inbound_on,)  # the earlier they wrote, the longer the wait
    elif entry.kind == "follow_up":
        key = (min(d.due_on for d in entry.due),)
    elif entry.kind == "stale":
        assert h.overdue_days is not None
        key = (-Fraction(h.overdue_days, h.cadence_days), 0 if h.stage in FIRST_STAGES else 1)
    else:
        key = (-h.unanswered,)
    return (KINDS.index(entry.kind), *key, entry.name.casefold(), entry.name, entry.contact_id)


def agenda(as_of: date, *, cached: bool = False) -> list[Entry]:
    """The Today list as of *as_of* (see the module docstring)."""
    due: dict[int, list[Due]] = defaultdict(list)
    for item in due_by(as_of):
        due[item.contact_id].append(item)
    ids = _candidates(as_of, due) if cached else None
    if ids == []:
        return []
    hidden = snoozed(as_of)
    entries = []
    for h in rules.compute(as_of, ids):
        if h.id in hidden:
            continue
        mine = due.get(h.id, [])
        kinds = _kinds(h, mine)
        if kinds:
            entries.append(Entry(h.id, h.name, h.stage, kinds[0], kinds, _reasons(h, kinds, mine, as_of),
                                 tuple(mine), h))
    entries.sort(key=lambda e: _rank(e, as_of))
    return entries


def report(as_of: date) -> dict[str, Any]:
    """``dealjournal report today --json``: the agenda, then what is upcoming."""
    return {"as_of": as_of.isoformat(),
            "entries": [e.to_json() for e in agenda(as_of)],
            "upcoming": [d.to_json() for d in upcoming(as_of)]}
