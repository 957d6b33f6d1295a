"""Read-side SQL for one contact's page: details, channels, goals, timeline and monthly touches.

The timeline mixes interactions, shares, stage changes and reminders with one ``UNION ALL`` ordered
newest first and read a page at a time (``LIMIT``/``OFFSET``), so that a contact with
thousands of entries opens as fast as one with a handful. No Qt here: the core never
imports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dealjournal.store.db import db

TIMELINE_PAGE = 200
DETAILS_PREVIEW = 500  # characters of an entry's details kept for a tooltip


@dataclass(frozen=True)
class ContactDetails:
    id: int
    name: str
    given_name: str | None
    family_name: str | None
    company: str | None
    title: str | None
    website: str | None
    location: str | None
    notes: str
    stage: str
    cadence_days: int | None
    buying_style: str
    source: str | None
    created_on: str
    archived: bool
    emails: list[tuple[str | None, str]] = field(default_factory=list)
    phones: list[tuple[str | None, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # (network, handle, url, following_since, follows_back); filled by load_details only
    channels: list[tuple[str, str | None, str | None, str | None, str]] = field(default_factory=list)


@dataclass(frozen=True)
class StageStep:
    id: int
    from_stage: str | None
    to_stage: str
    on_day: str


@dataclass(frozen=True)
class ChannelRow:
    id: int
    network: str
    handle: str | None
    url: str | None
    following_since: str | None
    follows_back: str


@dataclass(frozen=True)
class GoalRow:
    id: int
    title: str
    details: str
    priority: str
    status: str
    target_on: str | None
    created_on: str
    closed_on: str | None


@dataclass(frozen=True)
class TimelineRow:
    """One timeline entry. ``source`` is ``interaction``, ``share``, ``stage`` or ``reminder``.

    For a share, ``what`` is the content kind and ``summary`` its title; for a stage change,
    ``what`` is the earlier stage and ``summary`` the new one. A reminder sits at its due day:
    ``summary`` is its text, ``follow_up_on`` the due day, ``follow_up_done`` whether it is
    done and ``responded_on`` the day it was done.
    """

    source: str
    id: int
    at: str
    direction: str | None
    what: str | None
    summary: str
    details: str
    response: str | None
    responded_on: str | None
    follow_up_on: str | None
    follow_up_done: bool
    via: str | None
    goal: str | None
    source_kind: str | None = None  # a captured interaction's reader ("mbox", "whatsapp", ...); None if typed


@dataclass(frozen=True)
class ContactMatch:
    id: int
    name: str
    company: str | None
    archived: bool


_CONTACT_COLUMNS = ("id, name, given_name, family_name, company, title, website, location, notes, stage, "
                    "cadence_days, buying_style, source, created_on, archived")


def contact_details(contact_id: int) -> ContactDetails | None:
    """Everything the page header and the edit dialog show; None if the contact is gone."""
    found = load_details(contact_id=contact_id, with_channels=False)
    return found[0] if found else None


def _details(r: tuple[object, ...]) -> ContactDetails:
    return ContactDetails(*r[:14], archived=bool(r[14]))  # type: ignore[arg-type, misc]


def load_details(*, contact_id: int | None = None, with_channels: bool = True) -> list[ContactDetails]:
    """One contact (archived or not), or every non-archived contact in id order, each with
    its e-mails, phones, tags and (optionally) channels — read in one consistent snapshot."""
    conn = db.connection()
    where, args = ("id = ?", (contact_id,)) if contact_id is not None else ("archived = 0", ())
    child_where = "contact_id = ?" if contact_id is not None else "1"
    with db.atomic():
        records = {row[0]: _details(row) for row in conn.execute(
            f"SELECT {_CONTACT_COLUMNS} FROM contact WHERE {where} ORDER BY id", args)}
        for table, attr in (("contact_email", "emails"), ("contact_phone", "phones")):
            for cid, label, value in conn.execute(
                    f"SELECT contact_id, label, value FROM {table} WHERE {child_where} ORDER BY id", args):
                if cid in records:
                    getattr(records[cid], attr).append((label, value))
        for cid, tag in conn.execute(f"SELECT contact_id, tag FROM contact_tag WHERE {child_where} ORDER BY id", args):
            if cid in records:
                records[cid].tags.append(tag)
        if with_channels:
            for cid, *channel in conn.execute(
                    "SELECT contact_id, network, handle, url, following_since, follows_back FROM channel "
                    f"WHERE {child_where} ORDER BY id", args):
                if cid in records:
                    records[cid].channels.append(tuple(channel))  # type: ignore[arg-type]
    return list(records.values())


def stage_history(contact_id: int) -> list[StageStep]:
    """The contact's stage changes, oldest first."""
    rows = db.connection().execute(
        "SELECT id, from_stage, to_stage, on_day FROM stage_change WHERE contact_id = ? ORDER BY on_day, id",
        (contact_id,)).fetchall()
    return [StageStep(*r) for r in rows]


