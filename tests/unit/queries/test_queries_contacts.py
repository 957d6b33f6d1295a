"""The contact list's SQL: search, filters, sorting and paging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dealjournal import ops
from dealjournal.health import state as health_state
from dealjournal.queries import contacts as q
from dealjournal.queries.contacts import ContactFilter

T = date(2026, 11, 22)


def names(rows: list[q.ContactRow]) -> list[str]:
    return [r.name for r in rows]


def build() -> dict[str, int]:
    ids = {
        "ada": ops.add_contact("Ada Byron", company="Analytical Ltd", tags=["fintech"], created_on="2026-01-01").id,
        "zoe": ops.add_contact("Zoë Ångström", company="Nordic AB", notes="met at Web Summit", stage="customer",
                               created_on="2026-11-20").id,
        "bob": ops.add_contact("bob marley", company=None, tags=["music", "fintech"], stage="engaged",
                               created_on="2026-11-01").id,
        "old": ops.add_contact("Archived Alice", created_on="2026-01-01").id,
    }
    ops.archive_contact(ids["old"])
    for d in ("2026-11-10", "2026-11-12", "2026-11-14"):
        ops.log_interaction(ids["bob"], kind="email", direction="out", at=d)
    health_state.rebuild(T)
    return {k: v for k, v in ids.items() if v is not None}


def test_search_prefix_diacritics_notes_and_tags(journal: Path) -> None:
    build()
    assert names(q.page(ContactFilter(text="zo"))) == ["Zoë Ångström"]
    assert names(q.page(ContactFilter(text="angs"))) == ["Zoë Ångström"]
    assert names(q.page(ContactFilter(text="summit"))) == ["Zoë Ångström"]
    assert names(q.page(ContactFilter(text="fintech"))) == ["Ada Byron", "bob marley"]
    assert names(q.page(ContactFilter(text="ada analyt"))) == ["Ada Byron"]
    assert q.count(ContactFilter(text='" OR * NEAR(')) == 0  # FTS syntax typed by the user is just words
    assert q.page(ContactFilter(text="?!")) == q.page(ContactFilter())
    assert names(q.page(ContactFilter(text="alice"))) == []
    assert names(q.page(ContactFilter(text="alice", archived=True))) == ["Archived Alice"]


def test_filters(journal: Path) -> None:
    build()
    assert names(q.page(ContactFilter(stage="customer"))) == ["Zoë Ångström"]
    assert names(q.page(ContactFilter(tag="fintech"))) == ["Ada Byron", "bob marley"]
    assert names(q.page(ContactFilter(health="stale"))) == ["Ada Byron"]
    assert names(q.page(ContactFilter(health="giving"))) == ["bob marley"]
    assert names(q.page(ContactFilter(health="healthy"))) == ["Zoë Ångström"]
    assert q.count(ContactFilter(health="needs_attention")) == 2
    assert q.tags() == ["fintech", "music"]


def test_sorting_and_paging(journal: Path) -> None:
    build()
    assert names(q.page(ContactFilter(), "name")) == ["Ada Byron", "bob marley", "Zoë Ångström"]
    assert names(q.page(ContactFilter(), "name", descending=True)) == ["Zoë Ångström", "bob marley", "Ada Byron"]
    assert names(q.page(ContactFilter(), "company")) == ["bob marley", "Ada Byron", "Zoë Ångström"]
    assert names(q.page(ContactFilter(), "stage")) == ["Ada Byron", "bob marley", "Zoë Ångström"]
    assert names(q.page(ContactFilter(), "days_quiet")) == ["Zoë Ångström", "bob marley", "Ada Byron"]
    assert names(q.page(ContactFilter(), "health", descending=True))[0] == "Ada Byron"
    assert names(q.page(ContactFilter(), "name", offset=1, limit=1)) == ["bob marley"]
    row = q.page(ContactFilter(text="bob"))[0]
    assert row.health_text == "one-sided (you)" and row.reasons == ("3 messages in a row without reply",)
    assert q.page(ContactFilter(text="ada"))[0].health_text.startswith("stale +")


def test_health_words_name_the_first_problem(journal: Path) -> None:
    a = ops.add_contact("Ada", created_on="2026-11-10").id
    b = ops.add_contact("Bea", created_on="2026-11-10").id
    ops.log_interaction(a, kind="call", direction="mutual", at="2026-11-21")
    ops.log_interaction(b, kind="call", direction="mutual", at="2026-11-21")
    item = ops.add_content("Guide").id
    ops.record_share(item, [a], on="2026-11-15")  # a week before T: unanswered (DOMAIN.md revision 2)
    ops.add_channel(b, "x", follows_back="yes")
    health_state.rebuild(T)
    words = {r.name: r.health_text for r in q.page(ContactFilter())}
    assert words == {"Ada": "unanswered share", "Bea": "follow imbalance"}


def test_search_finds_what_was_said(journal: Path) -> None:
    ada = ops.add_contact("Ada Byron").id
    grace = ops.add_contact("Grace Hopper").id
    ops.add_contact("Archie Archived", notes="")
    entry = ops.log_interaction(ada, kind="call", direction="out", summary="Discussed the Lisbon offsite",
                                details="Budget is tight").id
    content = ops.add_content("Closing the books faster").id
    ops.record_share(content, [grace], note="You asked about the quarterly close")
    assert [r.id for r in q.page(q.ContactFilter(text="lisb"))] == [ada]
    assert [r.id for r in q.page(q.ContactFilter(text="budget"))] == [ada]
    assert [r.id for r in q.page(q.ContactFilter(text="quarter"))] == [grace]
    assert q.count(q.ContactFilter(text="quarter")) == 1
    assert q.count(q.ContactFilter(text="lisbon", stage="lead")) == 1
    ops.edit_interaction(entry, summary="Call about pricing", details="")
    assert q.count(q.ContactFilter(text="lisbon")) == 0  # the index follows edits
    assert [r.id for r in q.page(q.ContactFilter(text="pricing"))] == [ada]
    ops.delete_interaction(entry)
    assert q.count(q.ContactFilter(text="pricing")) == 0
    ops.archive_contact(grace)
    assert q.count(q.ContactFilter(text="quarter")) == 0
    assert q.count(q.ContactFilter(text="quarter", archived=True)) == 1
