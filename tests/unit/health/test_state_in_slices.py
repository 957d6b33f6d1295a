"""The cached health state built a slice at a time, the agenda ranked from it a page at a time,
and a cache of a newer build never shown: always exactly what the engine works out."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.domain import STAGES
from dealjournal.health import rules as health
from dealjournal.health import state as health_state
from dealjournal.health import today
from dealjournal.queries import attention
from dealjournal.queries import contacts as contact_list
from dealjournal.store import db

T = date(2026, 11, 22)
NAMES = ("Ada", "ada", "Émile", "Zed", "zoë", "Bo", "bo", "Carla")


def _day(days_before: int) -> str:
    return (T - timedelta(days=days_before)).isoformat()


def _busy_journal(n: int = 140, seed: int = 5) -> list[int]:
    """*n* contacts with touches, shares, channels, follow-ups and reminders, some archived,
    some with touches after T, many sharing a name and a day (ties); their ids."""
    rng = random.Random(seed)
    content = ops.add_content("A guide", kind="article").id
    ids = []
    for i in range(n):
        cid = ops.add_contact(f"{rng.choice(NAMES)}", stage=rng.choice(STAGES), created_on=_day(rng.randint(0, 400)),
                              cadence_days=rng.choice([None, None, 0, 7, 30])).id
        ids.append(cid)
        for _ in range(rng.randint(0, 6)):
            at = _day(rng.choice([-3, 0, 1, 3, 10, 40, 200]))  # -3: after T
            if rng.random() < 0.5:
                at += rng.choice(["T09:00", "T15:30", "T15:30:01"])
            ops.log_interaction(cid, kind="email", direction=rng.choice(["in", "out", "mutual", "none"]), at=at,
                                follow_up_on=_day(rng.choice([0, 2, 9])) if rng.random() < 0.2 else None)
        if rng.random() < 0.3:
            (share,) = ops.record_share(content, [cid], on=_day(rng.choice([1, 8, 30]))).ids
            if rng.random() < 0.5:
                ops.set_share_response(share, "replied")
        if rng.random() < 0.3:
            ops.add_channel(cid, "linkedin", following_since=_day(rng.choice([3, 20])),
                            follows_back=rng.choice(["yes", "no", "unknown"]))
        if rng.random() < 0.1:
            ops.add_reminder(cid, _day(rng.choice([0, 5])), "call back")
        if rng.random() < 0.1:
            ops.archive_contact(cid)
    return ids


def _all_rows() -> list[tuple[object, ...]]:
    return db.connection().execute(
        f"SELECT {health_state._COLUMNS} FROM health_state ORDER BY contact_id").fetchall()


def _described(entries: list[today.Entry]) -> list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]:
    return [(e.contact_id, e.kind, e.kinds, tuple(str(r) for r in e.reasons)) for e in entries]


def test_a_rebuild_in_slices_stores_what_the_engine_works_out(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _busy_journal()
    monkeypatch.setattr(health_state, "_SLICE", 7)  # many slices, some ending on archived contacts
    health_state.rebuild(T)
    assert health_state.is_current(T)
    assert _all_rows() == sorted(health_state._row(h) for h in health.compute(T))
    temp = db.connection().execute("SELECT name FROM temp.sqlite_master").fetchall()
    assert (health_state._FRESH,) not in temp


def test_many_contacts_at_once_are_those_of_the_whole_journal(journal: Path) -> None:
    ids = _busy_journal()
    everyone = {h.id: h for h in health.compute(T)}
    rng = random.Random(1)
    for chosen in (ids[10:90], rng.sample(ids, 60), ids[:51] + [10_000], ids[::2]):  # spans, gaps, unknown ids
        got = health.compute(T, iter(chosen))
        assert got == [everyone[i] for i in sorted(set(chosen)) if i in everyone]
    assert health.compute(T, []) == []


def test_a_failed_rebuild_leaves_the_state_as_it_was(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _busy_journal(40)
    health_state.rebuild(T - timedelta(days=1))
    before = _all_rows()
    monkeypatch.setattr(health_state, "_SLICE", 10)
    calls = []
    real = health.compute

    def failing(*args: object, **kwargs: object) -> list[health.ContactHealth]:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("a bug in the third slice")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(health_state.health, "compute", failing)
    with pytest.raises(RuntimeError):
        health_state.rebuild(T)
    assert _all_rows() == before and health_state.as_of() == T - timedelta(days=1)
    monkeypatch.setattr(health_state.health, "compute", real)
    health_state.rebuild(T)  # the temporary table of the failed one is gone
    assert _all_rows() == sorted(health_state._row(h) for h in health.compute(T))


@pytest.mark.parametrize("day", [T, T - timedelta(days=5)])
def test_every_page_of_the_cached_agenda_is_the_head_of_the_agenda(journal: Path, day: date) -> None:
    _busy_journal()
    exact = today.agenda(day)
    health_state.rebuild(day)
    assert len(exact) > 40 and len({e.kind for e in exact}) >= 3
    for limit in (0, 1, 2, 3, 5, 8, 13, 21, 34, len(exact) - 1, len(exact), len(exact) + 7):
        page = today.page(day, limit)
        assert _described(page.entries) == _described(exact[:limit]), limit
        assert page.total == len(exact)
    assert _described(today.page(day).entries) == _described(exact)


def test_due_items_of_some_contacts_are_theirs_alone(journal: Path) -> None:
    ids = _busy_journal(60)
    every = today.due_by(T)
    assert {d.contact_id for d in every} > set(ids[:20]) & {d.contact_id for d in every}
    for some in (ids[:20], ids[20:21], []):
        assert today.due_by(T, only=some) == [d for d in every if d.contact_id in some]


def _as_newer_build() -> None:
    """What a newer build's cache, of a format of its own, might hold."""
    db.connection().execute("UPDATE health_state SET severity = severity + 7000, one_sided = 'giving', "
                            "reasons = ?", (json.dumps([{"t": "a newer build's reason"}]),))
    db.connection().execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'",
                            (json.dumps({"day": T.isoformat(), "format": health_state.FORMAT + 1}),))


