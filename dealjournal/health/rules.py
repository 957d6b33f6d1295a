"""Relationship health as of a day T, exactly as DOMAIN.md defines it.

The figures come from the derived touch tables (:mod:`dealjournal.health.touches`), so a view of
every contact reads a handful of indexed queries instead of rescanning all history:

* per contact, ``touch_summary`` gives last inbound/outbound day, the unanswered count and
  whether the last inbound moment is answered when no touch is dated after T (the usual
  case); contacts with touches after T are recomputed up to T;
* window counts are one range scan of ``touch_day`` over the window's days;
* unanswered shares are one range scan of ``share`` over the window's days up to a week
  before T;
* follow imbalance reads the channels that can show one.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import lru_cache
from json.encoder import encode_basestring as _text  # json.dumps's own, with ensure_ascii=False
from typing import Any

from dealjournal.health import touches
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural
from dealjournal.store import settings as settings_mod
from dealjournal.store.db import db
from dealjournal.store.settings import Settings

OWES_REPLY_GRACE_DAYS = 2  # they reached out: days you have to reply before you owe one
FOLLOW_BACK_GRACE_DAYS = 14  # you follow: days they have to follow back before "not followed back"
SHARE_RESPONSE_GRACE_DAYS = 7  # you shared: days they have to respond before it is an unanswered share
UNANSWERED_LIMIT = 3
MIN_WINDOW_TOUCHES = 4
ONE_SIDED_SHARE = 0.25

# How a reason names a network: brand names as they are, the others as Phrases (translated).
NETWORK_NAMES: dict[str, str] = {
    "linkedin": "LinkedIn", "x": "X", "facebook": "Facebook", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "mastodon": "Mastodon", "bluesky": "Bluesky",
    "threads": "Threads", "github": "GitHub",
    "blog": Phrase(QT_TRANSLATE_NOOP("core", "their blog")),
    "newsletter": Phrase(QT_TRANSLATE_NOOP("core", "their newsletter")),
    "podcast": Phrase(QT_TRANSLATE_NOOP("core", "their podcast")),
    "website": Phrase(QT_TRANSLATE_NOOP("core", "their website")),
    "other": Phrase(QT_TRANSLATE_NOOP("core", "another channel")),
}


@dataclass(slots=True)
class ContactHealth:
    """Every health figure of one contact as of a day; field names are the report's keys."""

    id: int
    name: str
    stage: str
    cadence_days: int
    last_touch_on: str | None
    last_inbound_on: str | None
    last_outbound_on: str | None
    days_quiet: int
    stale: bool
    overdue_days: int | None
    in_window_in: int
    in_window_out: int
    unanswered: int
    owes_reply: bool
    one_sided: str | None
    unanswered_shares: int
    follow_imbalance: list[dict[str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The report's record (reasons stay Phrases: JSON writes their English)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["follow_imbalance"] = [dict(item) for item in self.follow_imbalance]
        data["reasons"] = list(self.reasons)
        return data


@lru_cache(maxsize=8192)
def _ordinal(day: str) -> int:
    """Day number of a ``YYYY-MM-DD`` text (cached: a journal's days repeat a lot)."""
    return date.fromisoformat(day).toordinal()


def _days(a: str, b: date) -> int:
    return b.toordinal() - _ordinal(a)


def follow_back_due(as_of: date) -> str:
    """The last day a follow may have started to be "not followed back" as of *as_of*."""
    return (as_of - timedelta(days=FOLLOW_BACK_GRACE_DAYS)).isoformat()


def share_response_due(as_of: date) -> str:
    """The last day a share may have been given to be an unanswered share as of *as_of*."""
    return (as_of - timedelta(days=SHARE_RESPONSE_GRACE_DAYS)).isoformat()


@lru_cache(maxsize=16)
def _follow_days(as_of: date) -> tuple[str, str]:
    """T and :func:`follow_back_due` as text (cached: every contact of a view is judged as of the same day)."""
    return as_of.isoformat(), follow_back_due(as_of)


@lru_cache(maxsize=16)
def window_words(days: int) -> Phrase:
    """The health window in words: "the last 180 days", "the last day"."""
    return plural(days, QT_TRANSLATE_NOOP("core", "the last day"), QT_TRANSLATE_NOOP("core", "the last {n} days"))


# --- the reasons, in words (shared with the Attention page's lists) ---------------------------
# Phrases are never changed once made, so the same reason is shared (cached), not made again
# for every contact: that keeps judging a big journal as fast as with plain text.

_REASONS = 4096  # cached reasons per kind


@lru_cache(maxsize=_REASONS)
def stale_reason(days_quiet: int, cadence: int, *, touched: bool) -> Phrase:
    if touched:
        return Phrase(QT_TRANSLATE_NOOP("core", "{days} days since last contact, cadence {cadence}"),
                      days=days_quiet, cadence=cadence)
    return Phrase(QT_TRANSLATE_NOOP("core", "{days} days since added, with no contact yet, cadence {cadence}"),
                  days=days_quiet, cadence=cadence)


@lru_cache(maxsize=_REASONS)
def unanswered_reason(unanswered: int) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("core", "{n} messages in a row without reply"), n=unanswered)


@lru_cache(maxsize=_REASONS)
def from_them_reason(inbound: int, total: int, window: str) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("core", "only {n} of {total} touches in {window} came from them"),
                  n=inbound, total=total, window=window)


