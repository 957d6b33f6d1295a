"""What the Attention page lists: who needs you today, each with the reason in words and numbers.

Every section reads the cached ``health_state`` table (or an indexed table: ``interaction``'s
open follow-ups, ``share`` by day, ``channel``) and returns at most *limit* rows plus the
total, so the page stays instant on a 50k-contact journal (no row of the cached state while it
is of a newer build's format: :func:`dealjournal.health.state.readable`). Reasons are worded like the
health engine's (:mod:`dealjournal.health.rules`) and built from the stored figures; each is a
:class:`~dealjournal.phrases.Phrase` (the window shows it with ``i18n.say``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dealjournal.health import rules as health
from dealjournal.health import state as health_state
from dealjournal.health.rules import MIN_WINDOW_TOUCHES, NETWORK_NAMES, ONE_SIDED_SHARE, UNANSWERED_LIMIT
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store import settings as settings_mod
from dealjournal.store.db import db

DEFAULT_LIMIT = 200
MAP_LIMIT = 2000
QUIET_CAP = 3.0  # the map's x axis ends here ("3× the cadence or more")


@dataclass(frozen=True)
class Item:
    """One row of a section: a contact and why it is listed.

    ``ref_id`` is the record the row is about when it is not the contact itself (the
    interaction of a follow-up, the share, the channel); ``subject`` names that record
    (summary, content title, network), ``on`` is its day and ``kind`` tells rows of a
    mixed section apart.
    """

    contact_id: int
    name: str
    stage: str
    reason: str  # a Phrase
    ref_id: int | None = None
    subject: str = ""
    on: str | None = None
    kind: str = ""
    days: int | None = None  # days overdue (stale, follow-ups) or waiting (shares)


@dataclass(frozen=True)
class Section:
    items: list[Item] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        """How many rows matched beyond those returned."""
        return max(self.total - len(self.items), 0)


@dataclass(frozen=True)
class MapPoint:
    """A contact on the relationship map.

    ``x`` = days quiet ÷ cadence (uncapped); ``y`` = share of the window's touches that were
    inbound, or None when the window holds no touch at all.
    """

    contact_id: int
    name: str
    stage: str
    x: float
    y: float | None
    days_quiet: int
    cadence_days: int
    severity: int


@dataclass(frozen=True)
class MapData:
    points: list[MapPoint] = field(default_factory=list)
    total: int = 0  # contacts that could be drawn (non-archived, cadence > 0)
    no_cadence: int = 0  # contacts left out because their cadence is 0


def _joined(parts: list[Phrase]) -> Phrase | None:
    """Several reasons as one ("a; b"), each translated on its own; None when there is none."""
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Phrase.joined(parts)


def _count(sql: str, args: Sequence[object] | Mapping[str, object] = ()) -> int:
    return int(db.connection().execute(sql, args).fetchone()[0])


def stale(limit: int = DEFAULT_LIMIT) -> Section:
    """Stale contacts, most overdue first: "41 days since last contact, cadence 30"."""
    rows = db.connection().execute(
        f"""SELECT c.id, c.name, c.stage, h.days_quiet, h.cadence_days, h.overdue_days, h.last_touch_on
             FROM {health_state.table()} h JOIN contact c ON c.id = h.contact_id
            WHERE h.overdue_days IS NOT NULL
            ORDER BY h.overdue_days DESC, c.name COLLATE NOCASE, c.id LIMIT ?""", (limit,)).fetchall()
    items = []
    for cid, name, stage, quiet, cadence, overdue, last in rows:
        items.append(Item(cid, name, stage, health.stale_reason(quiet, cadence, touched=bool(last)), on=last,
                          days=overdue))
    return Section(items, _count(f"SELECT count(*) FROM {health_state.table()} WHERE overdue_days IS NOT NULL"))


def giving(limit: int = DEFAULT_LIMIT, window_days: int | None = None) -> Section:
    """"You're doing all the reaching out", longest run of unanswered touches first."""
    window = window_days or settings_mod.load().window_days
    rows = db.connection().execute(
        f"""SELECT c.id, c.name, c.stage, h.unanswered, h.in_window_in, h.in_window_out, h.last_touch_on
             FROM {health_state.table()} h JOIN contact c ON c.id = h.contact_id
            WHERE h.one_sided = 'giving'
            ORDER BY h.unanswered DESC, h.severity DESC, c.name COLLATE NOCASE, c.id LIMIT ?""",
        (limit,)).fetchall()
    words = health.window_words(window)
    items = []
    for cid, name, stage, unanswered, w_in, w_out, last in rows:
        parts = []
        if unanswered >= UNANSWERED_LIMIT:
            parts.append(health.unanswered_reason(unanswered))
        total = w_in + w_out
        if total >= MIN_WINDOW_TOUCHES and w_in / total < ONE_SIDED_SHARE:
            parts.append(health.from_them_reason(w_in, total, words))
        reason = _joined(parts) or Phrase(QT_TRANSLATE_NOOP("core", "you do all the reaching out"))
        items.append(Item(cid, name, stage, reason, on=last))
    return Section(items, _count(f"SELECT count(*) FROM {health_state.table()} WHERE one_sided = 'giving'"))


def taking(as_of: date, limit: int = DEFAULT_LIMIT, window_days: int | None = None) -> Section:
    """"They're waiting on you": an owed reply or a window where they do all the talking, most severe first."""
    window = window_days or settings_mod.load().window_days
    # The last inbound day is looked up only for the rows shown (the figures stop at *as_of*).
    rows = db.connection().execute(
        f"""SELECT h.contact_id, c.name, c.stage, h.owes_reply, h.in_window_in, h.in_window_out,
                  (SELECT max(t.day) FROM touch_day t
                    WHERE t.contact_id = h.contact_id AND t.day <= ? AND t.n_in > 0)
             FROM (SELECT * FROM {health_state.table()} WHERE one_sided = 'taking'
                    ORDER BY owes_reply DESC, severity DESC, days_quiet DESC, contact_id LIMIT ?) h
             JOIN contact c ON c.id = h.contact_id
            ORDER BY h.owes_reply DESC, h.severity DESC, h.days_quiet DESC, h.contact_id""",
        (as_of.isoformat(), limit)).fetchall()
    words = health.window_words(window)
    items = []
    for cid, name, stage, owes, w_in, w_out, last_in in rows:
        parts = []
        if owes and last_in:
            parts.append(health.owes_reply_reason((as_of - date.fromisoformat(last_in)).days))
        total = w_in + w_out
        if total >= MIN_WINDOW_TOUCHES and w_out / total < ONE_SIDED_SHARE:
            parts.append(health.from_you_reason(w_out, total, words))
        reason = _joined(parts) or Phrase(QT_TRANSLATE_NOOP("core", "they do all the reaching out"))
        items.append(Item(cid, name, stage, reason, on=last_in))
    return Section(items, _count(f"SELECT count(*) FROM {health_state.table()} WHERE one_sided = 'taking'"))


def followups(as_of: date, limit: int = DEFAULT_LIMIT) -> Section:
    """Open follow-ups due on or before *as_of* (most overdue first), of non-archived contacts."""
    day = as_of.isoformat()
    where = """FROM interaction i JOIN contact c ON c.id = i.contact_id
              WHERE i.follow_up_on IS NOT NULL AND i.follow_up_done = 0 AND i.follow_up_on <= ?
                AND c.archived = 0"""
    rows = db.connection().execute(
        f"""SELECT i.id, c.id, c.name, c.stage, i.follow_up_on, i.summary {where}
            ORDER BY i.follow_up_on, c.name COLLATE NOCASE, i.id LIMIT ?""", (day, limit)).fetchall()
    items = []
    for iid, cid, name, stage, due, summary in rows:
        late = (as_of - date.fromisoformat(due)).days
        reason = (Phrase(QT_TRANSLATE_NOOP("core", "due today")) if late == 0 else
                  plural(late, QT_TRANSLATE_NOOP("core", "{n} day overdue (due {due})"),
                         QT_TRANSLATE_NOOP("core", "{n} days overdue (due {due})"), due=due))
        items.append(Item(cid, name, stage, reason, ref_id=iid, subject=summary, on=due, days=late))
    return Section(items, _count(f"SELECT count(*) {where}", (day,)))


def unanswered_shares(as_of: date, limit: int = DEFAULT_LIMIT, window_days: int | None = None) -> Section:
    """Shares in the window, given a week or more ago, with no response as of *as_of* (a response
    dated after it is not given yet), longest waiting first."""
    window = window_days or settings_mod.load().window_days
    start = (as_of - timedelta(days=window - 1)).isoformat()
    where = """WHERE s.on_day BETWEEN ? AND ? AND (s.response = 'none' OR s.responded_on > ?) AND c.archived = 0"""
    args = (start, health.share_response_due(as_of), as_of.isoformat())
    rows = db.connection().execute(
        f"""SELECT s.id, c.id, c.name, c.stage, s.on_day, k.title
              FROM share s JOIN contact c ON c.id = s.contact_id JOIN content k ON k.id = s.content_id
            {where} ORDER BY s.on_day, c.name COLLATE NOCASE, s.id LIMIT ?""", (*args, limit)).fetchall()
    items = []
    for sid, cid, name, stage, on_day, title in rows:
        waited = (as_of - date.fromisoformat(on_day)).days
        reason = (Phrase(QT_TRANSLATE_NOOP("core", "shared today, no response yet")) if waited == 0 else
                  plural(waited, QT_TRANSLATE_NOOP("core", "{n} day without a response"),
                         QT_TRANSLATE_NOOP("core", "{n} days without a response")))
        items.append(Item(cid, name, stage, reason, ref_id=sid, subject=title, on=on_day, days=waited))
    return Section(items, _count(
        f"SELECT count(*) FROM share s JOIN contact c ON c.id = s.contact_id {where}", args))


def follow_imbalance(as_of: date, limit: int = DEFAULT_LIMIT) -> Section:
    """Channels out of balance: you follow since two weeks or more and they don't
    ("not_followed_back"), or they follow and you don't ("not_following_back"), of non-archived
    contacts."""
    days = {"day": as_of.isoformat(), "due": health.follow_back_due(as_of)}
    following = "(ch.following_since IS NOT NULL AND ch.following_since <= :day)"
    where = f"""FROM channel ch JOIN contact c ON c.id = ch.contact_id
              WHERE c.archived = 0 AND ((ch.follows_back = 'no' AND ch.following_since <= :due)
                                     OR (ch.follows_back = 'yes' AND NOT {following}))"""
    rows = db.connection().execute(
        f"""SELECT ch.id, c.id, c.name, c.stage, ch.network, ch.following_since, ch.follows_back {where}
            ORDER BY ch.follows_back DESC, c.name COLLATE NOCASE, ch.id LIMIT :limit""",
        {**days, "limit": limit}).fetchall()
    items = []
    for chid, cid, name, stage, network, since, back in rows:
        if back == "yes":
            items.append(Item(cid, name, stage, health.not_following_back_reason(network),
                              ref_id=chid, subject=network, kind="not_following_back"))
        else:
            reason = Phrase(QT_TRANSLATE_NOOP("core", "not followed back on {network} since {since}"),
                            network=NETWORK_NAMES.get(network, network), since=since)
            items.append(Item(cid, name, stage, reason, ref_id=chid, subject=network, on=since,
                              kind="not_followed_back"))
    return Section(items, _count(f"SELECT count(*) {where}", days))


def map_points(limit: int = MAP_LIMIT) -> MapData:
    """The relationship map's contacts: those that need you most first, at most *limit*.

    Contacts with a cadence of 0 ("never flag as stale") have no place on the quiet axis and
    are left out (counted in ``no_cadence``).
    """
    rows = db.connection().execute(
        f"""SELECT c.id, c.name, c.stage, h.days_quiet, h.cadence_days, h.in_window_in, h.in_window_out,
                  h.severity
             FROM {health_state.table()} h JOIN contact c ON c.id = h.contact_id
            WHERE h.cadence_days > 0
            ORDER BY h.severity DESC, h.days_quiet DESC, c.id LIMIT ?""", (limit,)).fetchall()
    points = []
    for cid, name, stage, quiet, cadence, w_in, w_out, severity in rows:
        total = w_in + w_out
        points.append(MapPoint(cid, name, stage, quiet / cadence, w_in / total if total else None,
                               quiet, cadence, severity))
    total, no_cadence = db.connection().execute(
        "SELECT count(*) FILTER (WHERE cadence_days > 0), count(*) FILTER (WHERE cadence_days = 0)"
        f" FROM {health_state.table()}").fetchone()
    return MapData(points, int(total), int(no_cadence))


def needing_attention() -> int:
    """How many contacts have any flag at all."""
    return _count(f"SELECT count(*) FROM {health_state.table()} WHERE severity > 0")
