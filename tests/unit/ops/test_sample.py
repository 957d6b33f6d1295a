"""The sample journal: new file only, deterministic, and every health state occurs in it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dealjournal import domain
from dealjournal.errors import JournalError
from dealjournal.health import rules as health
from dealjournal.health.rules import ContactHealth
from dealjournal.ops.sample import write_demo
from dealjournal.store import close_journal, open_journal

TODAY = date(2026, 11, 22)
TABLES = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "content", "content_topic",
          "goal", "share", "interaction", "stage_change", "setting", "touch_day", "touch_summary")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "sample.sqlite3"
    write_demo(path, today=TODAY)
    return path


@pytest.fixture
def rows(demo_file: Path) -> Iterator[list[ContactHealth]]:
    open_journal(demo_file)
    try:
        yield health.compute(TODAY)
    finally:
        close_journal()


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in TABLES}
    finally:
        conn.close()


def test_leaves_the_journal_closed(demo_file: Path) -> None:
    from dealjournal.store import db

    assert db.is_closed()


def test_size_is_a_believable_sample(demo_file: Path) -> None:
    counts = {table: len(found) for table, found in dump(demo_file).items()}
    assert 40 <= counts["contact"] <= 60
    assert 15 <= counts["content"] <= 25
    assert counts["interaction"] > 500
    assert counts["share"] > 50


def test_every_health_state_occurs(rows: list[ContactHealth]) -> None:
    stale = [h for h in rows if h.stale]
    assert len(stale) >= 3
    assert len({h.overdue_days for h in stale}) >= 3, "stale contacts with various overdue days"
    assert any(h.stale and h.last_touch_on is None for h in rows), "stale with no touch since added"

    giving = [h for h in rows if h.one_sided == "giving"]
    assert any(h.unanswered >= 3 for h in giving)
    assert any(h.unanswered < 3 and h.in_window_in / (h.in_window_in + h.in_window_out) < 0.25 for h in giving)
    taking = [h for h in rows if h.one_sided == "taking"]
    assert any(h.owes_reply for h in taking)
    assert any(not h.owes_reply and h.in_window_out / (h.in_window_in + h.in_window_out) < 0.25 for h in taking)

    healthy = [h for h in rows if not h.stale and h.one_sided is None and h.in_window_in and h.in_window_out]
    assert len(healthy) >= 10
    assert any(h.cadence_days == 0 and h.days_quiet > 100 and not h.stale for h in rows)
    assert any(h.unanswered_shares > 0 for h in rows)
    kinds = {item["kind"] for h in rows for item in h.follow_imbalance}
    assert kinds == {"not_followed_back", "not_following_back"}
    assert any(h.last_touch_on is None and not h.stale for h in rows), "a new contact with no touch yet"
    assert all(h.reasons for h in rows if h.stale or h.one_sided)


def test_has_an_archived_contact_left_out_of_health(demo_file: Path, rows: list[ContactHealth]) -> None:
    conn = sqlite3.connect(demo_file)
    archived = {cid for (cid,) in conn.execute("SELECT id FROM contact WHERE archived = 1")}
    conn.close()
    assert archived
    assert not archived & {h.id for h in rows}


def test_covers_the_vocabulary(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)

    def values(sql: str) -> set[object]:
        return {value for (value,) in conn.execute(sql)}

    try:
        assert values("SELECT stage FROM contact") == set(domain.STAGES)
        assert values("SELECT buying_style FROM contact") == set(domain.BUYING_STYLES)
        assert values("SELECT follows_back FROM channel") == set(domain.FOLLOWS_BACK)
        assert None in values("SELECT following_since FROM channel")
        assert len(values("SELECT network FROM channel")) >= 4
        assert values("SELECT response FROM share") == set(domain.RESPONSES)
        assert values("SELECT status FROM goal") == set(domain.GOAL_STATUSES)
        assert values("SELECT priority FROM goal") == set(domain.PRIORITIES)
        assert values("SELECT origin FROM content") == set(domain.ORIGINS)
        assert len(values("SELECT kind FROM content")) >= 6
        assert values("SELECT direction FROM interaction") == set(domain.DIRECTIONS)
        assert values("SELECT count(*) FROM stage_change WHERE from_stage = 'opportunity' AND to_stage = 'engaged'") != {0}
        names = "".join(str(n) for n in values("SELECT name FROM contact"))
        for letter in ("ë", "é", "Ł", "陈"):
            assert letter in names
        assert any("\u0590" <= ch <= "\u06ff" for ch in names), "a Hebrew or Arabic name"
        t = TODAY.isoformat()
        # overdue goals, and follow-ups due, overdue and done
        assert values(f"SELECT count(*) FROM goal WHERE status = 'open' AND target_on < '{t}'") != {0}
        follow_ups = conn.execute(
            f"""SELECT sum(follow_up_done), sum(NOT follow_up_done AND follow_up_on < '{t}'),
                       sum(NOT follow_up_done AND follow_up_on >= '{t}')
                  FROM interaction WHERE follow_up_on IS NOT NULL""").fetchone()
        assert all(follow_ups), follow_ups
    finally:
        conn.close()


def test_nothing_done_after_today(demo_file: Path) -> None:
    t = TODAY.isoformat()
    conn = sqlite3.connect(demo_file)
    try:
        for sql in ("SELECT max(day) FROM interaction", "SELECT max(on_day) FROM share",
                    "SELECT max(responded_on) FROM share", "SELECT max(on_day) FROM stage_change",
                    "SELECT max(created_on) FROM contact", "SELECT max(following_since) FROM channel",
                    "SELECT max(closed_on) FROM goal"):
            assert conn.execute(sql).fetchone()[0] <= t, sql
        assert conn.execute("SELECT max(day) FROM interaction").fetchone()[0] == t
    finally:
        conn.close()


def test_is_deterministic(tmp_path: Path, demo_file: Path) -> None:
    again = tmp_path / "again.sqlite3"
    write_demo(again, today=TODAY)
    assert dump(again) == dump(demo_file)
    other = tmp_path / "other.sqlite3"
    write_demo(other, today=TODAY, seed=8)
    assert dump(other)["interaction"] != dump(demo_file)["interaction"]


def test_other_seeds_and_days_still_cover_the_states(tmp_path: Path) -> None:
    day = date(2024, 2, 29)
    path = tmp_path / "leap.sqlite3"
    write_demo(path, today=day, seed=123)
    open_journal(path)
    try:
        found = health.compute(day)
    finally:
        close_journal()
    assert {h.one_sided for h in found} == {"giving", "taking", None}
    assert sum(h.stale for h in found) >= 3


def test_refuses_an_existing_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite3"
    path.write_bytes(b"precious")
    with pytest.raises(JournalError, match="already exists"):
        write_demo(path, today=TODAY)
    assert path.read_bytes() == b"precious"


def test_round_trips_through_the_exchange_format(tmp_path: Path, demo_file: Path) -> None:
    from dealjournal import interchange

    open_journal(demo_file)
    try:
        first = interchange.export_document()
        before = [h.to_json() for h in health.compute(TODAY)]
    finally:
        close_journal()
    open_journal(tmp_path / "copy.sqlite3")
    try:
        interchange.import_document(first)
        second = interchange.export_document()
        after = [h.to_json() for h in health.compute(TODAY)]
    finally:
        close_journal()
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first
    assert after == before