@lru_cache(maxsize=_REASONS)
def from_you_reason(outbound: int, total: int, window: str) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("core", "only {n} of {total} touches in {window} came from you"),
                  n=outbound, total=total, window=window)


@lru_cache(maxsize=_REASONS)
def owes_reply_reason(days: int) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("core", "they reached out {days} days ago and you have not replied"), days=days)


@lru_cache(maxsize=_REASONS)
def unanswered_shares_reason(shares: int, window: str) -> Phrase:
    return plural(shares, QT_TRANSLATE_NOOP("core", "{n} share in {window} with no response"),
                  QT_TRANSLATE_NOOP("core", "{n} shares in {window} with no response"), window=window)


@lru_cache(maxsize=_REASONS)
def not_followed_back_reason(network: str) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("core", "not followed back on {network}"),
                  network=NETWORK_NAMES.get(network, network))


@lru_cache(maxsize=_REASONS)
def not_following_back_reason(network: str) -> Phrase:
    return Phrase(QT_TRANSLATE_NOOP("core", "they follow you on {network} but you don't follow back"),
                  network=NETWORK_NAMES.get(network, network))


def judge(*, contact_id: int, name: str, stage: str, own_cadence: int | None, created_on: str,
          last_in: str | None, last_out: str | None, unanswered: int, last_in_answered: bool,
          window_in: int, window_out: int, unanswered_shares: int,
          channels: Sequence[tuple[str, str | None, str]], as_of: date, settings: Settings) -> ContactHealth:
    """Apply DOMAIN.md's rules to one contact's raw figures (all already limited to day T).

    *unanswered* and *last_in_answered* come from the moments of the touches (whether an
    outbound touch answers the last inbound moment), which the days alone cannot tell.
    """
    cadence = own_cadence if own_cadence is not None else settings.stage_cadence_days[stage]
    if last_in is None or (last_out is not None and last_out > last_in):
        last_touch = last_out
    else:
        last_touch = last_in
    days_quiet = _days(last_touch or created_on, as_of)
    stale = cadence > 0 and days_quiet > cadence
    owes_reply = last_in is not None and not last_in_answered and _days(last_in, as_of) > OWES_REPLY_GRACE_DAYS
    total = window_in + window_out
    giving_ratio = total >= MIN_WINDOW_TOUCHES and window_in / total < ONE_SIDED_SHARE
    taking_ratio = total >= MIN_WINDOW_TOUCHES and window_out / total < ONE_SIDED_SHARE
    giving = unanswered >= UNANSWERED_LIMIT or giving_ratio
    taking = owes_reply or taking_ratio
    one_sided = "giving" if giving and (not taking or unanswered >= UNANSWERED_LIMIT) else ("taking" if taking else None)

    reasons: list[str] = []
    window = window_words(settings.window_days)
    if stale:
        reasons.append(stale_reason(days_quiet, cadence, touched=bool(last_touch)))
    if one_sided == "giving":
        if unanswered >= UNANSWERED_LIMIT:
            reasons.append(unanswered_reason(unanswered))
        if giving_ratio:
            reasons.append(from_them_reason(window_in, total, window))
    elif one_sided == "taking":
        if owes_reply:
            assert last_in is not None
            reasons.append(owes_reply_reason(_days(last_in, as_of)))
        if taking_ratio:
            reasons.append(from_you_reason(window_out, total, window))
    if unanswered_shares:
        reasons.append(unanswered_shares_reason(unanswered_shares, window))
    imbalance = []
    t, follow_due = _follow_days(as_of) if channels else ("", "")
    for network, following_since, follows_back in channels:
        following = following_since is not None and following_since <= t
        if follows_back == "no" and following_since is not None and following_since <= follow_due:
            imbalance.append({"network": network, "kind": "not_followed_back"})
            reasons.append(not_followed_back_reason(network))
        elif not following and follows_back == "yes":
            imbalance.append({"network": network, "kind": "not_following_back"})
            reasons.append(not_following_back_reason(network))

    return ContactHealth(
        id=contact_id, name=name, stage=stage, cadence_days=cadence,
        last_touch_on=last_touch, last_inbound_on=last_in, last_outbound_on=last_out,
        days_quiet=days_quiet, stale=stale, overdue_days=days_quiet - cadence if stale else None,
        in_window_in=window_in, in_window_out=window_out, unanswered=unanswered, owes_reply=owes_reply,
        one_sided=one_sided, unanswered_shares=unanswered_shares, follow_imbalance=imbalance, reasons=reasons,
    )