_CHANNEL_COLUMNS = "id, network, handle, url, following_since, follows_back"


def channels(contact_id: int) -> list[ChannelRow]:
    rows = db.connection().execute(
        f"SELECT {_CHANNEL_COLUMNS} FROM channel WHERE contact_id = ? ORDER BY id", (contact_id,)).fetchall()
    return [ChannelRow(*r) for r in rows]


def channel(channel_id: int) -> ChannelRow | None:
    row = db.connection().execute(f"SELECT {_CHANNEL_COLUMNS} FROM channel WHERE id = ?", (channel_id,)).fetchone()
    return ChannelRow(*row) if row else None


_GOAL_COLUMNS = "id, title, details, priority, status, target_on, created_on, closed_on"


def goals(contact_id: int) -> list[GoalRow]:
    """Open goals first (by priority, then target date), then closed ones, latest closed first."""
    rows = db.connection().execute(
        f"""SELECT {_GOAL_COLUMNS} FROM goal WHERE contact_id = ?
             ORDER BY status != 'open',
                      CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                      target_on IS NULL, target_on, closed_on DESC, id""", (contact_id,)).fetchall()
    return [GoalRow(*r) for r in rows]


def goal(goal_id: int) -> GoalRow | None:
    row = db.connection().execute(f"SELECT {_GOAL_COLUMNS} FROM goal WHERE id = ?", (goal_id,)).fetchone()
    return GoalRow(*row) if row else None


def open_goals(contact_id: int) -> list[tuple[int, str]]:
    """(id, title) of the contact's open goals, for choosing the goal an entry serves."""
    return [(i, t) for i, t in db.connection().execute(
        "SELECT id, title FROM goal WHERE contact_id = ? AND status = 'open' ORDER BY id", (contact_id,))]


_TIMELINE_SQL = f"""
SELECT * FROM (
    SELECT 'interaction' AS source, i.id, i.at AS at, i.direction, i.kind, i.summary,
           substr(i.details, 1, {DETAILS_PREVIEW}), NULL, NULL, i.follow_up_on, i.follow_up_done, i.channel,
           g.title, i.source_kind
      FROM interaction i LEFT JOIN goal g ON g.id = i.goal_id
     WHERE i.contact_id = :c
    UNION ALL
    SELECT 'share', s.id, s.on_day, 'out', k.kind, k.title, substr(s.note, 1, {DETAILS_PREVIEW}),
           s.response, s.responded_on, NULL, 0, s.via, g.title, NULL
      FROM share s JOIN content k ON k.id = s.content_id LEFT JOIN goal g ON g.id = s.goal_id
     WHERE s.contact_id = :c
    UNION ALL
    SELECT 'stage', sc.id, sc.on_day, NULL, sc.from_stage, sc.to_stage, '', NULL, NULL, NULL, 0, NULL, NULL, NULL
      FROM stage_change sc
     WHERE sc.contact_id = :c
    UNION ALL
    SELECT 'reminder', r.id, r.due_on, NULL, NULL, r.text, '', NULL, r.done_on, r.due_on, r.done_on IS NOT NULL,
           NULL, NULL, NULL
      FROM reminder r
     WHERE r.contact_id = :c
)
ORDER BY at DESC, source, id DESC
LIMIT :limit OFFSET :offset
"""


def timeline_page(contact_id: int, offset: int = 0, limit: int = TIMELINE_PAGE) -> list[TimelineRow]:
    """Entries *offset* … *offset + limit* of the contact's timeline, newest first."""
    rows = db.connection().execute(_TIMELINE_SQL, {"c": contact_id, "limit": limit, "offset": offset}).fetchall()
    return [TimelineRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], r[8], r[9], bool(r[10]),
                        r[11], r[12], r[13]) for r in rows]


