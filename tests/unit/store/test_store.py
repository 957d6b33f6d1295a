"""Opening, creating and upgrading journal files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.errors import StoreError
from dealjournal.store import close_journal, db, default_journal_path, open_journal, schema


def test_new_journal_has_current_schema_and_pragmas(journal: Path) -> None:
    conn = db.connection()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_models_match_the_schema(journal: Path) -> None:
    from dealjournal.store.models import ALL_MODELS

    conn = db.connection()
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, table


def test_health_queries_use_indexes(journal: Path) -> None:
    conn = db.connection()
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT contact_id, sum(n_in) FROM touch_day WHERE day BETWEEN '2026-01-01' AND '2026-06-01' GROUP BY contact_id"))
    assert "touch_day_day" in plan or "PRIMARY KEY" in plan
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT contact_id, count(*) FROM share WHERE on_day BETWEEN '2026-01-01' AND '2026-06-01' GROUP BY contact_id"))
    assert "share_day" in plan


def test_newer_journal_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    db.connection().execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    close_journal()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Deal Journal"):
        open_journal(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"hello, this is a text file\n" * 10, b"\x00\x01\x02" * 100])
def test_non_journal_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a Deal Journal file"):
        open_journal(path)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Deal Journal file"):
        open_journal(path)


def test_missing_journal_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="There is no journal"):
        open_journal(tmp_path / "nope.sqlite3", create=False)
    assert not (tmp_path / "nope.sqlite3").exists()


def test_default_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALJOURNAL_DB", str(tmp_path / "x.sqlite3"))
    assert default_journal_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv("DEALJOURNAL_DB")
    assert default_journal_path().name == "journal.sqlite3"
    assert "dealjournal" in default_journal_path().parts


def _add_step(monkeypatch: pytest.MonkeyPatch, step) -> None:  # type: ignore[no-untyped-def]
    steps = [*schema.STEPS, (schema.SCHEMA_VERSION + 1, step)]
    monkeypatch.setattr(schema, "STEPS", steps)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", steps[-1][0])


def test_upgrade_keeps_a_copy_and_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    ops.add_contact("Ada Byron")
    close_journal()

    def step(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contact ADD COLUMN nickname TEXT")

    old_version = schema.SCHEMA_VERSION
    _add_step(monkeypatch, step)
    open_journal(path)
    assert db.connection().execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert db.connection().execute("SELECT name, nickname FROM contact").fetchall() == [("Ada Byron", None)]
    close_journal()
    copies = list(tmp_path.glob(f"j.sqlite3.before-upgrade-v{old_version}-*"))
    assert len(copies) == 1
    old = sqlite3.connect(copies[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert old.execute("SELECT name FROM contact").fetchall() == [("Ada Byron",)]
    old.close()


def test_failed_upgrade_step_leaves_the_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(path)
    ops.add_contact("Ada Byron")
    close_journal()

    def step(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contact ADD COLUMN nickname TEXT")
        conn.execute("UPDATE contact SET nickname = 'x'")
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    old_version = schema.SCHEMA_VERSION
    _add_step(monkeypatch, step)
    with pytest.raises(StoreError):
        open_journal(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert [r[1] for r in conn.execute("PRAGMA table_info(contact)")].count("nickname") == 0
    conn.close()


FIXTURES = Path(__file__).parent / "fixtures" / "journals"


def _schema_of(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return sorted(conn.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master").fetchall())


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_every_old_version_upgrades_to_a_fresh_schema_with_its_data(tmp_path: Path, version: int) -> None:
    fixture = FIXTURES / f"v{version}.sqlite3"
    path = tmp_path / "old.sqlite3"
    path.write_bytes(fixture.read_bytes())
    old = sqlite3.connect(path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    counts = {t: old.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("contact", "interaction", "share")}
    old.close()
    assert all(counts.values())

    open_journal(tmp_path / "fresh.sqlite3")
    fresh = _schema_of(db.connection())
    close_journal()
    open_journal(path)
    conn = db.connection()
    assert _schema_of(conn) == fresh
    assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts} == counts
    from dealjournal.safety import check

    assert check.problems() == []
    close_journal()


def test_fixture_for_every_old_version_exists() -> None:
    assert sorted(p.name for p in FIXTURES.glob("v*.sqlite3")) == sorted(
        f"v{v}.sqlite3" for v in range(1, schema.SCHEMA_VERSION))


def test_version_4_recomputes_the_touch_summary_by_the_moments_of_touches(tmp_path: Path) -> None:
    """Health rules revision 2: version 3's summary (by the day alone) is redone from the times of that day."""
    path = tmp_path / "old.sqlite3"
    path.write_bytes((FIXTURES / "v3.sqlite3").read_bytes())
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("INSERT INTO contact (id, name, created_on) VALUES (3, 'Called first', '2026-01-01'),"
                " (4, 'Replied after', '2026-01-01')")
    old.execute("INSERT INTO interaction (contact_id, at, day, kind, direction) VALUES"
                " (3, '2026-03-02T10:00', '2026-03-02', 'call', 'out'),"
                " (3, '2026-03-02T15:00', '2026-03-02', 'email', 'in'),"
                " (4, '2026-03-02T10:00', '2026-03-02', 'email', 'in'),"
                " (4, '2026-03-02T15:00:00', '2026-03-02', 'call', 'out')")
    old.execute("INSERT INTO touch_day VALUES (3, '2026-03-02', 1, 1), (4, '2026-03-02', 1, 1)")
    # What version 3 wrote: nothing unanswered for either (an outbound touch on the last inbound day).
    old.execute("INSERT INTO touch_summary VALUES (3, '2026-03-02', '2026-03-02', 0, '2026-03-02'),"
                " (4, '2026-03-02', '2026-03-02', 0, '2026-03-02')")
    old.close()

    open_journal(path)
    conn = db.connection()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    summary = conn.execute(
        "SELECT contact_id, unanswered, last_in_answered FROM touch_summary ORDER BY contact_id").fetchall()
    # 1: last inbound (a share's response) on a later day than any outbound; 2: no inbound, one outbound;
    # 3: her 15:00 mail came after the 10:00 call; 4: the 15:00 call answered the 10:00 mail and waits itself.
    assert summary == [(1, 0, 0), (2, 1, 0), (3, 0, 0), (4, 1, 1)]
    from dealjournal.safety import check

    assert check.problems() == []  # the same figures as the engine's own recomputation
    close_journal()
