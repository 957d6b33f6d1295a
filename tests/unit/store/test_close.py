"""Closing a journal after writes keeps the planner's statistics current (``PRAGMA optimize``);
after a session that committed nothing — read only, or every write rolled back — the file is
byte for byte as it was (a failed import must leave the journal exactly as it found it)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.store import close_journal, db, open_journal
from dealjournal.store.db import changed_since_backup, set_backed_up


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    open_journal(path)
    for i in range(30):
        ops.add_contact(name=f"Person {i}", company=f"Firm {i % 3}")
    set_backed_up(True)
    close_journal()
    open_journal(path)  # the statistics that a close after writes leaves
    close_journal()
    return path


def _optimized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    ran: list[str] = []
    real = db.execute_sql

    def execute_sql(sql: str, *args: object, **kwargs: object) -> object:
        if "optimize" in sql.lower():
            ran.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", execute_sql)
    return ran


def test_a_rolled_back_write_leaves_the_file_as_it_was(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _digest(journal)
    ran = _optimized(monkeypatch)
    open_journal(journal)
    with pytest.raises(RuntimeError), db.atomic():
        for i in range(50):
            ops.add_contact(name=f"Rolled back {i}")
        raise RuntimeError("the import failed")
    set_backed_up(True)  # the bookkeeping after a backup that found nothing new
    assert not changed_since_backup()
    close_journal()
    assert ran == []
    assert _digest(journal) == before


def test_a_read_only_session_leaves_the_file_as_it_was(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _digest(journal)
    ran = _optimized(monkeypatch)
    open_journal(journal)
    assert len(db.execute_sql("SELECT * FROM contact").fetchall()) == 30
    close_journal()
    assert ran == []
    assert _digest(journal) == before


def test_a_committed_write_is_followed_by_optimize(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _optimized(monkeypatch)
    open_journal(journal)
    with pytest.raises(RuntimeError), db.atomic():
        ops.add_contact(name="Rolled back")
        raise RuntimeError("failed")
    ops.add_contact(name="Kept")
    close_journal()
    assert ran == ["PRAGMA optimize"]


def test_an_autocommit_statement_counts_as_a_write(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ran = _optimized(monkeypatch)
    open_journal(journal)
    db.connection().execute("UPDATE contact SET company = 'Elsewhere' WHERE id = 1")
    close_journal()
    assert ran == ["PRAGMA optimize"]
