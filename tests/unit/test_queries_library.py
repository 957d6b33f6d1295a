"""The read side of the Content, Goals and Journal pages: counts, sorting, suggestions, paging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.queries import library as q

TODAY = date(2026, 6, 15)


@pytest.fixture
def lib(journal: Path) -> dict[str, int]:
    ada = ops.add_contact("Ada Byron", company="Analytical Ltd", tags=["FinTech"], created_on="2026-01-01").id
    bob = ops.add_contact("Bob Stone", company="Quarry Co", created_on="2026-01-01").id
    cy = ops.add_contact("Cy Young", created_on="2026-01-01").id
    ops.add_goal(bob, "Cut month-end close with fintech tools", priority="low", created_on="2026-01-02")
    ops.add_goal(cy, "Hire 3 engineers", created_on="2026-01-02")
    video = ops.add_content("Closing the books faster", kind="video", author="Example Inc",
                            topics=["fintech", "finance"], url="https://example.com/v").id
    ebook = ops.add_content("A guide to hiring", kind="ebook", origin="mine", topics=["hiring"]).id
    ops.add_content("Unshared 100%_note", kind="other")
    shares = ops.record_share(video, [ada, bob], on="2026-02-01").ids
    ops.set_share_response(shares[0], "replied", "2026-02-03")
    ops.record_share(ebook, [cy], on="2026-03-01")
    return {"ada": ada, "bob": bob, "cy": cy, "video": video, "ebook": ebook}


def test_library_counts_rate_and_last_shared(lib: dict[str, int]) -> None:
    rows = {r.title: r for r in q.content_library()}
    video = rows["Closing the books faster"]
    assert (video.times_shared, video.responded, video.response_rate) == (2, 1, 0.5)
    assert video.last_shared == "2026-02-01" and video.topics == ("finance", "fintech")
    assert rows["Unshared 100%_note"].response_rate is None and rows["Unshared 100%_note"].last_shared is None


def test_library_sorts_in_sql_with_never_shared_last(lib: dict[str, int]) -> None:
    titles = [r.title for r in q.content_library(sort="times_shared", descending=True)]
    assert titles[0] == "Closing the books faster"
    for descending in (False, True):
        rows = q.content_library(sort="response_rate", descending=descending)
        assert rows[-1].title == "Unshared 100%_note"
    assert [r.title for r in q.content_library(sort="title")][0] == "A guide to hiring"
    with pytest.raises(ValueError):
        q.content_library(sort="title; DROP TABLE content")


def test_library_search_matches_title_author_topic_and_escapes_like(lib: dict[str, int]) -> None:
    assert [r.title for r in q.content_library("example")] == ["Closing the books faster"]
    assert [r.title for r in q.content_library("HIRING")] == ["A guide to hiring"]
    assert [r.title for r in q.content_library("100%_")] == ["Unshared 100%_note"]
    assert q.content_library("0%x") == []


def test_shares_of_an_item_newest_first(lib: dict[str, int]) -> None:
    shares = q.content_shares(lib["video"])
    assert {s.contact_name for s in shares} == {"Ada Byron", "Bob Stone"}
    assert q.share_count(lib["video"]) == 2
    assert q.content_item(lib["video"]).topics == ("fintech", "finance")  # type: ignore[union-attr]
    assert q.content_item(9999) is None


def test_find_contacts_by_prefix_of_name_or_company(lib: dict[str, int]) -> None:
    assert [c.name for c in q.find_contacts("ad")] == ["Ada Byron"]
    assert [c.name for c in q.find_contacts("quar")] == ["Bob Stone"]
    assert [c.name for c in q.find_contacts('b"')] == ["Ada Byron", "Bob Stone"]
    assert q.find_contacts("***") == []
    assert len(q.find_contacts("", limit=2)) == 2
    ops.archive_contact(lib["ada"])
    assert q.find_contacts("ada") == []


def test_suggestions_by_tag_and_goal_with_reasons(lib: dict[str, int]) -> None:
    ebook2 = ops.add_content("Fintech for finance teams", topics=["fintech"]).id
    found = {c.name: c.reasons for c in q.suggestions(ebook2)}
    assert found == {"Ada Byron": ("tag: FinTech",), "Bob Stone": ("goal: Cut month-end close with fintech tools",)}
    # already shared with both: nobody left to suggest for the video
    assert q.suggestions(lib["video"]) == []
    ops.close_goal(q.open_goals_of(lib["bob"])[0].id, "dropped", on="2026-03-01")
    assert [c.name for c in q.suggestions(ebook2)] == ["Ada Byron"]


def test_goals_by_priority_then_target_and_overdue(journal: Path) -> None:
    cid = ops.add_contact("Dee", created_on="2026-01-01").id
    ops.add_goal(cid, "low soon", priority="low", target_on="2026-06-20", created_on="2026-01-01")
    ops.add_goal(cid, "high none", priority="high", created_on="2026-01-01")
    ops.add_goal(cid, "high late", priority="high", target_on="2026-06-10", created_on="2026-01-01")
    ops.add_goal(cid, "high later", priority="high", target_on="2026-07-10", created_on="2026-01-01")
    done = ops.add_goal(cid, "achieved", created_on="2026-01-01").id
    ops.close_goal(done, "achieved", on="2026-02-01")
    rows = q.goals("open", TODAY)
    assert [r.title for r in rows] == ["high late", "high later", "high none", "low soon"]
    assert rows[0].overdue_days == 5 and rows[1].overdue_days is None
    assert [r.title for r in q.goals("achieved", TODAY)] == ["achieved"]
    assert len(q.goals("all", TODAY)) == 5 and len(q.goals("all", TODAY, limit=2, offset=4)) == 1


def test_activity_newest_first_pages_by_key_and_filters(journal: Path) -> None:
    cid = ops.add_contact("Eve", created_on="2026-01-01").id
    for day in range(1, 11):
        ops.log_interaction(cid, kind="email", direction="out" if day % 2 else "in",
                            at=f"2026-03-{day:02d}T09:00", summary=f"mail {day}")
    ops.set_stage(cid, "engaged", on="2026-03-05")
    item = ops.add_content("Guide").id
    ops.record_share(item, [cid], on="2026-03-07")
    everything = q.activity(limit=100)
    assert len(everything) == 12
    keys = [r.key for r in everything]
    assert keys == sorted(keys, reverse=True)
    pages, before = [], None
    while True:
        page = q.activity(limit=5, before=before)
        if not page:
            break
        pages += page
        before = page[-1].key
    assert pages == everything
    assert {r.source for r in q.activity(kind="share")} == {"share"}
    assert [r.summary for r in q.activity(kind="stage")] == ["Stage: lead → engaged"]
    assert {r.direction for r in q.activity(direction="in")} == {"in"}
    assert len(q.activity(direction="out")) == 6  # five e-mails out and the share
    assert q.activity(kind="call") == []