def test_the_contact_list_never_shows_the_rows_of_a_newer_cache_format(journal: Path) -> None:
    ada = ops.add_contact("Ada", created_on="2026-01-01").id
    ops.add_contact("Bob", created_on="2026-11-20")
    health_state.rebuild(T)
    everyone = contact_list.ContactFilter()
    giving = contact_list.ContactFilter(health="giving")
    shown = contact_list.page(everyone)
    assert [r.severity is not None for r in shown] == [True, True] and health_state.readable()
    assert [i.contact_id for i in attention.stale().items] == [ada] and attention.needing_attention() == 1

    _as_newer_build()
    assert not health_state.readable() and health_state.as_of() is None
    for sort in contact_list.SORT_KEYS:
        rows = contact_list.page(everyone, sort)
        assert sorted(r.name for r in rows) == ["Ada", "Bob"]
        assert all(r.severity is None and r.reasons == () and r.health_text == "" for r in rows), sort
    assert contact_list.count(giving) == 0 and contact_list.page(giving) == []
    assert contact_list.count(contact_list.ContactFilter(health="healthy")) == 0
    # Nor does the Attention page.
    for section in (attention.stale(), attention.giving(window_days=180), attention.taking(T, window_days=180)):
        assert section.items == [] and section.total == 0
    assert attention.map_points().points == [] and attention.needing_attention() == 0

    health_state.invalidate()  # a bulk change meanwhile: the rows stay unread until the rebuild
    assert not health_state.readable()
    assert all(r.severity is None for r in contact_list.page(everyone))

    health_state.rebuild(T)
    assert health_state.readable() and health_state.is_current(T)
    assert contact_list.page(everyone) == shown
    assert contact_list.page(everyone, "health", descending=True)[0].id == ada  # long quiet: the most severe
    assert [i.contact_id for i in attention.stale().items] == [ada]


@pytest.mark.parametrize("stamp", [json.dumps(T.isoformat()), json.dumps({"day": T.isoformat(), "format": 2}), None])
def test_rows_of_this_or_an_older_format_stay_readable(journal: Path, stamp: str | None) -> None:
    ops.add_contact("Ada", created_on="2026-01-01")
    health_state.rebuild(T)
    conn = db.connection()
    if stamp is None:
        health_state.invalidate()
    else:
        conn.execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'", (stamp,))
    assert health_state.readable() and not health_state.is_current(T)
    (row,) = contact_list.page(contact_list.ContactFilter())
    assert row.severity is not None and row.overdue_days is not None


@pytest.mark.parametrize("stamp", ["not json", json.dumps(None), json.dumps({"day": T.isoformat()}),
                                   json.dumps({"day": T.isoformat(), "format": "4"})])
def test_rows_under_an_unreadable_stamp_are_not_shown(journal: Path, stamp: str) -> None:
    ops.add_contact("Ada", created_on="2026-01-01")
    health_state.rebuild(T)
    db.connection().execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'", (stamp,))
    assert not health_state.readable()
    (row,) = contact_list.page(contact_list.ContactFilter())
    assert row.severity is None