def compute(as_of: date, contact_ids: Iterable[int] | None = None,
            settings: Settings | None = None) -> list[ContactHealth]:
    """Health of every non-archived contact (or of *contact_ids*) as of *as_of*, by contact id."""
    settings = settings or settings_mod.load()
    conn = db.connection()
    t = as_of.isoformat()
    start = (as_of - timedelta(days=settings.window_days - 1)).isoformat()
    only = ""
    span: tuple[int, ...] = ()
    wanted: set[int] | None = None
    if contact_ids is not None:
        wanted = {int(i) for i in contact_ids}
        if not wanted:
            return []
        if len(wanted) <= 50:
            only = f"AND c.id IN ({','.join(map(str, sorted(wanted)))})"
        else:
            # Many contacts (a slice of the state's rebuild): their span of ids, as parameters.
            # One statement text whatever the ids, so that SQLite's statement cache does not
            # keep a program with thousands of ids written in for every slice.
            only, span = "AND c.id BETWEEN ? AND ?", (min(wanted), max(wanted))

    contacts = conn.execute(
        f"""SELECT c.id, c.name, c.stage, c.cadence_days, c.created_on,
                   s.last_in_on, s.last_out_on, s.unanswered, s.last_in_answered, s.max_day
              FROM contact c LEFT JOIN touch_summary s ON s.contact_id = c.id
             WHERE {"+" if span else ""}c.archived = 0 {only} ORDER BY c.id""", span
    ).fetchall()  # (the unary + keeps SQLite on the span of ids, not on an index of every active contact)
    if span and wanted is not None:
        contacts = [row for row in contacts if row[0] in wanted]
    if not contacts:
        return []
    single = contact_ids is not None and len(contacts) <= 50
    ids_sql = ",".join(str(row[0]) for row in contacts) if single else None

    # Contacts with touches after T: their summary counts the future, recompute up to T.
    future = [row[0] for row in contacts if row[9] is not None and row[9] > t]
    recomputed = touches.figures_as_of(t, future) if future else {}

    touch_filter = ""
    touch_span: tuple[int, ...] = ()
    if single:
        touch_filter = f"AND contact_id IN ({ids_sql})"
    elif contact_ids is not None:
        # A slice: the figures of its span of ids alone, so that what is held at a time
        # grows with the slice, not with the journal.
        touch_filter, touch_span = "AND contact_id BETWEEN ? AND ?", (contacts[0][0], contacts[-1][0])
    window = {cid: (n_in, n_out) for cid, n_in, n_out in conn.execute(
        f"""SELECT contact_id, sum(n_in), sum(n_out) FROM touch_day
             WHERE day BETWEEN ? AND ? {touch_filter} GROUP BY contact_id""", (start, t, *touch_span))}
    shares = dict(conn.execute(
        f"""SELECT contact_id, count(*) FROM share
             WHERE on_day BETWEEN ? AND ? AND (response = 'none' OR responded_on > ?) {touch_filter}
             GROUP BY contact_id""", (start, share_response_due(as_of), t, *touch_span)).fetchall())
    channels: dict[int, list[tuple[str, str | None, str]]] = defaultdict(list)
    for cid, network, since, back in conn.execute(
            f"""SELECT contact_id, network, following_since, follows_back FROM channel
                 WHERE (follows_back = 'yes' OR (follows_back = 'no' AND following_since IS NOT NULL))
                 {touch_filter} ORDER BY id""", touch_span):
        channels[cid].append((network, since, back))

    result = []
    for cid, name, stage, own_cadence, created_on, last_in, last_out, unanswered, answered, max_day in contacts:
        if max_day is not None and max_day > t:
            last_in, last_out, unanswered, answered = recomputed.get(cid, (None, None, 0, False))
        w_in, w_out = window.get(cid, (0, 0))
        result.append(judge(
            contact_id=cid, name=name, stage=stage, own_cadence=own_cadence, created_on=created_on,
            last_in=last_in, last_out=last_out, unanswered=unanswered or 0, last_in_answered=bool(answered),
            window_in=w_in, window_out=w_out, unanswered_shares=shares.get(cid, 0),
            channels=channels.get(cid, ()), as_of=as_of, settings=settings,
        ))
    return result


def compute_one(contact_id: int, as_of: date, settings: Settings | None = None) -> ContactHealth | None:
    """Health of one contact (None when it is archived or does not exist)."""
    found = compute(as_of, [contact_id], settings)
    return found[0] if found else None


