"""The Attention page's lists: who is listed, in what order, with which reason; limits and totals."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.health import state as health_state
from dealjournal.queries import attention as q

T = date(2026, 11, 22)


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def contact(name: str, **fields: object) -> int:
    fields.setdefault("created_on", ago(300))
    changes = ops.add_contact(name, **fields)  # type: ignore[arg-type]
    assert changes.id is not None
    return changes.id


def touch(cid: int, days_ago: int, direction: str = "out", **fields: object) -> int:
    changes = ops.log_interaction(cid, kind="email", direction=direction, at=ago(days_ago), **fields)
    assert changes.id is not None
    return changes.id


def names(section: q.Section) -> list[str]:
    return [i.name for i in section.items]


def test_stale_most_overdue_first_with_reasons(journal: Path) -> None:
    a = contact("Ada")  # lead: cadence 30
    touch(a, 41, "mutual")
    b = contact("Bob", stage="opportunity")  # cadence 7
    touch(b, 60, "mutual")
    contact("Never", created_on=ago(45))
    quiet_ok = contact("Zero", cadence_days=0)
    touch(quiet_ok, 200, "mutual")
    archived = contact("Gone")
    ops.archive_contact(archived)
    fresh = contact("Fresh")
    touch(fresh, 3, "mutual")
    health_state.rebuild(T)

    section = q.stale()
    assert names(section) == ["Bob", "Never", "Ada"]
    assert section.total == 3 and section.more == 0
    reasons = {i.name: i.reason for i in section.items}
    assert reasons["Ada"] == "41 days since last contact, cadence 30"
    assert reasons["Bob"] == "60 days since last contact, cadence 7"
    assert reasons["Never"] == "45 days since added, with no contact yet, cadence 30"

    limited = q.stale(limit=1)
    assert names(limited) == ["Bob"] and limited.total == 3 and limited.more == 2


def test_giving_and_taking(journal: Path) -> None:
    giver = contact("Giver")
    for days in (3, 2, 1):
        touch(giver, days)
    talker = contact("Talker")
    touch(talker, 20)
    touch(talker, 5, "in")
    ratio = contact("Ratio")
    touch(ratio, 100, "in")
    for days in (90, 80, 70, 60, 50):
        touch(ratio, days)
    touch(ratio, 40, "in")
    touch(ratio, 30)
    touch(ratio, 1)
    health_state.rebuild(T)

    giving = q.giving(window_days=180)
    assert {i.name: i.reason for i in giving.items} == {
        "Giver": "3 messages in a row without reply",
        "Ratio": "only 2 of 9 touches in the last 180 days came from them",
    }
    assert names(giving)[0] == "Giver" and giving.total == 2

    taking = q.taking(T, window_days=180)
    assert [(i.name, i.reason) for i in taking.items] == [
        ("Talker", "they reached out 5 days ago and you have not replied")]
    assert taking.items[0].on == ago(5)


def test_followups_due_or_overdue(journal: Path) -> None:
    a = contact("Ada")
    late = touch(a, 10, summary="Send the deck", follow_up_on=ago(3))
    today = touch(a, 9, summary="Call back", follow_up_on=T.isoformat())
    touch(a, 8, summary="Later", follow_up_on=(T + timedelta(days=2)).isoformat())
    done = touch(a, 7, summary="Done already", follow_up_on=ago(5))
    ops.set_follow_up_done(done)
    b = contact("Archived")
    touch(b, 10, follow_up_on=ago(1))
    ops.archive_contact(b)

    section = q.followups(T)
    assert [(i.ref_id, i.subject, i.reason) for i in section.items] == [
        (late, "Send the deck", f"3 days overdue (due {ago(3)})"),
        (today, "Call back", "due today"),
    ]
    assert section.total == 2
    assert q.followups(T, limit=1).more == 1


def test_unanswered_shares_leave_when_answered(journal: Path) -> None:
    a = contact("Ada")
    b = contact("Bob")
    item = ops.add_content("Closing the books faster", kind="video").id
    assert item is not None
    old = ops.record_share(item, [a], on=ago(200)).id  # outside the 180-day window
    first = ops.record_share(item, [a], on=ago(9)).id
    second = ops.record_share(item, [b], on=ago(7)).id
    # DOMAIN.md revision 2: a week to respond, so a share of 6 days ago is not unanswered yet.
    recent = ops.record_share(item, [b], on=ago(6)).id
    health_state.rebuild(T)

    section = q.unanswered_shares(T, window_days=180)
    assert [(i.ref_id, i.name, i.subject, i.on, i.reason) for i in section.items] == [
        (first, "Ada", "Closing the books faster", ago(9), "9 days without a response"),
        (second, "Bob", "Closing the books faster", ago(7), "7 days without a response"),
    ]
    assert old not in [i.ref_id for i in section.items] and recent not in [i.ref_id for i in section.items]
    assert first is not None and second is not None
    ops.set_share_response(first, "replied", ago(2))
    assert [i.ref_id for i in q.unanswered_shares(T, window_days=180).items] == [second]
    ops.set_share_response(second, "seen", (T + timedelta(days=1)).isoformat())  # dated after T: not given yet
    assert [i.ref_id for i in q.unanswered_shares(T, window_days=180).items] == [second]


def test_follow_imbalance_both_ways(journal: Path) -> None:
    a = contact("Ada")
    # DOMAIN.md revision 2: two weeks to follow back, so only a follow of 14 days or more is "not followed back".
    not_back = ops.add_channel(a, "linkedin", following_since=ago(14), follows_back="no").id
    ops.add_channel(a, "x", following_since=ago(13), follows_back="no")
    b = contact("Bob")
    they_follow = ops.add_channel(b, "x", follows_back="yes").id
    ops.add_channel(b, "github", following_since=ago(10), follows_back="unknown")
    ops.add_channel(b, "blog", following_since=ago(10), follows_back="yes")
    planned = contact("Cy")
    # Following from a day after T is planned, not done: they follow and you don't (yet).
    later = ops.add_channel(planned, "mastodon", following_since=(T + timedelta(days=3)).isoformat(),
                            follows_back="yes").id

    section = q.follow_imbalance(T)
    got = {(i.name, i.ref_id, i.kind, i.reason) for i in section.items}
    assert got == {
        ("Ada", not_back, "not_followed_back", f"not followed back on LinkedIn since {ago(14)}"),
        ("Bob", they_follow, "not_following_back", "they follow you on X but you don't follow back"),
        ("Cy", later, "not_following_back",
         "they follow you on Mastodon but you don't follow back"),
    }
    assert section.total == 3
    assert not_back is not None
    ops.edit_channel(not_back, follows_back="yes")
    assert q.follow_imbalance(T).total == 2


def test_map_points(journal: Path) -> None:
    a = contact("Ada")  # cadence 30
    touch(a, 60)
    touch(a, 45, "in")
    touch(a, 45)
    touch(a, 45)
    silent = contact("Silent", created_on=ago(400))
    contact("Zero", cadence_days=0)
    health_state.rebuild(T)

    data = q.map_points()
    assert data.total == 2 and data.no_cadence == 1
    by_name = {p.name: p for p in data.points}
    assert by_name["Ada"].x == pytest.approx(45 / 30)
    assert by_name["Ada"].y == pytest.approx(1 / 4)
    assert by_name["Silent"].y is None and by_name["Silent"].contact_id == silent
    assert by_name["Silent"].x == pytest.approx(400 / 30)
    assert len(q.map_points(limit=1).points) == 1
    assert q.needing_attention() == 2
