"""The health engine against a deliberately simple implementation written from DOMAIN.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
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
    interactions: list[tuple[int, str | None, str]] = field(default_factory=list)  # (days before T, time, direction)
    shares: list[tuple[int, str, int | None]] = field(default_factory=list)  # (days before T, response, reply delay)
    channels: list[tuple[int | None, str]] = field(default_factory=list)  # (following since, follows back)


# Days around the grace periods' edges and a few busy days, so that touches often share a day.
days = st.one_of(st.integers(min_value=-5, max_value=400), st.sampled_from([-1, 0, 2, 3, 5, 6, 7, 8, 13, 14, 15]))
# The time of an interaction's `at`: none, HH:MM or HH:MM:SS, from few values so that they often tie.
times = st.one_of(st.none(), st.builds("{:02d}:{:02d}".format, st.sampled_from([9, 10, 15]), st.sampled_from([0, 30])),
                  st.builds("{:02d}:{:02d}:{:02d}".format, st.sampled_from([9, 10, 15]), st.sampled_from([0, 30]),
                            st.sampled_from([0, 0, 1, 59])))
people = st.builds(
    Person,
    stage=st.sampled_from(STAGES),
    cadence=st.one_of(st.none(), st.integers(0, 60)),
    created=st.integers(0, 500),
    archived=st.booleans(),
    interactions=st.lists(st.tuples(days, times, st.sampled_from(["in", "out", "mutual", "none"])), max_size=12),
    shares=st.lists(st.tuples(days, st.sampled_from(["none", "seen", "replied", "acted"]),
                              st.one_of(st.none(), st.integers(0, 10))), max_size=4),
    channels=st.lists(st.tuples(st.one_of(st.none(), st.integers(-3, 100), st.sampled_from([12, 13, 14, 15])),
                                st.sampled_from(["yes", "no", "unknown"])), max_size=3),
)


def day(n: int) -> date:
    return T - timedelta(days=n)


@dataclass(frozen=True)
class Touch:
    on: date
    at: time | None  # only an interaction's touches have a time
    inbound: bool


def expected(p: Person) -> dict[str, object]:
    """DOMAIN.md (revision 2) read literally, one touch at a time."""
    touches: list[Touch] = []
    for n, clock, direction in p.interactions:
        moment = None if clock is None else time.fromisoformat(clock)
        if direction in ("in", "mutual"):
            touches.append(Touch(day(n), moment, True))
        if direction in ("out", "mutual"):
            touches.append(Touch(day(n), moment, False))
    unanswered_shares = 0
    for n, response, delay in p.shares:
        touches.append(Touch(day(n), None, False))
        if response != "none":
            touches.append(Touch(day(n) + timedelta(days=delay or 0), None, True))
        responded = response != "none" and day(n) + timedelta(days=delay or 0) <= T
        if T - timedelta(days=WINDOW - 1) <= day(n) <= T - timedelta(days=7) and not responded:
            unanswered_shares += 1
    done = [t for t in touches if t.on <= T]
    ins = [t.on for t in done if t.inbound]
    outs = [t for t in done if not t.inbound]
    last_in, last_out = max(ins, default=None), max((t.on for t in outs), default=None)
    last = max(ins + [t.on for t in outs], default=None)
    # The last inbound moment L: its day, and the latest time known among that day's inbound touches.
    l_time = max((t.at for t in done if t.inbound and t.on == last_in and t.at is not None), default=None)

    def after_l(t: Touch) -> bool:
        assert last_in is not None
        return t.on > last_in or (t.on == last_in and t.at is not None and l_time is not None and t.at > l_time)

    def answers_l(t: Touch) -> bool:
        assert last_in is not None
        return t.on > last_in or (t.on == last_in and not (t.at is not None and l_time is not None and t.at < l_time))

    days_quiet = (T - (last or day(p.created))).days
    cadence = p.cadence if p.cadence is not None else DEFAULT_STAGE_CADENCE[p.stage]
    stale = cadence > 0 and days_quiet > cadence
    start = T - timedelta(days=WINDOW - 1)
    w_in = sum(1 for d in ins if d >= start)
    w_out = sum(1 for t in outs if t.on >= start)
    unanswered = sum(1 for t in outs if last_in is None or after_l(t))
    owes = last_in is not None and not any(answers_l(t) for t in outs) and (T - last_in).days > 2
    total = w_in + w_out
    giving = unanswered >= 3 or (total >= 4 and w_in / total < 0.25)
    taking = owes or (total >= 4 and w_out / total < 0.25)
    one_sided = ("giving" if unanswered >= 3 else "taking") if giving and taking else (
        "giving" if giving else "taking" if taking else None)
    imbalance = []
    for since, back in p.channels:
        following = since is not None and day(since) <= T
        if back == "no" and since is not None and day(since) <= T - timedelta(days=14):
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


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
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
            for n, clock, direction in p.interactions:
                at = day(n).isoformat() if clock is None else f"{day(n).isoformat()}T{clock}"
                ops.log_interaction(cid, kind="email", direction=direction, at=at)
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