def report(as_of: date) -> dict[str, Any]:
    """DOMAIN.md's machine-readable health report."""
    current = settings_mod.load()
    return _report(as_of, current, compute(as_of, settings=current))


def _report(as_of: date, current: Settings, found: list[ContactHealth]) -> dict[str, Any]:
    return {
        "as_of": as_of.isoformat(),
        "window_days": current.window_days,
        "contacts": [h.to_json() for h in found],
    }


# --- the report as JSON text ------------------------------------------------------------------
# `report health --json` on a big journal: json.dumps with indent=2 runs in pure Python over one
# dictionary per contact; writing each record straight from its ContactHealth, in the same
# layout, takes a third of the time. Any value it does not expect falls back to json.dumps.

_JSON_FIELDS = ("id", "name", "stage", "cadence_days", "last_touch_on", "last_inbound_on", "last_outbound_on",
                "days_quiet", "stale", "overdue_days", "in_window_in", "in_window_out", "unanswered",
                "owes_reply", "one_sided", "unanswered_shares", "follow_imbalance", "reasons")
_IN = "\n      "  # a record's fields are at depth 3


def _num(value: object) -> str:
    return str(value) if type(value) is int else json.dumps(value)


def _texts(items: list[str]) -> str:
    """A record's list of strings, at depth 3 (a TypeError for anything else)."""
    return "[\n        " + ",\n        ".join(map(_text, items)) + "\n      ]"


def _text_dicts(items: list[dict[str, str]]) -> str:
    """A record's list of dictionaries of strings, at depth 3 (a TypeError for anything else)."""
    return "[\n        " + ",\n        ".join(
        "{\n          " + ",\n          ".join(f"{_text(k)}: {_text(v)}" for k, v in d.items()) + "\n        }"
        if d else "{}" for d in items) + "\n      ]"


def _record_json(h: ContactHealth) -> str:
    # The whole numbers come from SQLite's integers and day arithmetic; cadences from the settings.
    last, inbound, outbound, side = h.last_touch_on, h.last_inbound_on, h.last_outbound_on, h.one_sided
    return (
        f'{{{_IN}"id": {h.id},{_IN}"name": {_text(h.name)},{_IN}"stage": {_text(h.stage)},'
        f'{_IN}"cadence_days": {_num(h.cadence_days)},'
        f'{_IN}"last_touch_on": {"null" if last is None else _text(last)},'
        f'{_IN}"last_inbound_on": {"null" if inbound is None else _text(inbound)},'
        f'{_IN}"last_outbound_on": {"null" if outbound is None else _text(outbound)},'
        f'{_IN}"days_quiet": {h.days_quiet},{_IN}"stale": {"true" if h.stale else "false"},'
        f'{_IN}"overdue_days": {"null" if h.overdue_days is None else _num(h.overdue_days)},'
        f'{_IN}"in_window_in": {h.in_window_in},{_IN}"in_window_out": {h.in_window_out},'
        f'{_IN}"unanswered": {h.unanswered},{_IN}"owes_reply": {"true" if h.owes_reply else "false"},'
        f'{_IN}"one_sided": {"null" if side is None else _text(side)},'
        f'{_IN}"unanswered_shares": {h.unanswered_shares},'
        f'{_IN}"follow_imbalance": {_text_dicts(h.follow_imbalance) if h.follow_imbalance else "[]"},'
        f'{_IN}"reasons": {_texts(h.reasons) if h.reasons else "[]"}\n    }}')


@contextlib.contextmanager
def _cycles_collected_after() -> Iterator[None]:
    """Pause CPython's cycle collector: the report makes about a million objects, none in a
    cycle, and as they pile up the collector would walk them all several times (an eighth of
    the time on a big journal). For the command line's one report: the window never calls it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def report_json(as_of: date) -> str:
    """:func:`report` as JSON text: exactly ``json.dumps(report(as_of), ensure_ascii=False, indent=2)``."""
    with _cycles_collected_after():
        current = settings_mod.load()
        found = compute(as_of, settings=current)
        plain = all(type(v) is int for v in (current.window_days, *current.stage_cadence_days.values()))
        if plain and tuple(f.name for f in fields(ContactHealth)) == _JSON_FIELDS:
            try:
                records = "[\n    " + ",\n    ".join(map(_record_json, found)) + "\n  ]" if found else "[]"
                return (f'{{\n  "as_of": {_text(as_of.isoformat())},\n  "window_days": {current.window_days},'
                        f'\n  "contacts": {records}\n}}')
            except (TypeError, ValueError):
                pass
        return json.dumps(_report(as_of, current, found), ensure_ascii=False, indent=2)