def timeline_count(contact_id: int) -> int:
    """How many entries the timeline has (for a status line; the page does not need it)."""
    (n,) = db.connection().execute(
        """SELECT (SELECT count(*) FROM interaction WHERE contact_id = :c)
                + (SELECT count(*) FROM share WHERE contact_id = :c)
                + (SELECT count(*) FROM stage_change WHERE contact_id = :c)
                + (SELECT count(*) FROM reminder WHERE contact_id = :c)""", {"c": contact_id}).fetchone()
    return int(n)


@dataclass(frozen=True)
class InteractionDetails:
    """One interaction in full, as the edit form shows it."""

    id: int
    contact_id: int
    at: str
    kind: str
    direction: str
    channel: str | None
    summary: str
    details: str
    goal_id: int | None
    follow_up_on: str | None
    follow_up_done: bool


def interaction(interaction_id: int) -> InteractionDetails | None:
    row = db.connection().execute(
        """SELECT id, contact_id, at, kind, direction, channel, summary, details, goal_id, follow_up_on,
                  follow_up_done FROM interaction WHERE id = ?""", (interaction_id,)).fetchone()
    return InteractionDetails(*row[:10], follow_up_done=bool(row[10])) if row else None  # type: ignore[misc]


@dataclass(frozen=True)
class ShareDetails:
    """One share in full, as its edit form shows it."""

    id: int
    contact_id: int
    contact_name: str
    title: str
    on_day: str
    via: str | None
    note: str
    goal_id: int | None
    response: str
    responded_on: str | None


def share(share_id: int) -> ShareDetails | None:
    row = db.connection().execute(
        """SELECT s.id, s.contact_id, c.name, k.title, s.on_day, s.via, s.note, s.goal_id, s.response,
                  s.responded_on
             FROM share s JOIN contact c ON c.id = s.contact_id JOIN content k ON k.id = s.content_id
            WHERE s.id = ?""", (share_id,)).fetchone()
    return ShareDetails(*row) if row else None


def _month_start(day: date, back: int) -> date:
    """The first day of the month *back* months before *day*'s month."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def monthly_touches(contact_id: int, as_of: date, months: int = 12) -> list[tuple[str, int, int]]:
    """(``YYYY-MM``, inbound, outbound) for the *months* months ending with *as_of*'s, oldest first.

    Months without touches are included with zeros; touches after *as_of* are left out.
    """
    start = _month_start(as_of, months - 1)
    found = {m: (i, o) for m, i, o in db.connection().execute(
        """SELECT substr(day, 1, 7), sum(n_in), sum(n_out) FROM touch_day
            WHERE contact_id = ? AND day >= ? AND day <= ? GROUP BY 1""",
        (contact_id, start.isoformat(), as_of.isoformat()))}
    out = []
    for back in range(months - 1, -1, -1):
        month = _month_start(as_of, back).isoformat()[:7]
        n_in, n_out = found.get(month, (0, 0))
        out.append((month, int(n_in), int(n_out)))
    return out


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_contacts(text: str, limit: int = 20) -> list[ContactMatch]:
    """Contacts whose name or company contains *text* (case-insensitive), names starting with it first.

    Two bounded queries rather than one sorted scan, so that a keystroke stays cheap at 100k
    contacts: names beginning with the text (through the ``contact_name`` index), then any
    other name or company containing it.
    """
    text = text.strip()
    if not text:
        return []
    conn = db.connection()
    prefix = _like(text) + "%"
    first = conn.execute(
        r"""SELECT id, name, company, archived FROM contact
             WHERE name LIKE ? ESCAPE '\' ORDER BY name COLLATE NOCASE, id LIMIT ?""",
        (prefix, limit)).fetchall()
    found = [ContactMatch(i, n, c, bool(a)) for i, n, c, a in first]
    if len(found) < limit:
        seen = {m.id for m in found}
        anywhere = "%" + _like(text) + "%"
        more = conn.execute(
            r"""SELECT id, name, company, archived FROM contact
                 WHERE (name LIKE :p ESCAPE '\' OR company LIKE :p ESCAPE '\')
                   AND NOT name LIKE :q ESCAPE '\' LIMIT :n""",
            {"p": anywhere, "q": prefix, "n": limit - len(found)}).fetchall()
        found += [ContactMatch(i, n, c, bool(a)) for i, n, c, a in more if i not in seen]
    return found


def contact_match(contact_id: int) -> ContactMatch | None:
    row = db.connection().execute("SELECT id, name, company, archived FROM contact WHERE id = ?",
                                  (contact_id,)).fetchone()
    return ContactMatch(row[0], row[1], row[2], bool(row[3])) if row else None
