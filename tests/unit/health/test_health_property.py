"""The health engine against a deliberately simple implementation written from DOMAIN.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealjournal import ops
from dealjournal.domain import DEFAULT_STAGE_CADENCE, STAGES
from dealjournal.health import rules as health
from dealjournal.store import close_journal, open_journal

T = date(2026, 11, 22)
WINDOW = 180


@dataclass
class Person:
    stage: str
    cadence: int | None
    created: int  # days before T
    archived: bool
    interactions: list[tuple[int, str]] = field(default_factory=list)  # (days before T, direction)
    shares: list[tuple[int, str, int | None]] = field(default_factory=list)  # (days before T, response, reply delay)
    channels: list[tuple[int | None, str]] = field(default_factory=list)  # (following since, follows back)


days = st.integers(min_value=-5, max_value=400)
people = st.builds(
    Person,
    stage=st.sampled_from(STAGES),
    cadence=st.one_of(st.none(), st.integers(0, 60)),
    created=st.integers(0, 500),
    archived=st.booleans(),
    interactions=st.lists(st.tuples(days, st.sampled_from(["in", "out", "mutual", "none"])), max_size=12),
    shares=st.lists(st.tuples(days, st.sampled_from(["none", "seen", "replied", "acted"]),
                              st.one_of(st.none(), st.integers(0, 10))), max_size=4),
    channels=st.lists(st.tuples(st.one_of(st.none(), st.integers(-3, 100)),
                                st.sampled_from(["yes", "no", "unknown"])), max_size=3),
)


def day(n: int) -> date:
    return T - timedelta(days=n)


def expected(p: Person) -> dict[str, object]:
    """DOMAIN.md read literally, one touch at a time."""
    touches: list[tuple[date, str]] = []
    for n, direction in p.interactions:
        if direction in ("in", "mutual"):
            touches.append((day(n), "in"))
        if direction in ("out", "mutual"):
            touches.append((day(n), "out"))
    unanswered_shares = 0
    for n, response, delay in p.shares:
        touches.append((day(n), "out"))
        if response != "none":
            touches.append((day(n) + timedelta(days=delay or 0), "in"))
        responded = response != "none" and day(n) + timedelta(days=delay or 0) <= T
        if T - timedelta(days=WINDOW - 1) <= day(n) <= T and not responded:
            unanswered_shares += 1
    done = [(d, w) for d, w in touches if d <= T]
    ins = [d for d, w in done if w == "in"]
    outs = [d for d, w in done if w == "out"]
    last_in, last_out = max(ins, default=None), max(outs, default=None)
    last = max(ins + outs, default=None)
    days_quiet = (T - (last or day(p.created))).days
    cadence = p.cadence if p.cadence is not None else DEFAULT_STAGE_CADENCE[p.stage]
    stale = cadence > 0 and days_quiet > cadence
    start = T - timedelta(days=WINDOW - 1)
    w_in = sum(1 for d in ins if d >= start)
    w_out = sum(1 for d in outs if d >= start)
    unanswered = sum(1 for d in outs if last_in is None or d > last_in)
    owes = last_in is not None and not any(d >= last_in for d in outs) and (T - last_in).days > 2
    total = w_in + w_out
    giving = unanswered >= 3 or (total >= 4 and w_in / total < 0.25)
    taking = owes or (total >= 4 and w_out / total < 0.25)
    one_sided = ("giving" if unanswered >= 3 else "taking") if giving and taking else (
        "giving" if giving else "taking" if taking else None)
    imbalance = []
    for since, back in p.channels:
        following = since is not None and day(since) <= T
        if following and back == "no":
            imbalance.append("not_followed_back")
        elif not following and back == "yes":
            imbalance.append("not_following_back")
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return {
        "last_touch_on": iso(last), "last_inbound_on": iso(last_in), "last_outbound_on": iso(last_out),
        "days_quiet": days_quiet, "cadence_days": cadence, "stale": stale,
        "overdue_days": days_quiet - cadence if stale else None, "in_window_in": w_in, "in_window_out": w_out,
        "unanswered": unanswered, "owes_reply": owes, "one_sided": one_sided,
        "unanswered_shares": unanswered_shares, "follow_imbalance": imbalance,
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(people, min_size=1, max_size=4))
def test_engine_matches_simple_reading(tmp_path: Path, group: list[Person]) -> None:
    path = tmp_path / f"prop-{id(group)}.sqlite3"
    open_journal(path)
    try:
        item = ops.add_content("Guide", kind="ebook").id
        ids = []
        for i, p in enumerate(group):
            cid = ops.add_contact(f"P{i}", stage=p.stage, cadence_days=p.cadence, created_on=day(p.created)).id
            ids.append(cid)
            for n, direction in p.interactions:
                ops.log_interaction(cid, kind="email", direction=direction, at=day(n))
            for n, response, delay in p.shares:
                sid = ops.record_share(item, [cid], on=day(n)).id
                if response != "none":
                    responded = None if delay is None else day(n) + timedelta(days=delay)
                    ops.set_share_response(sid, response, responded)
            for since, back in p.channels:
                ops.add_channel(cid, "linkedin", following_since=None if since is None else day(since),
                                follows_back=back)
            if p.archived:
                ops.archive_contact(cid)
        got = {h.id: h for h in health.compute(T)}
        for cid, p in zip(ids, group):
            if p.archived:
                assert cid not in got
                continue
            h = got[cid]
            want = expected(p)
            seen = {key: getattr(h, key) for key in want}
            seen["follow_imbalance"] = [f["kind"] for f in h.follow_imbalance]
            assert seen == want
            assert bool(h.reasons) == bool(h.stale or h.one_sided or h.unanswered_shares or h.follow_imbalance)
            one = health.compute_one(cid, T)
            assert one == h
    finally:
        close_journal()
