"""The contact page's read-side SQL: details, timeline pages, monthly touches, contact search."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealjournal import ops
from dealjournal.queries import contact as q


def _contact(name: str = "Ada Byron", **fields: object) -> int:
    changes = ops.add_contact(name, created_on="2026-01-01", **fields)
    assert changes.id is not None
    return changes.id


def test_details_hold_emails_phones_and_tags(journal: Path) -> None:
    cid = _contact(company="Analytical Ltd", emails=[("work", "ada@example.com")], phones=[(None, "+44 1")],
                   tags=["fintech", "cfo"])
    d = q.contact_details(cid)
    assert d is not None and d.name == "Ada Byron" and d.company == "Analytical Ltd"
    assert d.emails == [("work", "ada@example.com")] and d.phones == [(None, "+44 1")]
    assert d.tags == ["fintech", "cfo"] and d.archived is False and d.cadence_days is None
    assert q.contact_details(cid + 1) is None


def test_timeline_mixes_everything_newest_first(journal: Path) -> None:
    cid = _contact()
    ops.log_interaction(cid, kind="email", direction="out", at="2026-02-01T09:00", summary="Hello")
    ops.log_interaction(cid, kind="call", direction="in", at="2026-02-03T10:00", follow_up_on="2026-02-10")
    content = ops.add_content("Closing the books faster", kind="video").id
    assert content is not None
    ops.record_share(content, [cid], on="2026-02-02")
    ops.set_stage(cid, "engaged", on="2026-02-04")
    rows = q.timeline_page(cid)
    assert [r.source for r in rows] == ["stage", "interaction", "share", "interaction"]
    stage, call, share, email = rows
    assert (stage.what, stage.summary) == ("lead", "engaged")
    assert call.direction == "in" and call.follow_up_on == "2026-02-10" and not call.follow_up_done
    assert share.summary == "Closing the books faster" and share.what == "video" and share.response == "none"
    assert email.summary == "Hello" and email.direction == "out"
    assert q.timeline_count(cid) == 4
    assert [r.id for r in q.timeline_page(cid, offset=1, limit=2)] == [call.id, share.id]


def test_timeline_pages_cover_every_entry_once(journal: Path) -> None:
    cid = _contact()
    for day in range(1, 29):
        ops.log_interaction(cid, kind="note", direction="none", at=f"2026-03-{day:02d}")
    seen = [r.id for offset in range(0, 30, 10) for r in q.timeline_page(cid, offset, 10)]
    assert len(seen) == 28 == len(set(seen))


def test_monthly_touches_fill_empty_months(journal: Path) -> None:
    cid = _contact()
    ops.log_interaction(cid, kind="email", direction="out", at="2026-03-05")
    ops.log_interaction(cid, kind="meeting", direction="mutual", at="2026-03-20")
    ops.log_interaction(cid, kind="email", direction="in", at="2025-01-01")  # older than 12 months
    ops.log_interaction(cid, kind="email", direction="in", at="2026-06-01")  # after the day asked about
    months = q.monthly_touches(cid, date(2026, 5, 15))
    assert len(months) == 12 and months[0][0] == "2025-06" and months[-1][0] == "2026-05"
    assert dict((m, (i, o)) for m, i, o in months)["2026-03"] == (1, 2)
    assert sum(i + o for _, i, o in months) == 3


def test_find_contacts_prefix_first_then_anywhere(journal: Path) -> None:
    a = _contact("Bob Ada")
    b = _contact("Ada Byron", company="Analytical")
    c = _contact("Grace Hopper", company="Navy Adaptive")
    _contact("Alan Turing")
    found = q.find_contacts("ada")
    assert [m.id for m in found][0] == b
    assert {m.id for m in found} == {a, b, c}
    assert q.find_contacts("") == [] and q.find_contacts("%") == [] and q.find_contacts("_") == []
    assert [m.id for m in q.find_contacts("HOPP")] == [c]


def test_goals_channels_and_lookups(journal: Path) -> None:
    cid = _contact()
    low = ops.add_goal(cid, "Low one", priority="low").id
    high = ops.add_goal(cid, "High one", priority="high", target_on="2026-05-01").id
    done = ops.add_goal(cid, "Done", priority="high", created_on="2026-01-15").id
    assert done is not None and high is not None
    ops.close_goal(done, "achieved", on="2026-02-01")
    assert [g.id for g in q.goals(cid)] == [high, low, done]
    assert q.open_goals(cid) == [(low, "Low one"), (high, "High one")]
    assert q.goal(high) is not None and q.goal(high).target_on == "2026-05-01"  # type: ignore[union-attr]
    ch = ops.add_channel(cid, "linkedin", handle="ada", url="https://example.com/ada", follows_back="no").id
    assert ch is not None
    assert [c.network for c in q.channels(cid)] == ["linkedin"]
    assert q.channel(ch) is not None and q.channel(ch).follows_back == "no"  # type: ignore[union-attr]
    assert q.stage_history(cid) == []
    ops.set_stage(cid, "engaged", on="2026-02-01")
    assert [(s.from_stage, s.to_stage) for s in q.stage_history(cid)] == [("lead", "engaged")]
    assert q.contact_match(cid) is not None and q.contact_match(cid + 99) is None
